import pytest

from extractor.extraction.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Số: ⁴²⁷/KH-UBND", "Số: 427/KH-UBND"),
        ("Số: １２/TB-UBND", "Số: 12/TB-UBND"),
        ("Uỷ ban nhân dân xã Hoà Bình", "Ủy ban nhân dân xã Hòa Bình"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("văn hoá, thuỷ lợi, quý, khuya", "văn hóa, thủy lợi, quý, khuya"),
        ("giai đoạn 2021 – 2025 — hết", "giai đoạn 2021 - 2025 - hết"),
        ("Số: 12/KH‑UBND", "Số: 12/KH-UBND"),
        ("**TM. ỦY BAN NHÂN DÂN**", "TM. ỦY BAN NHÂN DÂN"),
        ("mô hình “*Dân vận khéo*” năm nay", "mô hình “Dân vận khéo” năm nay"),
        ("* mục một", "- mục một"),
        ("1\\. Mục đích", "1. Mục đích"),
        ("Số: 5\\r\\nKẾ HOẠCH\\r\\nPhát động", "Số: 5\nKẾ HOẠCH\nPhát động"),
        ("a\u200bb\ufeffc", "abc"),
        ("[bookmark: x1]Thực hiện", "Thực hiện"),
    ],
)
def test_character_level_cases(raw: str, expected: str) -> None:
    assert normalize(raw) == expected + "\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a sentence wrapped by hand continues in lower case
        ("Căn cứ Kế hoạch số 5/KH-UBND ngày 02 tháng 3\nnăm 2021 của UBND tỉnh.", 1),
        # page-break wrap: a blank line inside a sentence after a comma
        ("không để xảy ra trường hợp cán bộ,\n\ncông chức vi phạm.", 1),
        # the header place wrapped before its date
        ("Thành phố Hồ Chí\nMinh, ngày 05 tháng 6 năm 2021", 1),
        # list items and new sentences stay on their own lines
        ("Đối tượng:\na) Tập thể\nb) Cá nhân", 3),
        ("- Mục tiêu một;\n- mục tiêu hai.", 2),
        ("Kết thúc câu.\nbắt đầu dòng mới", 2),
        ("KẾ HOẠCH\nphát động thi đua", 2),
    ],
)
def test_line_wraps(raw: str, expected: int) -> None:
    assert len(normalize(raw).strip().split("\n")) == expected


def test_idempotent() -> None:
    raw = "Uỷ ban\n\n\n\n**Số: ⁵/KH**\nCăn cứ văn bản ngày 1 tháng 2\nnăm 2020."
    once = normalize(raw)
    assert normalize(once) == once


def test_bug_trailing_spaces_and_runs_of_spaces_collapse() -> None:
    assert normalize("Nơi nhận:      \n- Như trên;   ") == "Nơi nhận:\n- Như trên;\n"


def test_bug_underscore_italics_removed_but_not_inside_words() -> None:
    got = normalize("_Củ Chi, ngày 5 tháng 5 năm 2020_ mã loai_1_name")
    assert got == "Củ Chi, ngày 5 tháng 5 năm 2020 mã loai_1_name\n"


def test_bug_organ_wrapped_before_its_unit_word() -> None:
    got = normalize("đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân\nThành phố. Mỗi đơn vị gửi hồ sơ.")
    assert got == "đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố. Mỗi đơn vị gửi hồ sơ.\n"


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("Căn cứ Hướng dẫn của Sở Giáo dục và\nĐào tạo tỉnh Nghệ An.", 1),
        ("theo Kế hoạch số\n09/KH-TH ngày 05 tháng 9 năm 2024.", 1),
        ("Các nội dung chính gồm các\n- mục một;", 2),
        ("Năm học này thực hiện tốt.\nĐào tạo giáo viên.", 2),
    ],
)
def test_bug_line_cannot_end_on_a_connector(raw: str, lines: int) -> None:
    assert len(normalize(raw).strip().split("\n")) == lines


def test_bug_title_ending_in_chuyen_doi_so_is_not_joined_with_the_basis() -> None:
    text = normalize("KẾ HOẠCH\nTriển khai chuyển đổi số\nCăn cứ Luật Giao dịch điện tử;\nKế hoạch số\n09/KH-TH")
    want = ["Triển khai chuyển đổi số", "Căn cứ Luật Giao dịch điện tử;", "Kế hoạch số 09/KH-TH", ""]
    assert text.split("\n")[1:] == want


# "qu" + a toned a/e/y is the right spelling ("quả", "quý"): normalize keeps it without loading underthesea.
_QU_WORDS = ["qu" + v for v in "àáảãạèéẻẽẹỳýỷỹỵ"]


@pytest.mark.parametrize("word", _QU_WORDS)
def test_qu_words_are_what_underthesea_keeps(word: str) -> None:
    from underthesea.pipeline.text_normalize.token_normalize import token_normalize

    assert token_normalize(word) == word
    assert normalize(f"Kết {word} {word.upper()}") == f"Kết {word} {word.upper()}\n"


def test_bug_underthesea_imported_for_every_qua() -> None:
    import subprocess
    import sys

    probe = ("import sys; from extractor.extraction.normalize import normalize; "
             "assert normalize('Kết quả quá tốt, quý, quỹ') == 'Kết quả quá tốt, quý, quỹ\\n'; "
             "print('underthesea' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert normalize("Uỷ ban hoà giải") == "Ủy ban hòa giải\n"


@pytest.mark.parametrize("raw", ["|", "| |", "|\n|", "- 2 -", "Trang 2/5\n\n|  |"])
def test_bug_text_of_table_bars_or_a_page_mark_alone_does_not_crash(raw: str) -> None:
    assert normalize(raw) == "\n"  # (as a text of blank lines: every line was dropped)
