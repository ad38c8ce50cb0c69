"""The input layer: .txt, .docx and .pdf into raw text, and every kind of bad input into a ReadError."""

from __future__ import annotations

import codecs
import io
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from fpdf import FPDF
from PIL import Image

from extractor.extraction.normalize import normalize
from extractor.extraction.readers import MAX_BYTES, MAX_TEXT_CHARS, OcrMode, ReadError, ReadResult, read_file
from extractor.extraction.readers.pdf import (
    _continues,
    _drop_furniture,
    _Line,
    _Page,
    _page_lines,
    _split_header,
    _Word,
)
from extractor.extraction.readers.vncodecs import encode_cp1258

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# Our own sample sentences (no diacritics where a PDF core font has to draw them).
VIET = "Kế hoạch thực hiện phong trào thi đua của Ủy ban nhân dân xã Nghi Thuận năm 2019.\n"
# The same kind of sentence as TCVN3 (ABC) bytes, made once with `iconv -t TCVN5712-1`.
TCVN3_BYTES = (
    b"C\xa8n c\xf8 k\xd5 ho\xb9ch c\xf1a \x9ey ban nh\xa9n d\xa9n x\xb7 v\xd2 vi\xd6c t\xe6 ch\xf8c phong"
    b" tr\xb5o thi \xaeua \xae\xb9t chu\xc8n n\xa8m 2019.\n"
)
# VNI-Times text as a Word document shows it to python-docx: tone marks as Latin-1 letters.
VNI_TEXT = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Keá hoaïch thöïc hieän phong traøo thi ñua.\n"
_cp1258 = encode_cp1258  # Windows-1258 keeps â/ê/ô/ă/ơ/ư/đ precomposed and writes tones as combining marks


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(path: Path, ocr: OcrMode = "auto") -> ReadError:
    with pytest.raises(ReadError) as info:
        read_file(path, ocr=ocr)
    assert str(info.value) == info.value.message
    assert path.name in str(info.value), "the message names the file"
    return info.value


# --- .txt ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (VIET.encode("utf-8"), VIET, "utf-8"),
        (codecs.BOM_UTF8 + VIET.encode("utf-8"), VIET, "utf-8"),
        (VIET.encode("utf-16"), VIET, "utf-16"),  # with a BOM, native order
        (codecs.BOM_UTF16_BE + VIET.encode("utf-16-be"), VIET, "utf-16"),
        (VIET.encode("utf-16-le"), VIET, "utf-16"),  # no BOM: recognised by its NUL bytes
        (VIET.encode("utf-16-be"), VIET, "utf-16"),
        (codecs.BOM_UTF32_LE + VIET.encode("utf-32-le"), VIET, "utf-32"),
        (unicodedata.normalize("NFD", VIET).encode("utf-8"), unicodedata.normalize("NFD", VIET), "utf-8"),
        # Traps: typography a plan may use, and one foreign name, are not legacy encodings.
        ("Nhiệt độ 25°C, diện tích 120 m², «Gia đình văn hóa», ông Jürgen Müller.\n".encode(),
         "Nhiệt độ 25°C, diện tích 120 m², «Gia đình văn hóa», ông Jürgen Müller.\n", "utf-8"),
        (b"Ke hoach so 12/KH-UBND\r\n", "Ke hoach so 12/KH-UBND\r\n", "utf-8"),  # raw: normalisation comes later
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom", "utf32-bom",
         "nfd", "symbols-trap", "crlf-kept"],
)
def test_txt_decodes(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    assert read_file(_write(tmp_path, "a.txt", data)) == ReadResult(
        text=text, format="txt", pages=None, encoding=encoding)


# Issue 7: these were refused with an "encoding" error; they are converted now, and the record says so.
TCVN3_VIET = "Căn cứ kế hoạch của Ủy ban nhân dân xã về việc tổ chức phong trào thi đua đạt chuẩn năm 2019.\n"
VNI_VIET = "Cộng hòa xã hội chủ nghĩa Việt Nam. Kế hoạch thực hiện phong trào thi đua.\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (_cp1258(VIET), VIET, "cp1258"),
        (TCVN3_BYTES, TCVN3_VIET, "tcvn3"),
        (VNI_TEXT.encode("cp1252"), VNI_VIET, "vni"),
        (VNI_TEXT.encode("utf-8"), VNI_VIET, "vni"),  # legacy-font text already in UTF-8
        (VIET.encode("utf-8").decode("latin-1").encode("utf-8"), VIET, "mojibake"),
        (VIET.encode("utf-8").decode("cp1252", "replace").encode("utf-8"), VIET, "mojibake"),
    ],
    ids=["cp1258", "tcvn3", "vni-bytes", "vni-unicode", "mojibake-latin1", "mojibake-cp1252"],
)
def test_txt_converts_legacy_encodings(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    result = read_file(_write(tmp_path, "old.txt", data))
    assert (result.text, result.encoding, result.warnings) == (text, encoding, ())


@pytest.mark.parametrize(
    ("data", "kind", "says"),
    [
        # Mojibake that lost bytes (Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90, 0x9D):
        # no conversion reads as Vietnamese, so it is still refused.
        ("Trường học tổ chức các hoạt động thi đua về".encode().decode("cp1252", "replace").encode(), "encoding",
         "mojibake"),
        ((VIET * 20).encode("utf-8") + b"\xff" + VIET.encode("utf-8"), "encoding", "1 invalid byte sequence"),
        (b"", "empty", "no text"),
        (b"  \r\n\t\n ", "empty", "no text"),
        (codecs.BOM_UTF16_LE + "   \n".encode("utf-16-le"), "empty", "no text"),
        (bytes(range(256)) * 8, "corrupt", "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 40)) * 30, "corrupt", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01", "corrupt", "a PDF"),
        (b"\xff\xfe" + b"\x00\xd8" * 10, "encoding", "UTF-16"),  # a BOM, then lone surrogates
    ],
    ids=["lossy-mojibake", "stray-byte", "empty",
         "whitespace", "utf16-whitespace", "binary-nul", "binary-control", "pdf-named-txt", "bad-utf16"],
)
def test_txt_refuses(tmp_path: Path, data: bytes, kind: str, says: str) -> None:
    error = _error(_write(tmp_path, "bad.txt", data))
    assert (error.kind, says in error.message) == (kind, True), error.message


def test_fifty_megabyte_text_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        for _ in range(50):
            f.write(VIET.encode("utf-8") * (1024 * 1024 // len(VIET.encode("utf-8")) + 1))
    error = _error(path)
    assert error.kind == "too-large"
    with pytest.raises(ReadError, match="limit") as info:  # the batch runner passes the bytes it read
        read_file(path, b"x" * (MAX_BYTES["txt"] + 1))
    assert info.value.kind == "too-large"


def test_text_over_the_character_limit_is_too_large(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.txt", b"a" * (MAX_TEXT_CHARS + 1))  # below the byte limit
    error = _error(path)
    assert (error.kind, "characters" in error.message) == ("too-large", True)


# --- paths and extensions -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "kind"),
    [("plan.xls", "unsupported-format"), ("plan.ppt", "unsupported-format"), ("README", "unsupported-format"),
     ("missing.txt", "not-found"), ("missing.pdf", "not-found")],
)
def test_paths(tmp_path: Path, name: str, kind: str) -> None:
    if kind == "unsupported-format":
        _write(tmp_path, name, b"text")
    assert _error(tmp_path / name).kind == kind


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert read_file(_write(tmp_path, "A.TXT", VIET.encode())).format == "txt"


def test_bug_directory_is_not_a_file(tmp_path: Path) -> None:
    # Issue 10 item 13: a folder was reported as "not-found" although it exists.
    (tmp_path / "folder.txt").mkdir()
    assert _error(tmp_path / "folder.txt").kind == "not-a-file"


# --- .docx --------------------------------------------------------------------------------------

def _save(doc: DocxDocument, tmp_path: Path, name: str = "a.docx") -> Path:
    buffer = io.BytesIO()
    doc.save(buffer)
    return _write(tmp_path, name, buffer.getvalue())


def _header_table(doc: DocxDocument, rows: list[tuple[list[str], list[str]]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        for c, lines in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)


def _docx_text(tmp_path: Path, build: Callable[[DocxDocument], None]) -> str:
    doc = Document()
    build(doc)
    return read_file(_save(doc, tmp_path)).text


def _one_row_header(doc: DocxDocument) -> None:
    _header_table(doc, [(["ỦY BAN NHÂN DÂN", "XÃ NGHI THUẬN", "Số: 38/KH-UBND"],
                         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Nghi Thuận, ngày 15 tháng 3 năm 2019"])])
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Phát động phong trào thi đua năm 2019")


def _two_row_header(doc: DocxDocument) -> None:
    _header_table(doc, [
        (["HUYỆN ỦY ĐỨC TRỌNG", "Số 412-CV/HU"], ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đức Trọng, ngày 08 tháng 8 năm 2016"]),
        (["V/v đẩy mạnh thi đua"], []),
    ])
    doc.add_paragraph("Kính gửi: Các chi bộ trực thuộc.")


def _signature(doc: DocxDocument) -> None:
    doc.add_paragraph("Trên đây là Kế hoạch./.")
    _header_table(doc, [(["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
                         ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Trần Thị Minh Hạnh"])])


def _data_table(doc: DocxDocument) -> None:
    doc.add_paragraph("Phân công như sau:")
    table = doc.add_table(rows=4, cols=3)
    rows = [("STT", "Xóm", "Đơn vị"), ("1", "Xóm 3", "Hội Nông dân"), ("2", "Xóm 7", "Đoàn Thanh niên"), ("", "", "")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))  # vertically merged (python-docx joins the texts): once
    doc.add_paragraph("Các xóm thực hiện.")


def _merged_header_row(doc: DocxDocument) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Bảng tổng hợp"  # spans both columns: once
    table.cell(1, 0).text, table.cell(1, 1).text = "Xóm 3", "Xóm 7"


@pytest.mark.parametrize(
    ("build", "text"),
    [
        (_one_row_header,
         "ỦY BAN NHÂN DÂN\nXÃ NGHI THUẬN\nSố: 38/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nNghi Thuận, ngày 15 tháng 3 năm 2019\n\nKẾ HOẠCH\n"
         "Phát động phong trào thi đua năm 2019"),
        (_two_row_header,  # row by row: the subject comes after the place/date, as the seeds have it
         "HUYỆN ỦY ĐỨC TRỌNG\nSố 412-CV/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nĐức Trọng, ngày 08 tháng 8 năm 2016\n\n"
         "V/v đẩy mạnh thi đua\n\nKính gửi: Các chi bộ trực thuộc."),
        (_signature,
         "Trên đây là Kế hoạch./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
         "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Minh Hạnh"),
        (_data_table,
         "Phân công như sau:\n\nSTT\tXóm\tĐơn vị\n1\tXóm 3 Xóm 7\tHội Nông dân\n2\t\tĐoàn Thanh niên\n\n"
         "Các xóm thực hiện."),
        (_merged_header_row, "Bảng tổng hợp\nXóm 3\tXóm 7"),
    ],
    ids=["header-left-then-right", "header-two-rows", "signature-table", "data-table", "merged-row"],
)
def test_docx_layout(tmp_path: Path, build: Callable[[DocxDocument], None], text: str) -> None:
    assert _docx_text(tmp_path, build) == text


def test_docx_keeps_every_row_of_a_long_table(tmp_path: Path) -> None:
    # Bug: merged cells were remembered by id() of python-docx's lxml proxies, which are recycled,
    # so later cells looked "already seen" and whole rows came out empty.
    doc = Document()
    table = doc.add_table(rows=40, cols=3)
    for r in range(40):
        for c in range(3):
            table.cell(r, c).text = f"{r}-{c}"
    lines = read_file(_save(doc, tmp_path)).text.split("\n")
    assert lines == [f"{r}-0\t{r}-1\t{r}-2" for r in range(40)]


def test_docx_reads_content_controls_and_text_boxes_once_but_not_page_headers(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent>"
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Trang đầu - không đọc"
    doc.add_paragraph("Đoạn một.")
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(
        f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"))
    body.insert(len(body) - 1, parse_xml(
        f"<w:p {w} {mc}><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>Đoạn có hộp chữ.</w:t></w:r></w:p>"))
    text = read_file(_save(doc, tmp_path)).text
    assert text == "Đoạn một.\nTrong điều khiển nội dung.\nDỰ THẢO\nĐoạn có hộp chữ."


def _docx_bytes() -> bytes:
    doc = Document()
    for i in range(40):
        doc.add_paragraph(f"Đoạn văn số {i} của kế hoạch thi đua.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: _docx_bytes()[: len(_docx_bytes()) // 2], "corrupt"),  # truncated download
        (lambda: b"PK\x03\x04" + b"\x00" * 100, "corrupt"),
        (lambda: VIET.encode(), "corrupt"),  # a text file named .docx
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le"),
         "encrypted"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unsupported-format"),  # a .doc renamed
    ],
    ids=["truncated", "broken-zip", "text", "password", "old-doc"],
)
def test_docx_refuses(tmp_path: Path, make: Callable[[], bytes], kind: str) -> None:
    assert _error(_write(tmp_path, "bad.docx", make())).kind == kind


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("   ")
    assert _error(_save(doc, tmp_path)).kind == "empty"


def test_docx_typed_in_a_legacy_font_is_converted_even_without_its_font_name(tmp_path: Path) -> None:
    # Issue 7: this was refused; the run names no font, so the text itself says it is VNI.
    doc = Document()
    doc.add_paragraph(VNI_TEXT.strip())
    result = read_file(_save(doc, tmp_path))
    assert (result.text, result.encoding) == (VNI_VIET.strip(), "vni")


# --- .pdf ---------------------------------------------------------------------------------------

class _Numbered(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Trang {self.page_no()}/{{nb}}", align="C")


PARAGRAPH = ("Can cu Ke hoach so 52/KH-UBND ngay 22 thang 02 nam 2019 cua Uy ban nhan dan huyen Nghi Loc ve "
             "phat dong phong trao thi dua xay dung nong thon moi, cac xom dang ky noi dung thi dua va gui ve "
             "Uy ban nhan dan xa truoc ngay 10 thang 4 nam 2019 de tong hop.")


ITEMS = ("mot", "hai", "ba", "bon", "nam", "sau")  # list items that differ from page to page


def _pdf(tmp_path: Path, pages: int = 3, name: str = "a.pdf", password: str | None = None) -> Path:
    pdf = _Numbered()
    if password is not None:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.set_font("Helvetica", size=11)
    for page in range(pages):
        pdf.add_page()
        if page > 0:
            pdf.cell(0, 6, f"- {page + 1} -", align="C", new_x="LMARGIN", new_y="NEXT")  # Nghị định 30 style
        top = pdf.get_y()
        pdf.set_xy(10, top)
        pdf.multi_cell(70, 6, "UY BAN NHAN DAN\nXA NGHI THUAN\nSo: 38/KH-UBND", align="C")
        pdf.set_xy(80, top)
        pdf.multi_cell(120, 6, "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc", align="C")
        pdf.ln(6)
        for item in range(3):
            pdf.multi_cell(0, 6, f"{item + 1}. {PARAGRAPH}", align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"- Muc {ITEMS[2 * page]};\n- Muc {ITEMS[2 * page + 1]}.", new_x="LMARGIN", new_y="NEXT")
    return _write(tmp_path, name, bytes(pdf.output()))


def test_pdf_pages_in_order_without_page_numbers(tmp_path: Path) -> None:
    result = read_file(_pdf(tmp_path, pages=3))
    assert (result.format, result.pages) == ("pdf", 3)
    lines = result.text.split("\n")
    assert not [ln for ln in lines if ln.startswith(("Trang", "- 2", "- 3"))]
    assert lines[:5] == ["UY BAN NHAN DAN", "XA NGHI THUAN", "So: 38/KH-UBND",  # left column, then right
                         "CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc"]
    # Wrapped lines are joined back into the paragraph as typed; list items stay apart.
    assert lines[5:10] == [f"1. {PARAGRAPH}", f"2. {PARAGRAPH}", f"3. {PARAGRAPH}", "- Muc mot;", "- Muc hai."]
    assert lines[-2:] == ["- Muc nam;", "- Muc sau."]
    assert lines.count("UY BAN NHAN DAN") == 3, "a line on every page that opens a document is no running header"


def test_pdf_line_end_hyphen_joins_the_symbol(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("Thuc hien Quyet dinh so 3599/QD-", "UBND ngay 28/12/2018 cua huyen.", PARAGRAPH):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    text = read_file(_write(tmp_path, "a.pdf", bytes(pdf.output()))).text
    assert text == f"Thuc hien Quyet dinh so 3599/QD-UBND ngay 28/12/2018 cua huyen.\n{PARAGRAPH}"


def test_pdf_owner_password_only_still_reads(tmp_path: Path) -> None:
    assert read_file(_pdf(tmp_path, pages=1, password="")).pages == 1


def _scan(tmp_path: Path, stamp: str = "") -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=8)
    for _ in range(2):
        pdf.add_page()
        pdf.image(Image.new("L", (400, 300), 255), x=10, y=20, w=150)
        pdf.cell(0, 5, stamp)  # an e-signature stamp is text even on a scan
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("make", "kind", "says"),
    [
        (lambda p: _pdf(p, pages=1, password="secret").read_bytes(), "encrypted", "password"),
        (_scan, "no-text-layer", "no text layer; OCR needed"),
        (lambda p: _scan(p, "Ky boi: Uy ban nhan dan xa Nghi Thuan, 15.03.2019 10:12:05 +07:00"), "no-text-layer",
         "0 of 2 pages have text"),
        (lambda p: VIET.encode(), "corrupt", "not a readable PDF"),
        (lambda p: _pdf(p, pages=2).read_bytes()[:300], "corrupt", "not a readable PDF"),
        (lambda p: b"", "corrupt", "not a readable PDF"),
    ],
    ids=["encrypted", "scan", "scan-with-stamp", "text-named-pdf", "truncated", "zero-bytes"],
)
def test_pdf_refuses(tmp_path: Path, make: Callable[[Path], bytes], kind: str, says: str) -> None:
    error = _error(_write(tmp_path, "bad.pdf", make(tmp_path)), ocr="never")  # scans: OCR off
    assert (error.kind, says in error.message) == (kind, True), error.message


def test_pdf_reads_from_several_threads(tmp_path: Path) -> None:
    path = _pdf(tmp_path, pages=2)
    with ThreadPoolExecutor(4) as pool:
        texts = set(pool.map(lambda _: read_file(path).text, range(8)))
    assert len(texts) == 1


# Header cells drawn row by row: each row's left and right cell text on one baseline, so PDFium writes
# them as one line. (left cell, right cell) per row; "" leaves a cell empty on that row.
Rows = list[tuple[str, str]]
MOTTO = ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc")
KE_HOACH_ROWS: Rows = [("UY BAN NHAN DAN", MOTTO[0]), ("HUYEN CU CHI", MOTTO[1]),
                       ("So: 12/KH-UBND", "Cu Chi, ngay 05 thang 5 nam 2020")]
KE_HOACH_CELLS = ["UY BAN NHAN DAN", "HUYEN CU CHI", "So: 12/KH-UBND", *MOTTO, "Cu Chi, ngay 05 thang 5 nam 2020"]


def _row_by_row(tmp_path: Path, pages: list[tuple[Rows, list[str]]], right_first: bool = False) -> Path:
    """One page per (header rows, centred lines below them), then a justified paragraph."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for rows, below in pages:
        pdf.add_page()
        for left, right in rows:
            y = pdf.get_y()
            cells = [(10, 70, left), (80, 120, right)]
            for x, width, text in reversed(cells) if right_first else cells:
                pdf.set_xy(x, y)
                pdf.cell(width, 6, text, align="C")
            pdf.set_xy(10, y + 6)
        pdf.ln(4)
        for line in below:
            pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, PARAGRAPH, align="J", new_x="LMARGIN", new_y="NEXT")
    return _write(tmp_path, "rows.pdf", bytes(pdf.output()))


@pytest.mark.parametrize(
    ("rows", "below", "right_first", "lines"),
    [
        (KE_HOACH_ROWS, ["KE HOACH"], False, [*KE_HOACH_CELLS, "KE HOACH"]),
        (KE_HOACH_ROWS, ["KE HOACH"], True, [*KE_HOACH_CELLS, "KE HOACH"]),  # the right cell drawn first
        # A Cong van: the subject shares a row with the place and date, and comes after them.
        ([("UBND HUYEN CU CHI", MOTTO[0]), ("PHONG GIAO DUC VA DAO TAO", MOTTO[1]), ("So: 537/GDDT-VP", ""),
          ("V/v phat dong thi dua cao diem", "Cu Chi, ngay 12 thang 5 nam 2020"),
          ("ve cai cach hanh chinh nam 2020", "")], [], False,
         ["UBND HUYEN CU CHI", "PHONG GIAO DUC VA DAO TAO", "So: 537/GDDT-VP", *MOTTO,
          "Cu Chi, ngay 12 thang 5 nam 2020", "V/v phat dong thi dua cao diem", "ve cai cach hanh chinh nam 2020"]),
        # The left cell starts one row lower than the motto.
        ([("", MOTTO[0]), ("UY BAN NHAN DAN", MOTTO[1]), ("XA NGHI THUAN", ""),
          ("So: 38/KH-UBND", "Nghi Thuan, ngay 15 thang 3 nam 2019")], ["KE HOACH"], False,
         ["UY BAN NHAN DAN", "XA NGHI THUAN", "So: 38/KH-UBND", *MOTTO, "Nghi Thuan, ngay 15 thang 3 nam 2019",
          "KE HOACH"]),
        # The Party's line instead of the state motto.
        ([("DANG BO HUYEN DUC TRONG", "DANG CONG SAN VIET NAM"), ("DANG UY XA NGHIA LAM", ""),
          ("*", "Nghia Lam, ngay 08 thang 8 nam 2016"), ("So 45-KH/DU", "")], ["KE HOACH"], False,
         ["DANG BO HUYEN DUC TRONG", "DANG UY XA NGHIA LAM", "*", "So 45-KH/DU", "DANG CONG SAN VIET NAM",
          "Nghia Lam, ngay 08 thang 8 nam 2016", "KE HOACH"]),
        # Traps, kept as PDFium reads them: the motto inside a sentence or a table row at the top of a page,
        # and no motto at all.
        ([], ["Can cu Hien phap nuoc Cong hoa xa hoi chu nghia Viet Nam nam 2013;"], False,
         ["Can cu Hien phap nuoc Cong hoa xa hoi chu nghia Viet Nam nam 2013;"]),
        ([("1", "Tuyen truyen Hien phap nuoc Cong hoa xa hoi chu nghia Viet Nam"), ("2", "Tap huan can bo xa")], [],
         False, ["1 Tuyen truyen Hien phap nuoc Cong hoa xa hoi chu nghia Viet Nam", "2 Tap huan can bo xa"]),
        ([("UY BAN NHAN DAN", "Nghi Thuan, ngay 15 thang 3 nam 2019")], ["KE HOACH"], False,
         ["UY BAN NHAN DAN Nghi Thuan, ngay 15 thang 3 nam 2019", "KE HOACH"]),
    ],
    ids=["ke-hoach", "right-cell-first", "cong-van-subject", "motto-row-alone", "party-line", "motto-in-sentence",
         "motto-in-table-row", "no-motto"],
)
def test_pdf_header_cells_drawn_row_by_row_are_not_interleaved(
    tmp_path: Path, rows: Rows, below: list[str], right_first: bool, lines: list[str]
) -> None:
    # Bug: PDFium wrote "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM" and "So: 12/KH-UBND Cu Chi, ngay
    # 05 thang 5 nam 2020", mixing the issuer with the motto and the number with the place and date.
    text = read_file(_row_by_row(tmp_path, [(rows, below)], right_first)).text
    assert text.split("\n") == [*lines, PARAGRAPH]


def test_pdf_header_drawn_row_by_row_on_a_later_page(tmp_path: Path) -> None:
    second: Rows = [("UY BAN NHAN DAN", MOTTO[0]), ("XA TAN THONG HOI", MOTTO[1]),
                    ("So: 07/TB-UBND", "Tan Thong Hoi, ngay 02 thang 6 nam 2020")]
    lines = read_file(_row_by_row(tmp_path, [(KE_HOACH_ROWS, ["KE HOACH"]), (second, ["THONG BAO"])])).text.split("\n")
    assert lines == [*KE_HOACH_CELLS, "KE HOACH", PARAGRAPH, "UY BAN NHAN DAN", "XA TAN THONG HOI", "So: 07/TB-UBND",
                     *MOTTO, "Tan Thong Hoi, ngay 02 thang 6 nam 2020", "THONG BAO", PARAGRAPH]


def _renamed_first(words: list[_Word]) -> list[_Word]:
    return [{**words[0], "text": "UBND"}, *words[1:]]


@pytest.mark.parametrize(
    ("change", "split"),
    [(list, True), (lambda words: words[1:], False), (_renamed_first, False)],
    ids=["same-words", "word-missing", "word-read-differently"],
)
def test_pdf_header_is_split_only_with_pdfium_words(
    tmp_path: Path, change: Callable[[list[_Word]], list[_Word]], split: bool
) -> None:
    # Never lose or change text: pdfplumber's words must be PDFium's words in the header band.
    data = _row_by_row(tmp_path, [(KE_HOACH_ROWS, ["KE HOACH"])]).read_bytes()
    document = pdfium.PdfDocument(data)
    page = _page_lines(document, 0)
    document.close()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    lines = [ln.text for ln in _split_header(change(words), page)]
    assert lines[:6] == (KE_HOACH_CELLS if split else [ln.text for ln in page.lines[:6]])


def _refuse_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append("open")
        raise RuntimeError("pdfplumber is not available")

    monkeypatch.setattr(pdfplumber, "open", refuse)
    return calls


def test_pdf_ordinary_header_takes_the_fast_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _refuse_pdfplumber(monkeypatch)
    lines = read_file(_pdf(tmp_path, pages=3)).text.split("\n")  # cells drawn one after the other
    assert (calls, lines[:5]) == ([], ["UY BAN NHAN DAN", "XA NGHI THUAN", "So: 38/KH-UBND", *MOTTO])


def test_pdf_keeps_pdfium_text_when_pdfplumber_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _refuse_pdfplumber(monkeypatch)
    lines = read_file(_row_by_row(tmp_path, [(KE_HOACH_ROWS, ["KE HOACH"])])).text.split("\n")
    assert calls == ["open"]
    assert lines == [f"{left} {right}" for left, right in KE_HOACH_ROWS] + ["KE HOACH", PARAGRAPH]


def _line(text: str, page: int = 0, left: float = 85, right: float | None = None, y: float = 700) -> _Line:
    """A line 12 points high at `y`, 6 points per character unless `right` says otherwise."""
    return _Line(text, page, (left, y, right if right is not None else left + 6 * len(text), y + 12))


PAGE = _Page(left=85, right=550, char=6.0)
LONG = "x" * 72  # with a 4-letter word, 76 characters across 456 points: the page's typical width


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        (_line(LONG + " năm"), _line("2019 của Ủy ban nhân dân xã.", y=684), True),  # a wrap before a digit
        (_line(LONG + " của"), _line("Ủy ban nhân dân huyện.", page=1, y=780), True),  # across a page break
        (_line(LONG + ";"), _line("Căn cứ Nghị quyết số 09/NQ-HĐND.", y=684), False),  # a new sentence
        (_line(LONG + " xã"), _line("- Mục hai.", y=684), False),  # a list item
        (_line(LONG + " xã"), _line("2. Mục hai.", y=684), False),
        (_line(LONG + " xã"), _line("b) Mục hai.", y=684), False),
        (_line("x" * 40 + " năm"), _line("2019 của Ủy ban nhân dân xã.", y=684), False),  # ends short
        (_line(LONG + " năm"), _line("2019 của Ủy ban nhân dân xã.", left=200, y=684), False),  # centred
        (_line(LONG + " năm"), _line("2019 của Ủy ban nhân dân xã.", y=640), False),  # far below
        (_line("1 Xóm 3 Hội Nông dân", right=540), _line("2 Xóm 7 Đoàn Thanh niên", right=545, y=684),
         False),  # spread out: a table row
    ],
    ids=["wrap", "page-break", "sentence", "dash-item", "numbered-item", "letter-item", "short-line",
         "centred-next", "gap", "table-row"],
)
def test_pdf_line_continues(a: _Line, b: _Line, joined: bool) -> None:
    assert _continues(a, b, PAGE, PAGE) is joined


def _pages(*pages: list[str]) -> list[list[_Line]]:
    return [[_line(text, page=i, y=800 - 14 * j) for j, text in enumerate(lines)] for i, lines in enumerate(pages)]


def _texts(pages: list[list[_Line]]) -> list[list[str]]:
    return [[ln.text for ln in lines] for lines in pages]


def _body(word: str) -> list[str]:
    """Five body lines that differ from another page's by a word (digits would be masked)."""
    return [f"Nội dung {word} thứ {n}." for n in ("nhất", "hai", "ba", "tư", "năm")]


A, B, C, D, E = (_body(w) for w in ("an", "bình", "cường", "dũng", "em"))


@pytest.mark.parametrize(
    ("pages", "kept"),
    [
        # Page numbers at the top or bottom, in every style; a lone number inside the body stays.
        ((["1", *A], ["- 2 -", *B, "Trang 2/3"], [*C[:2], "3", *C[2:], "Page 3 of 3"]),
         [A, B, [*C[:2], "3", *C[2:]]]),
        # A running footer on every page goes, whatever its page number.
        (([*A, "Kế hoạch số 38/KH-UBND - tr.1"], [*B, "Kế hoạch số 38/KH-UBND - tr.2"],
          [*C, "Kế hoạch số 38/KH-UBND - tr.3"]), [A, B, C]),
        # A line at the edge of 2 pages out of 5 is content (a letter and the plan it forwards).
        ((["ỦY BAN NHÂN DÂN", *A], B, ["ỦY BAN NHÂN DÂN", *C], D, E),
         [["ỦY BAN NHÂN DÂN", *A], B, ["ỦY BAN NHÂN DÂN", *C], D, E]),
        # Three one-page documents from one issuer: their header is no running header.
        (tuple(["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *body] for body in (A, B, C)),
         [["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *body] for body in (A, B, C)]),
    ],
    ids=["page-numbers", "running-footer", "two-of-five", "one-page-documents"],
)
def test_pdf_page_furniture(pages: tuple[list[str], ...], kept: list[list[str]]) -> None:
    assert _texts(_drop_furniture(_pages(*pages))) == kept


# --- the corpus in three formats -----------------------------------------------------------------

def _same_document_stems() -> list[tuple[str, str]]:
    return [(p.stem, ext) for p in sorted(CORPUS.glob("*.txt")) for ext in (".docx", ".pdf")
            if p.with_suffix(ext).exists()]


def _lines(path: Path) -> list[str]:
    # Whitespace may differ (a PDF table has spaces where the .txt has tabs); nothing else may.
    return ["".join(line.split()) for line in normalize(read_file(path).text).splitlines() if line.strip()]


@pytest.mark.parametrize(("stem", "ext"), _same_document_stems())
def test_corpus_formats_read_the_same(stem: str, ext: str) -> None:
    assert _lines(CORPUS / f"{stem}{ext}") == _lines(CORPUS / f"{stem}.txt")


def test_corpus_has_documents_in_every_format() -> None:
    formats = _same_document_stems()
    assert sum(ext == ".docx" for _, ext in formats) >= 4
    assert sum(ext == ".pdf" for _, ext in formats) >= 3
    for stem, ext in formats:
        assert (CORPUS / f"{stem}.expected.json").exists()
        if ext == ".pdf":
            assert (read_file(CORPUS / f"{stem}.pdf").pages or 0) >= 2, "long enough to test page furniture"
