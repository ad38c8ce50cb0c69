"""Award quotas: how many collectives or individuals an award goes to, in which review phase, for which group.

A quota is a count of recipients in an award context ("cho 03 tập thể", "Không quá 05 cá nhân"),
with the comparison word, the review phase and the competing group it is for, and the award form
it belongs to.
"""

from __future__ import annotations

from bisect import bisect_left

import regex as re

from extractor.context import DocContext, lines_between
from extractor.fields.award_forms import FORM, anchored, canonical, find_forms, phrase_key, sentence
from extractor.models import Award, Op, Quota
from extractor.vocab import alternation
from extractor.vocab.awards import (
    AWARD_CUES,
    AWARD_HEADINGS,
    GROUP_LEADS,
    NOT_GROUPS,
    NOT_NUMBER_BEFORE,
    NUMBER_WORDS,
    OPS_AFTER,
    OPS_BEFORE,
    OTHER_HEADINGS,
    PHASE_FILLERS,
    PHASE_INTROS,
    PHASE_LABELS,
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
_OP_BEFORE = re.compile(rf"(?i)(?<!\p{{L}})(?P<op>{alternation(OPS_BEFORE)})\s+$")
_RECIPIENT_STARTS = (*(r.split()[0] for r in RECIPIENTS), "(")
# Candidate counts in figures: a number followed by what may start a recipient (dates and
# percentages are most numbers of a plan; skipping them here keeps the quota pattern off them).
_DIGITS = re.compile(
    rf"(?<![\p{{L}}\d.,/])\d{{1,3}}(?![\p{{L}}\d.,/%])(?=\s*(?:\(|(?i:{alternation(_RECIPIENT_STARTS[:-1])})))"
)
# Literal anchors for counts in words, found like the forms' (see `anchored`).
_NUMBER_ANCHORS = frozenset(f"{w} " for w in NUMBER_WORDS)
_OP_JOIN = re.compile(r"\s*(?:,|;|và|hoặc)\s*")
_AWARD_CUE = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_CUES)})")
_AWARD_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_HEADINGS)})")
_OTHER_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(OTHER_HEADINGS)})")
# List markers at a line start: "-", "+", "a)", "1.", "1.2.", "II."
_MARKER = r"[ \t]*(?:[-+•*][ \t]*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.)][ \t]*)?"
_PHASES = _any(PHASES)
_INTRO = alternation(PHASE_INTROS)
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
_PHASE_START = re.compile(rf"(?i)(?:(?:{_INTRO})\s+)?(?:{_LABELS})")
_PHASE_FILLER = re.compile(rf"(?i)\s+(?:{alternation(PHASE_FILLERS)})(?=\s)")
_NOT_GROUP = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(NOT_GROUPS)})")
_GROUP_LEAD = re.compile(rf"(?i)^(?:{alternation(GROUP_LEADS)})\s+")
_LINE_MARKER = re.compile(rf"^{_MARKER}")
_MAX_GROUP = 100


def _in_award_context(ctx: DocContext, forms: list[re.Match[str]], lo: int, hi: int, pos: int) -> bool:
    """The sentence names an award, or the innermost heading about a topic is about awards."""
    if _AWARD_CUE.search(ctx.text, lo, hi) or _forms_in(forms, lo, hi):
        return True
    for section in reversed(ctx.sections_at(pos)):
        if _AWARD_HEADING.search(section.heading):
            return True
        if _OTHER_HEADING.search(section.heading):
            return False
    return False


def _forms_in(forms: list[re.Match[str]], lo: int, hi: int) -> list[re.Match[str]]:
    i = bisect_left(forms, lo, key=lambda m: m.start())
    j = bisect_left(forms, hi, key=lambda m: m.start())
    return [m for m in forms[i:j] if m.end() <= hi]


def _phase(ctx: DocContext, lines: list[re.Match[str]], lo: int, hi: int, start: int, end: int) -> str | None:
    """The review phase of a quota: named in its sentence, else by the nearest phase line before it in
    its section ("- Sơ kết 6 tháng:"), else by its innermost heading that names one."""
    inside = list(_PHASE_IN.finditer(ctx.text, lo, hi))
    before = [m for m in inside if m.end() <= start]
    after = [m for m in inside if m.start() >= end and m.group("intro")]
    if before or after:
        return _phase_text((before[-1:] or after)[0])
    sections = ctx.sections_at(start)
    floor = sections[-1].start if sections else ctx.body_start
    i = bisect_left(lines, start, key=lambda m: m.start())
    if i and lines[i - 1].start() >= floor:
        return _phase_text(lines[i - 1])
    for section in reversed(sections):
        m = _PHASE_IN.search(section.heading)
        if m:
            return _phase_text(m)
    return None


def _phase_text(m: re.Match[str]) -> str:
    """'Tổng kết phong trào cuối năm' -> 'tổng kết cuối năm'."""
    return phrase_key(_PHASE_FILLER.sub("", m.group("phase")))


def _group(ctx: DocContext, start: int) -> str | None:
    """Who competes, named before ':' on the quota's line ("+ UBND các xã, thị trấn: 01 tập thể")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line_start, start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    head: str = _GROUP_LEAD.sub("", _LINE_MARKER.sub("", text[line_start:colon], count=1)).strip()
    if not head or len(head) > _MAX_GROUP or _PHASE_START.match(head) or _NOT_GROUP.search(head):
        return None
    if FORM.search(head):  # "- Cờ thi đua của Bộ: 06 tập thể" names the award, not who competes
        return None
    return head


def _award_of(ctx: DocContext, awards: list[Award], forms: list[re.Match[str]], lo: int, hi: int,
              pos: int) -> str | None:
    """The form the quota is for: nearest in its sentence, else in its headings, else the only one."""
    near = _forms_in(forms, lo, hi)
    if near:
        return canonical(min(near, key=lambda m: abs(m.start() - pos)))
    for section in reversed(ctx.sections_at(pos)):
        m = FORM.search(section.heading)
        if m:
            return canonical(m)
    offered = {a.form for a in awards}
    return offered.pop() if len(offered) == 1 else None


def _phase_lines(ctx: DocContext) -> list[re.Match[str]]:
    # Per line, and only lines holding a phase word: scanning the body with a multi-line "^" pattern
    # costs more than the rest of the quota extraction.
    found = []
    for s, e, line in lines_between(ctx.text, ctx.body_start, ctx.end):
        low = line[:80].lower()
        if any(hint in low for hint in _PHASE_HINTS):
            m = _PHASE_LINE.match(ctx.text, s, e)
            if m:
                found.append(m)
    return found


def _count(m: re.Match[str]) -> int:
    return int(m.group("num")) if m.group("num") else NUMBER_WORDS[m.group("word").lower()]


def extract_quotas(ctx: DocContext, awards: list[Award]) -> list[Quota]:
    """Award quotas: a count of collectives or individuals in an award context, in text order."""
    text = ctx.text
    quotas: list[Quota] = []
    prev_end = -1
    prev_op: Op = "="
    digits = (d.start() for d in _DIGITS.finditer(text, ctx.body_start, ctx.end))
    counts = anchored(_QUOTA, ctx, _NUMBER_ANCHORS, digits, _RECIPIENT_STARTS)
    if not counts:
        return quotas
    forms = find_forms(ctx)
    phase_lines = _phase_lines(ctx)
    for m in counts:
        if ctx.is_excluded(m.start(), m.end()):
            continue
        lo, hi = sentence(ctx, m.start(), m.end())
        if not _in_award_context(ctx, forms, lo, hi, m.start()):
            continue
        before = _OP_BEFORE.search(text, max(lo, m.start() - 25), m.start())
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
            phase=_phase(ctx, phase_lines, lo, hi, start, m.end()), group=_group(ctx, start),
            award=_award_of(ctx, awards, forms, lo, hi, start), span=ctx.span(start, m.end()),
        ))
        prev_end, prev_op = m.end(), op
    return quotas
