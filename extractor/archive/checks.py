"""`planex check`: the questions an emulation-and-commendation board asks of an archive.

- missing implementers: single units a plan was sent to that issued no implementing document;
- the deadline register: every deadline with its task, owner and status against a given day;
- consistency with the parent plan: a weaker target for the same measure, a later deadline, a period
  outside the parent's;
- award legality: the grantor's competence as of the document's date (Luật Thi đua, khen thưởng 2022;
  no district level from 1 July 2025), and quota counts over a cap the same document states;
- duplicate numbers: one (issuer, year, number) on two different documents.

Every finding names its documents (ids in the store) and the spans of the values involved. The checks
read the store and the lineage graph; they change nothing.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import networkx as nx
import regex as re

from extractor.archive import report
from extractor.extraction.orgs import REFORM_MONTH
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.organs import COMMUNE_UNITS, DISTRICT_UNITS

# Operators that set a floor (the value must be reached) and a ceiling (must not be exceeded).
_FLOORS = frozenset({">=", ">", "="})
_CEILINGS = frozenset({"<=", "<"})
# The level of a resolved grantor ("Chủ tịch Ủy ban nhân dân huyện X") by its unit word. Case matters:
# a province-level city is written "Thành phố Hồ Chí Minh", a district-level one "thành phố Pleiku".
_GRANTOR_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("district", re.compile(r"(?<!\p{L})(?:" + alternation(DISTRICT_UNITS) + r")(?!\p{L})")),
    ("commune", re.compile(r"(?<!\p{L})(?:" + alternation(COMMUNE_UNITS) + r")(?!\p{L})")),
)


@dataclass
class Finding:
    check: str
    message: str
    documents: list[int]
    spans: list[dict[str, int]] = field(default_factory=list)  # {"document", "start", "end"}


@dataclass
class DeadlineEntry:
    document: int
    caption: str
    owner: str | None
    task: str | None
    date: str
    status: str  # "overdue" | "due" | "upcoming"
    span: dict[str, int]


@dataclass
class CheckResult:
    findings: list[Finding]
    deadlines: list[DeadlineEntry]

    def as_json(self) -> dict[str, Any]:
        return {"findings": [asdict(f) for f in self.findings], "deadlines": [asdict(d) for d in self.deadlines]}


def _rows(conn: sqlite3.Connection, sql: str, *args: Any) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _span(row: dict[str, Any]) -> dict[str, int]:
    return {"document": row["document_id"], "start": row["span_start"] or 0, "end": row["span_end"] or 0}


def _docs_by_node(conn: sqlite3.Connection) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for doc_id, node in conn.execute("SELECT id, node_id FROM documents WHERE node_id IS NOT NULL ORDER BY id"):
        out[node].append(doc_id)
    return out


def _compare_day(a: str, b: str) -> int:
    """-1, 0, 1 for a before, within, after b, at the precision both have ('2025-07' vs '2025-07-10')."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


# --- the register ---------------------------------------------------------------------------------


def deadline_register(conn: sqlite3.Connection, today: date) -> list[DeadlineEntry]:
    day = today.isoformat()
    rows = _rows(conn, "SELECT dl.document_id, dl.date, dl.task, dl.span_start, dl.span_end, d.issuer, d.doc_type,"
                       " d.number, d.issued_date FROM deadlines dl JOIN documents d ON d.id = dl.document_id"
                       " ORDER BY dl.date, dl.document_id")
    out = []
    for r in rows:
        order = _compare_day(r["date"], day)
        status = "overdue" if order < 0 else "due" if order == 0 else "upcoming"
        caption = " · ".join(str(x) for x in (r["doc_type"], r["number"], r["issued_date"]) if x)
        out.append(DeadlineEntry(r["document_id"], caption, r["issuer"], r["task"], r["date"], status, _span(r)))
    return out


# --- checks ---------------------------------------------------------------------------------------


def missing_implementers(conn: sqlite3.Connection, g: nx.MultiDiGraph) -> list[Finding]:
    docs = _docs_by_node(conn)
    return [Finding("missing-implementers", f"{s.caption}: no implementing document from {', '.join(s.units)}",
                    docs.get(s.plan, [])) for s in report.silent_units(conn, g)]


def _resolved_parents(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """(child, parent) node pairs of resolved basis edges between archived documents."""
    return [(u, v) for u, v, d in g.edges(data=True)
            if d["kind"] == "basis" and d.get("candidates", 1) == 1 and u != v
            and g.nodes[v].get("kind") == "document"]


def _weaker(child: dict[str, Any], parent: dict[str, Any]) -> bool:
    if child["unit"] != parent["unit"]:
        return False
    if parent["op"] in _FLOORS and child["op"] in _FLOORS:
        return bool(child["value"] < parent["value"])
    if parent["op"] in _CEILINGS and child["op"] in _CEILINGS:
        return bool(child["value"] > parent["value"])
    return False


def parent_consistency(conn: sqlite3.Connection, g: nx.MultiDiGraph) -> list[Finding]:
    docs = _docs_by_node(conn)
    targets: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for t in _rows(conn, "SELECT * FROM targets WHERE measure IS NOT NULL"):
        targets[t["document_id"]].append(t)
    periods: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in _rows(conn, "SELECT * FROM periods WHERE start_date IS NOT NULL AND end_date IS NOT NULL"):
        periods[p["document_id"]].append(p)
    out = []
    for child, parent in _resolved_parents(g):
        for c_id in docs.get(child, []):
            for p_id in docs.get(parent, []):
                out += _target_findings(g, child, parent, targets[c_id], targets[p_id])
                out += _period_findings(g, child, parent, periods[c_id], periods[p_id])
    for issue in report.deadline_issues(conn, g):
        ids = [i for n in issue.nodes for i in docs.get(n, [])]
        out.append(Finding("parent-deadline", f"{issue.document}: deadline {issue.deadline} {issue.reason}"
                           f" ({issue.parent})", ids))
    return out


def _target_findings(g: nx.MultiDiGraph, child: str, parent: str, mine: list[dict[str, Any]],
                     theirs: list[dict[str, Any]]) -> list[Finding]:
    out = []
    for c in mine:
        for p in theirs:
            if c["measure"].casefold() == p["measure"].casefold() and _weaker(c, p):
                out.append(Finding(
                    "parent-target", f"{report.caption(g, child)}: '{c['text']}' is weaker than the parent's"
                    f" '{p['text']}' ({report.caption(g, parent)})",
                    [c["document_id"], p["document_id"]], [_span(c), _span(p)]))
    return out


def _period_findings(g: nx.MultiDiGraph, child: str, parent: str, mine: list[dict[str, Any]],
                     theirs: list[dict[str, Any]]) -> list[Finding]:
    if not theirs:
        return []
    start = min(p["start_date"] for p in theirs)
    end = max(p["end_date"] for p in theirs)
    return [Finding("parent-period", f"{report.caption(g, child)}: period {c['start_date']} – {c['end_date']} is"
                    f" outside the parent's {start} – {end} ({report.caption(g, parent)})",
                    [c["document_id"], theirs[0]["document_id"]], [_span(c), _span(theirs[0])])
            for c in mine
            if _compare_day(c["start_date"], start) < 0 or _compare_day(c["end_date"], end) > 0]


def _grantor_level(grantor: str) -> str | None:
    return next((level for level, pattern in _GRANTOR_LEVELS if pattern.search(grantor)), None)


def award_legality(conn: sqlite3.Connection) -> list[Finding]:
    out = []
    rows = _rows(conn, "SELECT a.*, d.issued_date FROM awards a JOIN documents d ON d.id = a.document_id"
                       " WHERE a.grantor IS NOT NULL")
    for a in rows:
        level = _grantor_level(a["grantor"])
        issued = a["issued_date"]
        if level == "district" and issued and _compare_day(issued, REFORM_MONTH) >= 0:
            out.append(Finding("award-competence", f"{a['form']} of '{a['grantor']}' on {issued}: the district level"
                               f" no longer exists from {REFORM_MONTH}", [a["document_id"]], [_span(a)]))
        elif level in ("district", "commune") and a["form"] in ("Bằng khen", "Cờ thi đua"):
            out.append(Finding("award-competence", f"{a['form']} of '{a['grantor']}': a {level}-level chairman grants"
                               " Giấy khen, not this form", [a["document_id"]], [_span(a)]))
    out += _quota_caps(conn)
    return out


def _quota_caps(conn: sqlite3.Connection) -> list[Finding]:
    """A count over a cap the same document states for the same award, recipient, phase and group."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for q in _rows(conn, "SELECT * FROM quotas"):
        groups[(q["document_id"], q["award"], q["recipient"], q["phase"], q["competitors"])].append(q)
    out = []
    for items in groups.values():
        caps = [q for q in items if q["op"] in _CEILINGS]
        for cap in caps:
            limit = cap["count"] - (cap["op"] == "<")
            for q in items:
                if q["op"] in _FLOORS and q["count"] > limit:
                    out.append(Finding("quota-cap", f"{q['count']} {q['recipient']} for {q['award'] or 'an award'}"
                                       f" is over the cap of {cap['count']} ({cap['op']}) stated in the same document",
                                       [q["document_id"]], [_span(q), _span(cap)]))
    return out


def duplicate_numbers(conn: sqlite3.Connection) -> list[Finding]:
    rows = _rows(conn, "SELECT id, number, issuer, issued_date, title, substr(issued_date, 1, 4) AS year,"
                       " span_start, span_end"
                       " FROM documents WHERE number IS NOT NULL AND issuer IS NOT NULL AND issued_date IS NOT NULL"
                       " ORDER BY id")
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[("".join(r["number"].upper().split()), r["issuer"], r["year"])].append(r)
    out = []
    for (number, issuer, year), docs in sorted(groups.items()):
        # The same document held as .txt, .docx and .pdf has one date and title: copies, not a reused number.
        if len({(d["issued_date"], " ".join((d["title"] or "").casefold().split())) for d in docs}) > 1:
            out.append(Finding("duplicate-number", f"{number} of {issuer} in {year} is on {len(docs)} different"
                               " documents", [d["id"] for d in docs],
                               [{"document": d["id"], "start": d["span_start"] or 0, "end": d["span_end"] or 0}
                                for d in docs]))
    return out


def run_checks(conn: sqlite3.Connection, g: nx.MultiDiGraph, today: date) -> CheckResult:
    findings = [*missing_implementers(conn, g), *parent_consistency(conn, g), *award_legality(conn),
                *duplicate_numbers(conn)]
    return CheckResult(findings, deadline_register(conn, today))
