"""A document inside a web page: where it starts and ends, and what the site's metadata block says.

Text copied or saved from a document-sharing site or a government portal holds the document
between site chrome (menu, breadcrumb, "Đang tải...", view counters, a page heading) and a tail
(related-document lists, comments, footer). Nothing is deleted from the text: the page gives the
[start, end) range the document occupies, so every span still points into the full text. The
site's metadata block ("Số hiệu:", "Cơ quan ban hành:", "Ngày ban hành:" …) is read into fields with
spans; it is secondary evidence for a header that conversion damaged or lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extractor.extraction.models import Span
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab.layout import (
    SEPARATOR,
    TYPE_LINE,
    find_place_date,
    match_body_start,
    match_number_line,
    search_motto,
)
from extractor.extraction.vocab.page_hints import page_hinted
from extractor.extraction.vocab.web import (
    BREADCRUMB,
    BUTTON_LINE,
    CHROME_LINE,
    FOOTER_LINE,
    LEAD,
    MENU_BAR,
    META_EMPTY,
    META_HEADING,
    META_KEY,
    META_KEYS,
    META_LABEL_ONLY,
    META_LINE,
    TAIL_CHROME,
    TAIL_LINE,
)

# A body line: long prose, or one a body opens with.
_PROSE = 120
# Caps issuer lines standing above the first header component, at most this many.
_ISSUER_LINES = 5
# Chrome lines are short: a menu item, a counter, a breadcrumb; below the text, shorter still.
_CHROME_MAX = 100
_TAIL_CHROME_MAX = 60
# A page's footer is among its last lines.
_FOOTER_LINES = 8
# Tail lines (related lists, metadata rows, footers, buttons) are never longer than this.
_TAIL_LINE_MAX = 200
# Any line of the tail, whichever kind (matched first, on every line after the document's start).
_TAIL_PROBE = re.compile("|".join(f"(?:{p.pattern})" for p in (TAIL_LINE, META_HEADING, META_LINE, FOOTER_LINE,
                                                               TAIL_CHROME, BUTTON_LINE)))
# A decoration under the issuer ("*" under a Party committee) is at most this long.
_MARK_MAX = 5
# Lines looked at after a long line above the document, for chrome that shows it is the site's.
_LOOKAHEAD = 3
# A post's intro stands at most this many lines above the document's header.
_HEADER_BELOW = 8
# The header is found within this many lines of the page's first document line.
_TOP_SCAN = 80


@dataclass
class Page:
    """The document part [start, end) of a page and the site's metadata fields (field -> span)."""

    start: int
    end: int
    meta: dict[str, Span] = field(default_factory=dict)
    # Non-chrome lines above the document (page heading, lead): (start, end) ranges.
    headings: list[tuple[int, int]] = field(default_factory=list)
    # The metadata rows: what the header parser read inside them is the site's, not the document's.
    meta_rows: list[tuple[int, int]] = field(default_factory=list)


def _is_chrome(line: str) -> bool:
    if len(line) > _CHROME_MAX:
        return False  # a body sentence that happens to start like a button ("Đăng ký các mô hình …")
    return bool(CHROME_LINE.match(line) or META_LINE.match(line) or META_HEADING.match(line)
                or BREADCRUMB.match(line) or MENU_BAR.match(line) or SEPARATOR.match(line))


def _is_component(line: str) -> bool:
    if META_LINE.match(line):
        return False  # "Số/Ký hiệu: 12/KH-THPT" is the site's row, not the document's "Số:" line
    return bool(search_motto(line) or match_number_line(line) or TYPE_LINE.match(line)
                or (len(line) < 120 and find_place_date(line)))


def _is_rule(line: str) -> bool:
    """A rule or mark under the issuer: "-------", "*", "***"."""
    return bool(SEPARATOR.match(line)) or (len(line) <= _MARK_MAX and not any(c.isalnum() for c in line))


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line) < 100


def _site_line(lines: list[tuple[int, int, str]], i: int) -> bool:
    """A long line the site wrote (a page title, a status note, a post's intro): chrome follows it
    at once, or the document's own header a few lines below."""
    after = lines[i + 1 : i + 1 + _LOOKAHEAD]
    below = lines[i + 1 : i + 1 + _HEADER_BELOW]
    return any(_is_chrome(line) for _s, _e, line in after) or any(
        search_motto(line) or match_number_line(line) for _s, _e, line in below)


def _top(lines: list[tuple[int, int, str]], metas: frozenset[int]) -> tuple[int, list[tuple[int, int]]]:
    """Index of the document's first line, and the non-chrome lines above it (`metas`: the metadata lines)."""
    headings: list[tuple[int, int]] = []
    in_list = False
    for i, (s, e, line) in enumerate(lines[:_TOP_SCAN]):
        if _is_component(line):
            first = i
            while first > 0 and i - first < _ISSUER_LINES:
                above = lines[first - 1][2]
                if not _is_rule(above) and (not _is_caps(above) or _is_chrome(above)):
                    break  # the issuer's caps lines and the rule under them belong to the header
                first -= 1
            return first, [h for h in headings if h[0] < lines[first][0]]
        if TAIL_LINE.match(line):
            if not any(_is_component(x[2]) for x in lines[i + 1 : _TOP_SCAN]):
                return _described(lines, headings, i, metas)  # the tail follows the site's lines: they are the document
            in_list = True  # a related-documents box above the document: its items are no headings
            continue
        if _is_chrome(line):
            in_list = False
            continue
        if in_list:
            continue
        if (match_body_start(line) or len(line) >= _PROSE) and not _site_line(lines, i):
            return i, headings
        headings.append((s, e))
    return 0, []


def _described(lines: list[tuple[int, int, str]], headings: list[tuple[int, int]],
               tail: int, metas: frozenset[int]) -> tuple[int, list[tuple[int, int]]]:
    """A page with no text of the document: a register entry describing it, else its metadata block,
    is the document."""
    index = {s: j for j, (s, _e, _line) in enumerate(lines)}
    for k, (s, _e) in enumerate(headings):
        if LEAD.match(lines[index[s]][2]):
            return index[s], headings[:k]
    meta = next((j for j in range(tail) if j in metas), None)
    if meta is None:
        return 0, []
    return meta, [h for h in headings if h[0] < lines[meta][0]]


def _bottom(lines: list[tuple[int, int, str]], first: int, metas: frozenset[int]) -> int:
    """Index of the first line of the page's tail after the document's first line (len(lines) if none)."""
    after = first
    while after < len(lines) and _meta_block(lines, after, metas):
        after += 2 if META_LABEL_ONLY.match(lines[after][2]) else 1  # a metadata-only page: its block is the document
    after = max(after, first + 1)
    for i in range(after, len(lines)):
        line = lines[i][2]
        if len(line) > _TAIL_LINE_MAX or not _TAIL_PROBE.match(line):
            continue  # one pattern per line; the kinds are told apart only on the few that match
        if TAIL_LINE.match(line) or META_HEADING.match(line):
            return i
        nxt = lines[i + 1][2] if i + 1 < len(lines) else ""
        if _meta_block(lines, i, metas):
            return i  # the metadata block after the text
        if FOOTER_LINE.match(line) and FOOTER_LINE.match(nxt) and _page_end(lines[i:]):
            return i
        if BUTTON_LINE.match(line) and BUTTON_LINE.match(nxt):
            return i
        if len(line) < _TAIL_CHROME_MAX and TAIL_CHROME.match(line) and not line.endswith((".", ";", ",")):
            return i  # "Chia sẻ: Facebook", "Lượt xem: 312", "Tệp đính kèm" after the text
    return len(lines)


def _page_end(rest: list[tuple[int, int, str]]) -> bool:
    """Whether the lines from a contact pair on are a page's footer: a few lines, no signature block
    (caps lines) and no "Nơi nhận" after them, as a plan's own contact block would have."""
    return len(rest) <= _FOOTER_LINES and not any(_is_caps(x[2]) or x[2].startswith("Nơi nhận") for x in rest)


def _meta(text: str, lines: list[tuple[int, int, str]], allowed: set[int]) -> dict[str, Span]:
    """Field -> span of its value, from the metadata lines of the page at the `allowed` indexes."""
    out: dict[str, Span] = {}
    for i in sorted(allowed):
        s, _e, line = lines[i]
        alone = META_LABEL_ONLY.match(line)
        if alone:
            if i + 1 < len(lines) and not _is_chrome(lines[i + 1][2]):
                vs, _ve, value = lines[i + 1]
                _put(out, alone.group("key"), value, vs)
            continue
        keys = list(META_KEY.finditer(line))
        for k, m in enumerate(keys):
            stop = keys[k + 1].start() if k + 1 < len(keys) else len(line)
            raw = line[m.end() : stop]
            _put(out, m.group("key"), raw.strip(" \t|:"), s + m.end() + len(raw) - len(raw.lstrip(" \t|:")))
    return out


def _put(out: dict[str, Span], key: str, value: str, start: int) -> None:
    """Keep the first value of each field; empty values ("Đang cập nhật") are none."""
    name = META_KEYS.get(_label(key))
    if name and name not in out and not META_EMPTY.match(value):
        out[name] = Span(start=start, end=start + len(value), raw=value)


def _meta_rows(lines: list[tuple[int, int, str]], metas: frozenset[int]) -> list[tuple[int, int]]:
    """The metadata rows of the page, a lone label with the value line under it."""
    rows = []
    for i in sorted(metas):
        s, e, line = lines[i]
        if META_LABEL_ONLY.match(line) and i + 1 < len(lines):
            e = lines[i + 1][1]
        rows.append((s, e))
    return rows


def _meta_block(lines: list[tuple[int, int, str]], i: int, metas: frozenset[int]) -> bool:
    """Line i starts (or continues) a metadata block: another row follows it, past a lone label's value."""
    if i not in metas:
        return False
    step = 2 if META_LABEL_ONLY.match(lines[i][2]) else 1
    return i + step < len(lines) and i + step in metas


def _label(key: str) -> str:
    """The vocabulary's spelling of a label as written ("SỐ HIỆU", "Số  hiệu")."""
    folded = " ".join(key.split()).lower()
    return next((k for k in META_KEYS if k.lower() == folded), key)


def read_page(text: str) -> Page | None:
    """The document part and metadata of a web page; None when the text shows no page chrome."""
    if not page_hinted(text):
        return None
    lines = lines_between(text, 0, len(text))
    if not lines:
        return None
    # Which lines are metadata rows is asked by the top, the tail, the fields and the rows: tested once.
    metas = frozenset(i for i, (_s, _e, line) in enumerate(lines) if META_LINE.match(line))
    first, headings = _top(lines, metas)
    if not any(_is_chrome(line) for _s, _e, line in lines[:first]):
        first, headings = 0, []  # no chrome above: whatever stands first is the document's
    last = _bottom(lines, first, metas)
    if not first and last == len(lines):
        return None
    # The metadata is read outside the document's text, or inside when the page has no such text.
    has_text = any(_is_component(x[2]) for x in lines[first:last])
    allowed = {i for i in range(len(lines)) if not first <= i < last or not has_text}
    start = lines[first][0]
    end = lines[last][0] if last < len(lines) else len(text)
    return Page(start=start, end=end, meta=_meta(text, lines, allowed & metas), headings=headings,
                meta_rows=_meta_rows(lines, metas))
