"""Deadlines ("trước ngày 15/5/2020", "chậm nhất 17 giờ ngày …") and periods of a plan.

Periods: "từ ngày 01/6/2020 đến ngày 30/11/2020", "từ 01/6 - 30/11/2020" (a missing year comes
from the other end), "từ ngày ban hành kế hoạch đến ngày …" (starts on the issue date),
"từ lúc phát động đến hết ngày …" (unknown start), and year spans "giai đoạn 2023 - 2025"
only where they date the plan itself: its title or a section about time (TIẾN ĐỘ, THỜI GIAN).
Values of cited titles and quoted names are someone else's (`Facts.is_foreign`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extractor.extraction.dates import DATE, iso, match_to_iso
from extractor.extraction.facts import Facts
from extractor.extraction.fields.prefilter import Literals, matches_at, occurrences, phrase_leads, search
from extractor.extraction.models import Deadline, Period
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.time_words import (
    DEADLINE_FILLERS,
    DEADLINE_LEADS,
    ISSUE_NOUNS,
    ISSUE_VERBS,
    NOW_WORDS,
    NUMBERED_PHASES,
    REVIEW_PHASES,
    TIME_HEADINGS,
    YEAR_SPANS,
)

# "trước ngày …", "chậm nhất là 17 giờ 30 phút, ngày …": the date follows the lead and a time of day.
_DEADLINE = re.compile(
    rf"(?<!\p{{L}})(?:{alternation(DEADLINE_LEADS)})(?!\p{{L}})"
    rf"(?:\s*(?:{alternation(DEADLINE_FILLERS)}))?\s*"
    r"(?:\d{1,2}\s*(?:giờ|h|g|:)\s*(?:\d{1,2}\s*(?:phút|p|'|’)?)?\s*,?\s*)?",
    re.IGNORECASE,
)
# First words of the leads, found one by one in the lower-cased body (the regex engine tries an
# alternation at every position slowly), where the lead pattern is then matched.
_LEAD_WORDS = Literals(phrase_leads(DEADLINE_LEADS))
# Day and month without a year: "ngày 15/5", "ngày 15 tháng 5", "15/5". The separator must not
# repeat ("15/5/2020" is a full date); a different one may follow ("01/6 - 30/11/2020" is a range).
_DAY_MONTH = re.compile(
    r"(?:ngày\s*(?P<d1>\d{1,2})\s*(?:tháng\s*|(?P<s1>[/.\-])\s*)(?P<m1>\d{1,2})"
    r"|(?P<d2>\d{1,2})\s*(?P<s2>/)\s*(?P<m2>\d{1,2}))"
    r"(?!\d|\s*(?:năm|(?P=s1)|(?P=s2))\s*\d)",
    re.IGNORECASE,
)
# A month alone, its year from the other end or the issue: "từ tháng 6 đến tháng 11/2020".
_MONTH = re.compile(r"tháng\s*(?P<m>\d{1,2})(?!\d|\s*(?:năm|[/\-])\s*\d)", re.IGNORECASE)
# A start day alone, its month and year given by the end: "từ ngày 10 đến ngày 15/5/2020", "từ 10 - 15/5/2020".
_DAY = re.compile(
    r"(?:ngày\s*)?(?P<d>\d{1,2})(?=\s*(?:-|đến|tới)\s*(?:ngày\s*)?\d{1,2}\s*(?:[/.\-]|tháng))", re.IGNORECASE
)
# "từ" as a word (the literal first, found in the lower-cased body; the look-behind then rejects a
# longer word ending in "từ").
_FROM_WORD = "từ"
_FROM = re.compile(rf"{_FROM_WORD}(?<!\p{{L}}{_FROM_WORD})\s+", re.IGNORECASE)
# Between the two ends: "đến", "tới" or a dash, maybe "hết" ("đến hết ngày 31/10/2023").
_TO = re.compile(r"\s*(?:-|đến|tới)\s*(?:hết\s+)?", re.IGNORECASE)
# A start named in words, up to the first "đến": "từ lúc phát động phong trào thi đua đến hết …".
_WORDS_TO = re.compile(r"(?P<rel>[^\n;.\d]{1,80}?)\s+(?:đến|tới)\s+(?:hết\s+)?", re.IGNORECASE)
# "… đến hết năm 2023": a year end, taken only where a year span would be.
_YEAR_END = re.compile(r"năm\s+(?P<y>(?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# A start that is the plan's own issue: "ngày ban hành", "khi Kế hoạch được ký", "nay" — not "ngày đăng ký".
_ISSUE_START = re.compile(
    rf"(?:{alternation(NOW_WORDS)}|(?:{alternation(ISSUE_NOUNS)})\s+(?:\p{{L}}+\s+){{0,4}}?"
    rf"(?<!đăng\s)(?:{alternation(ISSUE_VERBS)}))(?!\p{{L}})",
    re.IGNORECASE,
)
# Two years, then the word before them that makes them a span: "giai đoạn 2023 - 2025", "từ năm 2021 đến năm 2025".
_CENTURY = "19|20"
_YEAR_PAIR = re.compile(
    rf"(?<!\d)(?P<a>(?:{_CENTURY})\d{{2}})\s*(?:-|đến|tới)\s*(?:năm\s+)?(?P<b>(?:{_CENTURY})\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_YEAR_SPAN_WORD = re.compile(rf"(?r)(?<!\p{{L}})(?:{alternation(YEAR_SPANS)})\s+$", re.IGNORECASE)
_YEAR_SPAN_LEADS = phrase_leads(YEAR_SPANS)
# The same word read forward from its start: in the body a pair is matched only where one ends ("giai đoạn |2023").
_YEAR_SPAN_AHEAD = re.compile(rf"(?<!\p{{L}})(?:{alternation(YEAR_SPANS)})\s+", re.IGNORECASE)
# The first words of the body's periods, found in one scan: "từ" opens a dated period ("từ ngày …") and a
# year span ("từ năm 2021 …"), "giai" the other year span ("giai đoạn 2021 - 2025").
_PERIOD_LEADS = Literals(_YEAR_SPAN_LEADS | {_FROM_WORD})
# How far before the years their word may start ("giai đoạn " plus spacing).
_YEAR_SPAN_REACH = 20
# A heading about time: "IV. TIẾN ĐỘ THỰC HIỆN", "3. Thời gian tổ chức".
_TIME_HEADING = re.compile(rf"(?<!\p{{L}})(?:{alternation(TIME_HEADINGS)})(?!\p{{L}})", re.IGNORECASE)
# A phase label opening the period's line, after any list marker: "- Đợt 1:", "+ Sơ kết:".
_PHASE = re.compile(
    rf"[\s\-+•]*(?:(?P<kind>{alternation(NUMBERED_PHASES)})\s+(?P<n>\d{{1,2}}|[IVX]{{1,4}})(?!\p{{L}})"
    rf"|(?P<review>{alternation(REVIEW_PHASES)})(?!\p{{L}}))",
    re.IGNORECASE,
)
# Punctuation and list marks a clause's text is trimmed of.
_TRIM = " ,:;-(+."
# Length of an ISO day ("2020-05-05"), as opposed to a month or a year.
_FULL_DATE = 10
# Every year span is labelled the same, whatever word introduced it ("năm học", "từ năm").
_YEAR_SPAN_LABEL = "giai đoạn"


@dataclass(frozen=True)
class _When:
    """A date as read, with parts missing until the other end (or the issue date) supplies them."""

    year: int | None
    month: int | None
    day: int | None
    end: int  # where the date's text ends

    def iso(self, year: int | None = None) -> str | None:
        y = self.year or year
        return iso(y, self.month, self.day) if y else None


def _read_date(text: str, pos: int, endpos: int) -> _When | None:
    """A date at exactly `pos`: full, or day and month, or month alone; None for a bare blank year."""
    m = DATE.match(text, pos, endpos)
    if m:
        value = match_to_iso(m)
        if value is None or len(value) == 4:
            return None
        parts = [int(p) for p in value.split("-")]
        return _When(parts[0], parts[1], parts[2] if len(parts) == 3 else None, m.end())
    dm = _DAY_MONTH.match(text, pos, endpos)
    if dm:
        day, month = dm.group("d1") or dm.group("d2"), dm.group("m1") or dm.group("m2")
        return _When(None, int(month), int(day), dm.end())
    mo = _MONTH.match(text, pos, endpos)
    return _When(None, int(mo.group("m")), None, mo.end()) if mo else None


def _read_day(text: str, pos: int, endpos: int) -> _When | None:
    m = _DAY.match(text, pos, endpos)
    return _When(None, None, int(m.group("d")), m.end()) if m else None


def _issue_year(ctx: Facts) -> int | None:
    return int(ctx.issued_date[:4]) if ctx.issued_date else None


def _issue_day(ctx: Facts) -> str | None:
    """The issue date when it is a full day (a draft's "ngày … tháng 3" gives no day to start on)."""
    return ctx.issued_date if ctx.issued_date and len(ctx.issued_date) == _FULL_DATE else None


def _clean(raw: str) -> str:
    return " ".join(raw.split()).strip(_TRIM)


def _task(ctx: Facts, lo: int, hi: int, lead: int, after: int) -> str | None:
    """What is due: the clause before the deadline phrase, else the clause after it."""
    return _clean(ctx.text[lo:lead]) or _clean(ctx.text[after:hi]) or None


# A date repeated every period has no single ISO value.
_RECURRING = re.compile(r"(?i)\s*(?:hằng|hàng|mỗi)\s+(?:năm|tháng|quý|tuần)(?!\p{L})")


def extract_deadlines(ctx: Facts) -> list[Deadline]:
    """Due dates of the body, one per date (its first mention); a year-less date takes the issue year."""
    out: dict[str, Deadline] = {}
    for pos in occurrences(ctx, _LEAD_WORDS):
        m = _DEADLINE.match(ctx.text, pos, ctx.end)
        if m is None:
            continue
        when = _read_date(ctx.text, m.end(), ctx.end)
        if when is None or (when.day is None and when.year is None):
            continue
        if when.year is None and _RECURRING.match(ctx.text, when.end):
            continue  # "trước ngày 15 tháng 11 hằng năm": every year, not one date
        date = when.iso(_issue_year(ctx))
        if date is None or date in out or ctx.is_foreign(m.start(), when.end):
            continue
        lo, hi = ctx.clause(m.start(), when.end)
        out[date] = Deadline(
            date=date, text=_clean(ctx.text[lo:hi]), task=_task(ctx, lo, hi, m.start(), when.end),
            span=ctx.span(m.start(), when.end),
        )
    return list(out.values())


def _in_time_scope(ctx: Facts, pos: int) -> bool:
    """In the plan's title or under a heading about time ("IV. TIẾN ĐỘ THỰC HIỆN")."""
    if ctx.title_span and ctx.title_span[0] <= pos < ctx.title_span[1]:
        return True
    return any(_TIME_HEADING.search(h) for h in ctx.headings_at(pos))


def _label(ctx: Facts, pos: int) -> str | None:
    """The phase a period line opens with: "Đợt 1", "Giai đoạn 2", "sơ kết", "tổng kết"."""
    line = ctx.line_start(pos)
    m = _PHASE.match(ctx.text, line, pos)
    if not m:
        return None
    if m.group("review"):
        return _clean(m.group("review")).lower()
    return f"{_clean(m.group('kind')).capitalize()} {m.group('n')}"


def _dated_range(ctx: Facts, pos: int) -> tuple[str | None, str | None, int] | None:
    """ "từ <date> đến <date>" at pos: start, end, where it ends; missing years from the other end."""
    text = ctx.text
    first = _read_date(text, pos, ctx.end) or _read_day(text, pos, ctx.end)
    to = _TO.match(text, first.end, ctx.end) if first else None
    last = _read_date(text, to.end(), ctx.end) if first and to else None
    if not first or not last:
        return None
    if first.month is None and last.month is not None:
        # "từ ngày 28 đến ngày 03/7": a start day after the end day is in the month before.
        back = first.day is not None and last.day is not None and first.day > last.day
        first = replace(first, month=last.month - back or 12)
    # "từ 01/12 đến 28/02/2021": a start month after the end month lies in the year before.
    wraps = (first.month or 0) > (last.month or 0)
    if last.year:
        end_year = last.year
    elif first.year:
        end_year = first.year + wraps
    elif year := _issue_year(ctx):
        end_year = year + wraps
    else:
        return None
    return first.iso(end_year - wraps), last.iso(end_year), last.end


def _worded_range(ctx: Facts, pos: int) -> tuple[str | None, str | None, int] | None:
    """ "từ <words> đến (hết) <date>" at pos: the issue date or an unknown start."""
    words = _WORDS_TO.match(ctx.text, pos, ctx.end)
    if not words:
        return None
    start = _issue_day(ctx) if _ISSUE_START.match(words.group("rel")) else None
    last = _read_date(ctx.text, words.end(), ctx.end)
    if last and (last.year or _issue_year(ctx)):
        return start, last.iso(_issue_year(ctx)), last.end
    year = _YEAR_END.match(ctx.text, words.end(), ctx.end)
    if year and _in_time_scope(ctx, pos):
        return start, year.group("y"), year.end()
    return None


def _body_pairs(ctx: Facts, word_starts: list[int]) -> list[re.Match[str]]:
    """The body's pairs of years that may be year spans, in order (`word_starts`: where the body writes the
    first word of a year span's word, in order).

    A pair counts only right after its word (`_YEAR_SPAN_WORD` ending where it starts), so pairs are matched
    only there, not at every "19" and "20" (dates are most of a plan's numbers). None is lost: a pair after
    its word never starts inside another pair (a pair holds no "giai" or "từ", and the word no digit), so a
    scan of every pair would not have skipped it; and its word, read forward, ends where it starts (its
    spaces run up to the first digit).
    """
    ahead = [m.end() for s in word_starts if (m := _YEAR_SPAN_AHEAD.match(ctx.text, s, ctx.end))]
    return matches_at(_YEAR_PAIR, ctx.text, sorted(ahead), ctx.end)


def _year_spans(ctx: Facts, word_starts: list[int]) -> list[Period]:
    """ "giai đoạn 2023 - 2025" in the title or in a time section (`word_starts`: see `_body_pairs`)."""
    body_pairs = _body_pairs(ctx, word_starts)
    ranges = [(ctx.body_start, body_pairs)]  # where each range starts, and its pairs
    if ctx.title_span and ctx.title_span[1] <= ctx.body_start:
        ranges.insert(0, (ctx.title_span[0], list(_YEAR_PAIR.finditer(ctx.text, *ctx.title_span))))
    out = []
    for lo, pairs in ranges:
        for pair in pairs:
            word = search(_YEAR_SPAN_WORD, ctx.text, _YEAR_SPAN_LEADS, max(lo, pair.start() - _YEAR_SPAN_REACH),
                          pair.start())
            if word is None or int(pair.group("a")) >= int(pair.group("b")):
                continue
            if ctx.is_foreign(word.start(), pair.end()):
                continue
            if _in_time_scope(ctx, word.start()):
                out.append(Period(start=pair.group("a"), end=pair.group("b"),
                                  text=_clean(ctx.text[word.start() : pair.end()]),
                                  label=_YEAR_SPAN_LABEL, span=ctx.span(word.start(), pair.end())))
    return out


def extract_periods(ctx: Facts) -> list[Period]:
    """The plan's own periods and phases, once per (start, end)."""
    base, leads = ctx.body_start, _PERIOD_LEADS.each(ctx.lower_body)
    found = _year_spans(ctx, sorted({base + i for word, i in leads if word in _YEAR_SPAN_LEADS}))
    for m in matches_at(_FROM, ctx.text, sorted({base + i for word, i in leads if word == _FROM_WORD}), ctx.end):
        found_range = _dated_range(ctx, m.end()) or _worded_range(ctx, m.end())
        if found_range is None or found_range[1] is None or ctx.is_foreign(m.start(), found_range[2]):
            continue
        start, end, stop = found_range
        lo, hi = ctx.clause(m.start(), stop)
        found.append(Period(start=start, end=end, text=_clean(ctx.text[lo:hi]), label=_label(ctx, m.start()),
                            span=ctx.span(m.start(), stop)))
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for p in found:
        if (p.start, p.end) not in seen:
            seen.add((p.start, p.end))
            out.append(p)
    return out
