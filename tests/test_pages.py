"""The review page and the review model: every value listed and marked, overlaps kept, bundles and pages shown."""

from __future__ import annotations

import json
import shutil

import pytest
import regex as re

from extractor.archive.batch import record_line
from extractor.archive.pages import review_page
from extractor.archive.review import segments, values_of
from extractor.extraction.pipeline import extract_text
from extractor.extraction.registry import labelled_spans

BUNDLE = ("UBND HUYỆN AN PHÚ\nPHÒNG NỘI VỤ\nSố: 15/PNV\nV/v triển khai Kế hoạch thi đua\n"
          "An Phú, ngày 3 tháng 3 năm 2021\nKính gửi: UBND các xã.\nPhòng Nội vụ chuyển Kế hoạch sau.\n"
          "TRƯỞNG PHÒNG\nLê Văn Hai\n"
          "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 7/KH-UBND\nAn Phú, ngày 2 tháng 3 năm 2021\nKẾ HOẠCH\nThi đua năm 2021\n"
          "Căn cứ Kế hoạch số 3/KH-UBND ngày 2/2/2021 của UBND tỉnh;\nI. MỤC TIÊU\nPhấn đấu 100% hồ sơ đúng hạn.\n"
          "Hồ sơ gửi trước ngày 15/11/2021.\n")


def _record(text: str) -> tuple[str, dict[str, object]]:
    from extractor.extraction.models import FileRecord, Source

    norm, docs = extract_text(text)
    record = FileRecord(source=Source(path="x.txt", sha256="0" * 64, format="txt"), documents=docs)
    return norm, json.loads(record_line(record))


def test_review_page_lists_and_marks_every_value_in_vietnamese() -> None:
    text, record = _record(BUNDLE)
    html = review_page(text, record)
    assert '<meta charset="utf-8">' in html
    for label in ("Số, ký hiệu", "Văn bản căn cứ, viện dẫn", "Chỉ tiêu", "Thời hạn", "Cơ quan ban hành"):
        assert label in html
    values = values_of(record["documents"])  # type: ignore[arg-type]
    assert len(re.findall(r'class="goto"', html)) == len(values)
    assert "căn cứ: Kế hoạch · 3/KH-UBND · 2021-02-02" in html
    assert "= 100%" in html and "2021-11-15" in html


def test_bundle_boundary_and_link_are_shown() -> None:
    text, record = _record(BUNDLE)
    html = review_page(text, record)
    assert 'id="doc-0"' in html and 'id="doc-1"' in html
    assert "chuyển" in html and 'href="#doc-1"' in html


def test_bug_overlapping_spans_are_all_shown() -> None:
    # Two values over the same words (a reference and a deadline inside it) must both be marked.
    text = "x" * 10
    docs = [{"span": {"start": 0, "end": 10}, "references": [
        {"relation": "basis", "number": "1/KH", "span": {"start": 0, "end": 8, "raw": "x"}}],
        "deadlines": [{"date": "2021-01-01", "text": "t", "span": {"start": 4, "end": 10, "raw": "x"}}]}]
    vals = values_of(docs)
    segs = segments(text, vals, docs)
    assert [(s.start, s.end, s.values) for s in segs] == [(0, 4, [0]), (4, 8, [0, 1]), (8, 10, [1])]
    html = review_page(text, {"source": {"path": "x"}, "documents": docs})
    assert 'data-values="0 1"' in html and "multi" in html


def test_page_breaks_are_marked() -> None:
    docs = [{"span": {"start": 0, "end": 9}}]
    segs = segments("trang 1\ftrang 2\fba", [], docs)
    assert [s.page for s in segs if s.page] == [2, 3]
    # a PDF's or a scan's pages, from the record's page offsets
    paged = segments("trang một\ntrang hai\ntrang ba", [], docs, [0, 10, 20])
    assert [(s.start, s.page) for s in paged if s.page] == [(10, 2), (20, 3)]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr (tools/setup.sh installs it)")
def test_review_page_of_a_scan_shows_its_pages() -> None:
    from pathlib import Path

    from extractor.extraction.pipeline import extract_file

    scan = Path(__file__).resolve().parent.parent / "corpus" / "f04_cv_huyen_uy_duc_trong_thi_dua.photo.tif"
    record = extract_file(scan, include_text=True)
    assert record.text and record.source.page_starts and len(record.source.page_starts) == 2
    html = review_page(record.text, json.loads(record_line(record)))
    assert "Trang 2" in html and "Thể thức" in html


def test_labelled_spans_name_the_field() -> None:
    _, record = _record(BUNDLE)
    labels = {label for _, _, label in labelled_spans(record["documents"])}  # type: ignore[arg-type]
    assert {"NUMBER", "TITLE", "ISSUER", "REFERENCES", "TARGETS", "DEADLINES"} <= labels
