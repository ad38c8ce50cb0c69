// The archive clustered by issuer: node size by documents, edge width by how many references it bundles.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("cluster-data").textContent);
  const colours = { basis: "#0b57d0", cites: "#7a7a7a", issues: "#188038", forwards: "#b06000" };
  const elements = data.nodes.map((n) => ({ data: {
    id: n.id, label: n.id + (n.documents ? " (" + n.documents + ")" : ""),
    size: 24 + 8 * Math.sqrt(n.documents), external: n.documents ? 0 : 1 } }));
  data.edges.forEach((e, i) => elements.push({ data: {
    id: "e" + i, source: e.source, target: e.target, label: String(e.count),
    width: 1 + Math.log2(1 + e.count), colour: colours[e.kind] || "#444" } }));
  window.planexGraph = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: { name: "cose", animate: false, nodeRepulsion: 400000, idealEdgeLength: 160, padding: 40 },
    maxZoom: 1.2,
    minZoom: 0.05,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "font-size": 10, "text-wrap": "wrap", "text-max-width": 140, "min-zoomed-font-size": 6, "background-color": "#8ab4f8" } },
      { selector: "node[external = 1]", style: { "background-color": "#eee", "border-width": 1,
        "border-style": "dashed", "border-color": "#888" } },
      { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": "data(width)",
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "label": "data(label)", "font-size": 9 } },
    ],
  });
})();
