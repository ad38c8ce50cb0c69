"""The lineage graph written out: GraphML, networkx node-link JSON, Graphviz dot and Mermaid."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from extractor.archive.lineage.model import label

FORMATS = ("graphml", "json", "dot", "mermaid")


def export(g: nx.MultiDiGraph, fmt: str) -> str:
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(g)) + "\n"
    if fmt == "json":
        return json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=1) + "\n"
    if fmt == "dot":
        return _dot(g)
    if fmt == "mermaid":
        return _mermaid(g)
    raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")


def node_caption(attrs: dict[str, Any]) -> str:
    """'Kế hoạch 12/KH-UBND · Ủy ban nhân dân huyện X · 2020-05-05' (what a person recognises)."""
    parts = [attrs.get("label") or label(attrs.get("doc_type"), attrs.get("number"))]
    parts += [attrs[k] for k in ("issuer", "issued_date") if attrs.get(k)]
    return " · ".join(str(p) for p in parts)


def _edge_caption(attrs: dict[str, Any]) -> str:
    kind = str(attrs.get("kind", ""))
    return kind if attrs.get("candidates", 1) == 1 else f"{kind}? {attrs.get('confidence', 0):.2f}"


def _dot_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot(g: nx.MultiDiGraph) -> str:
    lines = ["digraph planex {", "  rankdir=BT;", "  node [shape=box];"]
    for n, attrs in g.nodes(data=True):
        style = ", style=dashed" if attrs.get("kind") == "external" else ""
        lines.append(f"  {_dot_quote(n)} [label={_dot_quote(node_caption(attrs))}{style}];")
    for u, v, attrs in g.edges(data=True):
        style = ", style=dashed" if attrs.get("candidates", 1) > 1 else ""
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(_edge_caption(attrs))}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(s: str) -> str:
    return s.replace('"', "#quot;")


def _mermaid(g: nx.MultiDiGraph) -> str:
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    lines = ["flowchart BT"]
    for n, attrs in g.nodes(data=True):
        text = _mermaid_text(node_caption(attrs))
        lines.append(f'  {ids[n]}["{text}"]' if attrs.get("kind") != "external" else f'  {ids[n]}(["{text}"])')
    for u, v, attrs in g.edges(data=True):
        arrow = "-.->" if attrs.get("candidates", 1) > 1 else "-->"
        lines.append(f"  {ids[u]} {arrow}|{_mermaid_text(_edge_caption(attrs))}| {ids[v]}")
    return "\n".join(lines) + "\n"
