"""PDF files: the pages' text in order, running page furniture removed; scanned pages read by OCR.

A page without a text layer that is a picture (one image covers half of it or more) is rendered at
300 dpi and read by extractor.extraction.readers.ocr; so is every page when most pages have no text layer, and
none with `ocr="never"`. OCR'd lines go through the same steps below as the text layer's (their boxes
are scaled to PDF points). The text comes with the offset where each page starts.

Two libraries, each for what it does best:
- pypdfium2 (the PDFium engine, which pdfplumber itself depends on) reads the text layer of every
  page. Measured on this project's documents it returns exact text at about 1 ms per page, against
  40-75 ms for pdfplumber's per-character layout; it follows the content stream, so a header drawn
  cell by cell (the left cell, then the right one) comes out as two blocks; and it reports password
  protection directly.
- pdfplumber gives word positions (`extract_words()`), and is used only where PDFium's order fails:
  a producer that draws the two header cells row by row ("ỦY BAN NHÂN DÂN" and "CỘNG HÒA XÃ HỘI CHỦ
  NGHĨA VIỆT NAM" on one baseline) makes PDFium write both cells on one line, mixing the issuer with
  the motto and the number with the place and date. Such a page is recognised from PDFium's text (the
  motto shares a line with other text near the top of the page) and only then parsed by pdfplumber:
  the header band (from the top down to the type line, "Kính gửi" or the first line across both
  columns, within the top 35% of the page) is cut at the widest empty vertical gap between its words,
  and written as the left cell's lines, the right cell's, then a Công văn's "V/v" lines (as a
  word processor's table gives them). The rest of the page keeps PDFium's text. The split is used only
  if its words are exactly PDFium's words in that band, so no text is lost or changed; other pages
  never load pdfplumber.

On top of PDFium's lines this module
- drops page numbers ("2", "- 2 -", "Trang 2/5") at the top or bottom of a page, and lines that
  repeat at the top or bottom of most pages (running headers and footers);
- joins a line wrapped by the layout to its continuation, using PDFium's character boxes: the line
  reaches the right margin (the next line's first word would not have fitted) and the next one starts
  at the left margin, so that "… ngày 3 tháng 4 năm" / "2019 …" becomes one line as it was typed;
- maps PDFium's mark for a hyphen at a line end ("\\x02" or U+FFFE: "QĐ-" / "UBND") to "-";
- converts the lines of each page that show a pre-Unicode font's codes (a PDF made from a ".VnTime"
  or "VNI-Times" document: "KÕ ho¹ch", with "ư" as U+2212) before any of the steps above look at
  them (extractor.extraction.readers.legacy.repair_text, page by page).
Normalisation proper happens later (extractor.extraction.normalize).
"""

from __future__ import annotations

import io
import re
import threading
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractor.extraction.fold import phrase_key
from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.layout import LAYOUT_MARKERS
from extractor.extraction.readers.legacy import Encoding, needs_repair, repair_text
from extractor.extraction.readers.limits import check_pages, check_pdf
from extractor.extraction.readers.ocr import OcrPage, check_available, ocr_image
from extractor.extraction.readers.paged import OcrMode, OcrReport, PagedText
from extractor.extraction.vocab.layout import KINH_GUI, TYPE_LINE, TYPE_WITH_TITLE, VV_LINE
from extractor.extraction.vocab.legacy_fonts import TCVN3_CAPS_PDF_FONT

# PDFium is not thread-safe; a batch runner may call read_file from several threads.
_PDFIUM_LOCK = threading.Lock()
_PDFIUM_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_PDFIUM_SECURITY_ERROR = 5  # FPDF_ERR_SECURITY: an unsupported security handler
# PDFium marks a hyphen at a line end, which it joins to the next line, as "\x02" or U+FFFE.
_SOFT_HYPHENS = "\x02\ufffe"
_CHAR_MAP = str.maketrans({"\x02": "-", "\ufffe": "-", "\x00": None})
_LINE_BREAK = "\r\n"

# Page furniture lives in the first or last lines of a page.
_EDGE_LINES = 2
# "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5", "Page 2 of 5".
_PAGE_NUMBER = re.compile(r"(?i)^[-–—\s]*(?:trang|page|tr\.)?\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$")
# A running line repeats at the edge of at least this many pages, and this share of all pages.
_RUNNING_MIN_PAGES = 3
_RUNNING_MIN_SHARE = 0.6
# A page whose first lines open a document (motto, signature) has no running header there.
_OPENING_LINES = 8
_DIGITS = re.compile(r"\d+")
# A scan may carry a little text (a digital-signature stamp): a PDF needs OCR unless at least half
# of its pages hold this many characters (a plan's page holds thousands, its last page hundreds).
_MIN_PAGE_CHARS = 200
# A page is a scan when one image covers this share of it. Scans are rendered for OCR at this resolution.
_SCAN_SHARE = 0.5
# A text layer with more than this share of private-use, control or replacement characters is unusable.
_JUNK = re.compile("[\ue000-\uf8ff\x00-\x08\x0b-\x1f\ufffd]")
_MAX_JUNK_SHARE = 0.3
RENDER_DPI = 300

# Reflow. A line "continues" when the next line's first word would have fitted after it, the next
# line starts at the left margin, and it is not a new list item or a new sentence after a full stop.
_LIST_ITEM = re.compile(r"^(?:[-+•*–]\s|\(?[a-zđ]\)|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXLC]{1,6}[.)]\s|Điều\s+\d)")
_SENTENCE_END = re.compile(r"[.:;!?]$")
_SLACK = 1.5  # points of rounding tolerance in position comparisons
_MAX_INDENT_SHARE = 0.2  # a line that starts further right than this is centred or right-aligned
_MAX_LINE_GAP = 1.0  # vertical gap between wrapped lines, in line heights
_POSITION_BIN = 2.0  # points: line edges this close count as the same margin
_MIN_LINES_FOR_MARGINS = 3  # fewer lines on a page (or at one right edge) say nothing about margins
_MIN_PROSE_CHARS = 20  # lines this long give the page's typical character width
_MAX_SPREAD = 1.35  # a line whose characters are this much wider than typical has gaps: a table row

# A header drawn row by row. The state and Party mottos fill a header line on their own, so one that
# shares a PDFium line with other text says the two cells were merged (raw text: any tone placement,
# none at all, or OCR's misread vowels: "ĐẲNG CỘNG SẢN").
_MOTTO = re.compile(
    r"(?i)c\w{1,2}ng\s+h\w{1,2}a\s+x\w\s+h\w{1,2}i\s+ch\w\s+ngh\w{1,2}a\s+vi\w{1,2}t\s+nam"
    r"|[đd]\w{1,2}c\s+l\w{1,2}p\s*\W\s*t\w\s+do\s*\W\s*h\w{1,2}nh\s+ph\w{1,2}c"
    r"|[đd]\w{1,2}ng\s+c\w{1,2}ng\s+s\w{1,2}n\s+vi\w{1,2}t\s+nam"
)
_WORD = re.compile(r"\w")
_RECIPIENTS = re.compile(r"(?i)^n\w{1,2}i\s+nh\w{1,2}n\b")
_HEADER_SHARE = 0.35  # the header cells sit in the top third of a page that opens a document
# Rows below the header cells: the type line ("KẾ HOẠCH") and a Công văn's "Kính gửi".
_HEADER_ENDS = (TYPE_LINE, TYPE_WITH_TITLE, KINH_GUI)
# The gap between the cells is wider than a space between words (about a quarter of the font size).
_MIN_GAP = 0.5  # in font heights
# A line is in a caps font (".VnTimeH") when text in that font covers this share of its width.
_CAPS_COVER = 0.6
# pdfplumber costs ~60 ms and a few MB a page: at most this many mixed-header pages are re-read with it
# (a header opens a document; a file with more is a bundle of hundreds, where PDFium's order stands).
_MAX_PLUMBER_PAGES = 50


@dataclass(frozen=True)
class _Line:
    text: str
    page: int
    box: tuple[float, float, float, float] | None  # left, bottom, right, top (PDF points)


@dataclass(frozen=True)
class _PageText:
    lines: list[_Line]
    top: float  # the page's top edge: PDFium's boxes count up from the bottom, pdfplumber's down from here
    height: float
    caps: tuple[tuple[float, float, float, float], ...] = ()  # boxes of text in a caps font (".VnTimeH")


@dataclass(frozen=True)
class _Page:
    """Where the body text of a page starts and ends, and its typical character width."""

    left: float
    right: float
    char: float


def _split_rows(tp: Any, start: int, end: int, page: int) -> list[_Line]:
    """A PDFium line whose characters sit on different rows (table cells) is cut at each row change,
    except after a line-end hyphen, which PDFium joined on purpose ("QĐ-" / "UBND")."""
    out: list[_Line] = []
    row_start, row = start, tp.get_charbox(start, loose=True)
    for i in range(start + 1, end):
        box = tp.get_charbox(i, loose=True)
        if abs(box[1] - row[1]) <= (row[3] - row[1]) / 2:  # the row goes on to the right
            row = (row[0], row[1], max(row[2], box[2]), row[3])
            continue
        if tp.get_text_range(i - 1, 1) in _SOFT_HYPHENS:  # it goes on one row down
            row = (min(row[0], box[0]), box[1], max(row[2], box[2]), box[3])
            continue
        out.append(_Line(tp.get_text_range(row_start, i - row_start).translate(_CHAR_MAP).strip(), page, row))
        row_start, row = i, box
    out.append(_Line(tp.get_text_range(row_start, end - row_start).translate(_CHAR_MAP).strip(), page, row))
    return [ln for ln in out if ln.text]


def _page_lines(document: Any, index: int) -> _PageText:
    page = document[index]
    tp = page.get_textpage()
    try:
        text = tp.get_text_range()
        # Positions need one character per PDFium index (not so with characters beyond the BMP).
        located = len(text) == tp.count_chars()
        lines: list[_Line] = []
        pos = 0
        for raw in text.split(_LINE_BREAK):
            stripped = raw.strip()
            if stripped and located:
                a = pos + len(raw) - len(raw.lstrip())
                b = pos + len(raw.rstrip()) - 1
                first, last = tp.get_charbox(a, loose=True), tp.get_charbox(b, loose=True)
                if abs(first[1] - last[1]) > (first[3] - first[1]) / 2:
                    lines += _split_rows(tp, a, b + 1, index)
                else:
                    lines.append(_Line(stripped.translate(_CHAR_MAP), index, (first[0], first[1], last[2], first[3])))
            elif stripped:
                lines.append(_Line(stripped.translate(_CHAR_MAP), index, None))
            pos += len(raw) + len(_LINE_BREAK)
        _, bottom, _, top = page.get_bbox()  # unlike get_mediabox(), inherits the box from the page tree
        return _PageText(lines, top, top - bottom, _caps_font_boxes(page) if needs_repair(text) else ())
    finally:
        tp.close()
        page.close()


# --- a header drawn row by row: pdfplumber's word positions put each cell's lines together ---------

_Word = dict[str, Any]  # a pdfplumber word: text, x0, x1, top, bottom (points down from the top edge)


def _depth(page: _PageText, box: tuple[float, float, float, float]) -> float:
    """How far below the page's top edge the middle of a PDFium box is (pdfplumber's measure)."""
    return page.top - (box[1] + box[3]) / 2


def _beside_motto(text: str) -> str | None:
    """The text of a line that holds a motto, without it (None: no motto)."""
    return _MOTTO.sub("", text) if _MOTTO.search(text) else None


def _mixed_header(page: _PageText) -> bool:
    """The motto shares a line with other text at the top of the page: PDFium merged the header cells."""
    return any(
        ln.box and _depth(page, ln.box) < _HEADER_SHARE * page.height
        and _WORD.search(_beside_motto(ln.text) or "")
        for ln in page.lines[:_OPENING_LINES]
    )


def _middle(word: _Word) -> float:
    return float(word["top"] + word["bottom"]) / 2


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into rows, left to right. A word whose middle is above the bottom of the row being
    built belongs to it (a superscript number, a bolder cell on the same baseline)."""
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and _middle(word) < max(w["bottom"] for w in rows[-1]):
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _row_text(row: list[_Word]) -> str:
    return " ".join(w["text"] for w in row)


def _widest_gap(rows: list[list[_Word]]) -> tuple[float, float] | None:
    """The widest vertical strip that no word of the rows touches, between their leftmost and rightmost
    words, if it is wider than a space between words."""
    words = sorted((w for row in rows for w in row), key=lambda w: w["x0"])
    if not words:
        return None
    heights = sorted(w["bottom"] - w["top"] for w in words)
    widest, best = _MIN_GAP * heights[len(heights) // 2], None
    reach = words[0]["x1"]
    for word in words[1:]:
        if word["x0"] - reach > widest:
            widest, best = word["x0"] - reach, (reach, word["x0"])
        reach = max(reach, word["x1"])
    return best


def _band(rows: list[list[_Word]]) -> tuple[list[list[_Word]], float | None]:
    """The header rows from the top, and the top of the first row below them (None: all rows): they end
    at the type line or "Kính gửi", or at a row that closes the gap between the cells."""
    for i, row in enumerate(rows[1:], start=1):
        ends = any(p.match(_row_text(row)) for p in _HEADER_ENDS)
        if ends or (_widest_gap(rows[:i]) and not _widest_gap(rows[: i + 1])):
            return rows[:i], min(w["top"] for w in row)
    return rows, None


def _split_header(words: list[_Word], page: _PageText) -> list[_Line]:
    """The page's lines with the header band written cell by cell: the left cell's lines up to a "V/v"
    subject, the right cell's, then the subject. PDFium's lines stay if the band's words are not its
    words, or if no cell line is the motto alone (the gap was one between words of a sentence)."""
    limit = _HEADER_SHARE * page.height
    band, below = _band(_rows([w for w in words if _middle(w) < limit]))
    bottom = limit if below is None else below
    gap = _widest_gap(band)
    inside = [i for i, ln in enumerate(page.lines) if ln.box and _depth(page, ln.box) < bottom]  # PDFium's band
    band_words = [w for row in band for w in row]
    pdfium_words = Counter(t for i in inside for t in page.lines[i].text.split())
    if gap is None or not inside or pdfium_words != Counter(w["text"] for w in band_words):
        return page.lines
    cut = sum(gap) / 2
    left = _rows([w for w in band_words if w["x1"] <= cut])
    right = _rows([w for w in band_words if w["x0"] >= cut])
    subject = next((i for i, row in enumerate(left) if VV_LINE.match(_row_text(row))), len(left))
    cells = [_row_text(row) for row in (*left[:subject], *right, *left[subject:])]
    if not any(rest is not None and not _WORD.search(rest) for rest in map(_beside_motto, cells)):
        return page.lines
    header = [_Line(text, page.lines[inside[0]].page, None) for text in cells]
    replaced = set(inside)
    rest = [ln for i, ln in enumerate(page.lines) if i not in replaced]
    return [*rest[: inside[0]], *header, *rest[inside[0]:]]


def _split_signature(words: list[_Word], page: _PageText) -> list[_Line]:
    """The page's lines with the signature table (recipients left, signer right), which OCR reads row by
    row, written cell by cell: from the "Nơi nhận" row down as long as a gap runs between two columns."""
    rows = _rows(words)
    start = next((i for i, row in enumerate(rows) if _RECIPIENTS.match(_row_text(row))), None)
    if start is None:
        return page.lines
    end = start + 1
    while end < len(rows) and _widest_gap(rows[start : end + 1]):
        end += 1
    band = rows[start:end]
    gap = _widest_gap(band)
    if gap is None or len(band) < 2:
        return page.lines
    top, bottom = min(w["top"] for w in band[0]), max(w["bottom"] for w in band[-1])
    inside = {i for i, ln in enumerate(page.lines) if ln.box and top <= _depth(page, ln.box) <= bottom}
    if not inside:
        return page.lines
    cut = sum(gap) / 2
    band_words = [w for row in band for w in row]
    cells = [*_rows([w for w in band_words if w["x1"] <= cut]), *_rows([w for w in band_words if w["x0"] >= cut])]
    first = min(inside)
    signature = [_Line(_row_text(row), page.lines[first].page, None) for row in cells]
    rest = [ln for i, ln in enumerate(page.lines) if i not in inside]
    return [*rest[:first], *signature, *rest[first:]]


def _unmix_headers(data: bytes | None, pages: list[_PageText], ocr_words: dict[int, list[_Word]]) -> list[list[_Line]]:
    """The pages' lines, a header drawn row by row split into its cells (see the module docstring).
    Pages read by OCR bring their own words (`ocr_words`); the others' come from pdfplumber."""
    lines = [page.lines for page in pages]
    mixed = [i for i, page in enumerate(pages) if _mixed_header(page)]
    for i, words in ocr_words.items():
        if i in mixed:
            lines[i] = _split_header(words, pages[i])
        lines[i] = _split_signature(words, replace(pages[i], lines=lines[i]))
    mixed = [i for i in mixed if i not in ocr_words]
    if not mixed or data is None:
        return lines
    import pdfplumber  # ~100 ms to import, 40-75 ms a page: only for the pages that need it

    # pdfminer is stricter than PDFium about damaged files: if it fails, PDFium's text stands.
    with suppress(Exception), pdfplumber.open(io.BytesIO(data)) as pdf:
        for i in mixed[:_MAX_PLUMBER_PAGES]:
            page = pdf.pages[i]
            try:
                lines[i] = _split_header(page.extract_words(), pages[i])
            finally:
                page.close()  # drops the page's parsed layout: memory stays that of one page
    return lines


# --- page furniture and reflow ----------------------------------------------------------------------

def _edge_positions(lines: list[_Line], top: bool = True) -> set[int]:
    n = len(lines)
    bottom = set(range(max(0, n - _EDGE_LINES), n))
    return set(range(min(_EDGE_LINES, n))) | bottom if top else bottom


def _key(line: _Line) -> str:
    return _DIGITS.sub("#", phrase_key(line.text))


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    pages = [[ln for i, ln in enumerate(lines) if not (i in _edge_positions(lines) and _PAGE_NUMBER.match(ln.text))]
             for lines in pages]
    # Edge positions that may hold a running line; a page that opens a document keeps its top.
    edges = [_edge_positions(lines, top=not any(LAYOUT_MARKERS.search(ln.text) for ln in lines[:_OPENING_LINES]))
             for lines in pages]
    counts = Counter(k for lines, pos in zip(pages, edges, strict=True) for k in {_key(lines[i]) for i in pos})
    needed = max(_RUNNING_MIN_PAGES, _RUNNING_MIN_SHARE * len(pages))
    running = {k for k, n in counts.items() if n >= needed}
    return [[ln for i, ln in enumerate(lines) if not (i in pos and _key(ln) in running)]
            for lines, pos in zip(pages, edges, strict=True)]


def _bin(x: float) -> float:
    return round(x / _POSITION_BIN) * _POSITION_BIN


def _char_width(line: _Line) -> float:
    return (line.box[2] - line.box[0]) / len(line.text) if line.box else 0.0


def _geometry(lines: list[_Line]) -> _Page | None:
    """Margins: where most lines start, and where most lines end (justified text) or else the furthest
    any line ends (ragged text). The typical character width is the median over the longer lines."""
    located = [ln for ln in lines if ln.box]
    if len(located) < _MIN_LINES_FOR_MARGINS:
        return None
    lefts = Counter(_bin(ln.box[0]) for ln in located if ln.box)
    rights = Counter(_bin(ln.box[2]) for ln in located if ln.box)
    left = max(lefts, key=lambda x: (lefts[x], -x))
    right, count = max(rights.items(), key=lambda kv: (kv[1], kv[0]))
    if count < _MIN_LINES_FOR_MARGINS:
        right = max(rights)
    widths = sorted(_char_width(ln) for ln in located if len(ln.text) >= _MIN_PROSE_CHARS)
    char = widths[len(widths) // 2] if widths else 0.0
    return _Page(left, right, char) if right > left and char else None


def _continues(a: _Line, b: _Line, pa: _Page | None, pb: _Page | None, a_size: int | None = None) -> bool:
    """Whether b continues a; `a_size` is a's length when a stands for a longer joined line."""
    if not (a.box and b.box and pa and pb) or _LIST_ITEM.match(b.text):
        return False
    if _SENTENCE_END.search(a.text[-1:]) and (b.text[0].isupper() or b.text[0].isdigit()):
        return False
    # Table rows and two-column lines are spread out: wide gaps between their cells.
    a_width = (a.box[2] - a.box[0]) / (a_size or len(a.text))
    if a_width > _MAX_SPREAD * pa.char or _char_width(b) > _MAX_SPREAD * pb.char:
        return False
    char = _char_width(b)
    first_word = len(b.text.split(maxsplit=1)[0])
    a_full = pa.right - a.box[2] <= (first_word + 1) * char + _SLACK
    a_body = a.box[0] <= pa.left + _MAX_INDENT_SHARE * (pa.right - pa.left)
    b_at_margin = abs(b.box[0] - pb.left) <= max(_SLACK, char)
    if a.page == b.page:
        height = a.box[3] - a.box[1]
        if not -_SLACK <= a.box[1] - b.box[3] <= _MAX_LINE_GAP * height:
            return False
    return a_full and a_body and b_at_margin


def _join(a: _Line, b: _Line) -> _Line:
    glue = "" if a.text.endswith("-") and not a.text.endswith(" -") else " "
    box = (a.box[0], b.box[1], b.box[2], b.box[3]) if a.box and b.box else None
    return replace(b, text=a.text + glue + b.text, box=box)


def _reflow(pages: list[list[_Line]]) -> list[_Line]:
    """Lines joined to their continuations, each on the page where it ends. A joined line is kept as its
    parts (joined once at the end) and compared by its last part and its length: linear, however many
    lines continue each other."""
    geometry = [_geometry(lines) for lines in pages]
    out: list[_Line] = []  # the last part of each output line, with the joined line's box
    parts: list[list[str]] = []
    sizes: list[int] = []  # the joined line's length
    for line in (ln for lines in pages for ln in lines):
        prev = out[-1] if out else None
        if prev and _continues(prev, line, geometry[prev.page], geometry[line.page], sizes[-1]):
            joined = _join(prev, line)
            glue = len(joined.text) - len(prev.text) - len(line.text)
            parts[-1].append(joined.text[len(prev.text) : len(prev.text) + glue] + line.text)
            sizes[-1] += glue + len(line.text)
            out[-1] = replace(joined, text=line.text)
        else:
            out.append(line)
            parts.append([line.text])
            sizes.append(len(line.text))
    return [replace(last, text="".join(p)) for last, p in zip(out, parts, strict=True)]


def _paginate(lines: list[_Line], count: int) -> tuple[str, list[int]]:
    """The text of the lines and where each page starts in it. A line joined across a page break
    belongs to the page where it ends; a page without lines starts where the next one does."""
    text: list[str] = []
    starts = [-1] * count
    pos = 0
    for line in lines:
        for page in range(line.page, -1, -1):
            if starts[page] >= 0:
                break
            starts[page] = pos
        text.append(line.text)
        pos += len(line.text) + 1
    end = max(0, pos - 1)
    return "\n".join(text), [end if s < 0 else s for s in starts]


def _open(data: bytes, name: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code in (_PDFIUM_PASSWORD_ERROR, _PDFIUM_SECURITY_ERROR):
            raise ReadError("encrypted", f"{name}: the PDF is password-protected") from None
        raise ReadError("corrupt", f"{name}: not a readable PDF ({e})") from None


def _text_pages(pages: list[_PageText]) -> set[int]:
    """The pages holding a usable text of their own: _MIN_PAGE_CHARS characters, or (among several pages)
    a text no other page has, numbers aside. A scan's stamp repeats on every page; short pages of a real
    document (a form, a list) differ from each other."""
    keys = [_DIGITS.sub("#", " ".join(ln.text for ln in page.lines)) for page in pages]
    counts = Counter(keys)
    return {i for i, (page, key) in enumerate(zip(pages, keys, strict=True))
            if (usable := _usable_chars(page)) >= _MIN_PAGE_CHARS
            or (usable and len(pages) > 1 and bool(key) and counts[key] == 1)}


def _caps_font_boxes(page: Any) -> tuple[tuple[float, float, float, float], ...]:
    """Where a page draws text in a caps font, whose lower-case codes show as capitals."""
    boxes = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        if TCVN3_CAPS_PDF_FONT.match(obj.get_font().get_base_name() or ""):
            boxes.append(obj.get_bounds())
    return tuple(boxes)


def _in_caps_font(line: _Line, caps: tuple[tuple[float, float, float, float], ...]) -> bool:
    """Most of the line's width lies in caps-font text on its row."""
    if not line.box:
        return False
    left, bottom, right, top = line.box
    middle = (bottom + top) / 2
    covered = sum(max(0.0, min(right, b[2]) - max(left, b[0])) for b in caps if b[1] <= middle <= b[3])
    return covered >= _CAPS_COVER * (right - left)


def _convert_fonts(pages: list[_PageText], skip: set[int]) -> tuple[list[_PageText], Encoding, tuple[str, ...]]:
    """Pages whose lines are a legacy font's codes, converted (but not the pages in `skip`: OCR'd ones);
    the encoding and warnings to report."""
    out, kinds, warnings = [], set(), []
    for number, page in enumerate(pages, start=1):
        if number - 1 in skip:
            out.append(page)
            continue
        joined = "\n".join(ln.text for ln in page.lines)
        repaired = repair_text(joined, "unicode")
        texts = repaired.text.split("\n")
        if page.caps:
            texts = [t.upper() if _in_caps_font(ln, page.caps) else t for ln, t in zip(page.lines, texts, strict=True)]
        if texts != [ln.text for ln in page.lines]:
            page = replace(page, lines=[replace(ln, text=t) for ln, t in zip(page.lines, texts, strict=True)])
            kinds.add(repaired.encoding if repaired.text != joined else "tcvn3")
            warnings += [f"page {number}: {w}" for w in repaired.warnings]
        out.append(page)
    if not kinds:
        return out, "unicode", ()
    encoding: Encoding = kinds.pop() if len(kinds) == 1 else "mixed"
    return out, encoding, tuple(warnings)


# --- scanned pages: OCR ------------------------------------------------------------------------------


def _usable_chars(page: _PageText) -> int:
    """The page's characters, or 0 when its text layer is unusable: a font without a Unicode map gives
    private-use, control or replacement characters (a legacy 8-bit font's letters are usable: branch
    fonts converts those)."""
    text = "".join(ln.text for ln in page.lines)
    junk = len(_JUNK.findall(text))
    return 0 if junk > _MAX_JUNK_SHARE * len(text) else len(text)


def _scanned(document: Any, index: int) -> bool:
    """The page is a picture: one image covers most of it."""
    page = document[index]
    try:
        left, bottom, right, top = page.get_bbox()
        area = (right - left) * (top - bottom)
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
            x0, y0, x1, y1 = obj.get_bounds()
            if (x1 - x0) * (y1 - y0) >= _SCAN_SHARE * area:
                return True
        return False
    finally:
        page.close()


def _to_ocr(document: Any, pages: list[_PageText], mode: OcrMode) -> list[int]:
    """The pages to read by OCR: all of them (always), none (never), or (auto) the pages without a (usable)
    text layer that are pictures, and every such page when most of the document has none."""
    if mode == "never":
        return []
    if mode == "always":
        return list(range(len(pages)))
    text = _text_pages(pages)
    bare = [i for i in range(len(pages)) if i not in text]
    if len(bare) * 2 > len(pages):
        return bare
    return [i for i in bare if _scanned(document, i)]


def _render(document: Any, index: int) -> Image.Image:
    page = document[index]
    try:
        image: Image.Image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
        return image
    finally:
        page.close()


def _from_ocr(page: OcrPage, index: int) -> tuple[_PageText, list[_Word]]:
    """An OCR page as PDFium would give it: lines with boxes counted up from the bottom edge, and the
    words as pdfplumber gives them (for a header read row by row)."""
    lines = [
        _Line(" ".join(w.text for w in ws), index,
              (min(w.x0 for w in ws), page.height - max(w.bottom for w in ws),
               max(w.x1 for w in ws), page.height - min(w.top for w in ws)))
        for ws in page.lines
    ]
    words = [{"text": w.text, "x0": w.x0, "x1": w.x1, "top": w.top, "bottom": w.bottom}
             for ws in page.lines for w in ws]
    return _PageText(lines, page.height, page.height), words


def _assemble(data: bytes | None, pages: list[_PageText], words: dict[int, list[_Word]]) -> tuple[str, list[int]]:
    lines = _unmix_headers(data, pages, words)
    return _paginate(_reflow(_drop_furniture(lines)), len(pages))


def read_scans(pages: list[OcrPage], reports: list[OcrReport]) -> PagedText:
    """The text of scanned pages (an image file's), laid out as a PDF's text layer would be."""
    converted = [_from_ocr(page, i) for i, page in enumerate(pages)]
    text, starts = _assemble(None, [p for p, _ in converted], {i: w for i, (_, w) in enumerate(converted)})
    return PagedText(text, starts, reports)


def read_pdf(data: bytes, name: str, ocr: OcrMode = "auto") -> PagedText:
    """The text of a PDF and where its pages start, scanned pages read by OCR (`ocr`: auto, always,
    never); raise ReadError for scans without OCR, encrypted and damaged files."""
    check_pdf(data, name)  # Flate streams inflated in pieces and counted before PDFium inflates them whole
    with _PDFIUM_LOCK:
        document = _open(data, name)
    try:
        with _PDFIUM_LOCK:
            check_pages(len(document), name)
            pages = [_page_lines(document, i) for i in range(len(document))]
            need = _to_ocr(document, pages, ocr)
        if need:
            check_available(name)
        words: dict[int, list[_Word]] = {}
        reports: list[OcrReport] = []
        for i in need:
            with _PDFIUM_LOCK:
                image = _render(document, i)
            page = ocr_image(image, f"{name} page {i + 1}")
            pages[i], words[i] = _from_ocr(page, i)
            reports.append(page.report(i + 1))
    except pdfium.PdfiumError as e:
        raise ReadError("corrupt", f"{name}: damaged PDF ({e})") from None
    finally:
        with _PDFIUM_LOCK:
            document.close()
    if not pages:
        raise ReadError("empty", f"{name}: the PDF has no pages")
    with_text = len(_text_pages(pages))
    if not need and (with_text * 2 < len(pages) or not any(page.lines for page in pages)):
        raise ReadError(
            "no-text-layer", f"{name}: no text layer; OCR needed ({with_text} of {len(pages)} pages have text)"
        )
    pages, encoding, warnings = _convert_fonts(pages, skip=set(need))
    text, starts = _assemble(data, pages, words)
    return PagedText(text, starts, reports, encoding, warnings)
