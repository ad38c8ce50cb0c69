"""The layout of a normalised text: its non-blank lines and its numbered sections.

Plain position arithmetic over the one text of a file, shared by the header reader, the segmenter
and the fact phase; spans stay offsets into that text.
"""

from __future__ import annotations

import re as stdre
from typing import NamedTuple

import regex as re

# Section headings: "I. MỤC ĐÍCH", "1. Mục đích", "1.1. Tập thể", "a) Đối với", "Điều 1.", "Phần I".
_HEADING = re.compile(
    r"(?:(?P<l1>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVX\d]+\b|[IVX]{1,5}\s*[.:-])"
    r"|(?P<l2>\d{1,2}\s*[.)](?!\d))"
    r"|(?P<l3>\d{1,2}\.\d{1,2}\.?(?:\d{1,2}\.?)?)"
    r"|(?P<l4>[a-zđ]\)))[ \t]*\S[^\n]{0,160}$"
)
_HEADING_START = stdre.compile(r"^(?:[IVX]{1,5}\s*[.:-]|\d|[a-zđ]\)|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)", stdre.M)


def lines_between(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int, str]]:
    """Non-blank lines of a normalised text in [start, end) as (start, end, line); lines are pre-stripped."""
    out: list[tuple[int, int, str]] = []
    pos = start
    if limit is None:  # the whole range: one split in C (a third faster than a find per line)
        for line in text[start:end].split("\n"):
            if line:
                out.append((pos, pos + len(line), line))
            pos += len(line) + 1
        return out
    while pos < end and len(out) < limit:  # the first few lines of what may be a whole document
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
