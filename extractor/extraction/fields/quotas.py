"""Award quotas: how many collectives or individuals an award goes to, in which review phase, for which group.

A quota is a count of recipients in an award context ("cho 03 tập thể", "Không quá 05 cá nhân"),
with the comparison word, the review phase and the competing group it is for, and the award form
it belongs to.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields.award_forms import anchored, canonical, form_in, sentence
from extractor.extraction.fields.prefilter import Literals, finditer, lead_words, phrase_leads, search
from extractor.extraction.fields.quota_tables import TableCount, table_counts
from extractor.extraction.fold import case_fold, phrase_key
from extractor.extraction.models import Op, Quota
from extractor.extraction.sections import Section
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import (
    AWARD_CUES,
    AWARD_HEADINGS,
    GROUP_LEADS,
    NOT_GROUPS,
    NOT_NUMBER_BEFORE,
    NUMBER_WORDS,
    OPS_AFTER,
    OPS_BEFORE,
    OTHER_HEADINGS,
    PARTICIPATION_SENDS,
    PARTICIPATION_SENT,
    PARTICIPATION_TAKES,
    PHASE_FILLERS,
    PHASE_INTROS,
    PHASE_JOINS,
    PHASE_LABELS,
    PHASE_QUALIFIERS,
    PHASES,
    RECIPIENTS,
)


def _any(patterns: tuple[str, ...]) -> str:
    """Vocabularies written as regex fragments, joined as they are."""
    return "|".join(patterns)


# A count and who it counts, matched where a number starts; the comparison word is read before it.
_QUOTA = re.compile(
    rf"(?i)(?<!(?<!\p{{L}})(?:{alternation(NOT_NUMBER_BEFORE)})\s+)"
    rf"(?:(?<![\p{{L}}\d.,/])(?P<num>\d{{1,3}})|(?<!\p{{L}})(?P<word>{alternation(NUMBER_WORDS)}))"
    rf"(?![\p{{L}}\d.,/%])\s*(?:\(\s*[\p{{L}}\s]+\)\s*)?"
    rf"(?P<rec>{alternation(RECIPIENTS)})(?!\p{{L}})"
    rf"(?:\s+(?P<after>{alternation(OPS_AFTER)})(?!\p{{L}}))?"
)
# "tối đa 02 tập thể", and as a label: "Số lượng tối đa: 02 tập thể, 03 cá nhân".
_OP_BEFORE = re.compile(rf"(?ri)(?<!\p{{L}})(?P<op>{alternation(OPS_BEFORE)})\s*:?\s+$")
_OP_BEFORE_LEADS = phrase_leads(OPS_BEFORE)
_RECIPIENT_STARTS = (*(r.split()[0] for r in RECIPIENTS), "(")
# Candidate counts in figures: a number followed by what may start a recipient (dates and
# percentages are most numbers of a plan; skipping them here keeps the quota pattern off them).
_DIGITS = re.compile(
    rf"(?<![\p{{L}}\d.,/])\d{{1,3}}(?![\p{{L}}\d.,/%])(?=\s*(?:\(|(?i:{alternation(_RECIPIENT_STARTS[:-1])})))"
)
# Literal anchors for counts in words, found like the forms' (see `anchored`).
_NUMBER_ANCHORS = {f"{w} ": _QUOTA for w in NUMBER_WORDS}
_NUMBER_LITERALS = Literals(_NUMBER_ANCHORS)
_OP_JOIN = re.compile(r"\s*(?:,|;|và|hoặc)\s*")
_AWARD_CUE = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_CUES)})")
_AWARD_CUE_LEADS = lead_words(AWARD_CUES)
_AWARD_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_HEADINGS)})")
_AWARD_HEADING_LEADS = lead_words(AWARD_HEADINGS)
_OTHER_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(OTHER_HEADINGS)})")
_OTHER_HEADING_LEADS = lead_words(OTHER_HEADINGS)
# List markers at a line start: "-", "+", "a)", "1.", "1.2.", "II."
_MARKER = r"[ \t]*(?:[-+•*][ \t]*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.)][ \t]*)?"
_PHASES = _any(PHASES)
_QUALIFIER = alternation(PHASE_QUALIFIERS)
# An intro, with or without which occurrence it is ("trong mỗi đợt"), or that alone ("mỗi đợt").
_INTRO = rf"(?:{alternation(PHASE_INTROS)})(?:\s+(?:{_QUALIFIER}))?|{_QUALIFIER}"
_LABELS = _any((*PHASES, *PHASE_LABELS))
# A phase line: an intro word and a phase, or a phase labelling what follows (up to ':' or the line end).
_PHASE_LINE = re.compile(
    rf"(?im)^{_MARKER}(?:(?:{_INTRO})\s+(?=(?:{_PHASES}))|(?=(?:{_LABELS})[^\n:;.]{{0,40}}(?::|\.?$)))"
    rf"(?P<phase>{_LABELS})"
)
# Literal words every phase line holds one of (a cheap test before the pattern).
_PHASE_HINTS = ("kết", "đợt", "tháng", "năm", "học kỳ", "giai đoạn")
# A phase inside a sentence or a heading; one after the quota needs its intro ("… khi tổng kết năm").
_PHASE_IN = re.compile(rf"(?i)(?<!\p{{L}})(?:(?P<intro>{_INTRO})\s+)?(?P<phase>{_PHASES})")
_PHASE_LEADS = lead_words(PHASES)
_PHASE_IN_LEADS = (None if _PHASE_LEADS is None
                   else _PHASE_LEADS | phrase_leads(PHASE_INTROS) | phrase_leads(PHASE_QUALIFIERS))
# Phases named together are one quota's: "Khi sơ kết, tổng kết phong trào, tặng …" (see `_first_joined`).
_PHASE_JOIN = re.compile(rf"\s*(?:{alternation(PHASE_JOINS)})\s*")
_PHASE_START = re.compile(rf"(?i)(?:(?:{_INTRO})\s+)?(?:{_LABELS})")
_PHASE_FILLER = re.compile(rf"(?i)\s+(?:{alternation(PHASE_FILLERS)})(?=\s)")
_NOT_GROUP = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(NOT_GROUPS)})")
_NOT_GROUP_LEADS = lead_words(NOT_GROUPS)
_GROUP_LEAD = re.compile(rf"(?i)^(?:{alternation(GROUP_LEADS)})\s+")
_LINE_MARKER = re.compile(rf"^{_MARKER}")
_MAX_GROUP = 100
_MAX_LEAD_IN = 80  # characters of a lead-in line that labels a phase


@dataclass
class _Scope:
    """What the quotas of one document share, each read once: its award forms, the phase a line
    starting at an offset labels, what a heading says (a plan's quotas sit under the same few), and what
    a sentence holds (its forms, award cue and phases: "01 tập thể, 03 cá nhân" are two counts of one).
    A sentence is keyed by its bounds [lo, hi): what it holds is read from text[lo:hi] alone."""

    ctx: Facts
    forms: tuple[re.Match[str], ...]
    lines: dict[int, str | None] = field(default_factory=dict)
    topics: dict[str, bool | None] = field(default_factory=dict)
    phases: dict[str, str | None] = field(default_factory=dict)
    heading_forms: dict[str, str | None] = field(default_factory=dict)
    near: dict[tuple[int, int], list[re.Match[str]]] = field(default_factory=dict)
    cues: dict[tuple[int, int], bool] = field(default_factory=dict)
    inside: dict[tuple[int, int], list[re.Match[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [m.start() for m in self.forms]  # ascending: the forms are in text order

    def forms_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The award forms written within [lo, hi)."""
        if (lo, hi) not in self.near:
            i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
            self.near[lo, hi] = [m for m in self.forms[i:j] if m.end() <= hi]
        return self.near[lo, hi]

    def cue_in(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] holds an award cue ("khen", "tặng", …)."""
        if (lo, hi) not in self.cues:
            self.cues[lo, hi] = search(_AWARD_CUE, self.ctx.text, _AWARD_CUE_LEADS, lo, hi) is not None
        return self.cues[lo, hi]

    def phases_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The phases named within [lo, hi), in order (none where no phase's first word is written: an intro
        word alone, "khi", "các", "trong", names none, and most sentences hold some)."""
        if (lo, hi) not in self.inside:
            folded = case_fold(self.ctx.text[lo:hi])
            named = _PHASE_LEADS is None or any(word in folded for word in _PHASE_LEADS)
            self.inside[lo, hi] = finditer(_PHASE_IN, self.ctx.text, _PHASE_IN_LEADS, lo, hi, folded) if named else []
        return self.inside[lo, hi]


# A count that describes which units qualify ("có dưới 10 cán bộ", "có từ 20 cá nhân trở lên").
_CONDITION = re.compile(r"(?ri)(?<!\p{L})có\s+(?:dưới|trên|từ|hơn|ít\s+hơn|nhiều\s+hơn|không\s+quá)\s*$")

# A count of who is sent to take part ("mỗi trường cử từ 01 đến 03 cá nhân tham gia"): not a quota.
_SENDS = re.compile(rf"(?i)(?<!\p{{L}})(?:{alternation(PARTICIPATION_SENDS)})(?!\p{{L}})")
_TAKES = re.compile(rf"(?i)^[^\n.;,]{{0,30}}?(?<!\p{{L}})(?:{alternation(PARTICIPATION_TAKES)})(?!\p{{L}})")
_SENDS_WINDOW = 40
# "mỗi chi đoàn cử (ít nhất) 01 đoàn viên": sent, even with no taking part written after it.
_SENT = re.compile(
    rf"(?ri)(?<!\p{{L}})(?:{alternation(PARTICIPATION_SENT)})\s+(?:(?:{alternation(OPS_BEFORE)})\s+)?$"
)


def _participation(text: str, lo: int, start: int, end: int) -> bool:
    """Whether the count is of people sent to take part, not of recipients of an award."""
    if _SENT.search(text, max(lo, start - 30), start):
        return True
    return bool(_SENDS.search(text, max(lo, start - _SENDS_WINDOW), start)) and bool(_TAKES.match(text[end : end + 60]))


_T = TypeVar("_T")


def _once(cache: dict[str, _T], read: Callable[[str], _T], heading: str) -> _T:
    if heading not in cache:
        cache[heading] = read(heading)
    return cache[heading]


def _innermost(cache: dict[str, _T], read: Callable[[str], _T], sections: list[Section]) -> _T | None:
    """What the innermost heading that says anything says (headings read once per document)."""
    for section in reversed(sections):
        value = _once(cache, read, section.heading)
        if value is not None:
            return value
    return None


def _in_award_context(scope: _Scope, sections: list[Section], lo: int, hi: int) -> bool:
    """The sentence names an award, or the innermost heading about a topic is about awards."""
    if scope.forms_in(lo, hi) or scope.cue_in(lo, hi):
        return True
    topic: bool | None = _innermost(scope.topics, _heading_topic, sections)
    return bool(topic)


def _heading_topic(heading: str) -> bool | None:
    """True for a heading about awards, False for one about another topic, None for neither."""
    if search(_AWARD_HEADING, heading, _AWARD_HEADING_LEADS):
        return True
    return False if search(_OTHER_HEADING, heading, _OTHER_HEADING_LEADS) else None


def _phase(scope: _Scope, sections: list[Section], lo: int, hi: int, start: int, end: int) -> str | None:
    """The review phase of a quota: named in its sentence, else by the nearest phase line before it in
    its section ("- Sơ kết 6 tháng:"), else by its innermost heading that names one."""
    ctx = scope.ctx
    inside = scope.phases_in(lo, hi)
    before = [m for m in inside if m.end() <= start]
    # after the quota a phase needs its intro word, or brackets: "02 tập thể (tổng kết năm)"
    after = [m for m in inside if m.start() >= end
             and (m.group("intro") or ctx.text[max(lo, m.start() - 3) : m.start()].rstrip().endswith("("))]
    if before:
        return _phase_text(_first_joined(ctx.text, before))
    if after:
        return _phase_text(after[0])
    line = _phase_line_before(scope, start, sections[-1].start if sections else ctx.body_start)
    if line is not None:
        return line
    return _innermost(scope.phases, _heading_phase, sections)


def _first_joined(text: str, phases: list[re.Match[str]]) -> re.Match[str]:
    """The last phase, or the first of the phases joined with it ("sơ kết, tổng kết phong trào"): a
    quota is one count with one phase, and the scorer's key reads such a list as its first phase."""
    i = len(phases) - 1
    while i > 0 and _PHASE_JOIN.fullmatch(text, phases[i - 1].end(), phases[i].start()):
        i -= 1
    return phases[i]


def _heading_phase(heading: str) -> str | None:
    m = search(_PHASE_IN, heading, _PHASE_IN_LEADS)
    return _phase_text(m) if m else None


def _phase_line_before(scope: _Scope, pos: int, floor: int) -> str | None:
    """The phase of the nearest phase line of the body starting before pos, if it starts at floor or after.

    Lines are read back from pos: scanning the body with a multi-line "^" pattern costs more than
    the rest of the quota extraction.
    """
    text, base = scope.ctx.text, scope.ctx.body_start
    line = pos
    while line > base:
        line = text.rfind("\n", base, line - 1) + 1 or base
        if line < floor:
            return None
        if line not in scope.lines:
            scope.lines[line] = _phase_line(scope.ctx, line)
        if scope.lines[line] is not None:
            return scope.lines[line]
    return None


def _phase_line(ctx: Facts, start: int) -> str | None:
    """The phase a line at start labels ("- Sơ kết 6 tháng:"); only lines holding a phase word are matched."""
    end = ctx.text.find("\n", start, ctx.end)
    end = ctx.end if end < 0 else end
    low = ctx.text[start : min(end, start + 80)].lower()
    if not any(hint in low for hint in _PHASE_HINTS):
        return None
    m = _PHASE_LINE.match(ctx.text, start, end)
    if m is None and end - start <= _MAX_LEAD_IN and ctx.text[start:end].rstrip().endswith(":"):
        # A short lead-in naming a phase governs the list after it ("Khen thưởng tổng kết năm 2019:");
        # a long sentence ending with ':' introduces its own list ("Báo cáo sơ kết … gồm các nội dung sau:").
        m = search(_PHASE_IN, ctx.text, _PHASE_IN_LEADS, start, end)
    return _phase_text(m) if m else None


def _phase_text(m: re.Match[str]) -> str:
    """'Tổng kết phong trào cuối năm' -> 'tổng kết cuối năm'."""
    return phrase_key(_PHASE_FILLER.sub("", m.group("phase")))


def _group(ctx: Facts, start: int) -> str | None:
    """Who competes, named before ':' on the quota's line ("+ UBND các xã, thị trấn: 01 tập thể")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line_start, start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    head: str = _GROUP_LEAD.sub("", _LINE_MARKER.sub("", text[line_start:colon], count=1)).strip()
    if not head or len(head) > _MAX_GROUP or _PHASE_START.match(head):
        return None
    if search(_NOT_GROUP, head, _NOT_GROUP_LEADS):
        return None
    if form_in(head):  # "- Cờ thi đua của Bộ: 06 tập thể" names the award, not who competes
        return None
    return head


def _award_of(scope: _Scope, sections: list[Section], lo: int, hi: int, pos: int) -> str | None:
    """The form the quota is for: nearest in its sentence, else in its headings, else the only one."""
    near = scope.forms_in(lo, hi)
    if near:
        return canonical(min(near, key=lambda m: abs(m.start() - pos)))
    for section in reversed(sections):
        form = _once(scope.heading_forms, _heading_form, section.heading)
        if form is not None:
            return form
    offered = {m.form for m in scope.ctx.award_mentions}  # the forms the document's awards offer
    return offered.pop() if len(offered) == 1 else None


def _heading_form(heading: str) -> str | None:
    m = form_in(heading)
    return canonical(m) if m else None


def _count(m: re.Match[str]) -> int:
    return int(m.group("num")) if m.group("num") else NUMBER_WORDS[m.group("word").lower()]


def extract_quotas(ctx: Facts) -> list[Quota]:
    """Award quotas: a count of collectives or individuals in an award context, in text order."""
    text = ctx.text
    quotas: list[Quota] = []
    prev_end = -1
    prev_op: Op = "="
    digits = (d.start() for d in _DIGITS.finditer(text, ctx.body_start, ctx.end))
    counts = anchored(ctx, _NUMBER_LITERALS, _NUMBER_ANCHORS, digits, _QUOTA, _RECIPIENT_STARTS)
    tables = list(table_counts(text, ctx.body_start, ctx.end))
    if not counts and not tables:
        return quotas
    scope = _Scope(ctx, ctx.award_forms)
    for m in counts:
        if ctx.is_excluded(m.start(), m.end()):
            continue
        lo, hi = sentence(ctx, m.start(), m.end())
        # The headings over the count are those over its comparison word: both sit in one sentence.
        sections = ctx.sections_at(m.start())
        if not _in_award_context(scope, sections, lo, hi):
            continue
        if _CONDITION.search(text, max(lo, m.start() - 30), m.start()):
            continue  # "các đơn vị có dưới 10 cán bộ …": who may be proposed, not how many
        if _participation(text, lo, m.start(), m.end()):
            continue
        before = search(_OP_BEFORE, text, _OP_BEFORE_LEADS, max(lo, m.start() - 25), m.start())
        start = before.start() if before else m.start()
        op: Op
        if before:
            op = OPS_BEFORE[phrase_key(before.group("op"))]
        elif m.group("after"):
            op = OPS_AFTER[phrase_key(m.group("after"))]
        elif prev_end >= lo and _OP_JOIN.fullmatch(text, prev_end, start):
            op = prev_op  # "Không quá 01 tập thể và 03 cá nhân"
        else:
            op = "="
        quotas.append(Quota(
            count=_count(m), op=op, recipient=RECIPIENTS[phrase_key(m.group("rec"))],
            phase=_phase(scope, sections, lo, hi, start, m.end()), group=_group(ctx, start),
            award=_award_of(scope, sections, lo, hi, start), span=ctx.span(start, m.end()),
        ))
        prev_end, prev_op = m.end(), op
    if tables:
        quotas += _table_quotas(scope, tables)
        quotas.sort(key=lambda q: q.span.start)
    return quotas


def _table_quotas(scope: _Scope, tables: list[TableCount]) -> list[Quota]:
    """Quotas in award tables ("Giấy khen\t03\t05" under "Hình thức\tTập thể\tCá nhân"): the row's
    label names the form or the phase, else its sentence context and headings do."""
    ctx, out = scope.ctx, []
    for t in tables:
        lo, hi = t.row.start, t.row.end
        if ctx.is_excluded(lo, hi):
            continue
        sections = ctx.sections_at(lo)
        if not _in_award_context(scope, sections, lo, hi):
            continue
        out.append(Quota(
            count=int(t.number.text), op="=", recipient=t.recipient,
            phase=_phase(scope, sections, lo, hi, t.number.start, t.number.end), group=None,
            award=_award_of(scope, sections, lo, hi, lo), span=ctx.span(t.number.start, t.number.end),
        ))
    return out
