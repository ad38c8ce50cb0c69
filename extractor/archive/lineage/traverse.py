"""Walking the lineage graph: a document's parents and children, and the nodes a number names."""

from __future__ import annotations

from typing import Any

import networkx as nx

from extractor.extraction.identity import issuer_key, number_key

# Which way "up" (towards what a document implements) runs for each edge kind: a basis/cites edge
# points at the parent; a forwarding letter or issuing decision points at the plan it carries, so
# the letter/decision is the plan's parent.
LINEAGE_KINDS = frozenset({"basis", "forwards", "issues"})
POINTS_UP = frozenset({"basis", "cites"})
Neighbour = tuple[str, dict[str, Any]]


def parents(g: nx.MultiDiGraph, n: str, kinds: frozenset[str] = LINEAGE_KINDS) -> list[Neighbour]:
    """What the document implements (basis), and the letter/decision that carries it."""
    up = [(v, d) for _, v, d in g.out_edges(n, data=True) if d["kind"] in kinds & POINTS_UP]
    return up + [(u, d) for u, _, d in g.in_edges(n, data=True) if d["kind"] in kinds - POINTS_UP]


def children(g: nx.MultiDiGraph, n: str, kinds: frozenset[str] = LINEAGE_KINDS) -> list[Neighbour]:
    """The documents that implement it, and the plan a letter/decision carries."""
    down = [(u, d) for u, _, d in g.in_edges(n, data=True) if d["kind"] in kinds & POINTS_UP]
    return down + [(v, d) for _, v, d in g.out_edges(n, data=True) if d["kind"] in kinds - POINTS_UP]


def find(g: nx.MultiDiGraph, number: str, issuer: str | None = None, year: int | None = None) -> list[str]:
    """Nodes with this number (archived first); narrowed by issuer words and year when given."""
    want = number_key(number)
    folded = issuer_key(issuer) if issuer else None
    found = []
    for n, attrs in g.nodes(data=True):
        if not attrs.get("number") or number_key(str(attrs["number"])) != want:
            continue
        if year and attrs.get("year") != year:
            continue
        if folded and folded not in (issuer_key(attrs.get("issuer")) or ""):
            continue
        found.append(n)
    return sorted(found, key=lambda n: (g.nodes[n].get("kind") != "document", str(g.nodes[n].get("issued_date"))))


def restrict(g: nx.MultiDiGraph, keep: set[str]) -> nx.MultiDiGraph:
    """A copy of the graph on `keep` only, its nodes and edges in the graph's own order (g.subgraph iterates
    its node set, whose order changes from run to run with string hashing)."""
    view = nx.subgraph_view(g, filter_node=lambda n: n in keep)
    copied: nx.MultiDiGraph = view.copy()
    return copied
