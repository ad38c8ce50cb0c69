"""The shape of `planex graph --format json` (networkx node-link data): the source of
`schemas/planex-graph.schema.json`, kept in sync by a test.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

NODE_ID = (
    "The document id: 'doc:<issuer>|<year>|<number>' for an archived document, 'ext:<issuer>|<year>|<number>' for "
    "one only referenced (extraction.identity.document_key). issuer: the body a national organ code of the symbol "
    "fixes (/QH15 Quốc hội, -NQ/TW Trung ương Đảng, /QĐ-TTg Thủ tướng Chính phủ, /TT-BNV Bộ Nội vụ), else the "
    "issuer's name folded (abbreviations expanded, lower case, diacritics kept, a Party committee's standing board "
    "read as the committee, a school given its managing body's place). year: of the issue date, else of a "
    "year-bearing symbol. number: spaces and leading zeros removed, upper case, Đ as D. A plan without its own "
    "number issued with a decision is '<type>@<decision number>' in the decision's year ('KH@1520/QD-UBND'). "
    "'?' marks an unknown part; an archived document whose issuer or year is unknown is 'doc:#<row id>'."
)
EDGE_DIRECTION = (
    "Edges run from the document whose text states them. basis and cites: child -> parent (the citing document "
    "to the one it names). forwards and issues: the covering letter or issuing decision -> the plan it carries "
    "(in lineage the letter/decision is the plan's parent: `planex lineage` walks these edges backwards)."
)

# What `planex graph` writes into the graph itself (JSON "graph", GraphML graph data).
GRAPH_INFO = {
    "node_id": "'doc:' (archived) or 'ext:' (referenced only) + canonical issuer|year|number; "
               "see schemas/planex-graph.schema.json",
    "edge_direction": "from the document that states the edge: basis/cites child -> parent; "
                      "forwards/issues letter/decision -> the plan it carries",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GraphInfo(_Model):
    node_id: str = Field(description="How node ids are made (this schema's GraphNode.id).")
    edge_direction: str = Field(description="Which way edges point (this schema's GraphEdge).")


class GraphNode(_Model):
    id: str = Field(description=NODE_ID)
    kind: Literal["document", "external"] = Field(description="In the archive, or only referenced.")
    label: str = Field(description="Type and number, as a person reads it: 'Kế hoạch 45/KH-UBND'.")
    doc_type: str | None = None
    number: str | None = Field(default=None, description="As written; absent for a plan issued with a decision.")
    issued_date: str | None = Field(
        default=None, description="ISO date; a plan without its own takes its issuing decision's."
    )
    year: int | None = Field(default=None, description="The year part of the id.")
    issuer: str | None = Field(default=None, description="The issuer's name as the document or a reference gives it.")
    title: str | None = None


class GraphEdge(_Model):
    source: str = Field(description="Node id. " + EDGE_DIRECTION)
    target: str = Field(description="Node id.")
    key: Literal["basis", "cites", "forwards", "issues"] = Field(description="The edge kind (networkx edge key).")
    kind: Literal["basis", "cites", "forwards", "issues"]
    confidence: float = Field(description="1.0 when resolved; shared among candidates when the reference is ambiguous.")
    candidates: int = Field(description="How many archived documents the reference could name (1 = resolved).")
    document_id: int | None = Field(default=None, description="The stated document's row in planex.db.")
    ref_id: int | None = Field(default=None, description="The reference's row in planex.db (basis, cites, issues).")
    span_start: int | None = None
    span_end: int | None = None
    span_raw: str | None = Field(default=None, description="The text that states the edge.")


class LineageGraph(_Model):
    """`planex graph OUT --format json`: the archive's lineage as networkx node-link data."""

    directed: Literal[True]
    multigraph: Literal[True]
    graph: GraphInfo
    nodes: list[GraphNode]
    edges: list[GraphEdge]
