"""Fast paths of normalisation and splitting agree with the slower forms they replace.

Each fast path (a pattern rewritten so its scan can skip ahead, a pass skipped when a cheap test proves it
changes nothing) is pinned here against the plain form, on the edge cases its proof rests on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from extractor.extraction import header_layout, ocr_text, segment
from extractor.extraction.restore import _cased, misread
from extractor.extraction.vocab.layout import APPENDIX_LINE, HEADER_PHRASES, KEM_THEO, PLACE_DATE, PLACE_DATE_HINT
from extractor.extraction.vocab.page_hints import HINT_WINDOW, PAGE_HINTS, page_hinted
from tests.test_layout_hints import _seam_by_every_phrase

# The split-number pattern as first written: the word looked behind for before the digits.
_SPLIT_NUMBER_LOOKBEHIND = re.compile(r"(?:(?<=\bSố)|(?<=\bsố)|(?<=\bSỐ))(?::\s*|\s+)(\d{1,4}(?: \d{1,4})+)(?=\s?/)")


@pytest.mark.parametrize("text", [
    "Số: 1 52/KH-UBND", "Số: 2 15 /KH-UBND", "số 1 2/", "SỐ:  12 3 /QĐ", "Số 1 2 3/x",  # split numbers
    "aSố 1 2/", "ĐSố: 1 2/", "_Số 1 2/", "1Số 1 2/",  # a word character before the word: no "\b"
    " Số 1 2/", "(Số: 1 2/", "-Số 1 2/", "\nSố\t1 2/",  # a non-word character or a line before it
    "Số:1 2/", "Số1 2/", "Số: 12/", "Số: 1 2", "Số: 1 2 /", "Số: 1 2  /",  # colon, no space, no slash
    "Số: 1 2/ Số: 3 4/", "Số Số 1 2/", "SốSố 1 2/", "Số: 12345 6/", "Số: 1 23456/",  # repeats, long groups
    "SỐ 1 2/", "sỐ 1 2/", "Sô 1 2/", "ngày 1 2/3", "",
])
def test_split_number_scan_finds_what_the_lookbehind_form_finds(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
        return [(m.start(1), m.end(1), m.group(1)) for m in pattern.finditer(text)]

    assert found(ocr_text._SPLIT_NUMBER) == found(_SPLIT_NUMBER_LOOKBEHIND)


def test_split_number_scan_finds_the_number_groups() -> None:
    assert [m.group(1) for m in ocr_text._SPLIT_NUMBER.finditer("Số: 1 52/KH và số 2 15 /KH, aSố 3 4/")] == [
        "1 52", "2 15"]


def _page_hinted_by_both_ends(text: str) -> bool:
    ends = (text[:HINT_WINDOW] + "\n" + text[-HINT_WINDOW:]).lower()
    return any(hint in ends for hint in PAGE_HINTS)


_W = HINT_WINDOW


@pytest.mark.parametrize("text", [
    "", "Trang chủ", "TRANG CHỦ | Tin tức", "Kế hoạch số 12", "x" * (_W - 9) + "trang chủ",  # short texts
    "trang chủ" + "x" * (_W - 9), "trang chủ" + "x" * (_W - 8), "x" * (_W - 8) + "trang chủ",  # at the window's edge
    "x" * (_W - 4) + "trang chủ" + "x" * (_W - 4),  # across the end of the first window, inside the last
    "x" * (_W - 4) + "trang chủ" + "x" * _W,  # across the first window's end only: not found
    "x" * _W + "lượt xem" + "x" * _W,  # in the middle of a long text: not found
    "Σ" * (_W - 1) + "\nzalo", "zalo" + "y" * (2 * _W), "y" * (2 * _W) + "©", "y" * _W,
])
def test_page_hint_is_looked_for_once_in_a_short_text(text: str) -> None:
    assert page_hinted(text) == _page_hinted_by_both_ends(text)


def test_no_page_hint_holds_a_line_break() -> None:
    assert not any("\n" in hint for hint in PAGE_HINTS)  # (what looking at a short text once rests on)


@pytest.mark.parametrize("text", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND",
    "\n\n  CỘNG\n\ncộng đồng\nx Cộng\nĐOÀN TNCS\nĐỘC LẬP\n", "CỘNGCỘNG\nỘc lập\nộc lập", "Cộng", "", "\n",
    "a\nb\nc", "ộc\nlập", "TNC\nS", "xxx\n\n\nTNCS",  # a hint cut by a line break is none
])
def test_motto_hinted_lines_are_the_lines_holding_a_hint(text: str) -> None:
    lines = segment._lines(text)
    expected = {i for i, (_s, _e, line) in enumerate(lines) if any(h in line for h in segment._MOTTO_HINTS)}
    assert segment._motto_hinted(lines, text) == expected


# (values as the scan of every word gave them: lines without a word to look at are now passed unread)
@pytest.mark.parametrize(("text", "enough", "expected"), [
    ("ĐẲNG CỘNG SẢN VIỆT NAM", 1, True), ("ĐẲNG CỘNG SẢN VIỆT NAM", 2, False),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", 1, False),
    ("Kế hoạch\nSô: 12/KH-UBND", 1, True), ("UBND HUYỆN X\n\nSố: 12/KH-UBND\nUy ban nhân đân", 1, True),
    ("Chú tịch\nỦy ban nhân dân", 1, True), ("Chú tịch\nỦy ban nhân dân", 2, False),
    ("Ké hoạch\nnám 2022\nChú tịch", 2, True), ("Kết quà", 1, True),
    ("UY BAN\nNHÂN ĐÂN", 1, True),  # an entry read across two lines
    ("Hà Nội, ngày 5 tháng 3 năm 2020\nKẾ HOẠCH", 1, False), ("x\ny\nz\nĐẲNG", 1, False), ("", 1, False),
    ("\n\n", 1, False), ("Sô", 1, True), ("sô liệu\nSô: 5", 2, True),
])
def test_misread_passes_lines_without_a_word_to_look_at(text: str, enough: int, expected: bool) -> None:
    assert misread(text, enough) is expected


def test_whole_header_lines_are_left_whole() -> None:
    whole = header_layout._whole_lines()
    assert {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH",
            "QUYẾT ĐỊNH"} <= whole
    assert all(header_layout._pieces(line) == [line] for line in whole)
    assert whole <= {*HEADER_PHRASES, *header_layout._SPACED_TYPES.values()}


@pytest.mark.parametrize(("text", "split"), [
    ("UBND HUYỆN X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nThi đua",
     "UBND HUYỆN X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nThi đua"),
    ("UBND HUYỆN X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH",  # a flattened line is still cut
     "UBND HUYỆN X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH"),
])
def test_split_flattened_with_whole_lines(text: str, split: str) -> None:
    assert header_layout.split_flattened(text) == split


@pytest.mark.parametrize(("a", "b"), [
    ("CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"), ("Độc lập - Tự do -", "Hạnh phúc"), ("Độc lập -Tự", "do - Hạnh phúc"),
    ("ĐỘC LẬP-", "TỰ DO"), ("KẾ:", "HOẠCH"), ("a-KẾ", "HOẠCH:"), ("CỘNG  ", "HÒA-XÃ HỘI"), ("ỦY BAN", "  NHÂN DÂN"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), ("KẾ HOẠCH", "- Căn cứ"), ("lập", "-"),
    ("Độc lập", "- Tự do"), ("ỦY", "BAN.NHÂN"), ("x Độc", "lập"), ("QUYẾT", "ĐỊNH:"), ("Số:", "12/KH"),
])
def test_seam_found_from_the_words_at_the_seam(a: str, b: str) -> None:
    assert header_layout._seam_inside_phrase(a, b) == _seam_by_every_phrase(a, b)


@pytest.mark.parametrize(("spelling", "written", "keep_marks", "cased"), [
    ("căn cứ", "Can cu", True, "Căn cứ"), ("căn cứ", "CAN CU", True, "CĂN CỨ"), ("căn cứ", "can cu", True, "căn cứ"),
    ("ủy ban nhân dân", "UY BAN nhan DAN", True, "ỦY BAN nhân DÂN"), ("qđ-ubnd", "QD-UBND", True, "QĐ-UBND"),
    ("chủ tịch", "CHu tIch", False, "CHủ tỊch"), ("hà nội", "Hà Noi", True, "Hà Nội"),  # a written mark stays
    ("hà nội", "Hà Noi", False, "Hà Nội"), ("σας", "SAS", True, "ΣΑΣ"), ("σας", "Sas", True, "Σας"),
    ("İstanbul", "ISTANBUL", True, "İSTANBUL"), ("straße", "STRASS", True, "STRASSE"),
])
def test_cased_spelling_on_the_written_letters(spelling: str, written: str, keep_marks: bool, cased: str) -> None:
    assert _cased(spelling, written, keep_marks) == cased


def test_cased_spelling_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError):
        _cased("căn cứ", "Can c", True)


def test_every_space_of_regex_is_a_stdlib_space() -> None:
    # (what a stdlib hint with "\s" in front of a `regex` pattern rests on; no space lies past the BMP)
    spaces = regex.compile(r"\s")
    assert all(re.match(r"\s", chr(c)) for c in range(0x10000) if spaces.match(chr(c)))


@pytest.mark.parametrize("line", [
    "Củ Chi, ngày 05 tháng 5 năm 2020", "Đắk Mil ,  ngày 1/2/2023", "TP. Huế,ngày … tháng … năm 2024",
    "Hà Nội,\u2003ngày 5 tháng 3 năm 2020", "Hà Nội\u00a0, ngày 5 tháng 3 năm 2020", "Hà Nội, Ngày 5 tháng 3 năm 2020",
    "theo Kế hoạch ngày 05/3/2021", "Hà Nội ngày 5 tháng 3 năm 2020", "Hà Nội,\x1cngày 5 tháng 3 năm 2020",
])
def test_place_date_hint_admits_every_place_date(line: str) -> None:
    if PLACE_DATE.search(line):
        assert PLACE_DATE_HINT.search(line)
    assert segment._marker(line, False) == ("date" if PLACE_DATE.search(line) else None)


_APPENDIX_LINES = ["Phụ lục 1", "PHỤ LỤC II", "(Phụ lục kèm theo)", "  Biểu 3", "BIỂU MẪU SỐ 01", "Biên II", "Mẫu số 2",
                   "mẫu 5", "Tên đơn vị: ...", "TÊN CƠ QUAN", "Đơn vị:", "ĐƠN VỊ :", "\t(Biểu số 4)"]
_KEM_THEO_LINES = ["(Kèm theo Kế hoạch số 12/KH-UBND)", "KÈM THEO QUYẾT ĐỊNH", "Ban hành kèm theo Quyết định số 5",
                   "(ban hành KÈM theo Công văn)", " kèm theo Kế hoạch"]
_ROOT = Path(__file__).resolve().parent.parent


def test_appendix_hints_admit_every_appendix_line() -> None:
    corpus = [line.strip() for path in sorted((_ROOT / "corpus").glob("*.txt"))
              for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    for line in [*_APPENDIX_LINES, *_KEM_THEO_LINES, *corpus]:
        if APPENDIX_LINE.match(line):
            assert line.lstrip(" \t(").startswith(segment._APPENDIX_HEADS), line
        if KEM_THEO.match(line):
            assert "è" in line or "È" in line, line
    assert all(APPENDIX_LINE.match(line) for line in _APPENDIX_LINES)
    assert all(KEM_THEO.match(line) for line in _KEM_THEO_LINES)
