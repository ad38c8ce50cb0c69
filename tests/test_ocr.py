"""OCR: scanned PDFs, mixed PDFs, images; pages, confidence, deskew, bad scans, a missing Tesseract.

The corpus's scanned copies (`corpus/<stem>.<variant>.pdf|.tif`, made by tools/make_scans.py) must give
at least 90% of the fields of the document's text version. The fields that differ, and why:
- f02 .scan150.pdf: "1890/BGDĐT-GDTrH" is read "1890/BGDĐT-GDTrTH" at 150 dpi (one reference).
(f04 .photo.tif reads the Party motto "ĐẲNG CỘNG SẢN VIỆT NAM"; `extractor.extraction.restore` re-reads it as the
motto, so the issuer is right.)
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.extraction.pagination import locate_pages, page_of
from extractor.extraction.pipeline import extract_file
from extractor.extraction.readers import ReadError, read_file
from extractor.extraction.readers import ocr as ocr_module
from extractor.extraction.readers.ocr import skew_angle
from tests.contract import header, lists

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract not installed (tools/setup.sh installs it)")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# scanned copy -> the fields known to differ from the text version (see the module docstring)
SCANS = {
    "f01_xa_nghi_thuan_nong_thon_moi.scan.pdf": [],
    "f02_so_gddt_binh_dinh_doi_moi_day_hoc.scan150.pdf": ["references"],
    "f02_so_gddt_binh_dinh_doi_moi_day_hoc.mixed.pdf": [],
    "f03_thcs_anh_duong_chuyen_doi_so.skewed.pdf": [],
    "f04_cv_huyen_uy_duc_trong_thi_dua.photo.tif": [],
}


def units(doc: dict[str, Any]) -> Counter[tuple[str, Any]]:
    """A document's fields as countable units: each header field, each item of each list field."""
    out: Counter[tuple[str, Any]] = Counter((k, v) for k, v in header(doc).items())
    out.update((name, item) for name, items in lists(doc).items() for item in items)
    return out


def agreement(got: dict[str, Any], want: dict[str, Any]) -> tuple[float, set[str]]:
    g, w = units(got), units(want)
    return sum((g & w).values()) / sum(w.values()), {name for name, _ in (w - g)}


def _docs(path: Path) -> list[dict[str, Any]]:
    record = extract_file(path)
    assert record.error is None, record.error
    return [d.model_dump(mode="json") for d in record.documents or []]


@needs_tesseract
@pytest.mark.parametrize("name", sorted(SCANS))
def test_scans_give_the_fields_of_the_text_version(name: str) -> None:
    stem = name.split(".")[0]
    want = json.loads((CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))["documents"]
    got = _docs(CORPUS / name)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        share, differing = agreement(g, w)
        assert share >= 0.9, (share, differing)
        assert differing <= set(SCANS[name]), differing


def _page(lines: list[str], size: int = 34, width: int = 1654) -> Image.Image:
    """A 200 dpi A4 page with these lines typed on it."""
    image = Image.new("L", (width, round(width * 297 / 210)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, size)
    for i, line in enumerate(lines):
        draw.text((150, 150 + i * size * 2), line, font=font, fill=0)
    return image


PLAN = ["ỦY BAN NHÂN DÂN XÃ AN PHÚ", "Số: 12/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2021",
        "Căn cứ Kế hoạch số 5/KH-UBND ngày 02/3/2021 của Ủy ban nhân dân huyện;",
        "Phấn đấu 100% hộ gia đình đăng ký thi đua."]


def _save(image: Image.Image, path: Path, **kw: Any) -> Path:
    image.save(path, **kw)
    return path


@needs_tesseract
def test_png_and_jpeg_are_read_with_page_and_confidence(tmp_path: Path) -> None:
    for path in (_save(_page(PLAN), tmp_path / "a.png"), _save(_page(PLAN), tmp_path / "b.jpg", quality=70)):
        record = extract_file(path, include_text=True)
        assert record.error is None, record.error
        assert record.source.pages == 1
        assert record.source.page_starts == [0]
        assert record.source.ocr and record.source.ocr[0].confidence and record.source.ocr[0].confidence > 80
        assert record.documents and record.documents[0].references[0].number == "5/KH-UBND"


@needs_tesseract
def test_multipage_tiff_page_of_every_span(tmp_path: Path) -> None:
    second = ["II. KHEN THƯỞNG", "Hồ sơ gửi trước ngày 15/11/2021 theo Quyết định số 77/QĐ-UBND."]
    path = _save(_page(PLAN), tmp_path / "a.tif", save_all=True, append_images=[_page(second)], compression="tiff_lzw")
    record = extract_file(path, include_text=True)
    assert record.error is None and record.documents and record.text
    starts = record.source.page_starts
    assert record.source.pages == 2 and starts and len(starts) == 2
    assert record.text[starts[1]:].startswith("II. KHEN THƯỞNG")
    refs = {r.number: page_of(starts, r.span.start) for r in record.documents[0].references}
    assert refs == {"5/KH-UBND": 1, "77/QĐ-UBND": 2}


@needs_tesseract
@pytest.mark.parametrize("angle", [180, 90])
def test_upside_down_and_sideways_pages_are_turned(tmp_path: Path, angle: int) -> None:
    path = _save(_page(PLAN).rotate(angle, expand=True), tmp_path / "turned.png")
    result = read_file(path)
    assert result.ocr[0].rotation == angle
    assert "12/KH-UBND" in result.text


@needs_tesseract
@pytest.mark.parametrize(("make", "kind"), [
    (lambda: Image.new("L", (1654, 2339), 255), "empty"),  # a blank page
    (lambda: _page(PLAN, size=6), None),  # tiny text: a record (maybe empty of fields) or "empty"
])
def test_bad_scans_give_a_record_or_a_clear_error(tmp_path: Path, make: Any, kind: str | None) -> None:
    record = extract_file(_save(make(), tmp_path / "bad.png"))
    if kind:
        assert record.error is not None and record.error.kind == kind
    else:
        assert record.error is None or record.error.kind == "empty"


@needs_tesseract
def test_blank_page_in_a_scan_is_a_warning(tmp_path: Path) -> None:
    path = _save(_page(PLAN), tmp_path / "a.tif", save_all=True, append_images=[Image.new("L", (1654, 2339), 255)])
    record = extract_file(path)
    assert record.error is None
    assert record.source.warnings == ["page 2: OCR found no text (a blank page?)"]


def test_skew_angle_is_measured() -> None:
    page = _page(PLAN * 3)
    assert abs(skew_angle(page)) < 0.2
    assert abs(skew_angle(page.rotate(3, fillcolor=255)) - 3) < 0.3


def test_ocr_never_refuses_images(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_file(_save(_page(PLAN), tmp_path / "a.png"), ocr="never")
    assert info.value.kind == "no-text-layer"


def test_missing_tesseract_is_a_clear_error_for_that_file_only(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on the path
    ocr_module._missing.cache_clear()
    try:
        text = tmp_path / "a.txt"
        text.write_text("Số: 1/KH-UBND\nKẾ HOẠCH\nThi đua\n", encoding="utf-8")
        scan = extract_file(_save(_page(PLAN), tmp_path / "a.png"))
        assert scan.error is not None and scan.error.kind == "missing-tool"
        assert "tesseract-ocr tesseract-ocr-vie" in scan.error.message
        assert extract_file(text).error is None
    finally:
        ocr_module._missing.cache_clear()


def test_corrupt_image_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bad.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract not installed")
    assert extract_file(path).error.kind == "corrupt"  # type: ignore[union-attr]


@pytest.mark.parametrize(("raw", "pieces"), [
    ("Một\nhai  ba\nBốn năm", ["Một", "Bốn năm"]),
    # a sentence wrapped over the page break is joined: page 2 starts inside the joined line
    ("Hồ sơ gửi về Ủy ban nhân dân xã trước\nngày 10 tháng 4.\nHai", ["Hồ sơ", "ngày 10"]),
    ("Một\n", ["Một", ""]),  # an empty last page starts at the end
])
def test_locate_pages(raw: str, pieces: list[str]) -> None:
    from extractor.extraction.normalize import normalize

    raw_starts = [raw.index(p) if p else len(raw) for p in pieces]
    text = normalize(raw)
    starts = locate_pages(raw, raw_starts, text)
    assert [text[s:].startswith(p) for s, p in zip(starts, pieces, strict=True)] == [True] * len(pieces)
    assert starts == sorted(starts)


def test_ocr_option_of_extract_and_batch(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from extractor.archive.batch import run_batch
    from extractor.cli import main

    (tmp_path / "in").mkdir()
    image = _save(_page(PLAN), tmp_path / "in" / "a.png")
    result = CliRunner().invoke(main, ["extract", "--ocr", "never", "--jsonl", str(image)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["kind"] == "no-text-layer"
    summary = run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1, ocr="never")
    assert dict(summary.errors) == {"no-text-layer": 1}


def test_bug_text_layer_of_unmapped_glyphs_is_read_by_ocr() -> None:
    """A font without a Unicode map gives private-use characters: such pages go to OCR like scans."""
    from extractor.extraction.readers.pdf import _Line, _PageText, _to_ocr

    def page(text: str) -> _PageText:
        return _PageText([_Line(text, 0, None)] * 5, 842.0, 842.0)

    junk, good, tcvn3 = "\ue041\ue042\ue043 " * 20, "Kế hoạch thi đua năm 2021 " * 3, "KÕ ho¹ch thi ®ua n¨m 2021 " * 3
    assert _to_ocr(None, [page(junk), page(junk)], "auto") == [0, 1]
    assert _to_ocr(None, [page(good), page(good)], "auto") == []
    assert _to_ocr(None, [page(tcvn3), page(tcvn3)], "auto") == []  # legacy fonts are converted, not OCR'd
    assert _to_ocr(None, [page(junk), page(junk)], "never") == []
