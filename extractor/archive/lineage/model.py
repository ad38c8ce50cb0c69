"""The lineage graph's data: nodes (archived or only referenced documents), edges, what a reference says."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.extraction.identity import Key, locality

EdgeKind = str  # "basis" | "cites" | "forwards" | "issues"


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


@dataclass(frozen=True)
class RefInfo:
    """What a reference says about the document it names."""

    doc_type: str | None
    number: str
    date: str | None
    issuer: str | None


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


def label(doc_type: str | None, number: str | None) -> str:
    return " ".join(p for p in (doc_type, number) if p) or "(no number)"
