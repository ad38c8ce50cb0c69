"""The .docx reader on raw WordprocessingML: run content, merged cells, packages it refuses.

The expected texts are what the reader gave when it went through python-docx's object model: reading
word/document.xml with zipfile + lxml must keep every one of them.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document

from extractor.extraction.readers.docx import read_docx
from extractor.extraction.readers.errors import ReadError

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
_LEGACY_RUN = '<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'


def _template() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _package(body: str, without_styles: bool = False, content_type: bytes | None = None) -> bytes:
    """python-docx's empty document with `body` as its w:body (and the styles or content type changed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_template())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = f"<w:document {_NS}><w:body>{body}</w:body></w:document>".encode()
            elif info.filename == "word/_rels/document.xml.rels" and without_styles:
                data = re.sub(rb'<Relationship [^>]*Target="styles.xml"/>', b"", data)
            elif info.filename == "[Content_Types].xml" and content_type:
                data = data.replace(b"document.main+xml", content_type)
            if not (without_styles and info.filename == "word/styles.xml"):
                dst.writestr(info, data)
    return out.getvalue()


def _p(text: str, run: str = "<w:r>") -> str:
    return f'<w:p>{run}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>" if props else f"<w:tc>{inner}</w:tc>"


_RUN_CONTENT = (
    "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:br w:type=\"page\"/><w:t>D</w:t><w:cr/>"
    "<w:noBreakHyphen/><w:ptab/><w:softHyphen/><w:t>E</w:t></w:r><w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>"
    "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins><w:smartTag><w:r><w:t>smart</w:t></w:r></w:smartTag></w:p>"
)
# A cell spanning two columns merged down two rows, a row starting one grid column late (w:gridBefore)
# whose last cell continues the one above it, and a row with a cell more.
_MERGED = (
    "<w:tbl>"
    "<w:tr>" + _tc(_p("STT")) + _tc(_p("Tên"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + _tc(_p("X"))
    + "</w:tr><w:tr>" + _tc(_p("1")) + _tc("<w:p/>", '<w:gridSpan w:val="2"/><w:vMerge/>') + _tc(_p("Y"))
    + "</w:tr><w:tr>" + _tc(_p("2")) + _tc("<w:p/>", '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>')
    + _tc(_p("Z"), '<w:vMerge w:val="restart"/>')
    + '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc(_p("lệch"), '<w:gridSpan w:val="2"/>')
    + _tc("<w:p/>", "<w:vMerge/>")
    + "</w:tr><w:tr>" + _tc(_p("3")) + _tc(_p("a")) + _tc(_p("b")) + _tc(_p("c")) + "</w:tr></w:tbl>"
)
_LAYOUT = (
    "<w:tbl><w:tr>"
    + _tc(_p("ỦY BAN NHÂN DÂN") + _p("Số: 1/KH") + "<w:tbl><w:tr>" + _tc(_p("lồng")) + "</w:tr></w:tbl>")
    + _tc(_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + _p("Độc lập - Tự do - Hạnh phúc")) + "</w:tr>"
    + "<w:tr>" + _tc(_p("V/v abc"), '<w:vMerge w:val="restart"/>') + _tc(_p("Hà Nội, ngày 1")) + "</w:tr>"
    + "<w:tr>" + _tc("<w:p/>", "<w:vMerge/>") + _tc(_p("")) + "</w:tr></w:tbl>"
)
_HEADER_TEXT = ("ỦY BAN NHÂN DÂN\nSố: 1/KH\n\nlồng\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
                "\n\nV/v abc\n\nHà Nội, ngày 1")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (_RUN_CONTENT + _p("Tiếp theo"), "A\tB\nCD\n-\tElink\nTiếp theo"),
        (_p("Bảng:") + _MERGED + _p("Hết"), "Bảng:\n\nSTT\tTên\tX\n1\t\t\tY\n2\t\t\tZ\nlệch\n3\ta\tb\tc\n\nHết"),
        (_LAYOUT + _p("KẾ HOẠCH") + f"<w:sdt><w:sdtContent>{_LAYOUT}</w:sdtContent></w:sdt>",
         f"{_HEADER_TEXT}\n\nKẾ HOẠCH\n\n{_HEADER_TEXT}"),
        (_p("Một") + "<w:tbl></w:tbl><w:tbl><w:tr></w:tr></w:tbl>" + _p("Hai"), "Một\nHai"),
        (_p("a&lt;b") + "<w:p><w:pPr/></w:p>" + _p("   ") + _p("x"), "a<b\nx"),
    ],
    ids=["run-content", "merged-cells", "layout-table-in-content-control", "empty-tables", "blank-paragraphs"],
)
def test_docx_xml_text(body: str, text: str) -> None:
    assert read_docx(_package(body), "a.docx").text == text


def test_docx_without_styles_part_converts_runs_by_their_own_font() -> None:
    body = _p("Kh«ng cã styles", _LEGACY_RUN) + _p("KÕ ho¹ch", _LEGACY_RUN)
    read = read_docx(_package(body, without_styles=True), "a.docx")
    assert (read.text, read.encoding) == ("Không có styles\nKế hoạch", "tcvn3")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_package(_p("Macro"), content_type=b"document.macroEnabled.main+xml"), "corrupt"),  # a .docm renamed
        (b"PK\x05\x06" + b"\x00" * 18, "corrupt"),  # an empty zip: no package relationships
    ],
    ids=["macro-enabled", "empty-zip"],
)
def test_docx_xml_refuses(data: bytes, kind: str) -> None:
    with pytest.raises(ReadError) as raised:
        read_docx(data, "a.docx")
    assert raised.value.kind == kind
