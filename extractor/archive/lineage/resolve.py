"""Which document a reference names: the archived candidates with their confidence, or a node outside the
archive; and the archive's documents, references and links (rows read by lineage.sql) turned into the graph.
Pure: no store, no networkx.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import regex as re

from extractor.archive.lineage.model import Edge, Lineage, Node, RefInfo
from extractor.extraction.identity import (
    Key,
    attached_number,
    document_key,
    identity_issuer,
    issuer_key,
    organ_codes,
    symbol_issuer,
    symbol_names,
    year_of,
)
from extractor.extraction.orgs import expand
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import FORWARDING_TYPES, ISSUING_TYPE
from extractor.extraction.vocab.organs import AGENCY_KINDS, CANONICAL_PHRASES, LOCAL_BODIES, UNIT_WORDS

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


def issuer_unresolved(name: str | None) -> bool:
    """No issuer, or one that could be any of many bodies ('Ủy ban nhân dân huyện')."""
    if not name:
        return True
    s = " ".join(expand(name).split())
    return bool(_BARE_UNIT_END.search(s) or _LOCAL_HEAD_ONLY.match(s))


@dataclass(frozen=True)
class Match:
    node: str
    confidence: float
    candidates: int  # how many archived documents could be meant (1 = resolved)


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


# --- the archive's rows into nodes and edges -------------------------------------------------------

# documents: id, doc_type, number, issued_date, issuer, issuer_parent, title
DocumentRow = tuple[int, str | None, str | None, str | None, str | None, str | None, str | None]
# refs: id, document_id, relation, doc_type, number, date, issuer, span_start, span_end, span_raw
RefRow = tuple[int, int, str, str | None, str, str | None, str | None, int | None, int | None, str | None]
# links: document_id, kind, target_document_id, span_start, span_end
LinkRow = tuple[int, str, int, int | None, int | None]


@dataclass(frozen=True)
class Carrier:
    """The decision a plan was issued with, as far as the archive says."""

    number: str
    date: str | None
    issuer: str | None
    parent: str | None
    ref_id: int | None  # the plan's "(Ban hành kèm theo Quyết định số …)" reference, when that names it


@dataclass
class Archived:
    nodes: dict[str, Node]
    node_of: dict[int, str]  # document id -> node id
    context: dict[int, str]  # document id -> its issuer and parent, folded


def letter_issuer(own: str, letter: str, issuer: str, parent: str | None) -> tuple[str, str | None] | None:
    """The issuer of a plan forwarded by a letter, its header left without issuer lines ("Số:" opens it):
    the letter's issuer when both symbols carry the same organ code (310/PGDĐT-VP, 22/KH-PGDĐT), or the
    letter's managing body when the plan's code abbreviates it (a Phòng's letter, the UBND's 12/KH-UBND)."""
    if organ_codes(own) & organ_codes(letter):
        return issuer, parent
    if parent and symbol_names(own, parent):
        return parent, None
    return None


def archived_nodes(documents: Iterable[DocumentRow], carriers: dict[int, Carrier],
                   letters: dict[int, tuple[str, str | None]]) -> Archived:
    """One node per identity key; several files holding the same document share it.

    A plan issued with a decision and lacking its own number or date takes the decision's date,
    issuer (when it names none) and number context: its key is the decision's issuer and year with
    'KH@<decision number>'. A plan a letter forwards, without issuer lines, takes the issuer in `letters`.
    """
    found = Archived({}, {}, {})
    for doc_id, doc_type, number, issued, issuer, parent, title in documents:
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
    return found


# What a document named in a plan's "(Ban hành kèm theo …)" line does to it, by its type (as in a bundle).
_CARRIER_KINDS = {ISSUING_TYPE: "issues", **dict.fromkeys(FORWARDING_TYPES, "forwards")}


def link(archived: Archived, carriers: dict[int, Carrier], refs: Iterable[RefRow],
         links: Iterable[LinkRow]) -> Lineage:
    """Resolve every reference and link of the archive into nodes and edges."""
    nodes, node_of = archived.nodes, archived.node_of
    resolver = Resolver(nodes.values())
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(edge: Edge) -> None:
        edges.setdefault((edge.source, edge.target, edge.kind), edge)  # a document held twice cites once

    issued_with = {c.ref_id: doc_id for doc_id, c in carriers.items() if c.ref_id is not None}
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
