"""`planex report`: what a records officer should look at in an archive's lineage.

- references whose document is not in the archive, most cited first;
- for each archived plan, the documents that implement it (directly, and how many at any depth);
- subordinate units a plan was sent to that never issued a document implementing it;
- self-references and citation cycles (a document cannot cite one issued after it: data errors);
- deadlines before the parent's issue date or after the parent's last deadline.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import regex as re
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractor.archive.lineage.formats import node_caption
from extractor.archive.lineage.traverse import children, parents
from extractor.extraction.identity import issuer_key
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import PLAN_TYPES
from extractor.extraction.vocab.organs import AGENCY_KINDS, COMMUNE_UNITS, DISTRICT_UNITS, POSITIONS, UNIT_WORDS

# Edges a cycle is looked for in: a citation points back in time. Only resolved ones (one candidate).
CITATION_KINDS = frozenset({"basis", "cites"})
# Recipients that are not units (filing copies, "as above", web portals) or that name many units
# at once ("các trường …", "… trên địa bàn"): neither can be checked one by one.
_NOT_A_UNIT = re.compile(
    r"(?i)^(?:như\s+trên|lưu|vt\b|website|cổng\s+thông\s+tin|trang\s+thông\s+tin|báo\b|đài\b)|(?<!\p{L})các\s"
    r"|^(?:cb|gv|nv|cbgv|cán\s+bộ|giáo\s+viên|nhân\s+viên|học\s+sinh|toàn\s+thể)(?!\p{L})"  # people, not units
    r"|trên\s+địa\s+bàn|trực\s+thuộc"
)
# Copies sent up for information ("(b/c)", "để báo cáo", "để biết") ask nothing of the recipient.
_FOR_INFORMATION = re.compile(r"(?i)^(?:b/c|đ/b|để\s+(?:báo\s+cáo|biết|theo\s+dõi|giám\s+sát))")
# Leaders and standing committees receive a plan to follow it, not to implement it.
_LEADERSHIP = re.compile(r"(?i)^(?:tt\b|thường\s+trực|ct\b|chủ\s+tịch|pct\b|phó\s+chủ\s+tịch|lãnh\s+đạo|thành\s+viên)")
# Administrative level of a body by its words: a subordinate unit sits below its plan's issuer.
# Case matters: a province-level city is "Thành phố Hồ Chí Minh", a district-level one "thành phố Pleiku"; a unit
# word of one word is also capitalised at a name's start ("Huyện", "Xã").
def _level_words(units: Iterable[str], *more: str) -> re.Pattern[str]:
    listed = sorted(units)  # sets: one order every run
    words = (*listed, *(u.capitalize() for u in listed if " " not in u), *more)
    return re.compile(r"(?<!\p{L})(?:" + alternation(words) + r")(?!\p{L})")


_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (4, _level_words((), "Bộ", "Chính phủ", "Trung ương", "Quốc hội", "Thủ tướng")),
    (3, _level_words(set(UNIT_WORDS) - DISTRICT_UNITS - COMMUNE_UNITS, "Sở", "Thành phố")),
    (2, _level_words(DISTRICT_UNITS, "Phòng")),
    (1, _level_words(COMMUNE_UNITS, "Trường", "ấp", "thôn", "khu phố")),
)
_AGENCY = re.compile(r"(?:" + alternation(AGENCY_KINDS) + r")(?!\p{L})")
_POSITION_LEAD = re.compile(
    r"(?i)^(?:" + alternation(POSITIONS) + r")\s+"
)


@dataclass
class Missing:
    node: str
    caption: str
    cited_by: int  # distinct archived documents naming it
    examples: list[str]


@dataclass
class Implementation:
    plan: str
    caption: str
    direct: list[str]  # captions of documents implementing it directly
    total: int  # documents implementing it at any depth


@dataclass
class SilentUnits:
    plan: str
    caption: str
    units: list[str]


@dataclass
class DeadlineIssue:
    document: str
    parent: str
    deadline: str
    reason: str
    nodes: tuple[str, str] = ("", "")  # the lineage nodes of the document and its parent


@dataclass
class Report:
    missing: list[Missing] = field(default_factory=list)
    implementations: list[Implementation] = field(default_factory=list)
    silent_units: list[SilentUnits] = field(default_factory=list)
    self_references: list[str] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    deadline_issues: list[DeadlineIssue] = field(default_factory=list)


def caption(g: nx.MultiDiGraph, n: str) -> str:
    return node_caption(g.nodes[n])


def missing_targets(g: nx.MultiDiGraph, examples: int = 3) -> list[Missing]:
    out = []
    for n, attrs in g.nodes(data=True):
        if attrs.get("kind") != "external":
            continue
        citing = sorted({u for u, _, d in g.in_edges(n, data=True) if d["kind"] in CITATION_KINDS})
        out.append(Missing(n, caption(g, n), len(citing), [caption(g, u) for u in citing[:examples]]))
    return sorted(out, key=lambda m: (-m.cited_by, m.caption))


def _carriers(g: nx.MultiDiGraph, n: str) -> list[str]:
    """The plan itself and the decision/letter that issues or forwards it (cited in its stead)."""
    return [n, *(u for u, d in parents(g, n) if d["kind"] in ("issues", "forwards"))]


def _implementers(g: nx.MultiDiGraph, plan: str) -> list[str]:
    found = {u for c in _carriers(g, plan) for u, d in children(g, c) if d["kind"] == "basis"}
    return sorted(found - {plan})


def _descendants(g: nx.MultiDiGraph, plan: str) -> set[str]:
    seen: set[str] = set()
    todo = [plan]
    while todo:
        for c in _carriers(g, todo.pop()):
            for u, _ in children(g, c):
                if u not in seen and u != plan:
                    seen.add(u)
                    todo.append(u)
    return seen


def plans(g: nx.MultiDiGraph) -> list[str]:
    found = [n for n, a in g.nodes(data=True) if a.get("kind") == "document" and a.get("doc_type") in PLAN_TYPES]
    return sorted(found, key=lambda n: (str(g.nodes[n].get("issued_date") or ""), n))


def implementations(g: nx.MultiDiGraph) -> list[Implementation]:
    return [
        Implementation(p, caption(g, p), [caption(g, u) for u in _implementers(g, p)], len(_descendants(g, p)))
        for p in plans(g)
    ]


def _unit_key(name: str) -> str:
    return issuer_key(_POSITION_LEAD.sub("", name.strip(" -+;.,"))) or ""


def _same_unit(unit: str, issuer: str) -> bool:
    return unit == issuer or issuer.startswith(unit + " ") or unit.startswith(issuer + " ")


def _level(name: str | None) -> int | None:
    """The lowest administrative level a name speaks of (1 commune … 4 central), None when it names none."""
    levels = [level for level, pattern in _LEVELS if pattern.search(name or "")]
    return min(levels) if levels else None


def _subordinate(name: str, purpose: str | None, issuer: str | None) -> bool:
    """A single unit below the issuer that was sent the plan to act on it."""
    if _NOT_A_UNIT.search(name) or _LEADERSHIP.search(name) or (purpose and _FOR_INFORMATION.search(purpose)):
        return False
    mine, theirs = _level(issuer), _level(name)
    if mine is None or theirs is None or theirs < mine:
        return True
    # A People's Committee's own agencies (Phòng, Sở, Ban …) sit at its level but under it.
    return theirs == mine and bool(_AGENCY.match(name)) and (issuer or "").startswith("Ủy ban nhân dân")


def silent_units(conn: sqlite3.Connection, g: nx.MultiDiGraph) -> list[SilentUnits]:
    """Single named units a plan (or its covering letter) was sent to, with no implementing document."""
    recipients: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        "SELECT d.node_id, r.name, r.purpose, d.issuer FROM recipients r JOIN documents d ON d.id = r.document_id"
    )
    for node, name, purpose, issuer in rows:
        if node and _subordinate(name, purpose, issuer):
            recipients[node].append(name)
    out = []
    for p in plans(g):
        sent_to = [r for c in _carriers(g, p) for r in recipients.get(c, [])]
        if not sent_to:
            continue
        issuers = [issuer_key(g.nodes[u].get("issuer")) or "" for u in _descendants(g, p)]
        silent = [r for r in dict.fromkeys(sent_to) if not any(_same_unit(_unit_key(r), i) for i in issuers if i)]
        if silent:
            out.append(SilentUnits(p, caption(g, p), silent))
    return out


def _citations(g: nx.MultiDiGraph) -> nx.DiGraph:
    """Resolved citations between archived documents, minus a plan pointing back at its own carrier."""
    h = nx.DiGraph()
    for u, v, d in g.edges(data=True):
        if d["kind"] in CITATION_KINDS and d.get("candidates", 1) == 1 and g.nodes[v].get("kind") == "document":
            carried_by = g.has_edge(v, u, "issues") or g.has_edge(v, u, "forwards")
            if not carried_by:
                h.add_edge(u, v)
    return h


def self_references(g: nx.MultiDiGraph) -> list[str]:
    return sorted({caption(g, u) for u, v, d in g.edges(data=True) if u == v and d["kind"] in CITATION_KINDS})


def cycles(g: nx.MultiDiGraph) -> list[list[str]]:
    """One cycle per group of documents that cite each other round (strongly connected)."""
    h = _citations(g)
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    out = []
    for component in nx.strongly_connected_components(h):
        if len(component) > 1:
            cycle = nx.find_cycle(h.subgraph(component))
            out.append([caption(g, u) for u, _ in cycle])
    return sorted(out)


def _before(a: str, b: str) -> bool:
    """a < b at the precision both have ('2023-03' vs '2023-03-10' compares months)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def deadline_issues(conn: sqlite3.Connection, g: nx.MultiDiGraph) -> list[DeadlineIssue]:
    deadlines: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute("SELECT d.node_id, dl.date FROM deadlines dl JOIN documents d ON d.id = dl.document_id")
    for node, date in rows:
        if node:
            deadlines[node].append(date)
    out = []
    for u, v, d in g.edges(data=True):
        if d["kind"] != "basis" or d.get("candidates", 1) != 1 or u == v or g.nodes[v].get("kind") != "document":
            continue
        issued = g.nodes[v].get("issued_date")
        last = max(deadlines.get(v, []), default=None)
        for date in sorted(set(deadlines.get(u, []))):
            reason = None
            if issued and _before(date, issued):
                reason = f"before the parent's issue date {issued}"
            elif last and _before(last, date):
                reason = f"after the parent's deadline {last}"
            if reason:
                out.append(DeadlineIssue(caption(g, u), caption(g, v), date, reason, (u, v)))
    return out


def build_report(conn: sqlite3.Connection, g: nx.MultiDiGraph) -> Report:
    return Report(
        missing=missing_targets(g),
        implementations=implementations(g),
        silent_units=silent_units(conn, g),
        self_references=self_references(g),
        cycles=cycles(g),
        deadline_issues=deadline_issues(conn, g),
    )


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"• {escape(i)}" for i in items)


def render(report: Report, console: Console) -> None:
    """Print the report as rich tables."""
    t = Table(title=f"Referenced documents missing from the archive ({len(report.missing)})", show_lines=False)
    t.add_column("cited by", justify="right")
    t.add_column("document")
    t.add_column("for example, by")
    for m in report.missing:
        t.add_row(str(m.cited_by), escape(m.caption), _bullets(m.examples))
    console.print(t)
    t = Table(title=f"Archived plans and the documents implementing them ({len(report.implementations)})")
    t.add_column("plan")
    t.add_column("implemented directly by")
    t.add_column("at any depth", justify="right")
    for imp in report.implementations:
        t.add_row(escape(imp.caption), _bullets(imp.direct) or "[dim]none in the archive[/dim]", str(imp.total))
    console.print(t)
    t = Table(title=f"Units a plan was sent to that issued no implementing document ({len(report.silent_units)})")
    t.add_column("plan")
    t.add_column("units")
    for unit in report.silent_units:
        t.add_row(escape(unit.caption), _bullets(unit.units))
    console.print(t)
    console.print(f"[bold]Self-references[/bold] ({len(report.self_references)})")
    for ref in report.self_references:
        console.print(f"  {escape(ref)}")
    console.print(f"[bold]Citation cycles[/bold] ({len(report.cycles)})")
    for c in report.cycles:
        console.print("  " + escape(" → ".join([*c, c[0]])))
    t = Table(title=f"Deadlines out of line with the parent document ({len(report.deadline_issues)})")
    for col in ("document", "deadline", "problem", "parent"):
        t.add_column(col)
    for i in report.deadline_issues:
        t.add_row(*(escape(x) for x in (i.document, i.deadline, i.reason, i.parent)))
    console.print(t)
