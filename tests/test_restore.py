"""Restoring lost and broken diacritics (extraction/restore.py): offsets kept, vocabulary only, raw recoverable."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from extractor.extraction.fold import fold_accents
from extractor.extraction.normalize import normalize, normalize_noted
from extractor.extraction.pipeline import extract_text
from extractor.extraction.readers import read_file
from extractor.extraction.restore import _cased, misread, restore_line
from tests.contract import header, lists


@pytest.mark.parametrize(("text", "folded"), [
    ("Quyết định", "quyet dinh"), ("ĐẢNG ỦY", "dang uy"), ("Ủy ban", "uy ban"), ("İ", "i"), ("Phịng", "phing"),
])
def test_fold_accents_keeps_length(text: str, folded: str) -> None:
    assert fold_accents(text) == folded


@pytest.mark.parametrize(("written", "restored"), [
    ("KE HOACH", "KẾ HOẠCH"),
    ("UY BAN NHAN DAN HUYEN LAC DUONG", "ỦY BAN NHÂN DÂN HUYỆN LẠC DƯƠNG"),
    ("UBND HUYEN LAC DUONG", "UBND HUYỆN LẠC DƯƠNG"),
    ("Can cu Quyet dinh so 12/QD-UBND ngay 05/3/2021 cua UBND tinh;",
     "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2021 của UBND tỉnh;"),
    ("So: 05/KH-UBND", "Số: 05/KH-UBND"),
    ("Ha Noi, ngay 02 thang 3 nam 2016", "Hà Nội, ngày 02 tháng 3 năm 2016"),
    ("TM. UY BAN NHAN DAN", "TM. ỦY BAN NHÂN DÂN"),
    ("CHU TICH", "CHỦ TỊCH"),
    ("tang Giay khen cho khong qua 04 tap the", "tặng Giấy khen cho không quá 04 tập thể"),
    ("dat tu 45% tro len; duoi 12%", "đạt từ 45% trở lên; dưới 12%"),
    ("gui truoc ngay 15/11/2019", "gui trước ngày 15/11/2019"),
    ("Tu ngay 01/4/2019 den ngay 31/10/2019", "Từ ngày 01/4/2019 đến ngày 31/10/2019"),
    ("Thong tu so 22/2013/TT-BGDDT cua Bo Giao duc va Dao tao",
     "Thông tư số 22/2013/TT-BGDĐT của Bộ Giáo dục và Đào tạo"),
    ("So Giao duc va Dao tao Ha Noi", "Sở Giáo dục và Đào tạo Hà Nội"),
    ("PHONG GD&DT HUYEN BO TRACH", "PHÒNG GD&ĐT HUYỆN BỐ TRẠCH"),
    ("Noi nhan:", "Nơi nhận:"),
    # one case of each vocabulary family: sections, award forms, time words, symbols, comparators, places
    ("I. MUC DICH, YEU CAU", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("V. TO CHUC THUC HIEN", "V. TỔ CHỨC THỰC HIỆN"),
    ("IV. KHEN THUONG", "IV. KHEN THƯỞNG"),
    ("danh hieu Lao dong tien tien, Chien si thi dua co so", "danh hiệu Lao động tiên tiến, Chiến sĩ thi đua cơ sở"),
    ("tang Co thi dua cua UBND tinh", "tặng Cờ thi đua của UBND tỉnh"),
    ("cham nhat ngay 20/12/2020", "chậm nhất ngày 20/12/2020"),
    ("giai doan 2021 - 2025", "giai đoạn 2021 - 2025"),
    ("So 12-KH/DU", "Số 12-KH/ĐU"),
    ("537/GDDT-VP", "537/GDĐT-VP"),
    ("TT HDND huyen", "TT HĐND huyện"),
    ("tu ngay 01/4/2020 den ngay 30/9/2020", "từ ngày 01/4/2020 đến ngày 30/9/2020"),
    ("PHO CHU TICH", "PHÓ CHỦ TỊCH"),
    ("khong qua 02 tap the; tren 90%; toi da 03", "không quá 02 tập thể; trên 90%; tối đa 03"),
    ("UBND xa Tan Phu", "UBND xã Tân Phú"),
    # broken letters: the one vocabulary word that fits the other letters
    ("Phịng Nội vụ", "Phòng Nội vụ"),  # a font map's wrong tone
    ("TRƯỞNG PHỊNG", "TRƯỞNG PHÒNG"),
    ("của Uû ban nhân dân huyện", "của Ủy ban nhân dân huyện"),  # VNI residue: ủy, not ưu, before "ban"
    # PDF look-alike code points, put right in every word ("nƣớc" is no vocabulary word)
    ("Trƣờng THCS Hƣớng Phùng; nƣớc", "Trường THCS Hướng Phùng; nước"),
    ("ÐẢNG ỦY XÃ; Ðiều 1", "ĐẢNG ỦY XÃ; Điều 1"),
])
def test_lost_diacritics_of_vocabulary_come_back(written: str, restored: str) -> None:
    got, notes = restore_line(written)
    assert got == restored
    assert len(got) == len(written)
    # every rewritten word is noted with what was written there
    assert all(written[n.start : n.end] == n.raw for n in notes)


@pytest.mark.parametrize("written", [
    "Nguyen Van Nam",  # a person's name: "Nam" is not "năm" without a year after it
    "Tran Quang Nam",  # nor a province inside a longer capitalised run
    "Le Thi Thu Ha",
    "vung sau, vung xa",  # "xa" is xã only before a name
    "Dang Thi Minh Nguyet",
    "Tran Van Nam 1980",  # a name before a birth year: no "năm" inside a capitalised run
])
def test_names_and_ambiguous_words_stay_as_written(written: str) -> None:
    assert restore_line(written) == (written, [])


@pytest.mark.parametrize(("written", "restored"), [
    ("Hà Giang, ngày 09 tháng 6 năm 20 21", "Hà Giang, ngày 09 tháng 6 năm 2021"),
    ("ngày 03/6/20 20 của Thủ tướng", "ngày 03/6/2020 của Thủ tướng"),
    ("Căn Quyết định số 205/QĐ-UBND", "Căn cứ Quyết định số 205/QĐ-UBND"),
    ("ngày 20 tháng 10 năm 2021", "ngày 20 tháng 10 năm 2021"),  # a day is not a split year
])
def test_words_and_digits_split_or_dropped_by_extractors(written: str, restored: str) -> None:
    got, notes = restore_line(written)
    assert got == restored
    assert bool(notes) == (got != written)


def test_clean_text_is_left_alone() -> None:
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN LẠC DƯƠNG\nSố: 40/KH-UBND\nLạc Dương, ngày 02 tháng 3 năm 2016\n"
            "KẾ HOẠCH\nThi đua năm 2016\nCăn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2016 của UBND tỉnh;\n")
    got, notes = normalize_noted(text)
    assert got == normalize(text) == text
    assert notes == []


def test_restored_ranges_give_back_the_raw_text() -> None:
    raw = "UBND TINH CA MAU\nSo: 12/KH-UBND\nCa Mau, ngay 08 thang 9 nam 20 15\nKE HOACH\nThi dua\n"
    text, notes = normalize_noted(raw)
    assert text.startswith("UBND TỈNH CÀ MAU\nSố: 12/KH-UBND\nCà Mau, ngày 08 tháng 9 năm 2015\nKẾ HOẠCH")
    undone = text
    for n in reversed(notes):
        undone = undone[: n.start] + n.raw + undone[n.end :]
    assert undone == raw


def test_bug_stray_literal_crlf_in_a_text_with_real_lines_splits_lines() -> None:
    got = normalize("ỦY BAN NHÂN DÂN\\r\\nTỈNH HÀ GIANG\nSố: 1/KH-UBND\n")
    assert got == "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 1/KH-UBND\n"


def test_bug_ascii_header_issuer_comes_out_canonical() -> None:
    raw = ("UBND HUYEN LAC DUONG\nSo: 40/KH-UBND\nLac Duong, ngay 02 thang 3 nam 2016\nKE HOACH\n"
           "Thi dua nam 2016\nI. MUC TIEU\n- Phan dau 100% don vi dang ky thi dua.\n")
    _, (doc,) = extract_text(raw)
    assert doc.doc_type == "Kế hoạch"
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân huyện Lạc Dương"
    assert (doc.number, doc.issued_date, doc.place) == ("40/KH-UBND", "2016-03-02", "Lạc Dương")


def test_record_lists_what_was_restored() -> None:
    from extractor.extraction.pipeline import extract_file

    path = _CORPUS / "r_damaged_font_pnv_muong_te_cai_cach_hanh_chinh.txt"
    record = extract_file(path)
    assert [s.raw for s in record.restored][:4] == ["PHỊNG", "HỊA", "20 20", "Căn"]


@pytest.mark.parametrize(("written", "restored"), [
    ("HUYEN CHU TICH", "HUYỆN CHỦ TỊCH"),  # the phrase, longer than the commune "Chũ" after "HUYEN"
    ("HUYEN BO TRACH", "HUYỆN BỐ TRẠCH"),  # the place, longer than the organ word "Bộ"
    ("cua Bo truong Bo Giao duc va Dao tao", "của Bộ trưởng Bộ Giáo dục và Đào tạo"),
    ("Chu tich Uy ban nhan dan tinh tang Bang khen", "Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen"),
    ("THU TRUONG", "THỨ TRƯỞNG"),  # alone on its line: the deputy minister
    ("Thu truong cac co quan", "Thu truong các cơ quan"),  # Thủ trưởng or Thứ trưởng: left as written
    ("Binh Dinh, ngay thang 3 nam 2024", "Bình Định, ngày tháng 3 năm 2024"),  # a draft's blank day
])
def test_bug_overlapping_phrases_and_places(written: str, restored: str) -> None:
    assert restore_line(written)[0] == restored


def test_bug_ascii_surname_still_marks_the_signers_name() -> None:
    raw = ("UBND HUYEN LAC DUONG\nSo: 40/KH-UBND\nLac Duong, ngay 02 thang 3 nam 2016\nKE HOACH\nThi dua\n"
           "I. MUC TIEU\n- Phan dau 100% don vi dang ky.\nNoi nhan:\n- Luu: VT.\nTM. UY BAN NHAN DAN\n"
           "KT. CHU TICH\nPHO CHU TICH\n\nHuynh Thanh An\n")
    _, (doc,) = extract_text(raw)
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.position) == ("Huynh Thanh An", "Phó Chủ tịch")


def _strip_diacritics(text: str) -> str:
    """The text as an ASCII export writes it: every mark dropped, đ as d."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


_CLEAN_STEMS = sorted(p.name.removesuffix(".expected.json") for p in _CORPUS.glob("[cf]*.expected.json"))


@pytest.mark.parametrize("stem", _CLEAN_STEMS)
def test_corpus_documents_read_the_same_without_diacritics(stem: str) -> None:
    """Every clean corpus document, stripped of its marks, gives the fields of its expected record."""
    want = json.loads((_CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8"))["documents"]
    _, docs = extract_text(_strip_diacritics(read_file(_CORPUS / f"{stem}.txt").text))  # any encoding the readers know
    got = [d.model_dump(mode="json") for d in docs]
    assert [header(d) for d in got] == [header(d) for d in want]
    assert [lists(d) for d in got] == [lists(d) for d in want]


def test_restored_ranges_hold_across_joined_wraps() -> None:
    raw = "KE HOACH\nThi dua\nCan cu Ke hoach so\n15/KH-UBND ngay 20/01/20 16 cua UBND\ntinh ve thi dua;\nI. MUC TIEU\n"
    text, notes = normalize_noted(raw)
    assert "Căn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2016 của UBND tỉnh về thi đua;" in text
    undone = text
    for n in reversed(notes):
        assert text[n.start : n.end] != n.raw
        undone = undone[: n.start] + n.raw + undone[n.end :]
    # the wraps are joined as in the restored text; every other character is as written
    assert undone == raw.replace("so\n15", "so 15").replace("UBND\ntinh", "UBND tinh")


@pytest.mark.parametrize(
    ("spelling", "written", "keep_marks", "cased"),
    [
        ("tỉnh", "tinh", False, "tỉnh"),  # lower case written: the spelling in lower case
        ("Tỉnh", "tinh", True, "tỉnh"),
        ("tỉnh", "Tinh", False, "Tỉnh"),
        ("tỉnh", "TINH", False, "TỈNH"),
        ("tỉnh", "tính", True, "tính"),  # a letter written with a mark keeps it
        ("tỉnh", "tính", False, "tỉnh"),
        ("ủy", "uû", True, "ủy"),  # a broken glyph is no mark to keep
        ("ΌΣΟΣ", "abcd", False, "όσοσ"),  # letter by letter: no final sigma
    ],
)
def test_cased(spelling: str, written: str, keep_marks: bool, cased: str) -> None:
    assert _cased(spelling, written, keep_marks) == cased


@pytest.mark.parametrize(
    ("text", "once", "twice"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", False, False),
        ("Lâm Quốc Hưng", False, False),  # a name: its fold is known, but it is no entry's word
        ("ĐẲNG CỘNG SẢN VIỆT NAM", True, False),
        ("KT. Chú tịch", True, False),
        ("Sô: 18/KH-UBND", True, False),
        ("TM. UY BAN\nNHÂN ĐÂN HUYỆN", True, False),  # an entry read across the lines it was cut into
        ("Kế hoạch\nthảng 3 nám 2022", True, True),
    ],
)
def test_misread_finds_wrong_marks_line_by_line_and_across_lines(text: str, once: bool, twice: bool) -> None:
    # the words are read per line (and kept per line for the next document) but the pairs run across lines
    assert (misread(text), misread(text, enough=2)) == (once, twice)
    assert (misread(text), misread(text, enough=2)) == (once, twice)
