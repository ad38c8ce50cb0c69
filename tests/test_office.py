"""Legacy Word (.doc), .rtf, .odt (through LibreOffice) and saved web pages (.html): the same fields as
the document's text version, chrome dropped, a missing LibreOffice a clear error for that file only."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from extractor.extraction.pipeline import extract_file
from extractor.extraction.readers import ReadError, read_file
from extractor.extraction.readers.html import read_html
from tests.contract import header, lists

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed (tools/setup.sh installs it)")
CONVERTED = sorted(p.name for ext in ("doc", "rtf", "odt") for p in CORPUS.glob(f"*.{ext}"))


def _same_as_text(name: str) -> None:
    stem = name.split(".")[0]
    want = json.loads((CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))["documents"]
    record = extract_file(CORPUS / name)
    assert record.error is None, record.error
    got = [d.model_dump(mode="json") for d in record.documents or []]
    assert [header(d) for d in got] == [header(d) for d in want]
    assert [lists(d) for d in got] == [lists(d) for d in want]


@needs_soffice
@pytest.mark.parametrize("name", CONVERTED)
def test_converted_word_files_give_the_fields_of_the_text_version(name: str) -> None:
    _same_as_text(name)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.html")))
def test_saved_web_page_gives_the_fields_of_the_text_version(name: str) -> None:
    _same_as_text(name)


PAGE = """<html><head><meta charset="utf-8"><title>Văn bản</title><script>var x = "Số: 9/KH-X";</script>
<style>p { color: red }</style></head><body>
<header><nav><a href="/">Trang chủ</a></nav></header>
<table><tr><td>Số hiệu:</td><td>38/KH-UBND</td><td>Loại văn bản:</td><td>Kế hoạch</td></tr></table>
<article><header><h1>Kế hoạch thi đua</h1></header>
<table><tr><td>ỦY BAN NHÂN DÂN<br>XÃ AN PHÚ<p>Số: 38/KH-UBND</p></td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td></tr></table>
<p>Căn   cứ Kế hoạch <span>số 5</span>/KH-UBND;</p>
<table><tr><th>STT</th><th>Chỉ tiêu</th></tr><tr><td>1</td><td>100%</td></tr></table>
<pre>dòng một
dòng  hai</pre>
</article><footer>Bản quyền © Cổng thông tin</footer></body></html>"""


def test_html_to_text() -> None:
    assert read_html(PAGE.encode(), "a.html").text.split("\n") == [
        "Số hiệu: 38/KH-UBND", "Loại văn bản: Kế hoạch", "",
        "Kế hoạch thi đua", "",
        "ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 38/KH-UBND", "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
        "Căn cứ Kế hoạch số 5/KH-UBND;", "",
        "STT\tChỉ tiêu", "1\t100%", "",
        "dòng một", "dòng  hai",
    ]


@pytest.mark.parametrize(("data", "text"), [
    ('<meta charset="windows-1258"><p>Kê\u0301 hoa\u0323ch</p>'.encode("cp1258"), "Kế hoạch"),
    ("\ufeff<p>Kế hoạch</p>".encode(), "Kế hoạch"),
])
def test_html_encodings(data: bytes, text: str) -> None:
    assert unicodedata.normalize("NFC", read_html(data, "a.htm").text) == text


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(b"<html><body><script>x()</script><nav>Menu</nav></body></html>")
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.kind == "empty"


@needs_soffice
def test_not_a_word_file_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "a.doc"
    path.write_bytes(b"just some text")
    assert extract_file(path).error.kind == "corrupt"  # type: ignore[union-attr]


@needs_soffice
def test_damaged_doc_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "a.doc"
    path.write_bytes((CORPUS / "f04_cv_huyen_uy_duc_trong_thi_dua.doc").read_bytes()[:600])
    error = extract_file(path).error
    assert error is not None and error.kind in ("corrupt", "empty")


def test_missing_libreoffice_is_a_clear_error_for_that_file_only(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    record = extract_file(CORPUS / "f04_cv_huyen_uy_duc_trong_thi_dua.rtf")
    assert record.error is not None and record.error.kind == "missing-tool"
    assert "libreoffice-writer-nogui" in record.error.message
    assert extract_file(CORPUS / "f04_cv_huyen_uy_duc_trong_thi_dua.txt").error is None


@needs_soffice
def test_bug_tcvn3_u_horn_survives_doc_conversion(tmp_path: Path) -> None:
    """TCVN3 "ư" is byte 0xAD, a soft hyphen to LibreOffice (catdoc drops it): the .docx LibreOffice
    writes holds it as <w:softHyphen/>, which the .docx reader reads as "ư" in a .VnTime run."""
    from docx import Document

    from extractor.extraction.readers.office import convert

    document = Document()
    document.add_paragraph().add_run("Tr\u00adêng häc c\u00adêng").font.name = ".VnTime"
    docx = tmp_path / "a.docx"
    document.save(docx)
    doc = tmp_path / "a.doc"
    doc.write_bytes(convert(docx.read_bytes(), "a.docx", target="doc"))
    result = read_file(doc)
    assert (result.text, result.encoding) == ("Trường học cường", "tcvn3")
