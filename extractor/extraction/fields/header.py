"""Header of one document: type, number/symbol, place, issue date, title, issuer lines.

Reads the first-page components of Nghị định 30/2020 (issuer top left, motto top right, "Số:",
place and date, type line and trích yếu) in whatever order a flattened two-column layout
left them, and marks where the body begins.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex as re

from extractor.extraction.dates import DATE, match_to_iso
from extractor.extraction.models import Span
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab.doc_types import COMPANION_LETTER, HEADING_TYPES, canonical_type, type_from_symbol
from extractor.extraction.vocab.layout import (
    AUTHORITY_LINE,
    AUTHORITY_LINE_MIXED,
    KEM_THEO,
    KINH_GUI,
    SEPARATOR,
    TYPE_LINE,
    TYPE_LINE_COLON,
    TYPE_WITH_TITLE,
    find_place_date,
    match_body_start,
    match_number_line,
    match_vv_line,
    search_motto,
)
from extractor.extraction.vocab.lazy import on_first_use

# The header never runs longer than this many non-blank lines.
_HEADER_LINES = 24
# … and is read this many at a time: most end (at the body's first line) within the first read.
_HEADER_READ = 12
# A title (trích yếu) has at most this many lines.
_TITLE_LINES = 5
# … unless it is a caps title wrapped at a web page's narrow column (each line a fragment of one phrase).
_CAPS_TITLE_LINES = 10
# "(Kèm theo Quyết định số 12/QĐ-UBND ngày …)": which document issues this one.
_KEM_THEO_FULL = on_first_use(r"(?i)kèm\s+theo\s+(?P<type>[\p{L}]+\s+[\p{L}]+)\s+số\s*(?P<num>\d+[^\s,;)]*)")


# A title may itself start with "Triển khai …" / "Thực hiện …": only these end an empty title.
_FIRST_TITLE_STOP = re.compile(r"(?i)^[ \t]*(?:căn\s+cứ|kính\s+gửi|[IVX]{1,4}\s*[.:]\s|điều\s+1\b|1\s*[.)]\s)")


# A sentence of the body, not a title line: it announces what follows, or runs long.
_BODY_SENTENCE = re.compile(r"(?:như\s+sau|sau\s+đây|cụ\s+thể)\s*:?\s*$|^.{250,}$|:$")
# What each of its three spellings holds: "sau" or "thể", 250 characters, a colon (a title line has none).
_BODY_SENTENCE_WORDS = ("sau", "thể", ":")
_BODY_SENTENCE_LENGTH = 250
_SO_LEAD = re.compile(r"^\s*Số\s*[:.]?")
# A date line with no place before it (an issue date whose place was lost).
_BARE_DATE_LINE = re.compile(r"^\s*[Nn]gày[\s.…]*\d{0,2}[\s.…]*tháng[\s.…]*\d{0,2}[\s.…]*năm\s*\d{4}\s*$")

# Literal tests before the header's own line patterns (those of vocab.layout have theirs there): a header line
# goes through ~9 patterns (~1 µs a call each), and most lines hold none of what they need. Each literal is one
# EVERY match of its pattern holds, so skipping the pattern never changes a result (tests/test_header.py pins
# each literal against its pattern, and compares the tested calls with the bare ones on generated lines).
# TYPE_LINE, TYPE_LINE_COLON and TYPE_WITH_TITLE are matched at the line's start after `[ \t]*`: the line
# without those opens with a type's first word (a literal: `alternation` escapes the names and only turns
# their spaces into `\s+`).
_TYPE_HEADS = tuple(sorted({t.split()[0] for t in HEADING_TYPES}))
# _BARE_DATE_LINE holds "[Nn]gày".
_BARE_DATE_WORD = "gày"

@dataclass
class Header:
    doc_type: str | None = None
    number: str | None = None
    issued_date: str | None = None
    place: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    issuer_lines: list[tuple[int, int, str]] = field(default_factory=list)
    body_start: int = 0
    issued_with: str | None = None  # number of the decision/letter this document is attached to
    issued_with_at: int | None = None  # where that "(Ban hành kèm theo …)" line starts
    evidence: dict[str, Span] = field(default_factory=dict)


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, raw=text[start:end])


def _clean_symbol(sym: str) -> str:
    return "".join(sym.split()).rstrip(".-/")


def _caps_fragment(line: str) -> bool:
    if len(line) >= 100:  # first: a one-line file is one huge line
        return False
    letters = "".join(filter(str.isalpha, line))
    # A letter string that is not upper as a whole has a lower/title-case letter or none cased: not caps
    # (the common case, answered in C); otherwise each letter must be upper ("中" is a letter but uncased).
    return len(letters) >= 2 and letters.isupper() and all(map(str.isupper, letters))


def parse_header(text: str, start: int, end: int) -> Header:
    h = Header(body_start=start)
    lines = _header_cells(text, start, end)
    title_mode = False
    title_parts: list[tuple[int, int]] = []
    for i, (ls, le, line) in enumerate(lines):
        if title_mode and _is_component(line):
            title_mode = False  # a Công văn's "V/v" may stand before the motto and the date
        if title_mode:
            opens_body = _FIRST_TITLE_STOP.match(line) if not title_parts else match_body_start(line)
            if (opens_body or SEPARATOR.match(line) or KINH_GUI.match(line) or _body_sentence(line)
                    or len(title_parts) >= (_CAPS_TITLE_LINES if _caps_fragment(line) else _TITLE_LINES)
                    or _ends_title(line, title_parts, text)):
                break
            kem = KEM_THEO.match(line)
            if kem:
                full = _KEM_THEO_FULL().search(line)
                h.issued_with = _clean_symbol(full.group("num")) if full else None
                h.issued_with_at = ls
                h.body_start = le
                continue
            authority = _authority_at(line)
            if authority == 0 and title_parts:
                break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …": the enacting authority, then the basis
            if authority:  # the authority flattened onto the title's line
                title_parts.append((ls, ls + len(line[:authority].rstrip())))
                h.body_start = ls + authority
                break
            title_parts.append((ls + len(line) - len(line.lstrip()), le))
            h.body_start = le
            continue
        if match_body_start(line) and not match_vv_line(line) and not _bare_date_line(line):
            break
        _read_header_line(text, ls, le, line, h, first=i == 0)
        h.body_start = max(h.body_start, le)
        if h.doc_type and (_type_line(line) or match_vv_line(line) or _type_with_title(line)):
            title_mode = True
            tw = _type_with_title(line)
            if tw:
                title_parts.append((ls + tw.start("title"), le))
            elif match_vv_line(line):
                title_parts.append((ls + len(line) - len(line.lstrip()), le))
    if title_parts:
        h.title_span = (title_parts[0][0], title_parts[-1][1])
        h.title = " ".join(" ".join(text[a:b].split()) for a, b in title_parts).strip()
        h.evidence["title"] = _span(text, *h.title_span)
    if not h.doc_type and "number" in h.evidence:
        # The symbol names the type even when the number is blank ("Số:   /KH-UBND" in a draft).
        symbol = h.number or _SO_LEAD.sub("", h.evidence["number"].raw)
        h.doc_type = type_from_symbol(_clean_symbol(symbol))
    if not h.evidence and not h.title:
        h.body_start = start  # no header at all: the body is the whole segment
    return h


def _header_cells(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The cells of the first _HEADER_LINES non-blank lines, read _HEADER_READ lines at a time (the lines after a
    read continue where it stopped, so the cells are those of one read of them all)."""
    pos, left = start, _HEADER_LINES
    while left > 0:
        read = lines_between(text, pos, end, limit=min(left, _HEADER_READ))
        yield from _cells(read)
        if len(read) < min(left, _HEADER_READ):
            return  # the text ended
        pos, left = read[-1][1] + 1, left - len(read)


def _cells(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A flattened two-column header puts both cells of a row on one line, tab-separated: read each cell."""
    out = []
    for ls, le, line in lines:
        if "\t" not in line:
            out.append((ls, le, line))
            continue
        pos = ls
        for cell in line.split("\t"):
            if cell.strip():
                lead = len(cell) - len(cell.lstrip())
                out.append((pos + lead, pos + len(cell.rstrip()), cell.strip()))
            pos += len(cell) + 1
    return out


def _is_component(line: str) -> bool:
    return bool(search_motto(line) or match_number_line(line) or find_place_date(line))


def _type_with_title(line: str) -> re.Match[str] | None:
    """TYPE_WITH_TITLE.match(line), tried only on a line opening with a type's first word."""
    return TYPE_WITH_TITLE.match(line) if line.lstrip(" \t").startswith(_TYPE_HEADS) else None


def _bare_date_line(line: str) -> re.Match[str] | None:
    """_BARE_DATE_LINE.match(line), tried only on a line holding its "gày"."""
    return _BARE_DATE_LINE.match(line) if _BARE_DATE_WORD in line else None


def _body_sentence(line: str) -> bool:
    """_BODY_SENTENCE.search(line), tried only on a line long enough or holding one of its words."""
    if len(line) < _BODY_SENTENCE_LENGTH and not any(w in line for w in _BODY_SENTENCE_WORDS):
        return False
    return _BODY_SENTENCE.search(line) is not None


def _authority_at(line: str) -> int | None:
    """Where a decision's enacting authority starts in a title line, if it does."""
    if AUTHORITY_LINE_MIXED.match(line):
        return 0
    m = AUTHORITY_LINE.search(line)
    return m.start() if m else None


def _ends_title(line: str, parts: list[tuple[int, int]], text: str) -> bool:
    """A caps line after a mixed-case title is the next component ("CHỦ TỊCH ỦY BAN NHÂN DÂN …")."""
    if not parts:
        return False
    first = text[parts[0][0] : parts[0][1]]
    return _caps_fragment(line) and not _caps_fragment(first)


def _type_line(line: str) -> re.Match[str] | None:
    """The caps type line, bare ("KẾ HOẠCH") or with a colon before its title ("KẾ HOẠCH:")."""
    if not line.lstrip(" \t").startswith(_TYPE_HEADS):
        return None  # (both patterns open with a type, see _TYPE_HEADS)
    return TYPE_LINE.match(line) or (TYPE_LINE_COLON.match(line) if line.endswith(":") else None)


def _read_header_line(text: str, ls: int, le: int, line: str, h: Header, first: bool = False) -> None:
    rest = line
    m = search_motto(line)
    if m:
        left = line[: m.start()].strip()
        if left and _caps_fragment(left):
            h.issuer_lines.append((ls, ls + len(left), left))
        rest = line[m.end():]
    num = match_number_line(line)
    if num and "number" not in h.evidence:
        if num.group("num"):
            h.number = f"{num.group('num')}{num.group('sep')}{_clean_symbol(num.group('sym'))}"
        h.evidence["number"] = _span(text, ls + num.start(), ls + num.end())
    pd = find_place_date(line, num.end() if num else 0)
    if pd and "issued_date" not in h.evidence:
        h.place = " ".join(pd.group("place").split())
        h.evidence["place"] = _span(text, ls + pd.start("place"), ls + pd.end("place"))
        dm = DATE.search(pd.group("date"))
        h.issued_date = match_to_iso(dm) if dm else None
        h.evidence["issued_date"] = _span(text, ls + pd.start("date"), ls + pd.end("date"))
    bare = _bare_date_line(line) if not pd and "issued_date" not in h.evidence else None
    if bare:  # the place was lost in conversion: "Ngày 05 tháng 5 năm 2020" alone on its line
        dm = DATE.search(line)
        h.issued_date = match_to_iso(dm) if dm else None
        h.evidence["issued_date"] = _span(text, ls + bare.start(), ls + bare.end())
    # (the type and its title on one line: after other components, or as the very first line of a copy)
    t = _type_line(line) or (_type_with_title(line) if h.evidence or first else None)
    if t and not h.evidence and _SO_LEAD.match(t.groupdict().get("title") or ""):
        t = None  # "KẾ HOẠCH Số 45/KH-UBND ngày … của …": a register line describing the document, not its header
    if t and not h.doc_type:
        h.doc_type = canonical_type(t.group("type"))
        h.evidence["doc_type"] = _span(text, ls + t.start("type"), ls + t.end("type"))
        return
    if match_vv_line(line) and not h.doc_type:
        h.doc_type = COMPANION_LETTER
        return
    # After both the number and the date, caps lines are the title's (a type line the reader missed),
    # never the issuer's: in every column order the issuer comes before one of them.
    past_issuer = "number" in h.evidence and "issued_date" in h.evidence
    if not (m or num or pd) and _caps_fragment(rest.strip()) and not h.doc_type and not past_issuer:
        h.issuer_lines.append((ls, le, line.strip()))
