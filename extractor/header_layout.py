"""The first page's two-column header as archives and web pages deliver it, laid out one component a line.

Nghị định 30/2020 prints the issuer (top left) beside the Quốc hiệu and Tiêu ngữ (top right), the
number beside the place and date, then the type and title. Copied from PDF, Word or a web page the two
columns arrive as table rows ("| ỦY BAN NHÂN DÂN | CỘNG HÒA … |", tab-separated cells, lone "|" lines),
hard-wrapped ("CỘNG HÒA XÃ HỘI\\nCHỦ NGHĨA VIỆT NAM", "ỦY\\nBAN NHÂN DÂN", "Số:\\n3335/KH-UBND",
"KẾ\\nHOẠCH", "Q U Y Ế T  Đ Ị N H"), or flattened onto one or two lines in row or column order
("UBND TỈNH X CỘNG HÒA … Số: 12/KH-UBND X, ngày … KẾ HOẠCH …"). Two passes of normalisation put each
component on its own line so the header reader never lets the issuer absorb the motto, the number
or the date:
- `repair_lines` (before line wraps are joined): table cells become lines, broken phrases are joined;
- `split_flattened` (after): a line holding several components is cut at each component.
Both only touch header zones: the first lines of the text and the lines around a motto.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import regex as re

from extractor.vocab.doc_types import HEADING_TYPES
from extractor.vocab.layout import (
    BODY_OPENER,
    DECORATION,
    HEADER_PHRASES,
    MOTTO,
    MOTTO_ANCHOR,
    NUMBER_ANCHOR,
    NUMBER_LEAD,
    NUMBER_TAIL,
    PLACE_DATE,
    SPACED_LETTERS,
    TYPE_ANCHOR,
    VV_ANCHOR,
)

# The header of the first document lies in the first lines; later ones stand around their motto.
_LEAD_LINES = 40
_BEFORE_MOTTO = 12
_AFTER_MOTTO = 25
# Words a motto line holds in any case an archive uses (plain substring tests, run on every line).
_MOTTO_HINTS = ("CỘNG", "Cộng", "ộc lập", "ỘC LẬP")
# "<br>" inside a converted table cell is a line break of the cell.
_BR = re.compile(r"(?i)<br\s*/?>")
# A markdown alignment row or an empty cell: "|---|:---:|", "| |".
_RULE_CELL = re.compile(r"^:?-{0,}:?$")
# A caps cell belongs to the header table when a component row is this close.
_ROW_REACH = 4
_SPACED_TYPES = {t.replace(" ", ""): t for t in HEADING_TYPES}
_LOWER = re.compile(r"\p{Ll}")
_CAPS_WORD = re.compile(r"^[\p{Lu}\d&\-]+$")


def _zones(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges that may hold a header, merged."""
    spans = [(0, min(len(lines), _LEAD_LINES))]
    for i, line in enumerate(lines):
        if any(h in line for h in _MOTTO_HINTS):
            spans.append((max(0, i - _BEFORE_MOTTO), min(len(lines), i + _AFTER_MOTTO)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _in_zones(lines: list[str], fix: Callable[[list[str]], list[str]]) -> list[str]:
    out: list[str] = []
    done = 0
    for a, b in _zones(lines):
        out += lines[done:a] + fix(lines[a:b])
        done = b
    return out + lines[done:]


# --- before wraps are joined -------------------------------------------------------------------


def _raw_cells(line: str) -> list[str] | None:
    """The cells of a table row ("|"- or tab-separated), or None for a line that is no row."""
    if "|" in line:
        cells = [c.strip() for c in line.strip("| ").split("|")]
        return [p.strip() for c in cells if not _RULE_CELL.match(c) for p in _BR.split(c) if p.strip()]
    if "\t" in line:
        return [c.strip() for c in line.split("\t") if c.strip()]
    return None


def _is_component(cell: str) -> bool:
    return bool(MOTTO.search(cell) or NUMBER_ANCHOR.match(cell) or PLACE_DATE.search(cell) or VV_ANCHOR.match(cell))


def _header_rows(lines: list[str]) -> list[list[str] | None]:
    """Each line's cells when it is a header table row: it holds a component, or only caps cells near one."""
    cells = [_raw_cells(line) if line else None for line in lines]
    component = [i for i, c in enumerate(cells) if c and any(_is_component(x) for x in c)]
    out: list[list[str] | None] = []
    for i, c in enumerate(cells):
        near = any(abs(i - j) <= _ROW_REACH for j in component)
        caps = c is not None and not any(_LOWER.search(x) for x in c)
        out.append(c if c is not None and (i in component or (near and caps) or not c) else None)
    return out


def _tokens(s: str) -> list[str]:
    return s.replace("-", " - ").split()


_PHRASES = [_tokens(p) for p in HEADER_PHRASES]


def _seam_inside_phrase(a: str, b: str) -> bool:
    """Whether `a` ends with the start of a fixed phrase whose rest `b` begins with (or wholly is)."""
    ta, tb = _tokens(a), _tokens(b)
    for p in _PHRASES:
        for k in range(1, len(p)):
            if ta[-k:] != p[:k]:
                continue
            m = min(len(tb), len(p) - k)
            if m and tb[:m] == p[k : k + m]:
                return True
    return False


def _broken(prev: str, line: str) -> bool:
    return _seam_inside_phrase(prev, line) or bool(NUMBER_LEAD.match(prev) and NUMBER_TAIL.match(line))


def _repair_zone(lines: list[str]) -> list[str]:
    out: list[str] = []
    last = -1  # index in `out` of the last non-blank line
    for raw, cells in zip(lines, _header_rows(lines), strict=True):
        for line in [raw] if cells is None else cells:
            if SPACED_LETTERS.match(line):
                line = _SPACED_TYPES.get("".join(line.split()), line)
            if line and last >= 0 and len(out) - last <= 2 and _broken(out[last], line):
                out[last] = f"{out[last]} {line}"  # a blank line between the fragments does not separate them
                del out[last + 1 :]
                continue
            out.append(line)
            if line:
                last = len(out) - 1
    return out


def repair_lines(lines: list[str]) -> list[str]:
    """Cleaned lines with header table cells as lines, broken header phrases joined, lone "|" lines gone."""
    if any("|" in line for line in lines):
        lines = [line for line in lines if not line or line.strip("| ")]
    return _in_zones(lines, _repair_zone)


# --- after wraps are joined ------------------------------------------------------------------------


def _place_start(text: str, start: int, end: int) -> int:
    """Where the place name really starts: caps issuer words before it are not part of it."""
    pos = start
    for word in text[start:end].split():
        if _CAPS_WORD.match(word) and len(word) > 1 and not word.startswith("TP"):
            pos = text.index(word, pos) + len(word)
            continue
        break
    while pos < end and text[pos] == " ":
        pos += 1
    return pos


def _anchors(line: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the header components inside one line, in order."""
    found = [(m.start(), m.end(), "motto") for m in MOTTO_ANCHOR.finditer(line)]
    number = NUMBER_ANCHOR.search(line)
    if number and not any(a <= number.start() < b for a, b, _ in found):
        if not found and _LOWER.search(line[: number.start()]):
            number = None  # "Căn cứ Kế hoạch Số 12/…": a sentence, not a header row
        else:
            found.append((number.start(), number.end(), "number"))
    if not found:
        return []
    found.sort()
    after_number = number.end() if number else 0
    date = None
    for m in PLACE_DATE.finditer(line, after_number):
        if not any(a < m.end() and m.start() < b for a, b, _ in found):
            date = m
            break
    if date:
        found.append((_place_start(line, date.start(), date.end()), date.end(), "date"))
    if number or date:
        tail = max(after_number, date.end() if date else 0)
        kind = TYPE_ANCHOR.search(line, tail) or (VV_ANCHOR.search(line, after_number) if number else None)
        if kind and not any(a <= kind.start() < b for a, b, _ in found):
            found.append((kind.start(), kind.end() if TYPE_ANCHOR.match(kind.group(0)) else kind.start(), "type"))
            opener = BODY_OPENER.search(line, kind.end() + 8)
            if opener and not any(a <= opener.start() < b for a, b, _ in found):
                found.append((opener.start(), opener.start(), "body"))
    return sorted(found)


def _pieces(line: str) -> list[str]:
    found = _anchors(line)
    if not found or (len(found) == 1 and found[0][0] == 0 and found[0][1] == len(line)):
        return [line]
    cuts = sorted({0, len(line), *(a for a, _, _ in found), *(b for _, b, _ in found)})
    pieces = [DECORATION.sub("", line[a:b]).strip() for a, b in itertools.pairwise(cuts)]
    return [p for p in pieces if p]


def _split_zone(lines: list[str]) -> list[str]:
    return [p for line in lines for p in (_pieces(line) if line else [line])]


def split_flattened(text: str) -> str:
    """A normalised text with each flattened header line cut into one line per component."""
    if not any(h in text for h in ("Số", *_MOTTO_HINTS)):
        return text
    lines = text.split("\n")
    out = _in_zones(lines, _split_zone)
    return text if out == lines else "\n".join(out)
