import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.extraction.fields import issuer
from extractor.extraction.fields.issuer import from_body, from_organs, header_organs
from extractor.extraction.normalize import normalize
from extractor.extraction.orgs import Locality
from extractor.extraction.pipeline import extract_text

TAM_NONG = Locality(province="Đồng Tháp", province_type="tỉnh", district="Tam Nông", district_type="huyện")


def _lines(raw: str) -> tuple[str, list[tuple[int, int, str]]]:
    text = normalize(raw)
    out, pos = [], 0
    for line in text.split("\n"):
        if line:
            out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return text, out


@pytest.mark.parametrize(
    ("header", "name", "parent"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN TAM NÔNG", "Ủy ban nhân dân huyện Tam Nông", None),
        ("ỦY BAN NHÂN DÂN HUYỆN TAM NÔNG\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
         "Phòng Giáo dục và Đào tạo huyện Tam Nông", "Ủy ban nhân dân huyện Tam Nông"),
        ("UBND HUYỆN TAM NÔNG\nTRƯỜNG TH&THCS PHÚ THÀNH A", "Trường TH&THCS Phú Thành A",
         "Ủy ban nhân dân huyện Tam Nông"),
        ("ĐẢNG BỘ TỈNH ĐỒNG THÁP\nHUYỆN ỦY TAM NÔNG\n*", "Huyện ủy Tam Nông", "Đảng bộ tỉnh Đồng Tháp"),
        ("TÊN ĐƠN VỊ", None, None),
        ("DỰ THẢO\nỦY BAN NHÂN DÂN XÃ PHÚ CƯỜNG", "Ủy ban nhân dân xã Phú Cường", None),
    ],
)
def test_issuer_from_header(header: str, name: str | None, parent: str | None) -> None:
    text, lines = _lines(header)
    org = from_organs(text, header_organs(lines), TAM_NONG)
    assert (org.name if org else None, org.parent if org else None) == (name, parent)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Nhằm thực hiện tốt nhiệm vụ năm 2023. Trường Mầm non Hoa Sen xây dựng Kế hoạch như sau:",
         "Trường Mầm non Hoa Sen"),
        ("Để thực hiện có hiệu quả công tác cải cách hành chính, Ủy ban nhân dân (UBND) huyện xây dựng Kế hoạch "
         "như sau:", "Ủy ban nhân dân huyện Tam Nông"),
        ("Căn cứ tình hình thực tế; Phòng GD&ĐT ban hành kế hoạch như sau:",
         "Phòng Giáo dục và Đào tạo huyện Tam Nông"),
        ("Chi đoàn trường THPT Tràm Chim xây dựng kế hoạch cụ thể như sau:", "Chi đoàn trường THPT Tràm Chim"),
        ("I. MỤC ĐÍCH\nNội dung.\nTrên đây là Kế hoạch phát động thi đua năm 2021 của Trường Tiểu học Phú Hiệp./.",
         "Trường Tiểu học Phú Hiệp"),
        ("Các đơn vị căn cứ nội dung để thực hiện.", None),
    ],
)
def test_issuer_from_body(body: str, name: str | None) -> None:
    text = normalize(body)
    org = from_body(text, 0, len(text), TAM_NONG)
    assert (org.name if org else None) == name


def test_post_reform_plan_without_header_issuer_signs_for_its_ward() -> None:
    raw = ("Số: 31/KH-UBND\nTrấn Biên, ngày 2 tháng 10 năm 2025\nKẾ HOẠCH\nThi đua cuối năm\nI. MỤC TIÊU\nNội dung.\n"
           "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐỗ Thành Công\n")
    _, (doc,) = extract_text(raw)
    assert doc.issuer is not None
    assert doc.issuer.name == "Ủy ban nhân dân phường Trấn Biên"


def test_bug_issuer_of_a_cited_decision_is_not_this_issuer() -> None:
    body = ("Căn cứ Quyết định số 2433/QĐ-UBND ngày 10/8/2023 của UBND thành phố Cần Thơ về ban hành kế hoạch "
            "thời gian năm học;\nTrường THPT Châu Văn Liêm xây dựng kế hoạch như sau:")
    org = from_body(normalize(body), 0, len(normalize(body)), TAM_NONG)
    assert org is not None
    assert org.name == "Trường THPT Châu Văn Liêm"


def test_bug_caps_organ_name_wrapped_over_two_header_lines() -> None:
    text, lines = _lines("UBND HUYỆN MỘ ĐỨC\nBAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH\nMỤC TIÊU QUỐC GIA")
    org = from_organs(text, header_organs(lines), Locality(district="Mộ Đức", district_type="huyện"))
    assert org is not None
    assert (org.name, org.parent) == ("Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện Mộ Đức",
                                      "Ủy ban nhân dân huyện Mộ Đức")


@pytest.mark.parametrize(
    ("header", "name", "parent"),
    [
        # a column-flattened header: managing body and issuer on one caps line
        ("UBND TỈNH ĐỒNG THÁP SỞ Y TẾ", "Sở Y tế tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("PHÒNG GD&ĐT HUYỆN TAM NÔNG TRƯỜNG THCS PHÚ CƯỜNG", "Trường THCS Phú Cường",
         "Phòng Giáo dục và Đào tạo huyện Tam Nông"),
        ("ĐẢNG BỘ TỈNH ĐỒNG THÁP HUYỆN ỦY TAM NÔNG", "Huyện ủy Tam Nông", "Đảng bộ tỉnh Đồng Tháp"),
        # place names and organ names that hold a head word are not cut
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp", None),
        ("ỦY BAN NHÂN DÂN XÃ TRƯỜNG SƠN", "Ủy ban nhân dân xã Trường Sơn", None),
    ],
)
def test_bug_parent_and_issuer_on_one_caps_line(header: str, name: str, parent: str | None) -> None:
    text, lines = _lines(header)
    org = from_organs(text, header_organs(lines), TAM_NONG)
    assert org is not None
    assert (org.name, org.parent) == (name, parent)


@pytest.mark.parametrize("committee", ["Tỉnh ủy", "Huyện ủy", "Thị ủy", "Thành ủy", "Quận ủy", "Đảng ủy"])
def test_bug_town_party_committee_names_no_issuer_in_the_body(committee: str) -> None:
    """'Thị ủy' (a town's Party committee) was the one committee missing from the organ heads."""
    body = f"Để thực hiện tốt nhiệm vụ năm 2024, {committee} Ba Đồn xây dựng Kế hoạch như sau:"
    org = from_body(normalize(body), 0, len(normalize(body)), TAM_NONG)
    assert org is not None and org.name.startswith(f"{committee} Ba Đồn")


def _split_without_probe(s: int, line: str) -> list[tuple[int, int, str]]:
    # The cut as the bare pattern makes it: the oracle of the probe before it.
    parts, start = [], 0
    for m in issuer._INNER_HEAD.finditer(line):
        parts.append((s + start, s + m.start(), line[start : m.start()]))
        start = m.end()
    return [*parts, (s + start, s + len(line), line[start:])]


_ORGAN_LINES = [
    "ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", "UBND TỈNH NINH THUẬN SỞ Y TẾ", "HUYỆN CỦ CHI",
    "PHÒNG GD&ĐT HUYỆN THANH OAI TRƯỜNG THCS BÍCH HÒA", "PHÒNG GD&ĐT TRƯỜNG THCS AN PHÚ",
    "SỞ GD&ĐT PHÚ YÊN TRƯỜNG THPT X",
    "BỘ GIÁO DỤC VÀ ĐÀO TẠO CỤC NHÀ GIÁO", "UBND XÃ AN PHÚ BAN CHỈ ĐẠO", "UBND XÃ AN PHÚ BAN  NHÂN DÂN",
    "UBND HUYỆN X\tBAN CHỈ ĐẠO", "HUYỆN ỦY TAM NÔNG BAN TUYÊN GIÁO", "ĐẢNG BỘ TỈNH ĐỒNG THÁP HUYỆN ỦY TAM NÔNG",
    "UBND HUYỆN X CHI CỤC THUẾ", "UBND HUYỆN X CHI BỘ", "ỦY BAN NHÂN DÂN TRƯỜNG TIỂU HỌC", "UBND TRƯỜNG TH&THCS A",
    "", " SỞ ", "SỞ Y TẾ", "TỈNH X  SỞ Y TẾ", "THÀNH PHỐ HÀ NỘI\u00a0SỞ Y TẾ ", "XÃ A TRƯỜNG MẦM NON",
]


@pytest.mark.parametrize("line", _ORGAN_LINES)
def test_organ_split_probe_cuts_as_the_pattern_does(line: str) -> None:
    assert issuer._split_organs(7, line) == _split_without_probe(7, line)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([*_ORGAN_LINES, " ", "\t", "BAN", "NHÂN", "TRƯỜNG", "TH", "HUYỆN", "^"]),
                          st.text(max_size=5)), max_size=8).map("".join))
def test_organ_split_probe_cuts_as_the_pattern_does_on_any_line(line: str) -> None:
    assert issuer._split_organs(0, line) == _split_without_probe(0, line)
