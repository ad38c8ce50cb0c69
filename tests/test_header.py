import pytest

from extractor.fields.header import parse_header
from extractor.normalize import normalize


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
