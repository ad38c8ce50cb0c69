"""Header components wrapped at a narrow column (issue 6): a type line with a colon, a number cut at its separator."""

import pytest

from extractor.extraction.fields.header import parse_header
from extractor.extraction.normalize import normalize
from extractor.extraction.pipeline import extract_text
from extractor.extraction.segment import split_documents

_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN CAM LÂM\n{number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Cam Lâm, ngày 4 tháng 3 năm 2024\n")


def _header(raw: str):  # type: ignore[no-untyped-def]
    text = normalize(raw)
    return parse_header(text, 0, len(text))


@pytest.mark.parametrize(
    ("type_line", "doc_type"),
    [
        ("KẾ HOẠCH:", "Kế hoạch"),
        ("HƯỚNG DẪN:", "Hướng dẫn"),
        ("THÔNG BÁO:", "Thông báo"),
        ("KẾ HOẠCH :", "Kế hoạch"),
        ("KẾ\nHOẠCH:", "Kế hoạch"),
    ],
)
def test_bug_type_line_with_a_colon_is_the_type_line(type_line: str, doc_type: str) -> None:
    h = _header(_HEAD.format(number="Số: 15/UBND-VP") + type_line + "\nTổ chức ngày hội đọc sách năm 2024\nCăn cứ Luật")
    assert (h.doc_type, h.title) == (doc_type, "Tổ chức ngày hội đọc sách năm 2024")


def test_bug_enacting_formula_with_a_colon_opens_no_document() -> None:
    raw = (_HEAD.format(number="Số: 7/QĐ-UBND") + "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thi đua\n"
           "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CAM LÂM\nCăn cứ Luật Thi đua, khen thưởng;\nQUYẾT ĐỊNH:\n"
           "Điều 1. Ban hành Kế hoạch thi đua năm 2024.\nĐiều 2. Hiệu lực.\n")
    text = normalize(raw)
    assert len(split_documents(text)) == 1
    h = parse_header(text, 0, len(text))
    assert (h.doc_type, h.title) == ("Quyết định", "Về việc ban hành Kế hoạch thi đua")


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        ("Số: 312/HD-\nPGDĐT", "312/HD-PGDĐT"),
        ("Số: 45/KH-\nUBND", "45/KH-UBND"),
        ("Số: 1203/\nKH-UBND", "1203/KH-UBND"),
        ("Số 27-KH/\nHU", "27-KH/HU"),
        ("Số: 9/KH-\nSGDĐT-VP", "9/KH-SGDĐT-VP"),
    ],
)
def test_bug_number_wrapped_after_its_separator_is_one_number(lines: str, number: str) -> None:
    h = _header(_HEAD.format(number=lines) + "KẾ HOẠCH\nTổ chức ngày hội đọc sách\nCăn cứ Luật")
    assert h.number == number


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        ("Số: 312/HD-\nPhòng Giáo dục", "Số: 312/HD-\nPhòng Giáo dục"),  # a mixed-case line is no symbol
        ("Số: 45/KH-UBND\nPGDĐT", "Số: 45/KH-UBND\nPGDĐT"),  # the number did not end in its separator
        ("Số: 12/\nUBND", "Số: 12/\nUBND"),  # one group only: not a whole number/symbol
        ("Số: 45/KH-\nBAN CHỈ ĐẠO", "Số: 45/KH-\nBAN CHỈ ĐẠO"),  # a caps line with spaces is a name
    ],
)
def test_bug_number_join_never_takes_other_lines(lines: str, kept: str) -> None:
    assert kept in normalize(_HEAD.format(number=lines))


@pytest.mark.parametrize(
    ("wrapped", "number"),
    [("15/KH-\nUBND", "15/KH-UBND"), ("15/\nKH-UBND", "15/KH-UBND"), ("15-KH/\nHU", "15-KH/HU")],
)
def test_bug_reference_number_wrapped_after_its_separator_in_the_body(wrapped: str, number: str) -> None:
    raw = (_HEAD.format(number="Số: 20/KH-UBND") + "KẾ HOẠCH\nTổ chức ngày hội đọc sách\n"
           f"Căn cứ Kế hoạch số {wrapped} ngày 02/8/2023 của Ủy ban nhân dân tỉnh Khánh Hòa về văn hóa đọc;\n"
           "I. MỤC ĐÍCH\n1. Lan tỏa văn hóa đọc.\n")
    doc = extract_text(raw)[1][0]
    assert [(r.number, r.date) for r in doc.references] == [(number, "2023-08-02")]


@pytest.mark.parametrize("text", ["ỦY BAN NHÂN DÂN" * 13 + "\n. ", "UỶ BAN NHÂN DÂN\n:\nKẾ HOẠCH"])
def test_bug_header_seam_before_a_line_of_only_punctuation(text: str) -> None:
    """A header phrase word at a line end followed by a line of only '.' or ':' raised IndexError (fuzz)."""
    normalised, docs = extract_text(text)
    assert normalised and isinstance(docs, list)
