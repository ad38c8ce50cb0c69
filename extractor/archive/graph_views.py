"""Readable pictures of the lineage graph: one document's neighbourhood (as data, SVG or a page) and the whole
archive clustered by issuer.

Edges keep their stored direction: basis and cites run child → parent; issues and forwards run from the
decision or letter to the plan it carries (so the carrier is the plan's parent in the lineage).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from html import escape
from typing import Any

import networkx as nx

from extractor.archive.lineage.traverse import POINTS_UP, children, parents

# Edge colours by kind, shared by the SVG and the pages' legend.
KIND_COLOURS = {"basis": "#0b57d0", "cites": "#7a7a7a", "issues": "#188038", "forwards": "#b06000"}


def neighbourhood(g: nx.MultiDiGraph, node: str, depth: int, kinds: frozenset[str],
                  documents: dict[str, list[int]] | None = None) -> dict[str, Any]:
    """Ancestors and descendants of `node` up to `depth` steps: {"root", "nodes", "edges"} with stored directions."""
    documents = documents or {}
    seen = {node}
    level = {node: 0}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for step, sign in ((parents, -1), (children, 1)):
        frontier = [node]
        for d in range(1, depth + 1):
            nxt = []
            for n in frontier:
                for other, attrs in step(g, n, kinds):
                    up = sign < 0
                    source, target = (n, other) if up == (attrs["kind"] in POINTS_UP) else (other, n)
                    edges.setdefault((source, target, attrs["kind"]), {"source": source, "target": target, **attrs})
                    if other not in seen:
                        seen.add(other)
                        level[other] = sign * d
                        nxt.append(other)
            frontier = nxt
    ambiguous = {e["target"] for e in edges.values() if e.get("candidates", 1) > 1}
    nodes = [{"id": n, **g.nodes[n], "level": level[n], "ambiguous": n in ambiguous,
              "document_ids": documents.get(n, [])} for n in sorted(seen)]
    return {"root": node, "nodes": nodes, "edges": list(edges.values())}


# --- SVG ------------------------------------------------------------------------------------------

_BOX_W, _BOX_H, _GAP_X, _GAP_Y, _MARGIN = 250, 58, 30, 70, 20


def _lines(n: dict[str, Any]) -> list[str]:
    issuer = str(n.get("issuer") or "cơ quan chưa rõ")
    return [str(n.get("label") or n["id"]), issuer if len(issuer) <= 40 else issuer[:39] + "…",
            str(n.get("issued_date") or "")]


def svg(view: dict[str, Any]) -> str:
    """A layered picture: ancestors above the document, descendants below, one row per step."""
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for n in sorted(view["nodes"], key=lambda n: (n["level"], str(n.get("issuer")), str(n.get("label")))):
        rows[n["level"]].append(n)
    width = max(len(r) for r in rows.values()) * (_BOX_W + _GAP_X) - _GAP_X + 2 * _MARGIN
    levels = sorted(rows)
    height = len(levels) * (_BOX_H + _GAP_Y) - _GAP_Y + 2 * _MARGIN
    where: dict[str, tuple[float, float]] = {}
    parts = []
    for y_index, lv in enumerate(levels):
        row = rows[lv]
        offset = (width - (len(row) * (_BOX_W + _GAP_X) - _GAP_X)) / 2
        for x_index, n in enumerate(row):
            x, y = offset + x_index * (_BOX_W + _GAP_X), _MARGIN + y_index * (_BOX_H + _GAP_Y)
            where[n["id"]] = (x, y)
            fill = "#fde293" if n["id"] == view["root"] else "#f5f5f5" if n.get("kind") == "external" else "#e8f0fe"
            dash = ' stroke-dasharray="5,3"' if n.get("kind") == "external" else ""
            stroke = "#e37400" if n.get("ambiguous") else "#4a6fa5"
            text = "".join(f'<tspan x="{x + _BOX_W / 2:.0f}" dy="{15 if i else 17}">{escape(t)}</tspan>'
                           for i, t in enumerate(_lines(n)))
            parts.append(f'<g><rect x="{x:.0f}" y="{y:.0f}" width="{_BOX_W}" height="{_BOX_H}" rx="6" fill="{fill}"'
                         f' stroke="{stroke}"{dash}/><text y="{y:.0f}" text-anchor="middle">{text}</text></g>')
    arrows = []
    for e in view["edges"]:
        (x1, y1), (x2, y2) = where[e["source"]], where[e["target"]]
        down = y2 > y1
        ya, yb = (y1 + _BOX_H, y2) if down else (y1, y2 + _BOX_H)
        dash = ' stroke-dasharray="6,4"' if e.get("candidates", 1) > 1 else ""
        colour = KIND_COLOURS.get(e["kind"], "#444")
        arrows.append(f'<line x1="{x1 + _BOX_W / 2:.0f}" y1="{ya:.0f}" x2="{x2 + _BOX_W / 2:.0f}" y2="{yb:.0f}"'
                      f' stroke="{colour}" stroke-width="2"{dash} marker-end="url(#arrow-{e["kind"]})"/>')
    markers = "".join(f'<marker id="arrow-{k}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"'
                      f' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
                      for k, c in KIND_COLOURS.items())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}"'
            f' font-family="DejaVu Sans, sans-serif" font-size="11"><defs>{markers}</defs>'
            + "".join(arrows) + "".join(parts) + "</svg>\n")


# --- the whole archive, clustered by issuer -------------------------------------------------------


def issuer_clusters(g: nx.MultiDiGraph) -> dict[str, Any]:
    """One node per issuer (with its document count), one edge per (issuer, issuer, kind) with its count."""
    group = {n: str(a.get("issuer") or "cơ quan chưa rõ") for n, a in g.nodes(data=True)}
    sizes = Counter(group[n] for n, a in g.nodes(data=True) if a.get("kind") == "document")
    external = Counter(group[n] for n, a in g.nodes(data=True) if a.get("kind") == "external")
    counts: Counter[tuple[str, str, str]] = Counter(
        (group[u], group[v], d["kind"]) for u, v, d in g.edges(data=True) if group[u] != group[v])
    names = sorted(set(sizes) | set(external))
    return {
        "nodes": [{"id": name, "documents": sizes.get(name, 0), "external": external.get(name, 0)} for name in names],
        "edges": [{"source": s, "target": t, "kind": k, "count": c} for (s, t, k), c in sorted(counts.items())],
    }


def clusters_json(g: nx.MultiDiGraph) -> str:
    return json.dumps(issuer_clusters(g), ensure_ascii=False).replace("</", "<\\/")
