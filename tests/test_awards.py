import pytest

from extractor.extraction.fields.awards import extract_awards
from extractor.extraction.models import Award, Span
from extractor.extraction.orgs import Locality
from tests.helpers import GIA_LAM, LONG_THANH, make_ctx

UBND_HUYEN = "Ủy ban nhân dân huyện Long Thành"
CT_HUYEN = "Chủ tịch Ủy ban nhân dân huyện Long Thành"
UBND_TINH = "Ủy ban nhân dân tỉnh Đồng Nai"
CT_TINH = "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"


def _awards(body: str, loc: Locality = LONG_THANH, excluded: tuple[str, ...] = ()) -> list[Award]:
    return extract_awards(make_ctx(body, locality=loc, excluded=excluded))


def _pairs(body: str, loc: Locality = LONG_THANH) -> list[tuple[str, str | None]]:
    return [(a.form, a.grantor) for a in _awards(body, loc)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # grantor after "của", with the district named
        ("Tặng Giấy khen của Chủ tịch UBND huyện Long Thành cho 02 tập thể tiêu biểu.",
         [("Giấy khen", CT_HUYEN)]),
        # bare "huyện" filled from the locality
        ("Các tập thể đạt thành tích được tặng Giấy khen của Ủy ban nhân dân huyện.", [("Giấy khen", UBND_HUYEN)]),
        # grantor ends at ':'
        ("Bằng khen của Ủy ban nhân dân tỉnh: xét tặng cho tập thể dẫn đầu phong trào.", [("Bằng khen", UBND_TINH)]),
        # the official before "tặng" gives the award
        ("Phòng Nội vụ tham mưu, đề nghị Chủ tịch UBND huyện tặng Giấy khen cho tập thể, cá nhân xuất sắc.",
         [("Giấy khen", CT_HUYEN)]),
        ("Đề nghị Thủ tướng Chính phủ tặng Bằng khen cho tập thể có thành tích đặc biệt.",
         [("Bằng khen", "Thủ tướng Chính phủ")]),
        ("Bằng khen của Thủ tướng Chính phủ dành cho cá nhân có thành tích đặc biệt xuất sắc.",
         [("Bằng khen", "Thủ tướng Chính phủ")]),
        ("Cờ thi đua của UBND tỉnh cho đơn vị dẫn đầu khối thi đua.", [("Cờ thi đua", UBND_TINH)]),
        # the class is part of an order's form
        ("Trình Chủ tịch nước tặng Huân chương Lao động hạng Ba cho tập thể nhà trường.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước")]),
        ("Đề nghị tặng Huân chương Độc lập hạng nhì cho đơn vị.", [("Huân chương Độc lập hạng Nhì", None)]),
        # an emulation title, no grantor named
        ("Cá nhân tiêu biểu được xét công nhận danh hiệu Chiến sĩ thi đua cơ sở.",
         [("Chiến sĩ thi đua cơ sở", None)]),
        ("Bình xét danh hiệu Chiến sĩ thi đua cấp cơ sở cho công chức.", [("Chiến sĩ thi đua cơ sở", None)]),
        # a principal named without the school, in a text that does not name it
        ("Giấy khen của Hiệu trưởng cho giáo viên hoàn thành xuất sắc nhiệm vụ.", [("Giấy khen", "Hiệu trưởng")]),
        # the organ after an official's title is resolved like an issuer
        ("Giấy khen của Giám đốc Sở Nội vụ cho các phòng chuyên môn.",
         [("Giấy khen", "Giám đốc Sở Nội vụ tỉnh Đồng Nai")]),
        ("Đề nghị Trưởng phòng GD&ĐT tặng Giấy khen cho giáo viên.",
         [("Giấy khen", "Trưởng phòng Giáo dục và Đào tạo huyện Long Thành")]),
        # lower-case form, no grantor
        ("Cuối đợt, nhà trường đề nghị tặng giấy khen cho cá nhân tích cực.", [("Giấy khen", None)]),
        # the frequent typo "Chủ UBND"
        ("+ Tặng giấy khen của Chủ UBND huyện cho các đơn vị.", [("Giấy khen", CT_HUYEN)]),
        ("Khen thưởng bằng Giấy khen của Chủ tịch UBND các xã, thị trấn đối với hộ tiêu biểu.",
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân xã")]),
        # a caps heading
        ("HÌNH THỨC: GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN CHO CÁC TẬP THỂ", [("Giấy khen", CT_HUYEN)]),
        # two forms, two grantors
        ("Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Chủ tịch UBND huyện cho các cá nhân tiêu biểu.",
         [("Bằng khen", CT_TINH), ("Giấy khen", CT_HUYEN)]),
        # forms listed together share the grantor after the list …
        ("Đề nghị tặng Bằng khen, Cờ thi đua của Ủy ban nhân dân tỉnh cho đơn vị dẫn đầu.",
         [("Bằng khen", UBND_TINH), ("Cờ thi đua", UBND_TINH)]),
        # … or the official before it
        ("Chủ tịch UBND tỉnh xét tặng Bằng khen và Cờ thi đua cho các đơn vị dẫn đầu.",
         [("Bằng khen", CT_TINH), ("Cờ thi đua", CT_TINH)]),
        # a grantor named by its level only
        ("Khen thưởng Giấy khen cấp huyện cho các tập thể tiêu biểu.", [("Giấy khen", UBND_HUYEN)]),
        ("Chủ tịch UBND cấp xã tặng Giấy khen cho hộ gia đình tiêu biểu.",
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân xã")]),
        # an official right after the form, without "của"
        ("Bằng khen Thủ tướng Chính phủ: 01 tập thể.", [("Bằng khen", "Thủ tướng Chính phủ")]),
        # titles that are also plain phrases need "danh hiệu" or a capital
        ("Bình xét danh hiệu lao động tiên tiến cho viên chức.", [("Lao động tiên tiến", None)]),
        ("Đơn vị đạt danh hiệu Tập thể lao động xuất sắc được ưu tiên.", [("Tập thể lao động xuất sắc", None)]),
        ("Công nhận danh hiệu “Gia đình văn hóa” cho các hộ tiêu biểu.", [("Gia đình văn hóa", None)]),
        ("Đề nghị Bộ trưởng Bộ Giáo dục và Đào tạo tặng Kỷ niệm chương cho nhà giáo lâu năm.",
         [("Kỷ niệm chương", "Bộ trưởng Bộ Giáo dục và Đào tạo")]),
        ("Giấy khen của Chủ tịch UBND Quận 3 cho cá nhân tiêu biểu.",
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân quận 3")]),
        # a Party committee takes the document's place
        ("Kết thúc đợt thi đua, Ban Thường vụ Huyện ủy tặng Giấy khen cho 03 tập thể.",
         [("Giấy khen", "Ban Thường vụ Huyện ủy Long Thành")]),
        ("Bằng khen của Ban Thường vụ Tỉnh ủy cho tập thể.", [("Bằng khen", "Ban Thường vụ Tỉnh ủy Đồng Nai")]),
        ("Giấy khen của Hiệu trưởng nhà trường trao cho học sinh.", [("Giấy khen", "Hiệu trưởng nhà trường")]),
    ],
)
def test_award_forms_and_grantors(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(body) == expected


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("",
         "Trường Tiểu học Hòa Bình xây dựng Kế hoạch như sau:\nI. KHEN THƯỞNG\n"
         "Hiệu trưởng tặng Giấy khen cho tập thể."),
        ("UBND HUYỆN LONG THÀNH\nTRƯỜNG TIỂU HỌC HÒA BÌNH\n\nKẾ HOẠCH\nThi đua dạy tốt\n",
         "I. KHEN THƯỞNG\nGiấy khen của Hiệu trưởng cho tập thể."),
    ],
)
def test_principal_is_completed_with_the_own_school(head: str, body: str) -> None:
    ctx = make_ctx(body, head=head, locality=LONG_THANH)
    assert [(a.form, a.grantor) for a in extract_awards(ctx)] == [("Giấy khen", "Hiệu trưởng Trường Tiểu học Hòa Bình")]


def test_city_grantor_in_a_district_of_a_centrally_run_city() -> None:
    body = "Bằng khen của Ủy ban nhân dân Thành phố cho tập thể tiêu biểu."
    assert _pairs(body, GIA_LAM) == [("Bằng khen", "Ủy ban nhân dân Thành phố Hà Nội")]


@pytest.mark.parametrize(
    "body",
    [
        "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
        "Thành viên Hội đồng Thi đua - Khen thưởng huyện họp xét hồ sơ.",
        "Đề xuất khen thưởng cấp thành phố đối với các mô hình tiêu biểu.",
        "Bản thành tích lập theo Mẫu số 02 ban hành kèm Nghị định.",
        "Biểu dương các đơn vị tiên tiến trong phong trào.",
        "Vận động nhân dân xây dựng gia đình văn hóa, thôn văn hóa.",
        "Vận động viên đạt huy chương vàng tại hội thao.",
        # an earlier achievement is not an award on offer
        "Ưu tiên cá nhân đã được tặng Giấy khen của Chủ tịch UBND huyện năm trước.",
        "Tập thể có 02 năm liên tục đạt danh hiệu Tập thể lao động xuất sắc.",
        "Ban Thi đua - Khen thưởng tỉnh hướng dẫn thủ tục.",
        # a rate over title holders is a target
        "Tỷ lệ hộ gia đình được công nhận danh hiệu “Gia đình văn hóa” đạt từ 90% trở lên.",
    ],
)
def test_not_awards(body: str) -> None:
    assert _awards(body) == []


def test_form_inside_a_cited_title_is_excluded() -> None:
    title = "về xét tặng Giấy khen cho học sinh giỏi"
    body = f"Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2023 của UBND huyện {title}."
    assert _awards(body, excluded=(title,)) == []


def test_mention_without_grantor_is_the_granted_award_again() -> None:
    body = (
        "1. Hình thức khen thưởng\nTặng Giấy khen của Ủy ban nhân dân huyện cho đơn vị xuất sắc.\n"
        "2. Tiêu chuẩn\nĐơn vị đề nghị tặng Giấy khen cho tập thể, cá nhân tiêu biểu.\n"
    )
    (award,) = _awards(body)
    assert (award.form, award.grantor, award.recipients) == ("Giấy khen", UBND_HUYEN, ["tập thể", "cá nhân"])


def test_awards_dedup_by_resolved_grantor_in_order_of_first_mention() -> None:
    body = (
        "Bằng khen của UBND tỉnh cho tập thể.\nGiấy khen của Chủ UBND huyện.\n"
        "Hồ sơ đề nghị Giấy khen của Chủ tịch UBND huyện Long Thành gồm 02 bộ.\nGiấy khen của Hiệu trưởng."
    )
    assert _pairs(body) == [("Bằng khen", UBND_TINH), ("Giấy khen", CT_HUYEN), ("Giấy khen", "Hiệu trưởng")]


def test_short_repeat_of_a_grantor_is_the_same_award() -> None:
    body = (
        "1. Hình thức\n- Cờ thi đua của Bộ Nội vụ.\n- Bằng khen của Bộ trưởng Bộ Nội vụ.\n"
        "2. Số lượng\n- Cờ thi đua của Bộ: 02 tập thể.\n- Bằng khen của Bộ trưởng: 05 cá nhân."
    )
    assert _pairs(body) == [("Cờ thi đua", "Bộ Nội vụ"), ("Bằng khen", "Bộ trưởng Bộ Nội vụ")]


def test_ungranted_mention_is_kept_when_the_form_has_no_grantor_anywhere() -> None:
    body = "Tặng Giấy khen cho cá nhân.\nTặng Giấy khen cho tập thể."
    (award,) = _awards(body)
    assert (award.grantor, award.recipients) == (None, ["tập thể", "cá nhân"])


@pytest.mark.parametrize(
    ("body", "recipients"),
    [
        ("Tặng Giấy khen của Hiệu trưởng cho 03 tập thể.", ["tập thể"]),
        ("Tặng Giấy khen của Hiệu trưởng cho cá nhân và tập thể xuất sắc.", ["tập thể", "cá nhân"]),
        ("Giấy khen của Hiệu trưởng.", []),
    ],
)
def test_award_recipients(body: str, recipients: list[str]) -> None:
    assert _awards(body)[0].recipients == recipients


def test_award_span_points_at_form_and_grantor() -> None:
    body = "Tặng Giấy khen của Chủ tịch UBND huyện Long Thành cho 02 tập thể."
    (award,) = _awards(body)
    assert award.span == Span(start=5, end=49, raw="Giấy khen của Chủ tịch UBND huyện Long Thành")


def test_grantor_before_the_verb_spans_from_the_official() -> None:
    (award,) = _awards("Hiệu trưởng đề nghị Chủ tịch UBND huyện tặng Giấy khen cho tập thể.")
    assert award.span.raw == "Chủ tịch UBND huyện tặng Giấy khen"

# --- bugs ----------------------------------------------------------------------------------------


def test_commune_list_grantor_continues_past_comma() -> None:
    # "UBND các xã, thị trấn" once stopped at the comma and lost "thị trấn"'s place in the list
    (award,) = _awards("Giấy khen của Chủ tịch UBND các xã, thị trấn cho cá nhân.")
    assert award.span.raw == "Giấy khen của Chủ tịch UBND các xã, thị trấn"


def test_caps_heading_grantor_stops_at_cho() -> None:
    (award,) = _awards("GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN CHO TẬP THỂ")
    assert award.span.raw == "GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN"


def test_grantor_stops_before_the_next_form() -> None:
    # "và" may join organ names ("Giáo dục và Đào tạo"), but not a grantor to the next award
    awards = _awards("Giấy khen của Hiệu trưởng và Bằng khen của UBND tỉnh.")
    assert [a.span.raw for a in awards] == ["Giấy khen của Hiệu trưởng", "Bằng khen của UBND tỉnh"]


def test_grantor_stops_at_a_plain_lower_case_word() -> None:
    # every word of the standard names once continued a grantor, so "đầu" (of "Đầu tư") ran on
    (award,) = _awards("Tặng Giấy khen của UBND huyện đầu năm học cho tập thể.")
    assert award.grantor == UBND_HUYEN


@pytest.mark.parametrize(
    "body",
    [
        "Phấn đấu 95% hộ gia đình đạt danh hiệu Gia đình văn hóa.",
        "Ít nhất 70% giáo viên đạt danh hiệu Lao động tiên tiến.",
    ],
)
def test_bug_title_in_a_target_is_not_an_award_offered(body: str) -> None:
    assert _pairs(body) == []


def test_bug_award_share_of_a_title_is_still_offered() -> None:
    pairs = _pairs("Danh hiệu “Tập thể lao động xuất sắc” không vượt quá 20% số tập thể "
                   "đạt Tập thể lao động tiên tiến.")
    assert ("Tập thể lao động xuất sắc", None) in pairs


def test_bug_principal_of_this_school_in_words() -> None:
    ctx = make_ctx("Trường Tiểu học Lê Mao xây dựng kế hoạch như sau:\nHiệu trưởng nhà trường tặng Giấy khen cho "
                   "tập thể, cá nhân xuất sắc.", locality=LONG_THANH)
    assert [(a.form, a.grantor) for a in extract_awards(ctx)] == [("Giấy khen", "Hiệu trưởng Trường Tiểu học Lê Mao")]


NGHE_AN = Locality(province="Nghệ An", province_type="tỉnh")
LAC_DUONG = Locality(province="Lâm Đồng", province_type="tỉnh", commune="Lạc Dương", commune_type="xã")


@pytest.mark.parametrize(
    ("body", "issuer", "expected"),
    [
        # the head of a body named without it, in the plan that body issues
        ("Giám đốc Sở tặng Giấy khen cho tập thể tiêu biểu.", "Sở Y tế tỉnh Nghệ An",
         [("Giấy khen", "Giám đốc Sở Y tế tỉnh Nghệ An")]),
        ("Tặng Giấy khen của Giám đốc Sở Y tế cho cá nhân.", "Sở Y tế tỉnh Nghệ An",
         [("Giấy khen", "Giám đốc Sở Y tế tỉnh Nghệ An")]),
        ("Tặng Giấy khen của Trưởng phòng cho tổ chuyên môn.", "Phòng Giáo dục và Đào tạo tỉnh Nghệ An",
         [("Giấy khen", "Trưởng phòng Giáo dục và Đào tạo tỉnh Nghệ An")]),
        # another Sở than the issuer keeps its own name
        ("Tặng Giấy khen của Giám đốc Sở Nội vụ.", "Sở Y tế tỉnh Nghệ An",
         [("Giấy khen", "Giám đốc Sở Nội vụ tỉnh Nghệ An")]),
        # a head that does not head the issuer's kind of body is not completed with it
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể.", "Sở Y tế tỉnh Nghệ An",
         [("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An")]),
    ],
)
def test_bug_bare_head_is_the_issuers_head(body: str, issuer: str, expected: list[tuple[str, str]]) -> None:
    ctx = make_ctx(body, locality=NGHE_AN, issuer=issuer)
    assert [(a.form, a.grantor) for a in extract_awards(ctx)] == expected


@pytest.mark.parametrize(
    ("body", "loc", "expected"),
    [
        # a grantor written all in lower case
        ("Học sinh giỏi được nhận giấy khen của chủ tịch ubnd huyện.", LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        # forms and names that lost their diacritics
        ("Tang Bang khen cua UBND tinh cho 01 tap the.", LONG_THANH, [("Bằng khen", "Ủy ban nhân dân tỉnh Đồng Nai")]),
        ("Xet tang Giay khen cho ca nhan.", LONG_THANH, [("Giấy khen", None)]),
        ("Xet, Chu tich UBND tinh tang Bang khen cho tap the.", LONG_THANH, [("Bằng khen", CT_TINH)]),
        # a form split by a line wrap, a title word capitalised inside a form
        ("Đề nghị Chủ tịch UBND tỉnh tặng Bằng\nkhen cho tập thể.", LONG_THANH, [("Bằng khen", CT_TINH)]),
        ("Cờ Thi đua của UBND tỉnh cho đơn vị dẫn đầu.", LONG_THANH, [("Cờ thi đua", UBND_TINH)]),
        # "Thủ trưởng cơ quan, đơn vị" names no body
        ("Thủ trưởng cơ quan, đơn vị xét công nhận danh hiệu Lao động tiên tiến.", LONG_THANH,
         [("Lao động tiên tiến", None)]),
        ("Tặng Giấy khen của Thủ trưởng cơ quan, đơn vị cho cá nhân.", LONG_THANH, [("Giấy khen", None)]),
        ("Tặng Giấy khen của Thủ trưởng đơn vị cho cá nhân.", LONG_THANH, [("Giấy khen", None)]),
        # a commune after the 2025 reform: its own committee, no district above it
        ("Chủ tịch UBND xã tặng Giấy khen cho tập thể.", LAC_DUONG,
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân xã Lạc Dương")]),
        # a reward from a fund and an award already received are not awards offered
        ("Cá nhân đạt giải được thưởng tiền từ quỹ phúc lợi.", LONG_THANH, []),
        ("Đơn vị đã được tặng Bằng khen năm 2020.", LONG_THANH, []),
    ],
)
def test_bug_damaged_and_bare_grantors(body: str, loc: Locality, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(body, loc) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tặng Giấy khen của Giám đốc Sở Văn hóa, Thể thao và Du lịch cho 03 tập thể.",
         [("Giấy khen", "Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai")]),
        ("Bằng khen của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch dành cho cá nhân xuất sắc.",
         [("Bằng khen", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")]),
        # the name is whole at the end of the sentence too, and a hyphenated name stays whole
        ("Cá nhân tiêu biểu được đề nghị tặng Giấy khen của Sở Văn hóa, Thể thao và Du lịch.",
         [("Giấy khen", "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai")]),
        ("Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội cho tập thể.",
         [("Giấy khen", "Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh Đồng Nai")]),
    ],
)
def test_bug_grantor_is_not_cut_at_a_comma_inside_an_organ_name(body: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(body) == expected


LT_UBND = "Ủy ban nhân dân huyện Long Thành"


@pytest.mark.parametrize(
    ("body", "issuer", "loc", "expected"),
    [
        # a chairman named without the unit word is the issuing committee's (abbreviated or spelt out)
        ("Tặng Giấy khen của Chủ tịch UBND cho 02 tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        ("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cho 02 tập thể.", LT_UBND, LONG_THANH,
         [("Giấy khen", CT_HUYEN)]),
        ("Đề nghị Chủ tịch UBND tặng Giấy khen cho tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        ("a) GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN: 03 tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        ("Tặng Bằng khen của Chủ tịch UBND cho 02 tập thể.", "Ủy ban nhân dân tỉnh Nghệ An", NGHE_AN,
         [("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An")]),
        ("Tặng Giấy khen của Chủ tịch UBND cho tập thể.", "Ủy ban nhân dân xã Lạc Dương", LAC_DUONG,
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân xã Lạc Dương")]),
        # the committee itself named without its unit
        ("Tặng Giấy khen của UBND cho 02 tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", LT_UBND)]),
        # a unit word named keeps its own level (already right before)
        ("Bằng khen của UBND tỉnh cho 02 tập thể.", LT_UBND, LONG_THANH, [("Bằng khen", UBND_TINH)]),
        ("GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN: 03 tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        ("Đề nghị Chủ tịch UBND huyện tặng Giấy khen cho tập thể.", LT_UBND, LONG_THANH, [("Giấy khen", CT_HUYEN)]),
        ("Tặng Giấy khen của Chủ tịch UBND tỉnh.", LT_UBND, LONG_THANH, [("Giấy khen", CT_TINH)]),
        ("Tặng Giấy khen của Trưởng phòng cho tổ.", "Phòng Nội vụ huyện Long Thành", LONG_THANH,
         [("Giấy khen", "Trưởng phòng Nội vụ huyện Long Thành")]),
        ("Tặng Giấy khen của Thủ trưởng đơn vị.", LT_UBND, LONG_THANH, [("Giấy khen", None)]),
    ],
)
def test_bug_grantor_without_unit_is_the_issuers(body: str, issuer: str, loc: Locality,
                                                 expected: list[tuple[str, str | None]]) -> None:
    ctx = make_ctx(body, locality=loc, issuer=issuer)
    assert [(a.form, a.grantor) for a in extract_awards(ctx)] == expected


def test_bug_bare_principal_in_a_school_plan() -> None:
    ctx = make_ctx("Tặng Giấy khen của Hiệu trưởng cho tổ chuyên môn.", head="TRƯỜNG THCS NGHĨA HIỆP\n",
                   locality=LONG_THANH)
    assert [(a.form, a.grantor) for a in extract_awards(ctx)] == [("Giấy khen", "Hiệu trưởng Trường THCS Nghĩa Hiệp")]
