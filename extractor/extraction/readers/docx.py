"""Word .docx files: the body's paragraphs and tables in document order, as a plain-text document.

Paragraphs and tables are read in order from word/document.xml (zipfile + lxml, see
extractor.extraction.readers.docx_xml); the tables matter: Nghị định 30 layouts put the header and
the signature in borderless tables. Those "layout tables" are written cell by cell, row by row (left
cell then right cell), each cell's paragraphs on their own lines and a blank line between cells, so
that a one-row header reads like a typed one: issuer lines and "Số: …", then the motto and the
place/date line (a second row, such as a Công văn's "V/v …" under the number, follows them, as
converters and typists order it). Other tables are data: one row per line, cells separated by a tab,
a blank line around the table. Body paragraphs are one per line, as typed (a title split over two
paragraphs is then joined by the normaliser).
Page headers and footers are not read (body only); content controls (w:sdt) and text boxes are.
Runs in pre-Unicode Vietnamese fonts (".VnTime", "VNI-Times") are converted by their font
(extractor.extraction.readers.docx_fonts).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from extractor.extraction.readers.docx_fonts import RunFonts
from extractor.extraction.readers.docx_xml import open_package, paragraph_text, w
from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.layout import LAYOUT_MARKERS
from extractor.extraction.readers.legacy import Decoded
from extractor.extraction.readers.limits import check_zip

# The OLE2 signature: a password-protected .docx, or an old .doc renamed.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OLE = "EncryptionInfo".encode("utf-16-le")

_P, _TBL, _SDT, _SDT_CONTENT, _BODY = w("p"), w("tbl"), w("sdt"), w("sdtContent"), w("body")
_TR, _TC, _TC_PR, _TR_PR, _VAL = w("tr"), w("tc"), w("tcPr"), w("trPr"), w("val")
_GRID_SPAN, _GRID_BEFORE, _V_MERGE = w("gridSpan"), w("gridBefore"), w("vMerge")
_TXBX = w("txbxContent")
# Word writes a text box twice (DrawingML choice and VML fallback); only the first copy is read.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True)
class _Block:
    lines: list[str]
    apart: bool  # a table cell or a data table: set off by blank lines; paragraphs follow each other


def _children(element: Any) -> Iterator[Any]:
    """The w:p and w:tbl of a body, cell or text box in order, looking inside content controls."""
    for child in element.iterchildren():
        if child.tag == _P or child.tag == _TBL:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)


def _textboxes(p: Any) -> Iterator[Any]:
    for box in p.iter(_TXBX):
        if next(box.iterancestors(_FALLBACK), None) is None:
            yield from _children(box)


def _number(element: Any, props: str, name: str, default: int) -> int:
    """An integer property of a row or cell (w:trPr/w:gridBefore, w:tcPr/w:gridSpan), `default` when unset."""
    found = element.find(f"{props}/{name}")
    return default if found is None else int(found.get(_VAL))


def _continues(tc: Any) -> bool:
    """A cell under a vertically merged one (w:vMerge without w:val="restart" continues the cell above)."""
    merge = tc.find(f"{_TC_PR}/{_V_MERGE}")
    return merge is not None and merge.get(_VAL, "continue") == "continue"


def _rows(table: Any) -> list[list[Any]]:
    """Each row's w:tc elements, one per grid column: a cell spanning columns repeated, a continued
    vertical merge as the cell it continues (what python-docx's `row.cells` gives)."""
    rows = []
    above: dict[int, Any] = {}  # the previous row's cells by their grid column
    for tr in table.iterchildren(_TR):
        cells: list[Any] = []
        here: dict[int, Any] = {}
        column = _number(tr, _TR_PR, _GRID_BEFORE, 0)
        for tc in tr.iterchildren(_TC):
            cell = above.get(column, tc) if _continues(tc) else tc
            here[column] = cell
            cells += [cell] * _number(cell, _TC_PR, _GRID_SPAN, 1)
            column += _number(tc, _TC_PR, _GRID_SPAN, 1)
        rows.append(cells)
        above = here
    return rows


def _unique_cells(rows: list[list[Any]]) -> Iterator[list[Any | None]]:
    """Each row's cells, a merged cell once (None where a vertical merge repeats it)."""
    seen: set[Any] = set()  # <w:tc> elements: `rows` holds them, so each keeps one proxy (and identity)
    for row in rows:
        out: list[Any | None] = []
        for cell in row:
            if out and out[-1] is cell:
                continue  # a horizontal span repeats the cell
            out.append(None if cell in seen else cell)
            seen.add(cell)
        yield out


def _text(p: Any, fonts: RunFonts | None) -> str:
    return paragraph_text(p) if fonts is None else fonts.paragraph_text(p)


def _cell_text(tc: Any, fonts: RunFonts | None) -> str:
    """The cell's paragraphs, those of a table nested in it included."""
    return "\n".join(_text(p, fonts) for p in tc.iter(_P))


def _is_layout(rows: list[list[Any]], fonts: RunFonts | None) -> bool:
    if not rows:
        return False
    first = "\n".join(_cell_text(c, fonts) for c in rows[0])
    return LAYOUT_MARKERS.search(unicodedata.normalize("NFC", first)) is not None


def _table_blocks(table: Any, textboxes: bool, fonts: RunFonts | None) -> Iterator[_Block]:
    rows = _rows(table)
    if _is_layout(rows, fonts):
        for row in _unique_cells(rows):
            for cell in row:
                if cell is not None:
                    yield from _blocks(_children(cell), textboxes, fonts, in_cell=True)
        return
    lines = []
    for row in _unique_cells(rows):
        cells = [" ".join(_cell_text(c, fonts).split()) if c is not None else "" for c in row]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    if lines:
        yield _Block(lines, apart=True)


def _blocks(items: Iterator[Any], textboxes: bool, fonts: RunFonts | None, in_cell: bool = False) -> Iterator[_Block]:
    """A block per paragraph, or (in_cell) one block for all paragraphs of a table cell."""
    lines: list[str] = []
    for item in items:
        if item.tag == _TBL:
            if lines:
                yield _Block(lines, apart=True)
                lines = []
            yield from _table_blocks(item, textboxes, fonts)
            continue
        if textboxes:
            yield from _blocks(_textboxes(item), textboxes, fonts)
        text = _text(item, fonts)
        if text.strip():
            lines.extend(text.split("\n"))
            if not in_cell:
                yield _Block(lines, apart=False)
                lines = []
    if lines:
        yield _Block(lines, apart=True)


def _open(data: bytes, name: str) -> Any:
    """The package's main document and styles parts."""
    if data.startswith(_OLE):
        if _ENCRYPTED_OLE in data:
            raise ReadError("encrypted", f"{name}: password-protected Word document")
        raise ReadError("unsupported-format", f"{name}: an old Word 97-2003 (.doc) file; save it as .docx")
    try:
        check_zip(data, name)  # the real unpacked sizes, streamed: sizes written in the zip can be forged
        return open_package(data)
    except ReadError:
        raise
    except Exception as e:  # zipfile and lxml fail in many ways on damaged files
        raise ReadError("corrupt", f"{name}: not a readable .docx ({type(e).__name__}: {e})") from None


def _keep_text_after_entities(body: Any) -> None:
    """An entity the parser leaves unresolved is a node inside <w:t>, whose .text ends before it. The
    entity (its value is unknown) is dropped and the text after it kept."""
    for entity in list(body.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        tail, previous = entity.tail or "", entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(entity)


def read_docx(data: bytes, name: str) -> Decoded:
    """The body text of a .docx, legacy-font runs converted; raise ReadError when it cannot be opened."""
    package = _open(data, name)
    body = package.document.find(_BODY)
    if body is None:
        raise ReadError("empty", f"{name}: the document has no body")
    _keep_text_after_entities(body)
    textboxes = next(body.iter(_TXBX), None) is not None
    fonts = RunFonts.of(package.styles, body)
    parts: list[str] = []
    starts: list[int] = []  # where each block starts in the text: a span's paragraph or cell
    size = 0
    previous: _Block | None = None
    for block in _blocks(_children(body), textboxes, fonts):
        if previous is not None:
            parts.append("\n\n" if block.apart or previous.apart else "\n")
            size += len(parts[-1])
        starts.append(size)
        parts.append("\n".join(block.lines))
        size += len(parts[-1])
        previous = block
    text = "".join(parts)
    return replace(Decoded(text, "unicode") if fonts is None else fonts.result(text), block_starts=starts)
