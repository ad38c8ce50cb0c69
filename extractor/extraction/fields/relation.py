"""Basis or citation: what a mention's place in the preamble's structure says (Nghị định 30/2020).

Basis: a "Căn cứ / Thực hiện / Triển khai …" clause of the preamble; a bare item of a list headed
"Căn cứ:", "I. CĂN CỨ PHÁP LÝ" or "Căn cứ xây dựng kế hoạch:" (items bulleted "-", "+", "•" or numbered
"1.", "a)"), also when the heading is a numbered section; a line that goes on with such a list after ";".
Cites: everything after the preamble; a proposal ("Theo đề nghị của … tại Tờ trình số …"); a document
named inside another item's description ("Kế hoạch số 5 … về thực hiện Nghị quyết số 3 …": the 3).
A mention joined to the one before by "và", "," or ";" inside its clause shares its relation.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import regex as re

from extractor.extraction.clauses import MENTION_STARTS, clause_start
from extractor.extraction.facts import Facts
from extractor.extraction.fields.prefilter import lead_starts, phrase_leads
from extractor.extraction.fold import case_fold
from extractor.extraction.models import Reference, Relation
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.basis_cues import (
    BASIS_HEADING_HEADS,
    BASIS_HEADING_OPENERS,
    BASIS_HEADING_QUALIFIERS,
    BASIS_LEADS,
    IMPLEMENTING_VERBS,
    PROPOSAL_LEADS,
)
from extractor.extraction.vocab.doc_types import TYPE_NAMES
from extractor.extraction.vocab.lazy import on_first_use

# List markers: "- ", "+ ", "• ", "1. ", "1.2. ", "a) ", "I. ".
_MARKER = r"[\s\-+•*–·▪◦]*(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,4})\s*[.)]\s*)?"
_BASIS_LEAD = re.compile(r"(?im)(?:^" + _MARKER + r"|[;.]\s*)(?:" + alternation(BASIS_LEADS) + r")\b")
_MAX_BASIS_PARAGRAPH = 2000
# The verb right before the mention says the document implements it, wherever the sentence starts.
# (reverse, ending in `\s+$`: `.match` finds what `.search` would, see `references._TYPE_BEFORE`)
_IMPLEMENTS_BEFORE = re.compile(r"(?ri)(?<!\p{L})(?:" + alternation(IMPLEMENTING_VERBS) + r")(?:\s+các)?\s+$")
_PROPOSAL = re.compile(r"(?i)(?<!\p{L})(?:" + alternation(PROPOSAL_LEADS) + r")(?!\p{L})")
# A heading over a basis list, the whole line: "I. CĂN CỨ PHÁP LÝ", "Căn cứ xây dựng kế hoạch:", "Căn cứ:".
_BASIS_HEADING = re.compile(
    rf"(?i){_MARKER}(?:(?:{alternation(BASIS_HEADING_OPENERS)})\s*)?(?:{alternation(BASIS_HEADING_HEADS)})"
    rf"(?:\s+(?:{alternation(BASIS_HEADING_QUALIFIERS)})(?!\p{{L}})[^\d/\n]{{0,60}}?)?\s*:?\s*"
)
# Words one of which every such heading holds (a cheap test before the pattern: plans have many headings).
_BASIS_HEADING_HINTS = phrase_leads(BASIS_HEADING_HEADS)
# The mention opens its line: nothing before it but a list marker (and "các").
_BARE_ITEM = re.compile(rf"(?i){_MARKER}(?:các\s+)?")
# A sibling item: a line opening with a document type ("- Luật …", "2. Quyết định số …").
_ITEM_LINE = on_first_use(rf"(?i){_MARKER}(?:các\s+)?(?:{alternation(TYPE_NAMES)})(?!\p{{L}})")
_LEAD_LINE = on_first_use(rf"(?i){_MARKER}(?:{alternation(BASIS_LEADS)})(?!\p{{L}})")
_MAX_LIST_LINES = 40
# Between two mentions of one clause: a list ("…, số 39/2012/NĐ-CP", "… và Quyết định số …").
_JOINED = re.compile(r"(?i)(?:[,;]|(?<!\p{L})(?:và|hoặc))\s*(?:các\s+)?(?:số\s*[:.]?\s*)?$")


@dataclass
class BasisLayout:
    """Where a document's basis lists stand, read once per document."""

    sections: list[tuple[int, int]]  # sections headed as a basis list ("I. CĂN CỨ PHÁP LÝ")
    # Relations of the bare items already read, by (line start, lead limit): the next item stops there.
    items: dict[tuple[int, int], Relation] = field(default_factory=dict)


def basis_layout(ctx: Facts) -> BasisLayout:
    # The headings folded once, one a line, not each on its own (plans have hundreds): a hint holds no "\n", so one
    # found in the joined lines lies in one heading, the one whose line it is on.
    headings = [s.heading for s in ctx.sections]
    line_ends = list(accumulate(len(h) + 1 for h in headings))  # past each heading's "\n"
    hints = lead_starts(case_fold("\n".join(headings)), _BASIS_HEADING_HINTS)
    hinted = dict.fromkeys(bisect_right(line_ends, i) for i in hints)  # heading indexes, in order
    found = []
    for i in hinted:
        s = ctx.sections[i]
        if _BASIS_HEADING.fullmatch(s.heading.strip()):
            found.append((s.start, s.end))
    return BasisLayout(found)


def listed_with(prev: Reference, text: str, start: int) -> bool:
    """Whether the mention at `start`, inside `prev`'s clause, is listed with it ("…, số b", "… và Quyết định …").

    Otherwise it is nested in `prev`'s description ("… về thực hiện Nghị quyết số …") and only cited.
    """
    return _JOINED.search(text, max(prev.span.start, start - 40), start) is not None


def relation(ctx: Facts, pos: int, layout: BasisLayout) -> Relation:
    """Basis when the preamble (or a basis section) bases the document on the mention at `pos`."""
    text = ctx.text
    # The lead opens the paragraph; bounded, so a one-line preamble citing thousands stays linear.
    floor = max(ctx.start, pos - _MAX_BASIS_PARAGRAPH)
    para = max(floor, text.rfind("\n", floor, pos) + 1)
    bare = _BARE_ITEM.fullmatch(text, para, pos) is not None
    in_basis_section = any(lo <= pos < hi for lo, hi in layout.sections)  # under "I. CĂN CỨ PHÁP LÝ"
    if pos >= ctx.preamble_end and not in_basis_section:
        # Items numbered "1)" under the preamble's "Căn cứ:" end the preamble by their number only.
        return _list_relation(ctx, para, ctx.preamble_end, layout) if bare else "cites"
    clause = clause_start(text, para, pos, MENTION_STARTS)
    if _PROPOSAL.search(text, clause, pos):
        return "cites"  # "Theo đề nghị của Sở Nội vụ tại Tờ trình số …"
    if _IMPLEMENTS_BEFORE.match(text, max(para, pos - 40), pos):
        return "basis"  # "… chủ trì cuộc họp triển khai Kế hoạch số …" in the preamble
    if in_basis_section or _BASIS_LEAD.search(text, para, pos):
        return "basis"
    return _list_relation(ctx, para, ctx.end, layout) if bare else "cites"


def _list_relation(ctx: Facts, line_start: int, lead_before: int, layout: BasisLayout) -> Relation:
    """A bare list item takes the relation of its list: basis under a basis heading or a "Căn cứ …" line
    (one that starts before `lead_before`)."""
    rel: Relation = "cites"
    text, floor = ctx.text, max(ctx.body_start, ctx.start)
    end = line_start - 1
    for _ in range(_MAX_LIST_LINES):  # the lines before, nearest first
        if end <= floor:
            break
        start = max(floor, text.rfind("\n", floor, end) + 1)
        line = text[start:end].strip()
        end = start - 1
        if not line:
            continue
        if (start, lead_before) in layout.items:  # the item before, already read: its list is this one's
            rel = layout.items[start, lead_before]
            break
        if _BASIS_HEADING.fullmatch(line) or _LEAD_LINE().match(line):
            rel = "basis" if start < lead_before and not _PROPOSAL.search(line) else "cites"
            break
        if not _ITEM_LINE().match(line):
            break
    layout.items[line_start, lead_before] = rel
    return rel
