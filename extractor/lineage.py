"""Plan lineage: who a document is, which archived document each reference names, and the graph.

Identity follows Nghị định 30/2020: a number/symbol is unique per issuer and year, so a document
is (issuer, year, number). Normative and Party symbols carry their year (91/2017/NĐ-CP) or take
it from their date (14-KL/TW of 2022). A reference is linked to the archived document with its
key; one naming a document outside the archive becomes an *external* node, shared by every
reference to it. A reference whose issuer is unresolved ("của UBND huyện") and that several
archived documents could answer keeps all of them, each with a confidence.

Edges point from the document whose text produced them: basis/cites to what it names, forwards
(a Công văn) and issues (a Quyết định) to the document it carries.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import regex as re

from extractor.orgs import expand, strip_marks
from extractor.vocab import alternation
from extractor.vocab.organs import CANONICAL_PHRASES, UNIT_WORDS

EdgeKind = str  # "basis" | "cites" | "forwards" | "issues"
EDGE_KINDS = ("basis", "cites", "forwards", "issues")
FORMATS = ("graphml", "json", "dot", "mermaid")

# "91/2017/NĐ-CP", "05/2020/TT-BGDĐT": the year group of normative symbols.
_SYMBOL_YEAR = re.compile(r"^\d+[\p{L}]?/((?:19|20)\d{2})/")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s*-\s*")
# An issuer ending in a bare unit word ("Ủy ban nhân dân huyện") names no particular body.
_BARE_UNIT_END = re.compile(r"(?i)(?<!\p{L})(?:" + "|".join(UNIT_WORDS) + r")$")
# Local bodies exist in every province/district: with nothing after them they are unresolved.
_DEPARTMENTS = alternation(CANONICAL_PHRASES)
_LOCAL_HEAD_ONLY = re.compile(
    r"(?i)^(?:Ủy ban nhân dân|Hội đồng nhân dân|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|Tỉnh ủy|Thành ủy|Huyện ủy"
    rf"|Quận ủy|Thị ủy|Đảng ủy|(?:Phòng|Sở|Ban|Chi cục|Trung tâm)\s+(?:{_DEPARTMENTS}))$"
)
# The place part of a folded issuer name: "huyện tam nông" in "phòng giáo dục và đào tạo huyện tam nông".
_LOCALITY = re.compile(r"(?:^|\s)((?:" + "|".join(UNIT_WORDS) + r")\s\S.*)$")
# Confidence of a lone candidate, by how well the reference's issuer and date match it.
CONFIDENCE_EXACT = 1.0  # same issuer, same year
CONFIDENCE_EXACT_NO_YEAR = 0.9  # same issuer, one side has no year
CONFIDENCE_PARTIAL_DATED = 0.8  # issuer unresolved or missing, same full date
CONFIDENCE_PARTIAL = 0.6  # issuer unresolved or missing, number (and year) only
# Among several candidates, one with the reference's exact date weighs this much more, and one in the
# citing document's own locality (its district's plan, not a namesake's elsewhere) this much more.
DATE_MATCH_WEIGHT = 2.0
LOCALITY_WEIGHT = 3.0


# --- identity -------------------------------------------------------------------------------------


def number_key(number: str) -> str:
    """'05/KH-UBND', '5 / KH - UBND', '5/kh-ubnd' -> '5/KH-UBND'; 'NĐ' and 'ND' read alike."""
    s = _SPACE.sub("", number)
    return str(_LEADING_ZEROS.sub("", strip_marks(s).upper()))


def symbol_year(number: str | None) -> int | None:
    m = _SYMBOL_YEAR.match(number or "")
    return int(m.group(1)) if m else None


def year_of(date: str | None, number: str | None) -> int | None:
    """The year of a document: from its date, else from a year-bearing symbol."""
    if date and date[:4].isdigit():
        return int(date[:4])
    return symbol_year(number)


def issuer_key(name: str | None) -> str | None:
    """Issuer spelling folded for identity: abbreviations expanded, case and spacing folded.

    Diacritics are kept: place names differ only by them (Tam Nông / Tâm Nông).
    """
    if not name:
        return None
    s = expand(unicodedata.normalize("NFC", name)).strip(" .,;:")
    s = _SPACED_DASH.sub(" - ", s)
    return _SPACE.sub(" ", s).casefold() or None


def locality(key: str | None) -> str | None:
    """'huyện tam nông' of 'ủy ban nhân dân huyện tam nông'; None for 'trường tiểu học kim đồng'."""
    m = _LOCALITY.search(key or "")
    return str(m.group(1)) if m else None


def identity_issuer(issuer: str | None, parent: str | None) -> str | None:
    """The issuer part of a document's identity. A school or office named without a place ('Trường
    Tiểu học Kim Đồng' exists in many districts) takes the locality of its managing body."""
    key = issuer_key(issuer)
    if key and locality(key) is None:
        place = locality(issuer_key(parent))
        if place:
            return f"{key}, {place}"
    return key


def issuer_unresolved(name: str | None) -> bool:
    """No issuer, or one that could be any of many bodies ('Ủy ban nhân dân huyện')."""
    if not name:
        return True
    s = " ".join(expand(name).split())
    return bool(_BARE_UNIT_END.search(s) or _LOCAL_HEAD_ONLY.match(s))


@dataclass(frozen=True)
class Key:
    issuer: str | None
    year: int | None
    number: str

    @property
    def complete(self) -> bool:
        return self.issuer is not None and self.year is not None

    def text(self) -> str:
        return f"{self.issuer or '?'}|{self.year or '?'}|{self.number}"


def document_key(issuer: str | None, date: str | None, number: str, parent: str | None = None) -> Key:
    return Key(identity_issuer(issuer, parent), year_of(date, number), number_key(number))


# --- resolution -----------------------------------------------------------------------------------


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
        unresolved = issuer_unresolved(ref.issuer)
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
                issued_date=ref.date, issuer=ref.issuer)


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


def _archived_nodes(conn: sqlite3.Connection) -> _Archived:
    """One node per identity key; several files holding the same document share it."""
    found = _Archived({}, {}, {})
    rows = conn.execute(
        "SELECT id, doc_type, number, issued_date, issuer, issuer_parent, title FROM documents ORDER BY id"
    )
    for doc_id, doc_type, number, issued, issuer, parent, title in rows:
        key = document_key(issuer, issued, number, parent) if number else None
        node_id = f"doc:{key.text()}" if key and key.complete else f"doc:#{doc_id}"
        node = found.nodes.get(node_id)
        if node is None:
            node = found.nodes[node_id] = Node(id=node_id, kind="document", key=key, doc_type=doc_type,
                                               number=number, issued_date=issued, issuer=issuer, title=title,
                                               name_key=issuer_key(issuer))
        node.documents.append(doc_id)
        found.node_of[doc_id] = node_id
        found.context[doc_id] = f"{issuer_key(issuer) or ''} {issuer_key(parent) or ''}"
    return found


def build(conn: sqlite3.Connection) -> Lineage:
    """Resolve every reference and link of the archive into nodes and edges (not stored)."""
    archived = _archived_nodes(conn)
    nodes, node_of = archived.nodes, archived.node_of
    resolver = Resolver(nodes.values())
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(edge: Edge) -> None:
        edges.setdefault((edge.source, edge.target, edge.kind), edge)  # a document held twice cites once

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
        for m in matches:
            add(Edge(node_of[doc_id], m.node, relation, doc_id, ref_id, m.confidence, m.candidates, start, end, raw))
    links = conn.execute("SELECT document_id, kind, target_document_id, span_start, span_end FROM links ORDER BY id")
    for doc_id, kind, target_id, start, end in links:
        add(Edge(node_of[doc_id], node_of[target_id], kind, doc_id, None, 1.0, 1, start, end, None))
    return Lineage(nodes, list(edges.values()))


def _fill(node: Node, ref: RefInfo) -> None:
    """A later reference may say what an earlier one left out (the type, the full date)."""
    node.doc_type = node.doc_type or ref.doc_type
    if ref.date and len(ref.date) > len(node.issued_date or ""):
        node.issued_date = ref.date
    node.issuer = node.issuer or ref.issuer


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
    g = nx.MultiDiGraph()
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
