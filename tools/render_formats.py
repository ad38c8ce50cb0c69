"""Render a corpus .txt document as .docx and .pdf, laid out the way agencies lay them out.

    .venv/bin/python tools/render_formats.py corpus/f01_*.txt --docx --pdf

The .txt is read as typed (blocks separated by blank lines):
    block 1   issuer lines and "Số: …"           -> header, left cell
    block 2   motto and place/date line          -> header, right cell
    block 3   "V/v …" lines (a Công văn only)    -> header, second row, left cell
    …         body: the type line and title (centred), headings, paragraphs; consecutive lines with
              tabs form a data table
    "Nơi nhận:" block and everything after it     -> signature table: recipients left, signer right
The .docx puts the header and signature in borderless tables (python-docx); the .pdf (fpdf2 with
DejaVu Sans) draws them as side-by-side columns, numbers its pages in the footer ("Trang 2/3") and
wraps the body over as many pages as it needs. Output goes next to the input, same stem, and is
byte-for-byte the same on every run (fixed timestamps), so re-rendering does not churn the repository.
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell
from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# Lines that the layout treats specially.
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN")
_SUBJECT = re.compile(r"^V/v\b")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:")
_TYPE_LINE = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH|BÁO CÁO)$")
_HEADING = re.compile(r"^[IVX]{1,5}\.\s")

# PDF geometry (mm) after Nghị định 30/2020: margins 30 left, 15 right, 20 top and bottom.
_MARGINS = (30.0, 20.0, 15.0)
_BOTTOM = 20.0
_LEFT_CELL = 62.0
_LINE = 6.0
_BODY_SIZE = 11
_HEADER_SIZE = 10
_SMALL_SIZE = 8.5
# A fixed timestamp in the files' metadata, so that rendering again gives the same bytes.
_CREATED = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass
class Layout:
    header_left: list[str]
    header_right: list[str]
    subject: list[str]
    title: list[str]
    body: list[str | list[list[str]]] = field(default_factory=list)  # a paragraph, or a table's rows
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def parse(text: str) -> Layout:
    blocks = [b.splitlines() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    left, right, rest = blocks[0], blocks[1], blocks[2:]
    if not any(_MOTTO.search(line) for line in right):
        raise SystemExit("the second block must be the motto and the place/date line")
    subject = rest.pop(0) if _SUBJECT.match(rest[0][0]) else []
    title = rest.pop(0) if _TYPE_LINE.match(rest[0][0]) else []
    layout = Layout(left, right, subject, title)
    for i, block in enumerate(rest):
        if _RECIPIENTS.match(block[0]):
            layout.recipients = block
            # Blocks of the signature are kept apart by an empty line: the room for the signature.
            layout.signature = [line for b in rest[i + 1 :] for line in [*b, ""]][:-1]
            break
        for line in block:
            if "\t" not in line:
                layout.body.append(line)
            elif layout.body and isinstance(layout.body[-1], list):
                layout.body[-1].append(line.split("\t"))
            else:
                layout.body.append([line.split("\t")])
    return layout


def _cell_lines(cell: _Cell, lines: list[str], size: float, centred: bool = True) -> None:
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(size)
        run.bold = line.isupper()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT


def write_docx(layout: Layout, out: Path) -> None:
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = _CREATED
    doc.core_properties.last_printed = _CREATED
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    header = doc.add_table(rows=2 if layout.subject else 1, cols=2)  # default style: no borders
    _cell_lines(header.cell(0, 0), layout.header_left, 12)
    _cell_lines(header.cell(0, 1), layout.header_right, 12)
    if layout.subject:
        _cell_lines(header.cell(1, 0), layout.subject, 11)
    for line in layout.title:
        p = doc.add_paragraph()
        p.add_run(line).bold = True
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for item in layout.body:
        if isinstance(item, list):
            table = doc.add_table(rows=len(item), cols=len(item[0]))
            table.style = "Table Grid"
            for r, row in enumerate(item):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            continue
        p = doc.add_paragraph()
        p.add_run(item).bold = bool(_HEADING.match(item))
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if not item.startswith(("-", "+")) and not _HEADING.match(item):
            p.paragraph_format.first_line_indent = Pt(28)
    if layout.recipients:
        sign = doc.add_table(rows=1, cols=2)
        _cell_lines(sign.cell(0, 0), layout.recipients, 11, centred=False)
        _cell_lines(sign.cell(0, 1), layout.signature, 13)
    buffer = io.BytesIO()
    doc.save(buffer)
    out.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """The .docx zip again, its entries stamped with _CREATED instead of the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_CREATED.timetuple()[:6])
            dst.writestr(info, src.read(item), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=9)
        self.cell(0, 6, f"Trang {self.page_no()}/{{nb}}", align="C")


def _column(pdf: FPDF, x: float, y: float, width: float, lines: list[str], size: float,
            align: str = "C") -> float:
    """Draw lines in a column starting at (x, y); return the y below them."""
    pdf.set_xy(x, y)
    for line in lines:
        if not line:
            pdf.ln(_LINE * 3)
            continue
        pdf.set_font("DejaVu", "B" if line.isupper() else "", size)
        pdf.set_x(x)
        pdf.multi_cell(width, _LINE, line, align=align, new_x="LEFT", new_y="NEXT")
    return pdf.get_y()


def write_pdf(layout: Layout, out: Path) -> None:
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(_CREATED)
    pdf.set_margins(*_MARGINS)
    pdf.set_auto_page_break(True, _BOTTOM)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_page()
    left_x, width = pdf.l_margin, pdf.epw
    top = pdf.get_y()
    # Left cell first, then the right one: the order a word processor writes a table row in.
    bottom = max(
        _column(pdf, left_x, top, _LEFT_CELL, layout.header_left, _HEADER_SIZE),
        _column(pdf, left_x + _LEFT_CELL, top, width - _LEFT_CELL, layout.header_right, _HEADER_SIZE),
    )
    if layout.subject:
        bottom = _column(pdf, left_x, bottom + 1, _LEFT_CELL, layout.subject, _SMALL_SIZE + 1)
    pdf.set_xy(left_x, bottom + 6)
    for line in layout.title:
        pdf.set_font("DejaVu", "B", _BODY_SIZE + (1 if line.isupper() else 0))
        pdf.multi_cell(0, _LINE, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for item in layout.body:
        if isinstance(item, list):
            pdf.set_font("DejaVu", size=_BODY_SIZE - 1)
            if pdf.get_y() + _LINE * 1.5 * len(item) > pdf.h - _BOTTOM:
                pdf.add_page()  # keep a short table on one page, as a typist would
            # Columns as wide as their longest text, so that no cell wraps.
            widths = [max(len(row[c]) for row in item) + 2 for c in range(len(item[0]))]
            with pdf.table(line_height=_LINE, width=pdf.epw, align="LEFT", repeat_headings=0,
                           col_widths=widths) as table:
                for row in item:
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
            pdf.ln(2)
            continue
        pdf.set_font("DejaVu", "B" if _HEADING.match(item) else "", _BODY_SIZE)
        pdf.multi_cell(0, _LINE, item, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    if layout.recipients:
        pdf.ln(4)
        rows = max(len(layout.recipients), len(layout.signature) + 2 * layout.signature.count(""))
        if pdf.get_y() > pdf.h - _BOTTOM - _LINE * rows:
            pdf.add_page()  # the signature block stays on one page
        top = pdf.get_y()
        _column(pdf, left_x, top, _LEFT_CELL + 10, layout.recipients, _SMALL_SIZE, align="L")
        _column(pdf, left_x + _LEFT_CELL + 20, top, width - _LEFT_CELL - 20, layout.signature, _BODY_SIZE)
    pdf.output(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="+", type=Path)
    parser.add_argument("--docx", action="store_true")
    parser.add_argument("--pdf", action="store_true")
    args = parser.parse_args()
    for path in args.texts:
        layout = parse(path.read_text(encoding="utf-8"))
        if args.docx:
            write_docx(layout, path.with_suffix(".docx"))
        if args.pdf:
            write_pdf(layout, path.with_suffix(".pdf"))


if __name__ == "__main__":
    main()
