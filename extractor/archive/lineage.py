"""Plan lineage: which archived document each reference names, and the graph.

Who a document is comes from `extractor.archive.identity` (canonical issuer, year, number; the node id is
'doc:' or 'ext:' + that key). A reference is linked to the archived document with its key; one naming
a document outside the archive becomes an *external* node, shared by every reference to it (one named
without its year or issuer joins the one named in full). A reference whose issuer is unresolved
("của UBND huyện") and that several archived documents could answer keeps all of them, each with a
confidence. A plan issued with a decision and lacking its own date or number is keyed by the decision.

Edges point from the document whose text produced them: basis/cites to what it names (child -> parent),
forwards (a Công văn) and issues (a Quyết định) to the document it carries.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import regex as re

from extractor.archive.identity import (
    Key,
    attached_number,
    document_key,
    identity_issuer,
    issuer_key,
    locality,
    number_key,
    organ_codes,
    symbol_issuer,
    symbol_names,
    year_of,
)
from extractor.archive.lineage_schema import GRAPH_INFO
from extractor.extraction.orgs import expand
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import FORWARDING_TYPES, ISSUING_TYPE
from extractor.extraction.vocab.organs import AGENCY_KINDS, CANONICAL_PHRASES, LOCAL_BODIES, UNIT_WORDS

__all__ = ["Key", "document_key", "identity_issuer", "issuer_key", "locality", "number_key", "year_of"]

EdgeKind = str  # "basis" | "cites" | "forwards" | "issues"
EDGE_KINDS = ("basis", "cites", "forwards", "issues")
FORMATS = ("graphml", "json", "dot", "mermaid")

# An issuer ending in a bare unit word ("Ủy ban nhân dân huyện") names no particular body.
_BARE_UNIT_END = re.compile(r"(?i)(?<!\p{L})(?:" + alternation(UNIT_WORDS, space=" ") + r")$")
# Local bodies exist in every province/district: with nothing after them they are unresolved.
_DEPARTMENTS = alternation(CANONICAL_PHRASES)
# (Every agency kind but "Văn phòng": "Văn phòng Ủy ban nhân dân" has been read as resolved.)
_LOCAL_AGENCIES = alternation((k for k in AGENCY_KINDS if k != "Văn phòng"), space=" ")
_LOCAL_HEAD_ONLY = re.compile(
    rf"(?i)^(?:{alternation(LOCAL_BODIES, space=' ')}|(?:{_LOCAL_AGENCIES})\s+(?:{_DEPARTMENTS}))$"
)
# Confidence of a lone candidate, by how well the reference's issuer and date match it.
CONFIDENCE_EXACT = 1.0  # same issuer, same year
CONFIDENCE_EXACT_NO_YEAR = 0.9  # same issuer, one side has no year
CONFIDENCE_PARTIAL_DATED = 0.8  # issuer unresolved or missing, same full date
CONFIDENCE_PARTIAL = 0.6  # issuer unresolved or missing, number (and year) only
# Among several candidates, one with the reference's exact date weighs this much more, and one in the
# citing document's own locality (its district's plan, not a namesake's elsewhere) this much more.
DATE_MATCH_WEIGHT = 2.0
LOCALITY_WEIGHT = 3.0


# --- resolution -----------------------------------------------------------------------------------


def issuer_unresolved(name: str | None) -> bool:
    """No issuer, or one that could be any of many bodies ('Ủy ban nhân dân huyện')."""
    if not name:
        return True
    s = " ".join(expand(name).split())
    return bool(_BARE_UNIT_END.search(s) or _LOCAL_HEAD_ONLY.match(s))


@dataclass
class Node:
    id: str
    kind: str  # "document" | "external"
    key: Key | None
    doc_type: str | None = None
    number: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    title: str | None = None
    documents: list[int] = field(default_factory=list)
    name_key: str | None = None  # the issuer's own name, folded (without the parent's locality)

    @property
    def place(self) -> str | None:
        return locality(self.key.issuer) if self.key else None

    def attrs(self) -> dict[str, Any]:
        """Node attributes for the graph (no None: GraphML has no null)."""
        data = {"kind": self.kind, "doc_type": self.doc_type, "number": self.number,
                "issued_date": self.issued_date, "year": self.key.year if self.key else None,
                "issuer": self.issuer, "title": self.title, "label": label(self.doc_type, self.number)}
        return {k: v for k, v in data.items() if v is not None}


@dataclass(frozen=True)
class RefInfo:
    """What a reference says about the document it names."""

    doc_type: str | None
    number: str
    date: str | None
    issuer: str | None


@dataclass(frozen=True)
class Match:
    node: str
    confidence: float
    candidates: int  # how many archived documents could be meant (1 = resolved)


def label(doc_type: str | None, number: str | None) -> str:
    return " ".join(p for p in (doc_type, number) if p) or "(no number)"


def _issuer_fit(ref_issuer: str | None, ref_unresolved: bool, node: Node) -> str | None:
    """'exact', 'partial' (one side is a prefix of the other, or unknown) or None (another issuer)."""
    node_issuer = node.name_key
    if ref_issuer is None or node_issuer is None:
        return "partial"
    if ref_issuer in (node_issuer, node.key.issuer if node.key else None):
        return "exact"
    shorter, longer = sorted((ref_issuer, node_issuer), key=len)
    # An unresolved reference, or an archived header that lacks its locality: the longer name fits.
    if longer.startswith(shorter + " ") and (ref_unresolved or longer == ref_issuer):
        return "partial"
    return None


class Resolver:
    """Archived documents indexed by number; references resolved against them."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.by_number: dict[str, list[Node]] = defaultdict(list)
        for node in nodes:
            if node.key is not None:
                self.by_number[node.key.number].append(node)

    def resolve(self, ref: RefInfo, context: str = "") -> list[Match]:
        """Archived candidates for a reference, best first; empty when none fits.

        `context` is the citing document's issuer and parent, folded: a candidate in its locality
        weighs more when several fit.
        """
        key = document_key(ref.issuer, ref.date, ref.number)
        unresolved = symbol_issuer(ref.number) is None and issuer_unresolved(ref.issuer)
        fits: list[tuple[Node, str]] = []
        for node in self.by_number.get(key.number, []):
            assert node.key is not None
            if key.year and node.key.year and key.year != node.key.year:
                continue
            fit = _issuer_fit(key.issuer, unresolved, node)
            if fit:
                fits.append((node, fit))
        exact = [(n, f) for n, f in fits if f == "exact"]
        if exact and not unresolved:
            fits = exact
        if len(fits) == 1:
            node, fit = fits[0]
            return [Match(node.id, _lone_confidence(fit, key, node, ref.date), 1)]
        weights = [(DATE_MATCH_WEIGHT if _same_day(ref.date, n.issued_date) else 1.0)
                   * (LOCALITY_WEIGHT if n.place and n.place in context else 1.0) for n, _ in fits]
        total = sum(weights)
        ranked = sorted(zip(fits, weights, strict=True), key=lambda fw: -fw[1])
        return [Match(n.id, round(w / total, 2), len(fits)) for (n, _), w in ranked]


def _same_day(a: str | None, b: str | None) -> bool:
    return bool(a and b and len(a) == len(b) == 10 and a == b)


def _lone_confidence(fit: str, key: Key, node: Node, date: str | None) -> float:
    assert node.key is not None
    if fit == "exact":
        return CONFIDENCE_EXACT if key.year and node.key.year else CONFIDENCE_EXACT_NO_YEAR
    return CONFIDENCE_PARTIAL_DATED if _same_day(date, node.issued_date) else CONFIDENCE_PARTIAL


def external_node(ref: RefInfo) -> Node:
    """The node of a document outside the archive, built from what the reference says."""
    key = document_key(ref.issuer, ref.date, ref.number)
    return Node(id=f"ext:{key.text()}", kind="external", key=key, doc_type=ref.doc_type, number=ref.number,
                issued_date=ref.date, issuer=ref.issuer or symbol_issuer(ref.number))


# --- building the graph from the store ------------------------------------------------------------


@dataclass
class Edge:
    source: str
    target: str
    kind: EdgeKind
    document_id: int
    ref_id: int | None
    confidence: float
    candidates: int
    span_start: int | None
    span_end: int | None
    span_raw: str | None


@dataclass
class Lineage:
    nodes: dict[str, Node]
    edges: list[Edge]


@dataclass
class _Archived:
    nodes: dict[str, Node]
    node_of: dict[int, str]  # document id -> node id
    context: dict[int, str]  # document id -> its issuer and parent, folded


@dataclass(frozen=True)
class _Carrier:
    """The decision a plan was issued with, as far as the archive says."""

    number: str
    date: str | None
    issuer: str | None
    parent: str | None
    ref_id: int | None  # the plan's "(Ban hành kèm theo Quyết định số …)" reference, when that names it


def _carriers(conn: sqlite3.Connection) -> dict[int, _Carrier]:
    """Plans without a number or date of their own, issued with a decision: the decision's facts.

    The decision is the one before the plan in its file (an "issues" link), else the one its
    "(Ban hành kèm theo Quyết định số …)" line names (the record's `evidence.issued_with` span).
    """
    found: dict[int, _Carrier] = {}
    links = conn.execute(
        "SELECT l.target_document_id, d.number, d.issued_date, d.issuer, d.issuer_parent FROM links l"
        " JOIN documents d ON d.id = l.document_id WHERE l.kind = 'issues' AND d.number IS NOT NULL"
    )
    for target, number, date, issuer, parent in links:
        found.setdefault(target, _Carrier(number, date, issuer, parent, None))
    rows = conn.execute(
        "SELECT d.id, d.idx, c.record FROM documents d JOIN contents c USING (sha256)"
        " WHERE (d.issued_date IS NULL OR d.number IS NULL) AND instr(c.record, '\"issued_with\"') > 0"
    )
    for doc_id, idx, record in rows:
        if doc_id in found:  # its decision stands before it in the file
            continue
        span = (json.loads(record)["documents"][idx].get("evidence") or {}).get("issued_with")
        ref = conn.execute(
            "SELECT id, number, date, issuer FROM refs WHERE document_id = ? AND span_start >= ? AND span_start < ?"
            " ORDER BY span_start LIMIT 1", (doc_id, span["start"], span["end"])
        ).fetchone() if span else None
        if ref:
            found[doc_id] = _Carrier(ref[1], ref[2], ref[3], None, ref[0])
    return found


def _bundle_issuers(conn: sqlite3.Connection) -> dict[int, tuple[str, str | None]]:
    """A plan forwarded by the letter before it, its header left without issuer lines ("Số:" opens it):
    the letter's issuer when both symbols carry the same organ code (310/PGDĐT-VP, 22/KH-PGDĐT), or the
    letter's managing body when the plan's code abbreviates it (a Phòng's letter, the UBND's 12/KH-UBND)."""
    rows = conn.execute(
        "SELECT l.target_document_id, t.number, d.number, d.issuer, d.issuer_parent FROM links l"
        " JOIN documents d ON d.id = l.document_id JOIN documents t ON t.id = l.target_document_id"
        " WHERE l.kind = 'forwards' AND t.issuer IS NULL AND d.issuer IS NOT NULL"
    )
    found: dict[int, tuple[str, str | None]] = {}
    for target, own, letter, issuer, parent in rows:
        if organ_codes(own) & organ_codes(letter):
            found[target] = (issuer, parent)
        elif parent and symbol_names(own, parent):
            found[target] = (parent, None)
    return found


def _archived_nodes(conn: sqlite3.Connection) -> tuple[_Archived, dict[int, _Carrier]]:
    """One node per identity key; several files holding the same document share it.

    A plan issued with a decision and lacking its own number or date takes the decision's date,
    issuer (when it names none) and number context: its key is the decision's issuer and year with
    'KH@<decision number>'.
    """
    found = _Archived({}, {}, {})
    carriers = _carriers(conn)
    letters = _bundle_issuers(conn)
    rows = conn.execute(
        "SELECT id, doc_type, number, issued_date, issuer, issuer_parent, title FROM documents ORDER BY id"
    )
    for doc_id, doc_type, number, issued, issuer, parent, title in rows:
        if doc_id in letters:
            issuer, parent = letters[doc_id]
        carrier = carriers.get(doc_id)
        if carrier:
            issued, issuer, parent = issued or carrier.date, issuer or carrier.issuer, parent or carrier.parent
        key = document_key(issuer, issued, number, parent) if number else None
        if key is None and carrier:
            key = Key(identity_issuer(issuer, parent), year_of(issued, None), attached_number(doc_type, carrier.number))
        node_id = f"doc:{key.text()}" if key and key.complete else f"doc:#{doc_id}"
        node = found.nodes.get(node_id)
        if node is None:
            node = found.nodes[node_id] = Node(id=node_id, kind="document", key=key, doc_type=doc_type,
                                               number=number, issued_date=issued, issuer=issuer, title=title,
                                               name_key=issuer_key(issuer))
        node.documents.append(doc_id)
        found.node_of[doc_id] = node_id
        found.context[doc_id] = f"{issuer_key(issuer) or ''} {issuer_key(parent) or ''}"
    return found, carriers


# What a document named in a plan's "(Ban hành kèm theo …)" line does to it, by its type (as in a bundle).
_CARRIER_KINDS = {ISSUING_TYPE: "issues", **dict.fromkeys(FORWARDING_TYPES, "forwards")}


def build(conn: sqlite3.Connection) -> Lineage:
    """Resolve every reference and link of the archive into nodes and edges (not stored)."""
    archived, carriers = _archived_nodes(conn)
    nodes, node_of = archived.nodes, archived.node_of
    resolver = Resolver(nodes.values())
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(edge: Edge) -> None:
        edges.setdefault((edge.source, edge.target, edge.kind), edge)  # a document held twice cites once

    issued_with = {c.ref_id: doc_id for doc_id, c in carriers.items() if c.ref_id is not None}
    refs = conn.execute(
        "SELECT id, document_id, relation, doc_type, number, date, issuer, span_start, span_end, span_raw"
        " FROM refs ORDER BY id"
    )
    for ref_id, doc_id, relation, doc_type, number, date, issuer, start, end, raw in refs:
        info = RefInfo(doc_type, number, date, issuer)
        matches = resolver.resolve(info, archived.context[doc_id])
        if not matches:
            ext = external_node(info)
            known = nodes.setdefault(ext.id, ext)
            _fill(known, info)
            matches = [Match(ext.id, 1.0, 1)]
        carried = _CARRIER_KINDS.get(doc_type or "") if ref_id in issued_with else None
        for m in matches:
            add(Edge(node_of[doc_id], m.node, relation, doc_id, ref_id, m.confidence, m.candidates, start, end, raw))
            if carried and nodes[m.node].kind == "document":  # the archived decision issues it
                add(Edge(m.node, node_of[doc_id], carried, doc_id, ref_id, m.confidence, m.candidates, start, end,
                         raw))
    links = conn.execute("SELECT document_id, kind, target_document_id, span_start, span_end FROM links ORDER BY id")
    for doc_id, kind, target_id, start, end in links:
        add(Edge(node_of[doc_id], node_of[target_id], kind, doc_id, None, 1.0, 1, start, end, None))
    return Lineage(nodes, _merge_partial_externals(nodes, list(edges.values())))


def _merge_partial_externals(nodes: dict[str, Node], edges: list[Edge]) -> list[Edge]:
    """An outside document named once without its year or issuer, or with a bare one ("Nghị quyết số
    63-NQ/TW", "Kế hoạch số 118-KH/TU của Tỉnh ủy", "… của UBND huyện"), is the one named in full
    elsewhere, when exactly one fits."""
    def partial(n: Node) -> bool:
        return not n.key or not n.key.complete or issuer_unresolved(n.key.issuer)

    full: dict[str, list[Node]] = defaultdict(list)
    for n in nodes.values():
        if n.kind == "external" and n.key and not partial(n):
            full[n.key.number].append(n)
    moved: dict[str, tuple[str, float]] = {}
    for n in list(nodes.values()):
        if n.kind != "external" or not n.key or not partial(n):
            continue
        k = n.key
        fits = [c for c in full[k.number] if c.key and _issuer_within(k.issuer, c.key.issuer)
                and k.year in (None, c.key.year)]
        if len(fits) == 1:
            target = fits[0]
            _fill(target, RefInfo(n.doc_type, n.number or "", n.issued_date, n.issuer))
            exact = k.issuer == (target.key and target.key.issuer)
            moved[n.id] = (target.id, CONFIDENCE_EXACT_NO_YEAR if exact else CONFIDENCE_PARTIAL)
            del nodes[n.id]
    merged: dict[tuple[str, str, str], Edge] = {}
    for e in edges:
        if e.target in moved:
            e.target, e.confidence = moved[e.target]
        merged.setdefault((e.source, e.target, e.kind), e)
    return list(merged.values())


def _issuer_within(partial: str | None, full: str | None) -> bool:
    """No issuer fits any; a bare one ('ủy ban nhân dân huyện') fits the named body it begins."""
    return partial is None or partial == full or bool(full and full.startswith(partial + " "))


def _fill(node: Node, ref: RefInfo) -> None:
    """A later reference may say what an earlier one left out (the type, the full date, a fuller issuer)."""
    node.doc_type = node.doc_type or ref.doc_type
    if ref.date and len(ref.date) > len(node.issued_date or ""):
        node.issued_date = ref.date
    if ref.issuer and len(ref.issuer) > len(node.issuer or ""):
        node.issuer = ref.issuer


def store(conn: sqlite3.Connection, lineage: Lineage) -> None:
    """Replace the stored graph, in one transaction."""
    conn.execute("BEGIN")
    try:
        conn.execute("DELETE FROM edges")
        conn.execute("DELETE FROM nodes")
        conn.executemany(
            "INSERT INTO nodes (id, kind, doc_type, number, issued_date, year, issuer, title) VALUES (?,?,?,?,?,?,?,?)",
            [(n.id, n.kind, n.doc_type, n.number, n.issued_date, n.key.year if n.key else None, n.issuer, n.title)
             for n in lineage.nodes.values()],
        )
        conn.executemany(
            "INSERT INTO edges (source, target, kind, document_id, ref_id, confidence, candidates, span_start,"
            " span_end, span_raw) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(e.source, e.target, e.kind, e.document_id, e.ref_id, e.confidence, e.candidates, e.span_start,
              e.span_end, e.span_raw) for e in lineage.edges],
        )
        conn.executemany(
            "UPDATE documents SET node_id = ? WHERE id = ?",
            [(n.id, d) for n in lineage.nodes.values() for d in n.documents],
        )
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('lineage_stale', '0')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def rebuild(conn: sqlite3.Connection) -> Lineage:
    lineage = build(conn)
    store(conn, lineage)
    return lineage


def load_graph(conn: sqlite3.Connection) -> nx.MultiDiGraph:
    """The stored lineage as a networkx graph; edge keys are the edge kinds."""
    g = nx.MultiDiGraph(**GRAPH_INFO)
    cols = ("kind", "doc_type", "number", "issued_date", "year", "issuer", "title")
    for row in conn.execute(f"SELECT id, {', '.join(cols)} FROM nodes"):
        attrs = {k: v for k, v in zip(cols, row[1:], strict=True) if v is not None}
        attrs["label"] = label(attrs.get("doc_type"), attrs.get("number"))
        g.add_node(row[0], **attrs)
    ecols = ("kind", "confidence", "candidates", "document_id", "ref_id", "span_start", "span_end", "span_raw")
    for row in conn.execute(f"SELECT source, target, {', '.join(ecols)} FROM edges ORDER BY id"):
        attrs = {k: v for k, v in zip(ecols, row[2:], strict=True) if v is not None}
        g.add_edge(row[0], row[1], key=attrs["kind"], **attrs)
    return g


# --- exports --------------------------------------------------------------------------------------


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


# --- traversal ------------------------------------------------------------------------------------

# Which way "up" (towards what a document implements) runs for each edge kind: a basis/cites edge
# points at the parent; a forwarding letter or issuing decision points at the plan it carries, so
# the letter/decision is the plan's parent.
LINEAGE_KINDS = frozenset({"basis", "forwards", "issues"})
_POINTS_UP = frozenset({"basis", "cites"})
Neighbour = tuple[str, dict[str, Any]]


def parents(g: nx.MultiDiGraph, n: str, kinds: frozenset[str] = LINEAGE_KINDS) -> list[Neighbour]:
    """What the document implements (basis), and the letter/decision that carries it."""
    up = [(v, d) for _, v, d in g.out_edges(n, data=True) if d["kind"] in kinds & _POINTS_UP]
    return up + [(u, d) for u, _, d in g.in_edges(n, data=True) if d["kind"] in kinds - _POINTS_UP]


def children(g: nx.MultiDiGraph, n: str, kinds: frozenset[str] = LINEAGE_KINDS) -> list[Neighbour]:
    """The documents that implement it, and the plan a letter/decision carries."""
    down = [(u, d) for u, _, d in g.in_edges(n, data=True) if d["kind"] in kinds & _POINTS_UP]
    return down + [(v, d) for _, v, d in g.out_edges(n, data=True) if d["kind"] in kinds - _POINTS_UP]


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
