// Lineage view: the ancestors and descendants of one document as a graph (Cytoscape.js, vendored).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("lineage-data").textContent);
  const colours = { basis: "#0b57d0", cites: "#7a7a7a", issues: "#188038", forwards: "#b06000" };
  const elements = [];
  data.nodes.forEach((n) => elements.push({ data: {
    id: n.id, label: (n.label || n.id) + (n.issuer ? "\n" + n.issuer : "") + (n.issued_date ? "\n" + n.issued_date : ""),
    kind: n.kind, ambiguous: n.ambiguous ? 1 : 0, root: n.id === data.root ? 1 : 0,
    href: n.document_ids && n.document_ids.length ? "../" + n.document_ids[0] : "" } }));
  data.edges.forEach((e, i) => elements.push({ data: {
    id: "e" + i, source: e.source, target: e.target, kind: e.kind, colour: colours[e.kind] || "#444",
    dashed: (e.candidates || 1) > 1 ? 1 : 0 } }));
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: { name: "breadthfirst", directed: true, roots: "[root = 1]", spacingFactor: 1.1, padding: 20 },
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "shape": "round-rectangle", "label": "data(label)", "text-wrap": "wrap",
        "text-max-width": 180, "font-size": 10, "text-valign": "center", "width": 190, "height": 58,
        "background-color": "#e8f0fe", "border-width": 1, "border-color": "#4a6fa5" } },
      { selector: "node[kind = 'external']", style: { "background-color": "#f5f5f5", "border-style": "dashed" } },
      { selector: "node[ambiguous = 1]", style: { "border-color": "#e37400", "border-width": 3 } },
      { selector: "node[root = 1]", style: { "background-color": "#fde293", "border-width": 2 } },
      { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2,
        "line-color": "data(colour)", "target-arrow-color": "data(colour)" } },
      { selector: "edge[dashed = 1]", style: { "line-style": "dashed" } },
    ],
  });
  cy.on("tap", "node", (ev) => {
    const href = ev.target.data("href");
    if (href && ev.target.data("root") !== 1) window.location.href = href + "/lineage";
  });
  window.planexGraph = cy;
})();
