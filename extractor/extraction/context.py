"""What every field extractor knows about the document it is reading.

A file's normalised text may hold several documents; each is a `DocContext` over its own
slice [start, end) of the one text, so every span stays an offset into the file's text.
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import regex as re

from extractor.extraction.clauses import value_clause
from extractor.extraction.models import Span
from extractor.extraction.orgs import Locality

# Section headings: "I. MỤC ĐÍCH", "1. Mục đích", "1.1. Tập thể", "a) Đối với", "Điều 1.", "Phần I".
_HEADING = re.compile(
    r"(?:(?P<l1>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVX\d]+\b|[IVX]{1,5}\s*[.:-])"
    r"|(?P<l2>\d{1,2}\s*[.)](?!\d))"
    r"|(?P<l3>\d{1,2}\.\d{1,2}\.?(?:\d{1,2}\.?)?)"
    r"|(?P<l4>[a-zđ]\)))[ \t]*\S[^\n]{0,160}$"
)
_HEADING_START = stdre.compile(r"^(?:[IVX]{1,5}\s*[.:-]|\d|[a-zđ]\)|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)", stdre.M)
# A real heading is short; a longer numbered line is a paragraph that happens to be numbered.
_MAX_HEADING = 80
# Quoted names (Đề án “… giai đoạn 2022 - 2025”): the values inside belong to what is named.
_QUOTED = re.compile(r"“[^”\n]{1,300}”|«[^»\n]{1,300}»|\"[^\"\n]{1,300}\"")


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(merged: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the merged spans (a bisect, not a scan: tables cite thousands)."""
    starts, ends = merged
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= ends[i]


def lines_between(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int, str]]:
    """Non-blank lines of a normalised text in [start, end) as (start, end, line); lines are pre-stripped."""
    out: list[tuple[int, int, str]] = []
    pos = start
    while pos < end and (limit is None or len(out) < limit):
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if stop > pos:
            out.append((pos, stop, text[pos:stop]))
        pos = stop + 1
    return out


def find_line(text: str, heads: tuple[str, ...], start: int, end: int) -> int:
    """Start of the first line in [start, end) that begins with one of `heads`, or -1 (plain string search)."""
    best = -1
    for head in heads:
        at = text.find(head, start, end) if text.startswith(head, start) else -1
        if at != start:
            at = text.find("\n" + head, start, end)
            at = at + 1 if at >= 0 else -1
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


class Section(NamedTuple):  # a tuple: thousands are made per archive, a frozen dataclass is 5x slower
    start: int
    end: int
    heading: str
    level: int


@dataclass
class DocContext:
    text: str
    start: int
    end: int
    body_start: int
    preamble_end: int
    issued_date: str | None = None
    title_span: tuple[int, int] | None = None
    locality: Locality = field(default_factory=Locality)
    # Spans whose values belong to other documents (a cited plan's title, a quoted name):
    # periods and targets inside them are not this document's own.
    excluded: list[tuple[int, int]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Intermediate results two field families share (e.g. the award forms found in the body).
    memo: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, raw=self.text[start:end])

    def trim_excluded(self, keep: int) -> None:
        """Forget the spans excluded after the first `keep` (a mention that turned out to be the document itself)."""
        del self.excluded[keep:]
        self.memo.pop("merged:excluded", None)

    def is_excluded(self, start: int, end: int) -> bool:
        return _inside(self._merged("excluded", self.excluded), start, end)

    @cached_property
    def lower_body(self) -> str:
        """The body in lower case, same offsets from body_start ("İ" is the one letter whose lower case grows)."""
        return self.text[self.body_start : self.end].replace("\u0130", "I").lower()

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Quoted stretches of the document, except those in its own title (which name this document)."""
        lo, hi = self.title_span or (0, 0)
        return [
            (m.start(), m.end())
            for m in _QUOTED.finditer(self.text, self.start, self.end)
            if not (lo <= m.start() and m.end() <= hi)
        ]

    def is_foreign(self, start: int, end: int) -> bool:
        """Whether [start, end) lies in an excluded span or a quoted name: a value of something else."""
        return self.is_excluded(start, end) or _inside(self._merged("quoted", self.quoted), start, end)

    def _merged(self, name: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """Spans merged and sorted for bisecting (rebuilt when the list grew: references add to it)."""
        key = f"merged:{name}"
        cached = self.memo.get(key)
        if cached is None or cached[0] != len(spans):
            cached = (len(spans), _merge(spans))
            self.memo[key] = cached
        merged: tuple[list[int], list[int]] = cached[1]
        return merged

    @cached_property
    def _section_index(self) -> tuple[list[int], list[int]]:
        """Section starts (sorted) and each section's parent index (-1: none), for bisecting.

        Sections nest (find_sections closes a section where a heading of its level or higher opens),
        so the ones enclosing a position are one section and its parents.
        """
        starts = [s.start for s in self.sections]
        parents: list[int] = []
        open_: list[int] = []
        for i, s in enumerate(self.sections):
            while open_ and self.sections[open_[-1]].end <= s.start:
                open_.pop()
            parents.append(open_[-1] if open_ else -1)
            open_.append(i)
        return starts, parents

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in stdre.finditer("\n", self.text[self.start : self.end])]

    def line_start(self, pos: int) -> int:
        """Where the line holding `pos` starts (a bisect: a one-line table must not cost a scan per value)."""
        i = bisect_right(self._newlines, pos - 1 - self.start) - 1
        return self.start + self._newlines[i] + 1 if i >= 0 else self.start

    def sections_at(self, pos: int) -> list[Section]:
        """The headings enclosing `pos`, outermost first (a bisect, then the parents: plans have thousands)."""
        starts, parents = self._section_index
        i = bisect_right(starts, pos) - 1
        chain: list[Section] = []
        while i >= 0:
            s = self.sections[i]
            if s.start <= pos < s.end:
                chain.append(s)
            i = parents[i]
        return chain[::-1]

    def headings_at(self, pos: int) -> list[str]:
        """The real (short) headings enclosing `pos`, outermost first."""
        return [s.heading for s in self.sections_at(pos) if len(s.heading) <= _MAX_HEADING]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the previous to the next ';', '.', or line end, without list marker."""
        return value_clause(self.text, start, end, self.start, self.end)


def find_sections(text: str, start: int, end: int) -> list[Section]:
    """Heading lines between start and end, each ending where the next heading of its level or higher starts."""
    heads: list[tuple[int, str, int]] = []
    ends: list[int] = []
    open_: list[int] = []  # indexes of headings whose section is not closed yet, outermost first
    # Only lines that can open a heading are matched (stdlib finds them: a number, a roman numeral, "a)", Phần …).
    for candidate in _HEADING_START.finditer(text, start, end):
        pos = candidate.start()
        nl = text.find("\n", pos, end)
        m = _HEADING.match(text, pos, end if nl < 0 else nl)
        if not m:
            continue
        level = int(m.lastgroup[1])  # "l1".."l4": the alternative that matched
        while open_ and heads[open_[-1]][2] >= level:
            ends[open_.pop()] = pos
        open_.append(len(heads))
        heads.append((pos, m.group(0), level))
        ends.append(end)
    return [Section(pos, stop, heading, level) for (pos, heading, level), stop in zip(heads, ends, strict=True)]
