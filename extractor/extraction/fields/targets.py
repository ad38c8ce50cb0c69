"""Quantitative targets (chỉ tiêu): "từ 90% trở lên số TTHC …", "100% cán bộ …", "đạt 90 điểm trở lên".

Every share in the body is a target unless it names something else (a quoted name, a cited
title), describes the past ("đã đạt 85%", "năm 2022 đạt 85%", "so với cùng kỳ"), is a baseline
("tăng từ 60% lên 80%") or a composition ("chiếm 30%"). Other units count only with an explicit
bound, so "mức độ 3,4" or "ít nhất 01 hồ sơ" never do.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields.prefilter import Literals, matches_at, occurrences, phrase_leads, search
from extractor.extraction.fold import case_fold
from extractor.extraction.models import Op, Target
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.comparators import (
    AFTER,
    AIM_LEADS,
    AIM_TAILS,
    BARE_FULL,
    BARE_PARTIAL,
    BEFORE,
    COUNTED_UNITS,
    FILLERS,
    FULL_SHARE,
    NOT_AIM_HEADINGS,
    NOT_AIMS,
    SYMBOLS,
)
from extractor.extraction.vocab.time_words import AIM_WORDS, PAST_ANYWHERE, PAST_BEFORE, PAST_HEADINGS

# How a share is written after its number.
_PERCENT = ("%", "phần trăm")
# "97,5%", "100 %", "50 phần trăm", "90 điểm"; decimals take one or two digits ("1.000" is a thousand).
_VALUE = re.compile(
    r"(?<![\d.,/])(?P<num>\d{1,3}(?:[.,]\d{1,2})?)(?![\d.,]\d)\s?"
    rf"(?:(?P<pct>{alternation(_PERCENT)})|(?P<unit>{alternation(COUNTED_UNITS)})(?!\p{{L}}))",
    re.IGNORECASE,
)
# A value is found from its unit: the unit's first word in the lower-cased body, then the run of digits
# and decimal marks right before it ("\s?" apart), where alone a value can start (its number follows
# no digit or mark), at most 7 characters back ("97,55 %"); one more shows a longer run.
_UNIT_LEADS = Literals(phrase_leads(_PERCENT + COUNTED_UNITS))
_NUMBER_BEFORE = re.compile(r"(?r)[\d.,]+\s?")
_NUMBER_REACH = 8
# A bound right before the number, maybe through a filler: "không dưới mức 70%", "(trên 90%)", "≥ 90%".
_BEFORE = re.compile(
    rf"(?:(?P<sym>{alternation(SYMBOLS)})|(?<!\p{{L}})(?P<word>{alternation(BEFORE)})"
    rf"(?:\s+(?:{alternation(FILLERS)}))*)\s*$",
    re.IGNORECASE,
)
# A bound after the number, a few words on at most: "từ 40% số hồ sơ TTHC trở lên".
_AFTER = re.compile(rf"[^\d;.\n]{{0,60}}?(?<!\p{{L}})(?P<word>{alternation(AFTER)})(?!\p{{L}})", re.IGNORECASE)
# "tăng từ 60% lên 80%": the first share is where things stand, not the aim.
_BASELINE = re.compile(r"\s*(?:lên|xuống)\s+(?:mức\s+)?\d", re.IGNORECASE)
_NOT_AIM = re.compile(rf"(?r)(?<!\p{{L}})(?:{alternation(NOT_AIMS)})(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*$", re.IGNORECASE)
_PAST_ANYWHERE = re.compile(rf"(?<!\p{{L}})(?:{alternation(PAST_ANYWHERE)})(?!\p{{L}})", re.IGNORECASE)
_PAST_BEFORE = re.compile(rf"(?<!\p{{L}})(?:{alternation(PAST_BEFORE)})(?!\p{{L}})", re.IGNORECASE)
_AIM = re.compile(rf"(?<!\p{{L}})(?:{alternation(AIM_WORDS)})(?!\p{{L}})", re.IGNORECASE)
# First words of what the patterns above match: the clause is searched only where one is written.
_BEFORE_LEADS = phrase_leads((*SYMBOLS, *BEFORE))
_NOT_AIM_LEADS = phrase_leads(NOT_AIMS)
_PAST_ANYWHERE_LEADS = phrase_leads(PAST_ANYWHERE)
_PAST_BEFORE_LEADS = phrase_leads(PAST_BEFORE)
_AIM_LEADS = phrase_leads(AIM_WORDS)
# Headings over shares that are no aims; the heading's first token is its marker ("I.", "1.2.", "a)").
_NO_AIM_HEADING = re.compile(
    rf"^\S+\s+(?:{alternation(PAST_HEADINGS + NOT_AIM_HEADINGS)})(?!\p{{L}})", re.IGNORECASE
)
_YEAR_WORD = "năm"
_YEAR = re.compile(rf"(?<!\p{{L}}){_YEAR_WORD}\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MEASURE_LEAD = re.compile(rf"^(?:(?:{alternation(AIM_LEADS)})(?!\p{{L}})\s*)+", re.IGNORECASE)
_MEASURE_TAIL = re.compile(rf"(?r)(?:\s+(?:{alternation(AIM_TAILS)}))+$", re.IGNORECASE)
_TAIL_ENDS = tuple({case_fold(t.split()[-1]) for t in AIM_TAILS})
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_SPACES = re.compile(r"\s+")
# In a printable text the only white space is " " (every other White_Space character is a control or a
# separator), so runs of two or more spaces are all `_SPACES` has to rewrite: far fewer matches to replace.
_SPACE_RUNS = re.compile(r"  +")
_LETTER = re.compile(r"\p{L}")  # a measure names something: one letter (a C search, not a Python loop)
# Marks no space goes before in a measure.
_MARKS = ",;:)"
# How far back a bound may start before its number.
_BEFORE_WINDOW = 40
# "từ X%" is a floor, unless a "trở xuống" after it says otherwise.
_FROM = "từ"
# Counted units need this bound after them: "90 điểm trở lên".
_UNIT_BOUND: Op = ">="


@dataclass(frozen=True)
class _Hit:
    """A number with a unit, and the part of its clause that belongs to it."""

    m: re.Match[str]
    lo: int
    hi: int


def _values(ctx: Facts) -> list[re.Match[str]]:
    """The body's values, as `_VALUE.finditer` over it finds them."""
    text, starts = ctx.text, set[int]()
    for unit in occurrences(ctx, _UNIT_LEADS):
        number = _NUMBER_BEFORE.match(text, max(ctx.body_start, unit - _NUMBER_REACH), unit)
        if number:
            starts.add(number.start())
    return matches_at(_VALUE, text, sorted(starts), ctx.end)


def _hits(ctx: Facts) -> list[_Hit]:
    """Shares and counted amounts of the body, each with its clause cut at the comma between neighbours."""
    found = [(m, ctx.clause(m.start(), m.end())) for m in _values(ctx)]
    # cuts[i]: the comma between value i and value i+1 of the same clause, if any ("3,4" is no comma).
    cuts: list[int | None] = []
    for (m, clause), (nxt, nxt_clause) in pairwise(found):
        comma = ctx.text.rfind(", ", m.end(), nxt.start()) if clause == nxt_clause else -1
        cuts.append(comma if comma >= 0 else None)
    cuts.append(None)
    hits = []
    for i, (m, (lo, hi)) in enumerate(found):
        left = cuts[i - 1] if i else None
        right = cuts[i]
        hits.append(_Hit(m, lo if left is None else left + 1, hi if right is None else right))
    return hits


def _reference_year(ctx: Facts) -> int | None:
    """The year the plan is written in: from its date, else the earliest year of its title."""
    if ctx.issued_date:
        return int(ctx.issued_date[:4])
    if ctx.title_span:
        years = [int(y) for y in _ANY_YEAR.findall(ctx.text, *ctx.title_span)]
        return min(years) if years else None
    return None


def _in_no_aim_section(ctx: Facts, pos: int, seen: dict[str, bool]) -> bool:
    """Under a heading that reports results ("I. KẾT QUẢ NĂM 2016") or funds, not one that sets aims
    (each heading judged once per document: `seen`)."""
    for h in ctx.headings_at(pos):
        if h not in seen:
            seen[h] = bool(_NO_AIM_HEADING.match(h)) and not search(_AIM, h, _AIM_LEADS)
        if seen[h]:
            return True
    return False


def _is_past(text: str, hit: _Hit, ref_year: int | None) -> bool:
    clause, cut = text[hit.lo : hit.hi], hit.m.start() - hit.lo
    low = case_fold(clause)
    if search(_AIM, clause, _AIM_LEADS, folded=low):
        return False
    before = clause[:cut]
    if search(_PAST_ANYWHERE, clause, _PAST_ANYWHERE_LEADS, folded=low) or search(
        _PAST_BEFORE, before, _PAST_BEFORE_LEADS, folded=low[:cut]
    ):
        return True
    if ref_year is None or _YEAR_WORD not in low[:cut]:
        return False
    return any(int(y.group("y")) < ref_year for y in _YEAR.finditer(before))


def _op(before: re.Match[str] | None, after: re.Match[str] | None, value: float) -> Op:
    """A bound word before the number wins; "từ" yields to "trở lên/xuống" after it; else bare."""
    if before and before.group("sym"):
        return SYMBOLS[before.group("sym")]
    word = _key(before.group("word")) if before else None
    if word and word != _FROM:
        return BEFORE[word]
    if after:
        return AFTER[_key(after.group("word"))]
    if word:
        return BEFORE[word]
    return BARE_FULL if value == FULL_SHARE else BARE_PARTIAL


def _measure(text: str, lo: int, hi: int, cut: list[tuple[int, int]]) -> str | None:
    """The clause without its numeric phrase and aim words: what is measured, for whom."""
    pieces, pos = [], lo
    for a, b in cut:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:hi])
    measure = _EMPTY_BRACKETS.sub(" ", " ".join(pieces))
    measure = _SPACE_RUNS.sub(" ", measure) if measure.isprintable() else _SPACES.sub(" ", measure)
    for mark in _MARKS:  # every run of white space is one " " now
        measure = measure.replace(" " + mark, mark)
    measure = _MEASURE_LEAD.sub("", measure.strip(" ,:;-")).strip(" ,:;-")
    if case_fold(measure).endswith(_TAIL_ENDS):
        measure = _MEASURE_TAIL.sub("", measure).strip(" ,:;-")
    return measure if _LETTER.search(measure) else None


def _target(ctx: Facts, hit: _Hit, ref_year: int | None, no_aim: dict[str, bool]) -> Target | None:
    text, m = ctx.text, hit.m
    window = max(hit.lo, m.start() - _BEFORE_WINDOW)
    low = case_fold(text[window : m.start()])
    before = search(_BEFORE, text, _BEFORE_LEADS, window, m.start(), low)
    after = _AFTER.match(text, m.end(), hit.hi)
    if m.group("unit") and not (after and AFTER[_key(after.group("word"))] == _UNIT_BOUND):
        return None
    if search(_NOT_AIM, text, _NOT_AIM_LEADS, window, m.start(), low) or _BASELINE.match(text, m.end(), hit.hi):
        return None
    if _is_past(text, hit, ref_year) or _in_no_aim_section(ctx, m.start(), no_aim):
        return None
    value = float(m.group("num").replace(",", "."))
    op = _op(before, after, value)
    if op in ("<=", "<") and _AWARD_SHARE.match(text, m.end(), hit.hi) and _AWARD_WORDS.search(text, hit.lo, hit.hi):
        return None  # "không quá 15% tổng số cá nhân được khen": a cap on awards, not an aim
    start = before.start() if before else m.start()
    # The text starts after a "Chỉ tiêu:"-style head, which stays the measure when nothing else says it.
    colon = text.rfind(":", hit.lo, start)
    t_lo = colon + 1 if colon >= 0 else hit.lo
    cut = [(start, m.end())] + ([(after.start("word"), after.end())] if after else [])
    measure = _measure(text, t_lo, hit.hi, cut)
    if measure is None and colon >= 0:
        measure = _measure(text, hit.lo, colon, [])
    return Target(
        value=value, unit="%" if m.group("pct") else _key(m.group("unit")), op=op,
        text=text[t_lo : hit.hi].strip(" ,;."), measure=measure, span=ctx.span(start, m.end()),
    )


# A share of people or units ("15% tổng số cá nhân", "20% số tập thể") in a sentence about awards.
_AWARD_SHARE = re.compile(
    r"(?i)\s*(?:của\s+)?(?:tổng\s+)?số\s+(?:cá\s+nhân|tập\s+thể|cán\s+bộ|công\s+chức|viên\s+chức|đơn\s+vị|người)"
)
_AWARD_WORDS = re.compile(r"(?i)khen|danh\s+hiệu|thi\s+đua")


def _key(word: str) -> str:
    """A matched phrase in the vocabulary's spelling (single spaces, lower case)."""
    key: str = _SPACES.sub(" ", word).lower()
    return key


# A plan states tens of targets. Each carries its clause (up to 1,200 characters), so a body that is a
# table of hundreds of thousands of percentages would cost gigabytes: past this many, the rest are not read.
MAX_TARGETS = 5000


def extract_targets(ctx: Facts) -> list[Target]:
    """The plan's quantitative aims, in text order; equal values in different clauses stay separate."""
    ctx = ctx.main  # forms and annexes after the signature repeat the plan's figures: the aims are the body's
    ref_year = _reference_year(ctx)
    targets: list[Target] = []
    no_aim: dict[str, bool] = {}
    for hit in _hits(ctx):
        if ctx.is_foreign(hit.m.start(), hit.m.end()):
            continue
        target = _target(ctx, hit, ref_year, no_aim)
        if target:
            targets.append(target)
            if len(targets) == MAX_TARGETS:
                break
    return targets
