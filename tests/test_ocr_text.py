"""Character damage of OCR engines and bad exports: letters read for digits, detached or spacing marks,
vocabulary misread with a wrong tone or hat, page furniture inside the text."""

from __future__ import annotations

import unicodedata

import pytest

from extractor.extraction.normalize import normalize, normalize_noted
from extractor.extraction.ocr_text import digit_edits, drop_page_furniture, repair_marks
from extractor.extraction.pipeline import extract_text


def _body(text: str) -> str:
    return normalize(text).strip()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("ngày 2O tháng 1O năm 2O21", "ngày 20 tháng 10 năm 2021"),
        ("Căn cứ Kế hoạch số 2O7/KH-UBND ngày 1l/1O/2021;", "Căn cứ Kế hoạch số 207/KH-UBND ngày 11/10/2021;"),
        ("- Phấn đấu 9O% hộ gia đình.", "- Phấn đấu 90% hộ gia đình."),
        ("- Đạt từ 7S% trở lên.", "- Đạt từ 75% trở lên."),
        ("- Phấn đấu 1OO% văn bản.", "- Phấn đấu 100% văn bản."),
        ("không quá 0l tập thể và không quá l0 cá nhân", "không quá 01 tập thể và không quá 10 cá nhân"),
        ("Krông Pắc, ngày O8 tháng 6 năm 2022", "Krông Pắc, ngày 08 tháng 6 năm 2022"),
        ("Tặng Giấy khen cho O3 tập thể và O5 cá nhân.", "Tặng Giấy khen cho 03 tập thể và 05 cá nhân."),
        ("Số: 1 52/KH-UBND", "Số: 152/KH-UBND"),
        ("Số: 2 15 /KH-UBND", "Số: 215 /KH-UBND"),
    ],
)
def test_letters_and_spaces_inside_numbers(written: str, read: str) -> None:
    assert _body(written) == read


@pytest.mark.parametrize(
    "written",
    [
        "Số: 05 /KH-UBND",  # a number typed into the blank before the symbol
        "Áp dụng phương pháp 5S tại nơi làm việc.",  # a word, not 55
        "Mỗi hộ dự trữ 5l nước sạch.",  # litres
        "Giảm phát thải CO2 và O2 trong phòng học.",
        "Mục II, Điều lI của Quy chế.",
    ],
)
def test_letters_that_stay_letters(written: str) -> None:
    assert _body(written) == written
    assert digit_edits(written) == []


def test_bug_digit_repairs_keep_the_raw_text() -> None:
    text, notes = normalize_noted("Phấn đấu 9O% hộ gia đình trước ngày 3O/12/2O21.\n")
    assert [(text[n.start : n.end], n.raw) for n in notes] == [("90%", "9O%"), ("30/12/2021", "3O/12/2O21")]


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (_nfd("Pha") + " \u0302\u0301n " + _nfd("đa") + " \u0302\u0301u", "Phấn đấu"),  # marks after a space
        (_nfd("Căn cư") + "\n\u0301 " + _nfd("Kế hoạch"), "Căn cứ Kế hoạch"),  # cut off by a line break
        ("nga\u02cby 14 tuyê\u02can phô\u02ca", "ngày 14 tuyến phố"),  # spacing modifier tone letters
        ("giư\u02dc gi\u02cbn", "giữ gìn"),
        ("không qua\u0301\u0301 02", "không quá 02"),  # a doubled mark
        ("vă\u01f9 minh", "văn minh"),  # a tone on a consonant ("ǹ")
        ("ho\u0302 \u0323 dân", "hộ dân"),  # two marks of one letter, a space between them
    ],
)
def test_detached_and_stray_marks(written: str, read: str) -> None:
    assert repair_marks(written) == read


def test_clean_text_has_no_mark_to_repair() -> None:
    text = "Ủy ban nhân dân xã Tân Phú, ngày 20 tháng 10 năm 2021: Phấn đấu 90% hộ."
    assert repair_marks(text) is text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("ĐẲNG CỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("ĐẲNG BỘ HUYỆN PHÚ GIÁO", "ĐẢNG BỘ HUYỆN PHÚ GIÁO"),
        ("UY BAN NHÂN ĐÂN", "ỦY BAN NHÂN DÂN"),
        ("Ké HOẠCH", "KẾ HOẠCH"),
        ("KÉ HOẠCH", "KẾ HOẠCH"),
        ("KT. CHÚ TỊCH", "KT. CHỦ TỊCH"),
        ("PHÓ CHỦ TICH", "PHÓ CHỦ TỊCH"),
        ("Sô: 18-KH/ĐU", "Số: 18-KH/ĐU"),
        ("Sô:\n45/KH-UBND", "Số:"),  # the number on the next line
        ("An Bình, ngày 06 thảng 4 nám 2022", "An Bình, ngày 06 tháng 4 năm 2022"),
    ],
)
def test_vocabulary_misread_with_a_wrong_tone_or_hat(written: str, read: str) -> None:
    # a misread is looked for when the header or the signature shows one: put the line in a header
    text = f"ĐẲNG CỘNG SẢN VIỆT NAM\n{written}\n"
    assert _body(text).split("\n")[1] == read


@pytest.mark.parametrize(
    "written",
    [
        "Tuyên truyền bảo vệ môi trường xanh.",  # "mỗi trường" folds alike, "môi trường" is a word
        "Văn bản kế hoạch gửi kèm.",
        "Thủ trưởng các cơ quan, đơn vị.",
        "Giao Ban Văn hóa - Thông tin xã chủ trì.",
        "Lâm Thị Thủy",
        "Nguyễn Văn Năm",
    ],
)
def test_valid_spellings_and_names_stay(written: str) -> None:
    text = f"ĐẲNG CỘNG SẢN VIỆT NAM\n{written}\n"
    assert _body(text).split("\n")[1] == written


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        (["phấn đấu 85% học sinh", "", "- 2 -", "", "tham gia ngày hội."],
         ["phấn đấu 85% học sinh", "tham gia ngày hội."]),
        (["Từ ngày 20/02/2023.", "Trang 2/3", "III. KHEN THƯỞNG"], ["Từ ngày 20/02/2023.", "III. KHEN THƯỞNG"]),
        (["gửi hồ sơ trước ngày", "", "3", "", "25/5/2023."], ["gửi hồ sơ trước ngày", "25/5/2023."]),
        (["STT", "1", "Trường A", "2", "Trường B"], ["STT", "1", "Trường A", "2", "Trường B"]),  # table cells
        (["Số lượng:", "12", "tập thể."], ["Số lượng:", "12", "tập thể."]),
        (["TT\tTên tập thể", "1", "2"], ["TT\tTên tập thể", "1", "2"]),  # a table's numbering column
        (["Giao cho các đơn vị", "2", "trường học"], ["Giao cho các đơn vị", "2", "trường học"]),  # no blank line
    ],
)
def test_page_furniture(lines: list[str], kept: list[str]) -> None:
    assert drop_page_furniture(lines) == kept


def test_bug_page_number_between_sentence_halves_is_dropped_and_the_sentence_joined() -> None:
    text = ("KẾ HOẠCH\nVề việc thi đua\n\nCác trường gửi hồ sơ đề nghị về Phòng trước ngày\n\n3\n\n25/5/2023.\n"
            "\nTRƯỞNG PHÒNG\n\nLê Văn An\n")
    assert "Các trường gửi hồ sơ đề nghị về Phòng trước ngày 25/5/2023.\n" in normalize(text)


def test_bug_party_motto_read_with_a_wrong_hat_is_not_the_issuer() -> None:
    text = ("ĐẲNG BỘ HUYỆN PHÚ GIÁO\nĐẢNG ỦY XÃ AN BÌNH\n*\nSô: 18-KH/ĐU\nĐẲNG CỘNG SẢN VIỆT NAM\n"
            "An Bình, ngày 06 thảng 4 nám 2022\n\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2022\n")
    doc = extract_text(text)[1][0]
    assert (doc.number, str(doc.issued_date)) == ("18-KH/ĐU", "2022-04-06")
    assert doc.issuer is not None and doc.issuer.name == "Đảng ủy xã An Bình"


def test_bug_space_inside_document_number() -> None:
    doc = extract_text("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 1 52/KH-UBND\nTân Phú, ngày 20 tháng 10 năm 2021\n"
                       "KẾ HOẠCH\nRa quân vệ sinh\n")[1][0]
    assert doc.number == "152/KH-UBND"


@pytest.mark.parametrize("province", ["Thanh Hoa", "Phu Yen", "Quang Binh", "Yen Bai"])
def test_bug_ascii_province_spelt_two_ways_does_not_crash(province: str) -> None:
    # their units spell the name two ways ("Thanh Hóa" / "Thanh Hoá"), so no one spelling is restored
    text = f"Can cu Ke hoach so 12/KH-UBND ngay 05/3/2021 cua So Noi vu {province} ve viec thi dua\n"
    assert province in normalize(text)
