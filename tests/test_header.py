import pytest
import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.fields import header
from extractor.extraction.fields.header import parse_header
from extractor.extraction.normalize import normalize
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab.doc_types import HEADING_TYPES
from extractor.extraction.vocab.layout import (
    BODY_START,
    BODY_START_FIRSTS,
    MOTTO,
    NUMBER_LINE,
    PLACE_DATE,
    TYPE_LINE,
    TYPE_LINE_COLON,
    TYPE_WITH_TITLE,
    VV_LINE,
    find_place_date,
    match_body_start,
    match_number_line,
    match_vv_line,
    search_motto,
)


def _header(raw: str):  # type: ignore[no-untyped-def]
    text = normalize(raw)
    return text, parse_header(text, 0, len(text))


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Số: 75 /KH-UBND", "75/KH-UBND"),
        ("Số: ⁵³⁷/GDĐT- VP", "537/GDĐT-VP"),
        ("Số:     /KH-UBND", None),
        ("Số 45-KH/HU", "45-KH/HU"),
        ("Số: 12/2021/QĐ-UBND", "12/2021/QĐ-UBND"),
        ("Số: 08/TTr-PNV", "08/TTr-PNV"),
        ("Số: 204/KH-PGDĐT.TĐKT", "204/KH-PGDĐT.TĐKT"),
        ("Số: 9a/KH-THCS", "9a/KH-THCS"),
    ],
)
def test_number(line: str, number: str | None) -> None:
    _, h = _header(f"UBND XÃ AN PHÚ\n{line}\nAn Phú, ngày 02 tháng 3 năm 2021\nKẾ HOẠCH\nTổ chức hội thi")
    assert h.number == number


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Củ Chi, ngày 05 tháng 5 năm 2020", "Củ Chi", "2020-05-05"),
        ("Tam Đảo, ngày     tháng 3 năm 2023", "Tam Đảo", "2023-03"),
        ("Hà Nội, ngày 9 tháng 12 năm 2015", "Hà Nội", "2015-12-09"),
        ("TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2022", "TP. Hồ Chí Minh", "2022-02-01"),
        ("Thành phố Hồ Chí\nMinh, ngày 11 tháng 4 năm 2019", "Thành phố Hồ Chí Minh", "2019-04-11"),
        ("Phường Long Bình, ngày 20 tháng 8 năm 2025", "Phường Long Bình", "2025-08-20"),
        ("Quận 3, ngày 14/7/2018", "Quận 3", "2018-07-14"),
        ("Buôn Ma Thuột, ngày ... tháng ... năm 2024", "Buôn Ma Thuột", "2024"),
    ],
)
def test_place_and_date(line: str, place: str, date: str) -> None:
    _, h = _header(f"Số: 3/KH-UBND\n{line}\nKẾ HOẠCH\nVề việc thử")
    assert (h.place, h.issued_date) == (place, date)


def test_flattened_two_column_header() -> None:
    raw = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 118/KH-UBND Đức Trọng, ngày 03 tháng 4 năm 2017\n"
        "KẾ HOẠCH\nTriển khai phong trào thi đua\nnăm 2017\n"
        "Căn cứ Kế hoạch số 9/KH-UBND của UBND tỉnh;"
    )
    text, h = _header(raw)
    assert h.number == "118/KH-UBND"
    assert (h.place, h.issued_date, h.doc_type) == ("Đức Trọng", "2017-04-03", "Kế hoạch")
    assert [x[2] for x in h.issuer_lines] == ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG"]
    assert h.title == "Triển khai phong trào thi đua năm 2017"
    assert text[h.body_start :].strip().startswith("Căn cứ")


@pytest.mark.parametrize(
    ("raw", "doc_type", "title"),
    [
        ("KẾ HOẠCH\nPhát động thi đua\n(Chuyên đề: chuyển đổi số)\n-----\nCăn cứ", "Kế hoạch",
         "Phát động thi đua (Chuyên đề: chuyển đổi số)"),
        ("Số: 88/PGDĐT\nV/v tổ chức hội giảng\ncấp huyện năm 2019\nKính gửi: Các trường", "Công văn",
         "V/v tổ chức hội giảng cấp huyện năm 2019"),
        ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thi đua\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH\nCăn cứ Luật",
         "Quyết định", "Về việc ban hành Kế hoạch thi đua"),
        ("HƯỚNG DẪN\nCông tác thi đua năm học 2022 - 2023\nI. MỤC ĐÍCH", "Hướng dẫn",
         "Công tác thi đua năm học 2022 - 2023"),
        ("Số: 14/TB-UBND\nTHÔNG BÁO\nKết luận của Chủ tịch\nNgày 3/3/2021, Chủ tịch chủ trì", "Thông báo",
         "Kết luận của Chủ tịch"),
    ],
)
def test_type_and_title(raw: str, doc_type: str, title: str) -> None:
    _, h = _header(raw)
    assert (h.doc_type, h.title) == (doc_type, title)


def test_type_from_symbol_when_no_type_line() -> None:
    _, h = _header("Số: 21/TTr-PNV\nAn Khê, ngày 1 tháng 6 năm 2020\nKính gửi: Ủy ban nhân dân thị xã")
    assert h.doc_type == "Tờ trình"


def test_bug_decision_authority_line_is_not_part_of_title() -> None:
    _, h = _header("QUYẾT ĐỊNH\nBan hành Kế hoạch\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HỘI\nCăn cứ")
    assert h.title == "Ban hành Kế hoạch"


def test_plan_issued_with_a_decision_records_it() -> None:
    _, h = _header("KẾ HOẠCH\nThi đua năm 2021\n(Ban hành kèm theo Quyết định số 55/QĐ-UBND ngày 2/2/2021)\nI. MỤC")
    assert (h.title, h.issued_with) == ("Thi đua năm 2021", "55/QĐ-UBND")


def test_type_and_caps_title_on_one_line() -> None:
    _, h = _header(
        "Số: 7/KH-THCS\nĐà Lạt, ngày 1 tháng 9 năm 2021\nKẾ HOẠCH TỔ CHỨC HỘI THI GIÁO VIÊN GIỎI\nI. MỤC ĐÍCH"
    )
    assert (h.doc_type, h.title) == ("Kế hoạch", "TỔ CHỨC HỘI THI GIÁO VIÊN GIỎI")


def test_bug_letter_title_before_motto_and_date() -> None:
    _, h = _header("PHÒNG NỘI VỤ\nSố: 9/PNV\nV/v triển khai kế hoạch\nthi đua năm 2018\n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPleiku, ngày 6 tháng 8 năm 2018\n"
                   "Kính gửi: Các phòng")
    assert (h.title, h.place, h.issued_date) == ("V/v triển khai kế hoạch thi đua năm 2018", "Pleiku", "2018-08-06")


def test_tab_separated_header_cells_and_letter_title() -> None:
    raw = ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Số: 77/PGDĐT-TH\tĐộc lập - Tự do - Hạnh phúc\n"
           "V/v tổ chức ngày hội đọc sách\tĐông Anh, ngày 20 tháng 4 năm 2022\n"
           "Kính gửi: Hiệu trưởng các trường tiểu học")
    _, h = _header(raw)
    assert (h.doc_type, h.number, h.place, h.issued_date) == ("Công văn", "77/PGDĐT-TH", "Đông Anh", "2022-04-20")
    assert h.title == "V/v tổ chức ngày hội đọc sách"
    assert [x[2] for x in h.issuer_lines] == ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]


def test_type_with_mixed_case_title_on_one_line() -> None:
    _, h = _header("Số: 5/KH-UBND\nKẾ HOẠCH Phát động phong trào thi đua năm 2021\nCăn cứ")
    assert (h.doc_type, h.title) == ("Kế hoạch", "Phát động phong trào thi đua năm 2021")


def test_date_line_without_its_place() -> None:
    _, h = _header("Số: 5/KH-UBND\nNgày 05 tháng 5 năm 2020\nKẾ HOẠCH\nThi đua\nCăn cứ")
    assert (h.place, h.issued_date) == (None, "2020-05-05")


def test_bug_blank_draft_number_still_names_the_type() -> None:
    _, h = _header("Số:     /TB-UBND\nHòa Vang, ngày   tháng 6 năm 2023\nKính gửi: Các phòng")
    assert (h.number, h.doc_type, h.issued_date) == (None, "Thông báo", "2023-06")


def test_bug_party_symbol_names_its_type_after_the_number() -> None:
    _, h = _header("Số 45-KH/HU\nĐức Trọng, ngày 2 tháng 3 năm 2019\nThực hiện chỉ thị")
    assert h.doc_type == "Kế hoạch"


def test_bug_body_sentence_after_the_title_is_not_title() -> None:
    _, h = _header("KẾ HOẠCH\nPhát động thi đua năm 2021\n"
                   "Ủy ban nhân dân huyện Tân Phú ban hành Kế hoạch phát động thi đua như sau:\nI. MỤC ĐÍCH")
    assert h.title == "Phát động thi đua năm 2021"


# --- headers as archives and web pages deliver them (extractor.extraction.header_layout) ---------------------

_BODY = "\nCăn cứ Luật Thi đua, khen thưởng;\nI. MỤC ĐÍCH\nĐộng viên các đơn vị.\n"


def _record(raw: str) -> tuple[str | None, ...]:
    from extractor.extraction.pipeline import extract_text

    _, docs = extract_text(raw)
    d = docs[0]
    return (d.doc_type, d.number, d.place, d.issued_date, d.issuer.name if d.issuer else None, d.title)


# Each case: the header's lines as a converter left them, then (type, number, place, date, issuer, title).
_LAYOUTS: dict[str, tuple[list[str], tuple[str | None, ...]]] = {
    "motto broken over two lines, '|' cell separators, the date wrapped after 'ngày'": (
        ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "|", "Số: 135/KH-UBND", "|", "Sóc Trăng, ngày", "27 tháng 9 năm 2022", "|",
         "KẾ HOẠCH", "RÀ SOÁT HỘ NGHÈO NĂM 2022"],
        ("Kế hoạch", "135/KH-UBND", "Sóc Trăng", "2022-09-27", "Ủy ban nhân dân tỉnh Sóc Trăng",
         "RÀ SOÁT HỘ NGHÈO NĂM 2022")),
    "'ỦY|BAN NHÂN DÂN', 'Số:|45/…', 'KẾ|HOẠCH', '… Hạnh|phúc'": (
        ["ỦY", "BAN NHÂN DÂN", "XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh", "phúc",
         "Số:", "45/KH-UBND", "An Phú, ngày 8 tháng 3 năm 2016", "KẾ", "HOẠCH", "Thi đua năm 2016"],
        ("Kế hoạch", "45/KH-UBND", "An Phú", "2016-03-08", "Ủy ban nhân dân xã An Phú", "Thi đua năm 2016")),
    "the issuer beside a motto broken after its first word": (
        ["ỦY BAN NHÂN DÂN CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG HẠC THÀNH Độc lập - Tự do - Hạnh phúc",
         "Số: 96/KH-UBND Hạc Thành, ngày 22 tháng", "9 năm 2025", "KẾ HOẠCH", "Thi đua cao điểm"],
        ("Kế hoạch", "96/KH-UBND", "Hạc Thành", "2025-09-22", "Ủy ban nhân dân phường Hạc Thành", "Thi đua cao điểm")),
    "the whole header on one line, row by row, with the column rules": (
        ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM HUYỆN CAM LÂM Độc lập - Tự do - Hạnh phúc ------- "
         "--------------- Số: 112/KH-UBND Cam Lâm, ngày 12 tháng 3 năm 2018", "KẾ HOẠCH Phát động thi đua"],
        ("Kế hoạch", "112/KH-UBND", "Cam Lâm", "2018-03-12", "Ủy ban nhân dân huyện Cam Lâm", "Phát động thi đua")),
    "column by column, the type and a caps title on the same line": (
        ["UBND TỈNH NINH THUẬN SỞ Y TẾ Số: 845/KH-SYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
         "Hạnh phúc Ninh Thuận, ngày 05 tháng 6 năm 2024 KẾ HOẠCH TIÊM CHỦNG MỞ RỘNG"],
        ("Kế hoạch", "845/KH-SYT", "Ninh Thuận", "2024-06-05", "Sở Y tế tỉnh Ninh Thuận", "TIÊM CHỦNG MỞ RỘNG")),
    "right column first, the date before the number, the title running into the basis": (
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc HUYỆN ĐÔNG ANH "
         "Đông Anh, ngày 5 tháng 5 năm 2021 Số: 77/KH-UBND",
         "KẾ HOẠCH Tổ chức Ngày hội đại đoàn kết Căn cứ Kế hoạch số 12/KH-UBND ngày 2/4/2021 của UBND Thành phố;"],
        ("Kế hoạch", "77/KH-UBND", "Đông Anh", "2021-05-05", "Ủy ban nhân dân huyện Đông Anh",
         "Tổ chức Ngày hội đại đoàn kết")),
    "a Party header flattened onto two lines, with its '*'": (
        ["ĐẢNG BỘ TỈNH QUẢNG BÌNH ĐẢNG CỘNG SẢN VIỆT NAM",
         "HUYỆN ỦY BỐ TRẠCH * Số 78-KH/HU Bố Trạch, ngày 10 tháng 7 năm 2020 KẾ HOẠCH Sơ kết công tác tuyên truyền"],
        ("Kế hoạch", "78-KH/HU", "Bố Trạch", "2020-07-10", "Huyện ủy Bố Trạch", "Sơ kết công tác tuyên truyền")),
    "a letter, column by column: its 'V/v' title ends where the motto begins": (
        ["PHÒNG GD&ĐT HUYỆN THANH OAI TRƯỜNG THCS BÍCH HÒA Số: 25/CV-THCS V/v tổ chức ngoại khóa CỘNG HÒA XÃ "
         "HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Bích Hòa, ngày 02 tháng 10 năm 2015",
         "Kính gửi: Các tổ chuyên môn."],
        ("Công văn", "25/CV-THCS", "Bích Hòa", "2015-10-02", "Trường THCS Bích Hòa", "V/v tổ chức ngoại khóa")),
    "markdown table rows with a rule row": (
        ["| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "|---|---|",
         "| TỈNH LẠNG SƠN | Độc lập - Tự do - Hạnh phúc |", "| Số: 254/KH-UBND | Lạng Sơn, ngày 16 tháng 11 năm 2020 |",
         "", "KẾ HOẠCH", "Chuyển đổi số năm 2021"],
        ("Kế hoạch", "254/KH-UBND", "Lạng Sơn", "2020-11-16", "Ủy ban nhân dân tỉnh Lạng Sơn",
         "Chuyển đổi số năm 2021")),
    "'<br>' inside the cells of a converted table": (
        ["| UBND HUYỆN TAM NÔNG<br>TRƯỜNG MẦM NON HOA MAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do "
         "- Hạnh phúc |", "| Số: 3/KH-MNHM | Tam Nông, ngày 20 tháng 4 năm 2022 |", "KẾ HOẠCH", "Ngày hội đọc sách"],
        ("Kế hoạch", "3/KH-MNHM", "Tam Nông", "2022-04-20", "Trường Mầm non Hoa Mai", "Ngày hội đọc sách")),
    "tab-separated cells, the issuer wrapped over rows whose right cell is empty": (
        ["PHÒNG GD&ĐT\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THÀNH PHỐ BIÊN HÒA\tĐộc lập - Tự do - Hạnh phúc",
         "TRƯỜNG TIỂU HỌC\t", "NGUYỄN DU\t", "-------\t---------------",
         "Số: 58/KH-THND\tBiên Hòa, ngày 18 tháng 9 năm 2023", "KẾ HOẠCH", "Trường học xanh"],
        ("Kế hoạch", "58/KH-THND", "Biên Hòa", "2023-09-18", "Trường Tiểu học Nguyễn Du", "Trường học xanh")),
    "a type name printed letter by letter": (
        ["UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ", "Số: 318/QĐ-SNV", "Đồng Xoài, ngày 11 tháng 6 năm 2013",
         "Q U Y Ế T   Đ Ị N H", "Về việc ban hành Kế hoạch kiểm tra", "GIÁM ĐỐC SỞ NỘI VỤ TỈNH BÌNH PHƯỚC"],
        ("Quyết định", "318/QĐ-SNV", "Đồng Xoài", "2013-06-11", "Sở Nội vụ tỉnh Bình Phước",
         "Về việc ban hành Kế hoạch kiểm tra")),
    "the Youth Union's national line beside its committee, in tab cells": (
        ["HUYỆN ĐOÀN CẨM GIÀNG\tĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ CẨM ĐIỀN\t", "***\t",
         "Số: 12-KH/ĐTN\tCẩm Điền, ngày 02 tháng 3 năm 2021", "KẾ HOẠCH", "Tháng Thanh niên năm 2021"],
        ("Kế hoạch", "12-KH/ĐTN", "Cẩm Điền", "2021-03-02", "Ban Chấp hành đoàn xã Cẩm Điền",
         "Tháng Thanh niên năm 2021")),
    "columns aligned with spaces, a school under its education office, a section after the title": (
        ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO     TRƯỜNG TH-THCS THANH TRƯỜNG   Số: /KHGD-THCS    CỘNG HÒA XÃ HỘI CHỦ "
         "NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Điện Biên Phủ, ngày   tháng 9 năm 2022 KẾ HOẠCH GIÁO DỤC "
         "NHÀ TRƯỜNG Năm học 2022-2023 I. Đặc điểm tình hình"],
        ("Kế hoạch", None, "Điện Biên Phủ", "2022-09", "Trường TH-THCS Thanh Trường",
         "GIÁO DỤC NHÀ TRƯỜNG Năm học 2022-2023")),
    "a draft mark flattened onto the issuer's line": (
        ["ỦY BAN NHÂN DÂN HUYỆN HOÀI ÂN DỰ THẢO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
         "Số: /KH-UBND Hoài Ân, ngày   tháng 3 năm 2024", "KẾ HOẠCH", "Thi đua năm 2024"],
        ("Kế hoạch", None, "Hoài Ân", "2024-03", "Ủy ban nhân dân huyện Hoài Ân", "Thi đua năm 2024")),
    "parent and school on one caps line; the date cell running into the type and title": (
        ["SỞ GD&ĐT PHÚ YÊN TRƯỜNG THPT LÊ LỢI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
         "Số: 47/KH-THPT\tTuy Hòa, ngày 11 tháng 12 năm 2023 KẾ HOẠCH Hội khỏe Phù Đổng cấp trường"],
        ("Kế hoạch", "47/KH-THPT", "Tuy Hòa", "2023-12-11", "Trường THPT Lê Lợi", "Hội khỏe Phù Đổng cấp trường")),
    "no header at all: the type and its title as the first line": (
        ["KẾ HOẠCH Hội khỏe Phù Đổng cấp trường năm 2023"],
        ("Kế hoạch", None, None, None, None, "Hội khỏe Phù Đổng cấp trường năm 2023")),
    "markdown rows whose cells wrap onto the next line": (
        ["| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM |", "| TỈNH LẠNG SƠN | Độc lập - Tự do -",
         "Hạnh phúc |", "| Số: 254/KH-UBND | Lạng Sơn, ngày 16 tháng 11 năm 2020 |", "KẾ HOẠCH", "Chuyển đổi số 2021"],
        ("Kế hoạch", "254/KH-UBND", "Lạng Sơn", "2020-11-16", "Ủy ban nhân dân tỉnh Lạng Sơn", "Chuyển đổi số 2021")),
}


@pytest.mark.parametrize(("lines", "want"), list(_LAYOUTS.values()), ids=list(_LAYOUTS))
def test_real_header_layouts(lines: list[str], want: tuple[str | None, ...]) -> None:
    assert _record("\n".join(lines) + _BODY) == want


@pytest.mark.parametrize(
    ("raw", "issuer"),
    [
        # the cell holds no place: the body names the level ("Ủy ban nhân dân huyện xây dựng …")
        ("ỦY BAN NHÂN DÂN |\n\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 96/KH-UBND\n|\n"
         "Hàm Thuận Bắc, ngày 24 tháng 4 năm 2017\n|\nKẾ HOẠCH\nHội thi dân vận khéo\n"
         "Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
         "Ủy ban nhân dân huyện Hàm Thuận Bắc"),
        # … or a decision's enacting-authority line does
        ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/QĐ-UBND\tThanh Hóa, ngày 4 tháng 1 năm 2021\n"
         "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thi đua\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA\nCăn cứ Luật;\n",
         "Ủy ban nhân dân thành phố Thanh Hóa"),
        # … or the signature's "TM." line does (the place alone would say the province)
        ("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 77/KH-UBND | Thanh Hóa, ngày 4 tháng 1 "
         "năm 2021 |\nKẾ HOẠCH\nThi đua năm 2021\nI. MỤC ĐÍCH\nCác phường thi đua.\nNơi nhận:\n- Lưu: VT.\n"
         "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA\nCHỦ TỊCH\nLê Văn Bình\n", "Ủy ban nhân dân thành phố Thanh Hóa"),
        # … else the place line's locality
        ("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 7/KH-UBND | Cam Lâm, ngày 4 tháng 1 "
         "năm 2021 |\nKẾ HOẠCH\nThi đua năm 2021\nI. MỤC ĐÍCH\nCác xã thi đua.\n", "Ủy ban nhân dân huyện Cam Lâm"),
    ],
)
def test_issuer_cell_without_its_locality(raw: str, issuer: str) -> None:
    assert _record(raw)[4] == issuer


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH NĂM 2014\nBỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nCăn cứ",
         "VỀ VIỆC BAN HÀNH KẾ HOẠCH NĂM 2014"),
        ("QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH NĂM 2014 BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nCăn cứ",
         "VỀ VIỆC BAN HÀNH KẾ HOẠCH NĂM 2014"),
        ("QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\nGiám đốc Sở Giáo dục và Đào tạo\nCăn cứ",
         "Về việc phê duyệt Kế hoạch"),
        ("QUYẾT\nĐỊNH\nVỀ VIỆC KHEN THƯỞNG\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN LỤC NAM\nCăn cứ", "VỀ VIỆC KHEN THƯỞNG"),
        # an award "of the Chủ tịch" inside the title is no authority line
        ("QUYẾT ĐỊNH\nVỀ VIỆC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ",
         "VỀ VIỆC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"),
    ],
)
def test_bug_title_ends_before_the_enacting_authority(raw: str, title: str) -> None:
    _, h = _header(raw)
    assert (h.doc_type, h.title) == ("Quyết định", title)


def test_bug_party_name_wrapped_in_a_title_is_no_motto() -> None:
    _, h = _header("Số 12-KH/ĐU\nNghĩa Lâm, ngày 5 tháng 1 năm 2023\nKẾ HOẠCH\nKỷ niệm Ngày thành lập Đảng\n"
                   "Cộng sản Việt Nam\nThực hiện Hướng dẫn")
    assert h.title == "Kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam"


@pytest.mark.parametrize(
    "raw",
    [
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 5/KH-UBND | An Phú, ngày 2 tháng 3 năm 2021 |",
        "UBND TỈNH X SỞ Y TẾ Số: 8/KH-SYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc X, ngày 5 "
        "tháng 6 năm 2024 KẾ HOẠCH TIÊM CHỦNG\nCăn cứ",
        "ỦY\nBAN NHÂN DÂN CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:\n4/KH-UBND\nKẾ\nHOẠCH\n",
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n| TỈNH LẠNG SƠN | Độc lập - Tự do -\nHạnh phúc |\n",
    ],
)
def test_header_layout_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


def test_register_line_starting_with_its_number_is_not_cut() -> None:
    line = "Số: 12/QĐ-UBND ngày 05/3/2021 của Chủ tịch UBND tỉnh về việc tặng Bằng khen"
    assert line in normalize(line + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_body_sentence_with_a_capitalised_so_is_not_cut() -> None:
    line = "Căn cứ Kế hoạch Số 12/KH-UBND ngày 3/4/2020 của UBND huyện An Phú, ngày 5 tháng 4 năm 2020 họp."
    assert line in normalize("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\n" + line)


def test_bug_caps_title_after_number_and_date_is_not_the_issuer() -> None:
    _, h = _header("ỦY BAN NHÂN DÂN\nHUYỆN TAM NÔNG\nSố: 12/KH-UBND\nTam Nông, ngày 3 tháng 4 năm 2021\nKẾ HOẠCH:\n"
                   "TỔ CHỨC HỘI THI TÌM HIỂU PHÁP LUẬT\nCăn cứ Luật")
    assert [x[2] for x in h.issuer_lines] == ["ỦY BAN NHÂN DÂN", "HUYỆN TAM NÔNG"]


def test_bug_long_caps_title_wrapped_at_a_narrow_column_is_whole() -> None:
    words = ["THỰC HIỆN ĐỀ ÁN", "BẢO ĐẢM DINH DƯỠNG", "HỢP LÝ VÀ TĂNG", "CƯỜNG HOẠT ĐỘNG", "THỂ LỰC CHO TRẺ EM,",
             "HỌC SINH, SINH VIÊN", "GIAI ĐOẠN 2018 - 2025"]
    _, h = _header("Số: 2/KH-UBND\nKon Tum, ngày 1 tháng 11 năm 2019\nKẾ HOẠCH\n" + "\n".join(words) + "\nThực hiện")
    assert h.title == " ".join(words)


@pytest.mark.parametrize(
    "title",
    ["KỶ NIỆM 95 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM",
     "CHÀO MỪNG QUỐC KHÁNH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
)
def test_bug_state_or_party_named_in_a_caps_title_is_no_motto(title: str) -> None:
    _, h = _header(f"Số: 3/KH-UBND\nAn Phú, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH {title}\nCăn cứ Luật")
    assert h.title == title


def test_register_line_opening_with_the_type_is_not_a_type_and_title() -> None:
    _, h = _header("KẾ HOẠCH Số 45/KH-UBND ngày 3/4/2021 của UBND huyện An Phú về hội thi\nI. MỤC ĐÍCH")
    assert (h.doc_type, h.title) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "Củ Chi, ngày 05 tháng 5 năm 2020",
        "Quận 3, ngày 14/7/2018",
        "UBND XÃ AN PHÚ\tAn Phú, ngày 02 tháng 3 năm 2021",
        "Củ Chi, Ngày 05 tháng 5 năm 2020",
        "Củ Chi, NGÀY 05 THÁNG 5 NĂM 2020",
        "Củ Chi, ngay 05 thang 5 nam 2020",
        "KẾ HOẠCH",
        "",
        # (the search starts at the run of place characters before the first comma)
        "Số: 12/KH-UBND Củ Chi, ngày 05 tháng 5 năm 2020",
        "An Phú, Củ Chi, ngày 05 tháng 5 năm 2020",
        "Căn cứ Kế hoạch số 12, ngày 05 tháng 5 năm 2020, Củ Chi, ngày 06 tháng 5 năm 2020",
        "(Củ Chi), ngày 05 tháng 5 năm 2020",
        "xxAn Phú, ngày 05 tháng 5 năm 2020",
        "TP. Hồ Chí Minh , ngày 01 tháng 02 năm 2022",
        "Thành phố\u00a0Hồ Chí Minh,\u2003ngày 01 tháng 02 năm 2022",
        "Quận 3, ngày 14/7/2018, Quận 4, ngày 15/7/2018",
        ", ngày 05 tháng 5 năm 2020",
        "Củ Chi,ngày 05 tháng 5 năm 2020",
        "ngày 05 tháng 5 năm 2020, Củ Chi",
        "Hà Nội, Hà Nội, ngày 9 tháng 12 năm 2015",
        "Ꙁ\u0558 Chi, ngày 05 tháng 5 năm 2020",
    ],
)
def test_place_date_word_gate_finds_what_the_pattern_finds(line: str) -> None:
    # The substring test before PLACE_DATE is a shortcut only: on every line it answers as the search does.
    for pos in (0, 3, 10):
        got, want = find_place_date(line, pos), PLACE_DATE.search(line, pos)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


# Each line pattern of the header is tried only on a line holding a literal that every match of it holds:
# (tested call, bare call). On every line the tested call must answer exactly as the bare one.
_GATED = [
    (match_body_start, BODY_START.match),
    (search_motto, MOTTO.search),
    (match_number_line, NUMBER_LINE.match),
    (match_vv_line, VV_LINE.match),
    (header._type_with_title, TYPE_WITH_TITLE.match),
    (header._bare_date_line, header._BARE_DATE_LINE.match),
    (header._type_line, lambda s: TYPE_LINE.match(s) or (TYPE_LINE_COLON.match(s) if s.endswith(":") else None)),
]
_GATE_LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam", "cộng hoà xã hội chủ nghĩa việt nam",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "Độc lập - Tự do - Hạnh phúc", "độc lập tự do hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "đoàn tncs hồ chí minh",
    "UBND HUYỆN X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CO\u0302\u0323NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 12/KH-UBND", " \tSố 45-KH/HU", "Số:   /KH-UBND", "số: 12/KH-UBND", "SỐ: 12/KH-UBND", "\u00a0Số: 12/KH-UBND",
    "V/v tổ chức hội thi", "v/v tổ chức", "V/V TỔ CHỨC", "Về việc tổ chức", "\tVề  việc tổ chức", "về việc tổ chức",
    "Vềviệc", "KẾ HOẠCH", "  KẾ HOẠCH  ", "\tKẾ HOẠCH", "KẾ HOẠCH:", "KẾ HOẠCH LIÊN TỊCH", "KẾT LUẬN", "QUYẾT ĐỊNH:",
    "KẾ HOẠCH TỔ CHỨC HỘI THI GIÁO VIÊN GIỎI", "KẾ HOẠCH Phát động phong trào thi đua", "Kế hoạch", "KẾHOẠCH",
    "HƯỚNG DẪN:", "THÔNG TƯ LIÊN TỊCH", "\u00a0KẾ HOẠCH", "Ngày 05 tháng 5 năm 2020", "ngày   tháng 3 năm 2023",
    " Ngày 5 tháng 5 năm 2020 ", "NGÀY 05 THÁNG 5 NĂM 2020", "Củ Chi, ngày 05 tháng 5 năm 2020", "", " ", "\t",
    "Căn cứ Luật Tổ chức chính quyền địa phương", "I. MỤC ĐÍCH", "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI",
]


@pytest.mark.parametrize("line", _GATE_LINES)
@pytest.mark.parametrize(("gated", "bare"), _GATED)
def test_line_gates_answer_as_the_patterns_do(gated, bare, line: str) -> None:  # type: ignore[no-untyped-def]
    got, want = gated(line), bare(line)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def test_motto_marks_are_the_only_spellings_of_their_letters() -> None:
    # MOTTO is case-insensitive: its gate holds only if "Ộ" and "Ồ" match no other character under it.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert sorted(set(re.findall(r"(?i)[ỘỒ]", every))) == sorted("ỘộỒồ")


@pytest.mark.parametrize("kind", sorted(HEADING_TYPES))
def test_every_type_line_opens_with_a_type_head(kind: str) -> None:
    for line in (kind, f"\t{kind} ", f"{kind}:", f"{kind} LIÊN TỊCH", f"{kind} VỀ VIỆC TỔ CHỨC HỘI THI"):
        want = TYPE_LINE.match(line) or TYPE_LINE_COLON.match(line) or TYPE_WITH_TITLE.match(line)
        assert want is None or line.lstrip(" \t").startswith(header._TYPE_HEADS)
    assert header._type_line(kind) is not None


_GATE_PIECES = [*_GATE_LINES, "CỘNG", "HÒA", "Ộ", "ồ", "Số", "ngày", "gày", "V/", "Về", "việc", "KẾ", "HOẠCH", ":", "-",
                ",", ", ngày 5 tháng 6 năm 2021", "TP. ", "Thành phố ", "Quận 3", "/", " ", "12", ".", "'"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_GATE_PIECES), st.text(max_size=6)), max_size=8).map("".join))
def test_line_gates_answer_as_the_patterns_do_on_any_line(line: str) -> None:
    for gated, bare in _GATED:
        got, want = gated(line), bare(line)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_GATE_PIECES), st.text(max_size=6)), max_size=8).map("".join),
       st.integers(min_value=0, max_value=30))
def test_place_date_search_from_the_place_run_finds_what_the_search_finds(line: str, pos: int) -> None:
    got, want = find_place_date(line, pos), PLACE_DATE.search(line, pos)
    assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


def _caps_by_letter(line: str) -> bool:
    # The caps test letter by letter: the oracle of its shortcut.
    letters = [c for c in line if c.isalpha()]
    return len(line) < 100 and len(letters) >= 2 and all(c.isupper() for c in letters)


@pytest.mark.parametrize(
    "line",
    ["ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "A", "AB", "A1B", "中文", "AB 中", "ǅA", "AǅB", "ⓐAB", "ⅡAB", "ABª", "ß",
     "ẞẞ", "ΣΑ", "ÀÁ\u0301", "A\u0301B", "", "12/KH-UBND", "KH-UBND", "SỐ: 12", "ĐOÀN TNCS HỒ CHÍ MINH", "X" * 120],
)
def test_caps_fragment_shortcut_answers_as_letter_by_letter(line: str) -> None:
    assert header._caps_fragment(line) == _caps_by_letter(line)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=12))
def test_caps_fragment_shortcut_answers_as_letter_by_letter_on_any_line(line: str) -> None:
    assert header._caps_fragment(line) == _caps_by_letter(line)


def test_body_start_opens_only_with_the_characters_of_its_gate() -> None:
    # A match opens with the line's first character, so that character alone matches BODY_START partially
    # (and an empty line never matches): the gate's set is exactly those characters.
    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    firsts = {c for c in every if BODY_START.match(c, partial=True)}
    assert firsts == set(BODY_START_FIRSTS)
    assert BODY_START.match("") is None


def _cells_of_one_read(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return header._cells(lines_between(text, start, end, limit=header._HEADER_LINES))


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "A", "A\nB", "\n".join(f"L{i}" for i in range(12)), "\n".join(f"L{i}" for i in range(24)),
     "\n".join(f"L{i}" for i in range(40)), "\n\n".join(f"L{i}" for i in range(30)) + "\n",
     "\n".join(f"A{i}\tB{i}\t\t" if i % 3 else "\t \t" for i in range(30)), "\n" * 12 + "X\nY"],
)
def test_header_read_in_parts_gives_the_cells_of_one_read(text: str) -> None:
    for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 5)), (3, 3)):
        assert list(header._header_cells(text, start, end)) == _cells_of_one_read(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", "A", "B\tC", "\t", " ", "KẾ HOẠCH", "\t\t"]), max_size=60).map("\n".join),
       st.integers(0, 20), st.integers(0, 400))
def test_header_read_in_parts_gives_the_cells_of_one_read_on_any_text(text: str, start: int, cut: int) -> None:
    end = max(start, len(text) - cut)
    assert list(header._header_cells(text, start, end)) == _cells_of_one_read(text, start, end)
