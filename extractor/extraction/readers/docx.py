"""Word .docx files: the body's paragraphs and tables in document order, as a plain-text document.

python-docx gives paragraphs and tables in order (`.paragraphs` alone would skip the tables and with
them the header). Nghị định 30 layouts put the header and the signature in borderless tables; those
"layout tables" are written cell by cell, row by row (left cell then right cell), each cell's
paragraphs on their own lines and a blank line between cells, so that a one-row header reads like a
typed one: issuer lines and "Số: …", then the motto and the place/date line (a second row, such as a
Công văn's "V/v …" under the number, follows them, as converters and typists order it). Other tables
are data: one row per line, cells separated by a tab, a blank line around the table. Body paragraphs
are one per line, as typed (a title split over two paragraphs is then joined by the normaliser).
Page headers and footers are not read (body only); content controls (w:sdt) and text boxes are.
Runs in pre-Unicode Vietnamese fonts (".VnTime", "VNI-Times") are converted by their font
(extractor.extraction.readers.docx_fonts).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from extractor.extraction.readers.docx_fonts import RunFonts
from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.layout import LAYOUT_MARKERS
from extractor.extraction.readers.legacy import Decoded
from extractor.extraction.readers.limits import check_zip

# The OLE2 signature: a password-protected .docx, or an old .doc renamed.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OLE = "EncryptionInfo".encode("utf-16-le")

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TXBX = qn("w:txbxContent")
# Word writes a text box twice (DrawingML choice and VML fallback); only the first copy is read.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True)
class _Block:
    lines: list[str]
    apart: bool  # a table cell or a data table: set off by blank lines; paragraphs follow each other


def _children(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of a body, cell or text box in order, looking inside content controls."""
    for child in element.iterchildren():
        if child.tag == _P:
            yield Paragraph(child, parent)
        elif child.tag == _TBL:
            yield Table(child, parent)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, parent)


def _textboxes(paragraph: Paragraph) -> Iterator[Paragraph | Table]:
    for box in paragraph._p.iter(_TXBX):
        if next(box.iterancestors(_FALLBACK), None) is None:
            yield from _children(box, paragraph._parent)


def _unique_cells(table: Table) -> Iterator[list[_Cell | None]]:
    """Each row's cells, a merged cell once (None where a vertical merge repeats it)."""
    seen: set[Any] = set()  # the <w:tc> elements themselves: holding them keeps their identity stable
    for row in table.rows:
        out: list[_Cell | None] = []
        for cell in row.cells:
            if out and out[-1] is not None and out[-1]._tc is cell._tc:
                continue  # a horizontal span repeats the cell
            out.append(None if cell._tc in seen else cell)
            seen.add(cell._tc)
        yield out


def _text(paragraph: Paragraph, fonts: RunFonts | None) -> str:
    return paragraph.text if fonts is None else fonts.paragraph_text(paragraph._p)


def _cell_text(cell: _Cell, fonts: RunFonts | None) -> str:
    """The cell's paragraphs, those of a table nested in it included (python-docx's `.text` skips them)."""
    paragraphs = [Paragraph(p, cell) for p in cell._tc.iter(_P)]
    return "\n".join(p.text if fonts is None else _text(p, fonts) for p in paragraphs)


def _is_layout(table: Table, fonts: RunFonts | None) -> bool:
    if not table.rows:
        return False
    first = "\n".join(_cell_text(c, fonts) for c in table.rows[0].cells)
    return LAYOUT_MARKERS.search(unicodedata.normalize("NFC", first)) is not None


def _table_blocks(table: Table, textboxes: bool, fonts: RunFonts | None) -> Iterator[_Block]:
    if _is_layout(table, fonts):
        for row in _unique_cells(table):
            for cell in row:
                if cell is not None:
                    yield from _blocks(_children(cell._tc, cell), textboxes, fonts, in_cell=True)
        return
    lines = []
    for row in _unique_cells(table):
        cells = [" ".join(_cell_text(c, fonts).split()) if c is not None else "" for c in row]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    if lines:
        yield _Block(lines, apart=True)


def _blocks(
    items: Iterator[Paragraph | Table], textboxes: bool, fonts: RunFonts | None, in_cell: bool = False
) -> Iterator[_Block]:
    """A block per paragraph, or (in_cell) one block for all paragraphs of a table cell."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, Table):
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
    if data.startswith(_OLE):
        if _ENCRYPTED_OLE in data:
            raise ReadError("encrypted", f"{name}: password-protected Word document")
        raise ReadError("unsupported-format", f"{name}: an old Word 97-2003 (.doc) file; save it as .docx")
    try:
        check_zip(data, name)  # the real unpacked sizes, streamed: sizes written in the zip can be forged
        return Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as e:  # python-docx, zipfile and lxml fail in many ways on damaged files
        raise ReadError("corrupt", f"{name}: not a readable .docx ({type(e).__name__}: {e})") from None


def _keep_text_after_entities(body: Any) -> None:
    """An entity the parser leaves unresolved is a node inside <w:t>; python-docx reads only the text
    before it. The entity (its value is unknown) is dropped and the text after it kept."""
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
    document = _open(data, name)
    body = document.element.body
    if body is None:
        raise ReadError("empty", f"{name}: the document has no body")
    _keep_text_after_entities(body)
    textboxes = next(body.iter(_TXBX), None) is not None
    fonts = RunFonts.of(document)
    parts: list[str] = []
    starts: list[int] = []  # where each block starts in the text: a span's paragraph or cell
    size = 0
    previous: _Block | None = None
    for block in _blocks(_children(body, document._body), textboxes, fonts):
        if previous is not None:
            parts.append("\n\n" if block.apart or previous.apart else "\n")
            size += len(parts[-1])
        starts.append(size)
        parts.append("\n".join(block.lines))
        size += len(parts[-1])
        previous = block
    text = "".join(parts)
    return replace(Decoded(text, "unicode") if fonts is None else fonts.result(text), block_starts=starts)
