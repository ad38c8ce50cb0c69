"""Phase 1 of extraction: the facts of one document, found once and then only read.

A file's normalised text may hold several documents; each has its `Facts` over its own slice
[start, end) of the one text, so every span stays an offset into the file's text. The field
extractors of phase 2 (see `registry`) are pure functions of these facts: nothing here changes
after the fact phase built it (derived data is computed lazily from the facts alone).
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

import regex as re

from extractor.extraction.clauses import value_clause
from extractor.extraction.fields.header import Header
from extractor.extraction.fields.issuer import from_body
from extractor.extraction.models import Organization, Reference, Signer, Span
from extractor.extraction.orgs import Locality
from extractor.extraction.sections import Section

if TYPE_CHECKING:  # the award module reads Facts: its mention type is named for checking only
    from extractor.extraction.fields.awards import Mention

# A real heading is short; a longer numbered line is a paragraph that happens to be numbered.
_MAX_HEADING = 80
# How far back `Facts.line_start` looks for a line break before it bisects the document's.
_NEAR_LINE = 200
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


@dataclass(frozen=True)
class Facts:
    """What phase 1 found about one document; every field extractor reads it, none changes it."""

    text: str
    start: int
    end: int
    body_start: int
    preamble_end: int
    header: Header = field(default_factory=Header)
    locality: Locality = field(default_factory=Locality)
    sections: tuple[Section, ...] = ()
    # The issuer as the header (or the page, or the body) names it, before the signature completes it:
    # what "… của nhà trường" in a reference and a grantor's bare "Giám đốc Sở" are read against.
    header_issuer: str | None = None
    # The final issuer (a "TM. ỦY BAN NHÂN DÂN" signature names it when nothing above does) and the signer.
    issuer: Organization | None = None
    signer: Signer | None = None
    # The official a result decision is issued by: the grantor of its own awards that name none.
    official: str | None = None
    # Where the document's own text ends: forms and annexes after the signature repeat its figures.
    main_end: int | None = None
    # Numbered documents it mentions (their detection yields `cited`, so it runs in phase 1).
    references: tuple[Reference, ...] = ()
    # Spans whose values belong to other documents (a cited plan's title and subject):
    # periods, targets, awards and quotas inside them are not this document's own.
    cited: tuple[tuple[int, int], ...] = ()
    # Award forms written in the body, and those of them that offer an award (outside cited titles).
    award_forms: tuple[re.Match[str], ...] = ()
    award_mentions: tuple[Mention, ...] = ()

    @property
    def issued_date(self) -> str | None:
        return self.header.issued_date

    @property
    def title_span(self) -> tuple[int, int] | None:
        return self.header.title_span

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, raw=self.text[start:end])

    def evolve(self, **changes: Any) -> Facts:
        """`dataclasses.replace`, keeping the lower-cased body when the text and its bounds stay (replace
        alone drops what was computed lazily, and three readers of the body would lower it again)."""
        new = replace(self, **changes)
        if "lower_body" in self.__dict__ and not changes.keys() & {"text", "body_start", "end"}:
            new.__dict__["lower_body"] = self.lower_body
        return new

    @property
    def main(self) -> Facts:
        """The facts of the document's own text, without the annexes after its signature."""
        # Itself not cached: a Facts holding itself is a reference cycle, and it and all it holds would
        # wait for the cyclic collector (~15 ms of full collections per corpus pass).
        return self if self.main_end is None or self.main_end == self.end else self._main_part

    @cached_property
    def _main_part(self) -> Facts:
        return replace(self, end=self.end if self.main_end is None else self.main_end)

    @cached_property
    def body_issuer(self) -> Organization | None:
        """The organ the body names as issuing the document ("Trường … xây dựng Kế hoạch"), in its locality."""
        return from_body(self.text, self.body_start, self.end, self.locality)

    @cached_property
    def _cited_index(self) -> tuple[list[int], list[int]]:
        return _merge(list(self.cited))

    @cached_property
    def _quoted_index(self) -> tuple[list[int], list[int]]:
        return _merge(self.quoted)

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether [start, end) lies in a cited document's title or subject."""
        return _inside(self._cited_index, start, end)

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
        """Whether [start, end) lies in a cited span or a quoted name: a value of something else."""
        return self.is_excluded(start, end) or _inside(self._quoted_index, start, end)

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
        """Where the line holding `pos` starts: the last line break in the few characters before `pos` (most
        lines are short, and indexing the document's line breaks costs more than a plan's few calls), else a
        bisect of them all (a one-line table must not cost a scan per value)."""
        near = self.text.rfind("\n", max(self.start, pos - _NEAR_LINE), min(pos, self.end))
        if near >= 0:  # the last break before pos, as the bisect would find it
            return near + 1
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

