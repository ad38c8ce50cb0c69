"""The lineage graph and the store: built from the archive's documents, references and links, stored in
its nodes and edges tables, and loaded back as a networkx graph."""

from __future__ import annotations

import json
import sqlite3

import networkx as nx

from extractor.archive.lineage.model import Lineage, label
from extractor.archive.lineage.resolve import Carrier, archived_nodes, letter_issuer, link
from extractor.archive.lineage.schema import GRAPH_INFO


def _carriers(conn: sqlite3.Connection) -> dict[int, Carrier]:
    """Plans without a number or date of their own, issued with a decision: the decision's facts.

    The decision is the one before the plan in its file (an "issues" link), else the one its
    "(Ban hành kèm theo Quyết định số …)" line names (the record's `evidence.issued_with` span).
    """
    found: dict[int, Carrier] = {}
    links = conn.execute(
        "SELECT l.target_document_id, d.number, d.issued_date, d.issuer, d.issuer_parent FROM links l"
        " JOIN documents d ON d.id = l.document_id WHERE l.kind = 'issues' AND d.number IS NOT NULL"
    )
    for target, number, date, issuer, parent in links:
        found.setdefault(target, Carrier(number, date, issuer, parent, None))
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
            found[doc_id] = Carrier(ref[1], ref[2], ref[3], None, ref[0])
    return found


def _bundle_issuers(conn: sqlite3.Connection) -> dict[int, tuple[str, str | None]]:
    """Plans forwarded by the letter before them, without issuer lines of their own: who issued them
    (resolve.letter_issuer)."""
    rows = conn.execute(
        "SELECT l.target_document_id, t.number, d.number, d.issuer, d.issuer_parent FROM links l"
        " JOIN documents d ON d.id = l.document_id JOIN documents t ON t.id = l.target_document_id"
        " WHERE l.kind = 'forwards' AND t.issuer IS NULL AND d.issuer IS NOT NULL"
    )
    found: dict[int, tuple[str, str | None]] = {}
    for target, own, letter, issuer, parent in rows:
        if named := letter_issuer(own, letter, issuer, parent):
            found[target] = named
    return found


def build(conn: sqlite3.Connection) -> Lineage:
    """Resolve every reference and link of the archive into nodes and edges (not stored)."""
    carriers = _carriers(conn)
    letters = _bundle_issuers(conn)
    documents = conn.execute(
        "SELECT id, doc_type, number, issued_date, issuer, issuer_parent, title FROM documents ORDER BY id"
    )
    archived = archived_nodes(documents, carriers, letters)
    refs = conn.execute(
        "SELECT id, document_id, relation, doc_type, number, date, issuer, span_start, span_end, span_raw"
        " FROM refs ORDER BY id"
    )
    links = conn.execute("SELECT document_id, kind, target_document_id, span_start, span_end FROM links ORDER BY id")
    return link(archived, carriers, refs, links)


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
