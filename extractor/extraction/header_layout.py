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
import re as stdre
from collections.abc import Callable
from functools import cache

import regex as re

from extractor.extraction.vocab import layout
from extractor.extraction.vocab.doc_types import HEADING_TYPES

# The header of the first document lies in the first lines; later ones stand around their motto.
_LEAD_LINES = 40
_BEFORE_MOTTO = 12
_AFTER_MOTTO = 25
# Words a motto line holds in any case an archive uses (plain substring tests, run on every line).
# (not "Cộng": bodies name "Đảng Cộng sản Việt Nam" often, headers print the motto in capitals)
_MOTTO_HINTS = ("CỘNG", "ộc lập", "ỘC LẬP", "TNCS")
_MOTTO_HINT = stdre.compile("|".join(_MOTTO_HINTS))  # stdlib: one literal scan per line
# What a scan of a whole text looks for to find each hint: a rare single character where a hint holds one
# (str.find of one character runs at memchr speed, of several ~25 times slower), each hit then checked.
_RARE_MARK = "Ộ"
_MOTTO_PROBES: dict[str, list[tuple[str, int]]] = {}
for _hint in _MOTTO_HINTS:
    _probe = _RARE_MARK if _RARE_MARK in _hint else _hint
    _MOTTO_PROBES.setdefault(_probe, []).append((_hint, _hint.index(_probe)))
# "<br>" inside a converted table cell is a line break of the cell.
_BR = re.compile(r"(?i)<br\s*/?>")
# A markdown alignment row or an empty cell: "|---|:---:|", "| |".
_RULE_CELL = re.compile(r"^:?-{0,}:?$")
# A caps cell belongs to the header table when a component row is this close.
_ROW_REACH = 4
_SPACED_TYPES = {t.replace(" ", ""): t for t in HEADING_TYPES}
# A flattened title runs at least this far before a body opener can end it.
_MIN_TITLE = 8
_LOWER = re.compile(r"\p{Ll}")
# What a place-date cannot do without (its ", ngày"): a stdlib scan that spares body lines the place regex.
_PLACE_DATE_HINT = layout.PLACE_DATE_HINT
_CAPS_WORD = re.compile(r"^[\p{Lu}\d&\-]+$")
# What every header component inside a line needs (a motto hint, "Số", ", ngày") or a line opening with a type
# word: one stdlib scan and one prefix test spare the other zone lines `_anchors`.
_ANCHOR_HINT = stdre.compile("|".join((*_MOTTO_HINTS, "Số", _PLACE_DATE_HINT.pattern)))
_TYPE_HEADS = tuple({t.split()[0] for t in HEADING_TYPES})


def _motto_lines(text: str) -> list[int]:
    """Numbers of the lines of `text` holding a motto hint, ascending: str.find per probe over the whole
    text (a regex alternation of literals, or a search per line, costs several times more)."""
    starts = set()
    for probe, hints in _MOTTO_PROBES.items():
        i = text.find(probe)
        while i >= 0:
            for hint, k in hints:
                if i >= k and text.startswith(hint, i - k):
                    starts.add(text.rfind("\n", 0, i) + 1)
                    break
            i = text.find(probe, i + 1)
    found: list[int] = []
    line = pos = 0
    for start in sorted(starts):
        line += text.count("\n", pos, start)
        pos = start
        found.append(line)
    return found


def _zones(lines: list[str], text: str) -> list[tuple[int, int]]:
    """[start, end) line ranges that may hold a header, merged (`text` is the lines joined by newlines)."""
    spans = [(0, min(len(lines), _LEAD_LINES))]
    for i in _motto_lines(text):
        spans.append((max(0, i - _BEFORE_MOTTO), min(len(lines), i + _AFTER_MOTTO)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _in_zones(lines: list[str], text: str, fix: Callable[[list[str]], list[str]]) -> list[str]:
    out: list[str] = []
    done = 0
    for a, b in _zones(lines, text):
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
    # (regexes behind the literals each needs: most cells of a converted table are no component)
    return bool(layout.NUMBER_ANCHOR.match(cell) or layout.VV_ANCHOR.match(cell)
                or layout.find_place_date(cell)
                or (_may_hold_motto(cell) and layout.MOTTO_ANCHOR.search(cell)))


def _may_hold_motto(cell: str) -> bool:
    return any(w in cell for w in layout.MOTTO_ANCHOR_CASED) or layout.MOTTO_ANCHOR_UNCASED in cell.lower()


def _header_rows(lines: list[str]) -> list[list[str] | None]:
    """Each line's cells when it is a header table row: it holds a component, or one cell ("ỦY BAN NHÂN DÂN |"),
    or only caps cells near another header row."""
    cells = [_raw_cells(line) if line else None for line in lines]
    header = {i for i, c in enumerate(cells) if c is not None and (len(c) <= 1 or any(_is_component(x) for x in c))}
    caps = [i for i, c in enumerate(cells) if c and i not in header and not any(_LOWER.search(x) for x in c)]
    grew = True
    while grew:  # a caps row next to a header row is one too, and so on down the table
        near = [i for i in caps if i not in header and any(abs(i - j) <= _ROW_REACH for j in header)]
        header.update(near)
        grew = bool(near)
    return [c if i in header else None for i, c in enumerate(cells)]


def _tokens(s: str) -> list[str]:
    return [t.rstrip(":.") or t for t in s.replace("-", " - ").split()]


_PHRASES = [_tokens(p) for p in layout.HEADER_PHRASES]
_PHRASE_WORDS = frozenset(t for p in _PHRASES for t in p)
# Each seam inside a phrase by the two words around it: (phrase, number of its words before the seam).
_SEAMS: dict[tuple[str, str], list[tuple[list[str], int]]] = {}
for _words in _PHRASES:
    for _k in range(1, len(_words)):
        _SEAMS.setdefault((_words[_k - 1], _words[_k]), []).append((_words, _k))


def _may_open(line: str) -> bool:
    """Whether `line` may be the first half of a broken phrase or number: what `_broken` and `_number_cut`
    ask of it (its last word a phrase's, or it starts with "Số" as every number pattern they try does);
    most lines are decided by this alone, once each."""
    if line.startswith("Số"):
        return True
    last = line.rsplit(None, 1)[-1].rstrip(":.")
    return last in _PHRASE_WORDS or last.endswith("-")


def _seam_inside_phrase(a: str, b: str) -> bool:
    """Whether `a` ends with the start of a fixed phrase whose rest `b` begins with (or wholly is).
    (`a` has passed `_may_open`.)"""
    # (the common case is decided by the seam's second word, without tokenising the lines)
    first_word = b.split(None, 1)[0]
    first = first_word.rstrip(":.")  # (empty for a line of only "." or ":")
    if first not in _PHRASE_WORDS and not first.startswith("-"):
        return False
    # (the two words at the seam, from the last word of `a` and the first of `b` alone: tokens never span a
    # space; most pairs are no seam, and neither line is tokenised whole)
    seam = (_tokens(a.rsplit(None, 1)[-1])[-1], _tokens(first_word)[0])
    if seam not in _SEAMS:
        return False
    ta, tb = _tokens(a), _tokens(b)
    for p, k in _SEAMS[seam]:  # (only the phrases whose seam has these two words)
        m = min(len(tb), len(p) - k)
        if ta[-k:] == p[:k] and tb[:m] == p[k : k + m]:
            return True
    return False


def _broken(prev: str, line: str) -> bool:
    return _seam_inside_phrase(prev, line) or bool(layout.NUMBER_LEAD.match(prev) and layout.NUMBER_TAIL.match(line))


def _number_cut(prev: str, line: str) -> bool:
    """Whether `line` is the rest of a number wrapped after its hyphen or slash (never a body line: the tail
    is caps symbol groups without a space, and the glued whole must be a number/symbol)."""
    return bool(prev[-1:] in "-/" and layout.NUMBER_CUT_HEAD.match(prev) and layout.NUMBER_CUT_TAIL.match(line)
                and layout.NUMBER_WHOLE.match(prev + line))


def _repair_zone(lines: list[str], tables: bool) -> list[str]:
    """`lines` with cells as lines and broken phrases joined (`tables`: whether the text holds a "|" or a tab)."""
    out: list[str] = []
    last = -1  # index in `out` of the last non-blank line
    opens = False  # whether out[last] may be the first half of a broken phrase or number (`_may_open`)
    for raw, cells in zip(lines, _header_rows(lines) if tables else itertools.repeat(None), strict=False):
        for line in [raw] if cells is None else cells:
            if line[1:2].isspace() and layout.SPACED_LETTERS.match(line):  # (its letters stand apart)
                line = _SPACED_TYPES.get("".join(line.split()), line)
            if line and opens:
                if last == len(out) - 1 and _number_cut(out[last], line):
                    out[last] += line  # "Số: 312/HD-" + "PGDĐT": one number, glued as printed
                    opens = _may_open(out[last])
                    continue
                if len(out) - last <= 2 and _broken(out[last], line):
                    out[last] = f"{out[last]} {line}"  # a blank line between the fragments does not separate them
                    del out[last + 1 :]
                    opens = _may_open(out[last])
                    continue
            out.append(line)
            if line:
                last = len(out) - 1
                opens = _may_open(line)
    return out


def repair_lines(lines: list[str]) -> list[str]:
    """Cleaned lines with header table cells as lines, broken header phrases joined, lone "|" lines gone."""
    text = "\n".join(lines)
    if "|" in text:
        lines = [line for line in lines if not line or line.strip("| ")]
        text = "\n".join(lines)
    tables = "|" in text or "\t" in text  # (no table row anywhere: no line's cells to read)
    return _in_zones(lines, text, lambda zone: _repair_zone(zone, tables))


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
    return start if text.startswith(",", pos) else pos  # all caps: a place printed in capitals


def _overlaps(found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b, _ in found)


def _date_in_gaps(line: str, found: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The place-date between the components already found (a place regex run across a symbol would
    take "KH-UBND Cam Lâm" for the place)."""
    if not _PLACE_DATE_HINT.search(line):
        return None  # (a motto or number line holds no date: spared the gaps and their searches)
    bounds = [0, *(x for a, b, _ in sorted(found) for x in (a, b)), len(line)]
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        m = layout.PLACE_DATE.search(line, lo, hi)
        if m:
            return (_place_start(line, m.start(), m.end()), m.end(), "date")
    return None


def _title_and_body(line: str, found: list[tuple[int, int, str]], after: int) -> list[tuple[int, int, str]]:
    """The type word (cut off its title) or "V/v" after the number/date, and a body opener the title runs into."""
    kind = layout.TYPE_ANCHOR.search(line, after)
    cut = (kind.start(), kind.end()) if kind else None
    if cut is None and any(k == "number" for *_, k in found):
        vv = layout.VV_ANCHOR.search(line, after)
        cut = (vv.start(), vv.start()) if vv else None
    if cut is None or _overlaps(found, cut[0], cut[0] + 1):
        return []
    out = [(*cut, "type")]
    opener = layout.BODY_OPENER.search(line, cut[1] + _MIN_TITLE)
    if opener:
        out.append((opener.start(), opener.start(), "body"))
    return out


def _anchors(line: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the header components inside one line, in order."""
    # (plain substring tests first: most zone lines hold neither a motto nor a number)
    mottos = layout.MOTTO_ANCHOR.finditer(line) if _MOTTO_HINT.search(line) else ()
    found = [(m.start(), m.end(), "motto") for m in mottos]
    number = layout.NUMBER_ANCHOR.search(line) if "Số" in line else None
    # (a capitalised "Số 12/…" after lower-case words is a sentence, not a header row)
    sentence = number is not None and not found and bool(_LOWER.search(line[: number.start()]))
    if number and not sentence and not _overlaps(found, number.start(), number.end()):
        found.append((number.start(), number.end(), "number"))
    date = layout.find_place_date(line) if not found else None
    if date:
        start = _place_start(line, date.start(), date.end())
        if start and not _LOWER.search(line[:start]):  # "HUYỆN ỦY ĐẮK MIL   Đắk Mil, ngày …" (a row of two cells)
            found.append((start, date.end(), "date"))
    if not found:
        if date and date.start() == 0 and layout.TYPE_ANCHOR.match(line, date.end() + 1):  # "Biên Hòa, ngày … KẾ HOẠCH"
            return [(0, date.end(), "date"), *_title_and_body(line, [], date.end())]
        lead = layout.TYPE_ANCHOR.match(line)  # "KẾ HOẠCH Tổ chức … năm 2020 Căn cứ Luật …"
        return _title_and_body(line, [], 0) if lead and layout.BODY_OPENER.search(line, lead.end() + _MIN_TITLE) else []
    date = _date_in_gaps(line, found)
    if date:
        found.append(date)
    components = [b for _, b, k in found if k != "motto"]
    if components:
        found += _title_and_body(line, found, max(components))
    if [k for *_, k in found] == ["number"] and (
        found[0][0] == 0 or layout.TYPE_ANCHOR.fullmatch(line[: found[0][0]].strip())
    ):
        return []  # "(KẾ HOẠCH) Số: 12/QĐ-UBND ngày … của …": a register line, not a flattened header
    return sorted(found)


def _pieces(line: str) -> list[str]:
    found = _anchors(line)
    if not found or (len(found) == 1 and found[0][0] == 0 and found[0][1] == len(line)):
        return [line]
    cuts = sorted({0, len(line), *(a for a, _, _ in found), *(b for _, b, _ in found)})
    pieces = [layout.DECORATION.sub("", line[a:b].strip()).strip() for a, b in itertools.pairwise(cuts)]
    return [p for p in pieces if p]


def _may_anchor(line: str) -> bool:
    """Whether `_anchors` may find a component in `line` (the literals each of its matches needs)."""
    return bool(_ANCHOR_HINT.search(line) or line.startswith(_TYPE_HEADS))


@cache
def _whole_lines() -> frozenset[str]:
    """Lines almost every header prints as they are (the motto, the type line) that `_pieces` leaves whole: found
    once (`_pieces` reads nothing but its line), not cut again in every document."""
    return frozenset(p for p in (*layout.HEADER_PHRASES, *HEADING_TYPES) if _pieces(p) == [p])


def _split_zone(lines: list[str]) -> list[str]:
    whole = _whole_lines()
    return [p for line in lines
            for p in (_pieces(line) if line and line not in whole and _may_anchor(line) else [line])]


def split_flattened(text: str) -> str:
    """A normalised text with each flattened header line cut into one line per component."""
    if not any(h in text for h in ("Số", *_MOTTO_HINTS)):
        return text
    lines = text.split("\n")
    out = _in_zones(lines, text, _split_zone)
    return text if out == lines else "\n".join(out)
