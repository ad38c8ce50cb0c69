import pytest

from extractor.extraction.orgs import Locality, case_name, find_locality, resolve_org

CU_CHI = Locality(province="Hồ Chí Minh", province_type="Thành phố", district="Củ Chi", district_type="huyện")
VINH = Locality(province="Nghệ An", province_type="tỉnh", district="Vinh", district_type="thành phố")
AFTER_2025 = Locality(province="Đồng Nai", province_type="tỉnh", commune="Long Bình", commune_type="phường")


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        ("ỦY BAN NHÂN DÂN HUYỆN CỦ CHI", "Ủy ban nhân dân huyện Củ Chi"),
        ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo"),
        ("TRƯỜNG MẦM NON HOA SEN", "Trường Mầm non Hoa Sen"),
        ("TRƯỜNG TH&THCS LÊ LỢI", "Trường TH&THCS Lê Lợi"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH BẾN TRE", "Hội đồng Thi đua - Khen thưởng tỉnh Bến Tre"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG LONG BÌNH", "Ủy ban nhân dân phường Long Bình"),
        ("Phòng Nội vụ", "Phòng Nội vụ"),
    ],
)
def test_case_name(caps: str, expected: str) -> None:
    assert case_name(caps) == expected


@pytest.mark.parametrize(
    ("raw", "loc", "expected"),
    [
        ("Ủy ban nhân dân huyện", CU_CHI, "Ủy ban nhân dân huyện Củ Chi"),
        ("UBND Thành phố", CU_CHI, "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
        ("Ủy ban nhân dân Huyện", CU_CHI, "Ủy ban nhân dân huyện Củ Chi"),
        ("Chủ UBND huyện", CU_CHI, "Chủ tịch Ủy ban nhân dân huyện Củ Chi"),
        ("Phòng GD&ĐT Củ Chi", CU_CHI, "Phòng Giáo dục và Đào tạo huyện Củ Chi"),
        ("Chủ tịch UBND các xã, thị trấn", CU_CHI, "Chủ tịch Ủy ban nhân dân xã"),
        ("UBND thành phố", VINH, "Ủy ban nhân dân thành phố Vinh"),
        ("UBND tỉnh", VINH, "Ủy ban nhân dân tỉnh Nghệ An"),
        ("UBND tỉnh", AFTER_2025, "Ủy ban nhân dân tỉnh Đồng Nai"),
        ("Tỉnh ủy Đồng Nai", AFTER_2025, "Tỉnh ủy Đồng Nai"),
        ("Chính phủ", CU_CHI, "Chính phủ"),
    ],
)
def test_resolve_org(raw: str, loc: Locality, expected: str) -> None:
    assert resolve_org(raw, loc) == expected


def test_locality_from_place_line() -> None:
    loc = find_locality([], "Cù Lao Dung", "")
    assert (loc.district, loc.district_type, loc.province) == ("Cù Lao Dung", "huyện", "Sóc Trăng")


def test_ambiguous_district_takes_the_province_the_text_names() -> None:
    loc = find_locality([], "Tam Nông", "các xã của huyện Tam Nông, tỉnh Phú Thọ")
    assert loc.province == "Phú Thọ"
    assert find_locality([], "Tam Nông", "").province is None


def test_bug_header_typo_district_takes_place_spelling() -> None:
    loc = find_locality(["Ủy ban nhân dân huyện Cử Chi"], "Củ Chi", "")
    assert (loc.district, loc.province) == ("Củ Chi", "Hồ Chí Minh")


@pytest.mark.parametrize(
    ("place", "body", "district"),
    [
        ("Củ Chi", "các xã của huyện Cu Chi", "Củ Chi"),  # the place line first, the body not needed
        (None, "các xã của huyện Củ Chi", "Củ Chi"),  # else the first unit name in the body that fits
        ("Hà Nội", "tại huyện Nhà Bè và huyện Củ Chi", "Củ Chi"),
        (None, "tại huyện Cu Chi", "Cử Chi"),  # none fits: kept as written
        ("", "", "Cử Chi"),
    ],
)
def test_header_typo_district_spelling_read_from_place_then_body(place: str | None, body: str, district: str) -> None:
    assert find_locality(["Ủy ban nhân dân huyện Cử Chi"], place, body).district == district


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        ("HUYỆN ỦY CỦ CHI", "Huyện ủy Củ Chi"),
        ("UBND HUYỆN GIA LÂM", "UBND huyện Gia Lâm"),
        ("ĐẢNG ỦY XÃ AN PHÚ", "Đảng ủy xã An Phú"),
    ],
)
def test_bug_caps_party_committees_and_abbreviations(caps: str, expected: str) -> None:
    assert case_name(caps) == expected


def test_bare_departments_take_their_level_of_locality() -> None:
    assert resolve_org("Sở GD&ĐT", VINH) == "Sở Giáo dục và Đào tạo tỉnh Nghệ An"
    assert resolve_org("Phòng Nội vụ", CU_CHI) == "Phòng Nội vụ huyện Củ Chi"


def test_after_2025_a_ward_gives_its_province() -> None:
    loc = find_locality(["Ủy ban nhân dân phường Trấn Biên"], "Trấn Biên", "")
    assert (loc.commune, loc.province) == ("Trấn Biên", "Đồng Nai")
    assert resolve_org("Ủy ban nhân dân tỉnh", loc) == "Ủy ban nhân dân tỉnh Đồng Nai"


def test_bug_party_committee_is_not_given_a_district_unit() -> None:
    loc = find_locality(["Đảng bộ tỉnh Lâm Đồng", "Huyện ủy Đức Trọng"], "Đức Trọng", "")
    assert resolve_org("Huyện ủy Đức Trọng", loc) == "Huyện ủy Đức Trọng"


def test_bug_department_of_a_province_named_like_a_city() -> None:
    assert resolve_org("Sở GD&ĐT Hưng Yên", Locality()) == "Sở Giáo dục và Đào tạo tỉnh Hưng Yên"


def test_bug_place_line_is_read_as_of_the_document_date() -> None:
    before = find_locality([], "Rạch Giá", "", "2024-05-02")
    after = find_locality([], "Rạch Giá", "", "2026-01-08")
    assert (before.district, before.province) == ("Rạch Giá", "Kiên Giang")
    assert (after.district, after.commune, after.province) == (None, "Rạch Giá", "An Giang")


def test_bug_party_committee_without_its_place_takes_the_documents() -> None:
    loc = Locality(province="Nghệ An", province_type="tỉnh", district="Yên Thành", district_type="huyện")
    assert resolve_org("Ban Thường vụ Huyện ủy", loc) == "Ban Thường vụ Huyện ủy Yên Thành"
    assert resolve_org("Tỉnh ủy", loc) == "Tỉnh ủy Nghệ An"
    assert resolve_org("Huyện ủy Đức Trọng", loc) == "Huyện ủy Đức Trọng"


def test_bug_mass_organisation_acronyms() -> None:
    assert case_name("HỘI LHPN HUYỆN LỤC NAM") == "Hội LHPN huyện Lục Nam"
    assert resolve_org("Hội LHPN huyện Lục Nam", Locality()) == "Hội Liên hiệp Phụ nữ huyện Lục Nam"
