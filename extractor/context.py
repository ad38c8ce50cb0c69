"""What every field extractor knows about the document it is reading.

A file's normalised text may hold several documents; each is a `DocContext` over its own
slice [start, end) of the one text, so every span stays an offset into the file's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extractor.models import Span
from extractor.orgs import Locality

# Section headings: "I. MỤC ĐÍCH", "1. Mục đích", "1.1. Tập thể", "a) Đối với", "Điều 1.", "Phần I".
_HEADING = re.compile(
    r"(?m)^(?:(?P<l1>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVX\d]+\b|[IVX]{1,5}\s*[.:-])"
    r"|(?P<l2>\d{1,2}\s*[.)](?!\d))"
    r"|(?P<l3>\d{1,2}\.\d{1,2}\.?(?:\d{1,2}\.?)?)"
    r"|(?P<l4>[a-zđ]\)))[ \t]*\S[^\n]{0,160}$"
)
# Clause boundaries for the `text` of a value: sentence ends, semicolons, line breaks.
_CLAUSE_END = re.compile(r"[;\n]|[.!?](?=\s|$)(?<!\d[.])")


@dataclass(frozen=True)
class Section:
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

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.end]

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, raw=self.text[start:end])

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)

    def sections_at(self, pos: int) -> list[Section]:
        """The headings enclosing `pos`, outermost first."""
        return [s for s in self.sections if s.start <= pos < s.end]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the previous to the next ';', '.', or line end."""
        lo = max(self.start, self.text.rfind("\n", self.start, start) + 1)
        for m in _CLAUSE_END.finditer(self.text, lo, start):
            lo = m.end()
        m = _CLAUSE_END.search(self.text, end, self.end)
        hi = m.start() if m else self.end
        while lo < hi and self.text[lo] in " \t-+:":
            lo += 1
        return lo, hi


def find_sections(text: str, start: int, end: int) -> list[Section]:
    """Heading lines between start and end, each ending where the next heading of its level or higher starts."""
    heads: list[tuple[int, str, int]] = []
    for m in _HEADING.finditer(text, start, end):
        level = next(i for i, g in enumerate(("l1", "l2", "l3", "l4"), 1) if m.group(g))
        heads.append((m.start(), m.group(0), level))
    sections = []
    for i, (pos, heading, level) in enumerate(heads):
        stop = next((p for p, _, lv in heads[i + 1 :] if lv <= level), end)
        sections.append(Section(pos, stop, heading, level))
    return sections
