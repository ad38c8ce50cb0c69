import pytest

from extractor.extraction.fields.targets import _measure, extract_targets
from extractor.extraction.models import Target
from tests.helpers import make_ctx

TITLE = "Thi đua thực hiện chuyển đổi số năm 2024"


def _targets(body: str, issued: str | None = "2024-03-12", excluded: list[tuple[str, str]] | None = None,
             title: str | None = None) -> list[Target]:
    return extract_targets(make_ctx(body, title=title, issued_date=issued, excluded=excluded or ()))


def _keys(targets: list[Target]) -> list[tuple[float, str, str]]:
    return [(t.value, t.unit, t.op) for t in targets]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # bare shares: the whole is exact, a part is a floor
        ("Phấn đấu 100% hộ gia đình được tuyên truyền về an toàn giao thông.", [(100, "%", "=")]),
        ("- Đảm bảo 85% giáo viên đạt chuẩn nghề nghiệp.", [(85, "%", ">=")]),
        ("Giảm 20% thời gian giải quyết thủ tục hành chính.", [(20, "%", ">=")]),
        ("Tỷ lệ người dân biết sử dụng ví điện tử đạt 50 phần trăm.", [(50, "%", ">=")]),
        # floors
        ("Tỷ lệ học sinh lên lớp đạt từ 98% trở lên.", [(98, "%", ">=")]),
        ("Đảm bảo tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5% trở lên.", [(97.5, "%", ">=")]),
        ("Tỷ lệ thanh toán không dùng tiền mặt tối thiểu 60%.", [(60, "%", ">=")]),
        ("Ít nhất 70% cán bộ được bồi dưỡng kiến thức số.", [(70, "%", ">=")]),
        ("Chỉ số hài lòng tối thiểu là 80% trên tổng số phiếu.", [(80, "%", ">=")]),
        ("Chỉ số hài lòng không dưới 85%; tỷ lệ phản ánh được xử lý không thấp hơn 95%.",
         [(85, "%", ">="), (95, "%", ">=")]),
        ("Dịch vụ công mức độ 3,4 có phát sinh hồ sơ từ 35% số thủ tục trở lên.", [(35, "%", ">=")]),
        ("≥ 95% trẻ em trong độ tuổi được tiêm chủng đầy đủ.", [(95, "%", ">=")]),
        ("Tỷ lệ trẻ đến trường đạt 99,25% trở lên.", [(99.25, "%", ">=")]),
        # strict bounds and ceilings
        ("Mức độ hài lòng của người dân trên 90%.", [(90, "%", ">")]),
        ("Có tỷ lệ nộp hồ sơ qua bưu chính cao (trên 40%), số lượng hồ sơ lớn.", [(40, "%", ">")]),
        ("Tỷ lệ hộ nghèo giảm xuống dưới 3%.", [(3, "%", "<")]),
        ("Tỷ lệ hồ sơ trễ hạn không quá 2%.", [(2, "%", "<=")]),
        ("Số hồ sơ trả lại tối đa 5% tổng số hồ sơ tiếp nhận.", [(5, "%", "<=")]),
        ("Kinh phí tiếp khách không vượt quá 10% tổng dự toán.", [(10, "%", "<=")]),
        ("Tỷ lệ sai sót trong nhập liệu từ 5% trở xuống.", [(5, "%", "<=")]),
        # counted units need "trở lên"
        ("Đơn vị được xét khen khi đạt 90 điểm trở lên.", [(90, "điểm", ">=")]),
        ("Đạt 50 điểm thì xếp loại trung bình.", []),
        # the same value twice in one sentence is two targets
        ("Tỷ lệ đoàn viên tham gia đạt 80% trở lên, tỷ lệ thanh niên tham gia đạt 80% trở lên.",
         [(80, "%", ">="), (80, "%", ">=")]),
        # a baseline is not an aim, the level it rises to is
        ("Nâng tỷ lệ hộ dùng nước sạch từ 60% lên 75%.", [(75, "%", ">=")]),
        # the past, compositions and things without a share
        ("Năm 2023 tỷ lệ này đạt 85%.", []),
        ("Số vụ vi phạm tăng 10% so với cùng kỳ.", []),
        ("Năm trước đơn vị đã đạt 92% kế hoạch.", []),
        ("Phấn đấu tăng 10% so với cùng kỳ.", [(10, "%", ">=")]),
        ("Phần thực hành chiếm 30% tổng số điểm.", []),
        ("Triển khai dịch vụ công trực tuyến mức độ 3,4 cho người dân.", []),
        ("Mỗi công chức thực hiện ít nhất 01 hồ sơ trực tuyến.", []),
        ("Liên hệ số điện thoại 0912 345 678, máy lẻ 15.", []),
        ("Tiếp tục phòng, chống dịch Covid - 19 hiệu quả.", []),
    ],
)
def test_target_values_and_bounds(sentence: str, expected: list[tuple[float, str, str]]) -> None:
    assert _keys(_targets(sentence)) == expected


def test_level_3_4_is_not_a_target_but_the_share_after_it_is() -> None:
    (t,) = _targets("Thủ tục mức độ 3,4 có phát sinh hồ sơ trực tuyến đạt 60%.")
    assert (t.value, t.op) == (60, ">=")


def test_tro_len_a_few_words_after_the_share() -> None:
    (t,) = _targets("Tỷ lệ hồ sơ xử lý trực tuyến từ 45% số hồ sơ thủ tục hành chính trở lên.")
    assert (t.value, t.op) == (45, ">=")
    assert t.measure == "Tỷ lệ hồ sơ xử lý trực tuyến số hồ sơ thủ tục hành chính"


def test_two_equal_shares_in_one_sentence_keep_their_own_clauses() -> None:
    first, second = _targets("Hài lòng về dịch vụ giáo dục đạt 90% trở lên, về giải quyết thủ tục đạt 90% trở lên.")
    assert first.text == "Hài lòng về dịch vụ giáo dục đạt 90% trở lên"
    assert second.text == "về giải quyết thủ tục đạt 90% trở lên"
    assert first.span.start != second.span.start


def test_text_drops_list_marker_and_head_measure_drops_aim_words() -> None:
    (t,) = _targets("2. Chỉ tiêu chuyển đổi số: bảo đảm tỷ lệ văn bản ký số đạt từ 95% trở lên.")
    assert t.text == "bảo đảm tỷ lệ văn bản ký số đạt từ 95% trở lên"
    assert t.measure == "tỷ lệ văn bản ký số"
    assert t.span.raw == "từ 95%"


def test_measure_falls_back_to_the_head_before_a_colon() -> None:
    (t,) = _targets("- Tỷ lệ hồ sơ đúng hạn: 98%.")
    assert t.measure == "Tỷ lệ hồ sơ đúng hạn"


def test_shares_inside_quoted_names_are_not_targets() -> None:
    assert _keys(_targets("Hưởng ứng phong trào “Phấn đấu 100% trường học xanh” của tỉnh.")) == []


def test_shares_inside_cited_titles_are_not_targets() -> None:
    body = "Thực hiện Kế hoạch số 5/KH-UBND về nâng tỷ lệ tiêm chủng đạt 95%; bảo đảm 100% trẻ được khám."
    assert _keys(_targets(body, excluded=[("Kế hoạch số 5", "đạt 95%")])) == [(100, "%", "=")]


def test_past_year_is_judged_from_the_title_when_there_is_no_date() -> None:
    body = "Năm 2023 tỷ lệ đạt 80%, năm 2024 tỷ lệ đạt 90%."
    assert _keys(_targets(body, issued=None, title=TITLE)) == [(90, "%", ">=")]


def test_title_is_not_read_for_targets() -> None:
    assert _keys(_targets("Các đơn vị triển khai.", title="Phấn đấu 100% hồ sơ trực tuyến")) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I. KẾT QUẢ NĂM HỌC 2022 - 2023\nHọc sinh lên lớp\t97,2%\nII. CHỈ TIÊU\n1. Học sinh lên lớp đạt trên 98%.",
         [(98, "%", ">")]),
        ("1. Tình hình thực hiện năm trước\nTỷ lệ hồ sơ đúng hạn đạt 91%.\n2. Nhiệm vụ\nBảo đảm 100% hồ sơ đúng hạn.",
         [(100, "%", "=")]),
        ("II. KẾT QUẢ CẦN ĐẠT\n1. Tỷ lệ hộ dùng nước sạch đạt 90%.", [(90, "%", ">=")]),
        ("III. ĐÁNH GIÁ, XẾP LOẠI\nSố cá nhân xếp loại xuất sắc không quá 20% tổng số.", [(20, "%", "<=")]),
    ],
)
def test_sections_that_report_results_hold_no_targets(body: str, expected: list[tuple[float, str, str]]) -> None:
    assert _keys(_targets(body)) == expected


def test_decimal_comma_is_not_a_clause_cut() -> None:
    first, second = _targets("Thủ tục trực tuyến đạt 40%, dịch vụ mức độ 3,4 đạt 50%.")
    assert second.text == "dịch vụ mức độ 3,4 đạt 50%"
    assert first.text == "Thủ tục trực tuyến đạt 40%"


@pytest.mark.parametrize(
    "body",
    [
        "Số cá nhân đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở không quá 15% tổng số cá nhân "
        "đạt Lao động tiên tiến.",
        "Kết quả năm học 2023 - 2024: tỷ lệ học sinh hoàn thành chương trình đạt 99,6%.",
        "Báo cáo nêu rõ chỉ số cụ thể (ví dụ: tỷ lệ hoàn thành 98,2% kế hoạch năm).",
    ],
)
def test_bug_award_caps_results_and_examples_are_not_targets(body: str) -> None:
    assert extract_targets(make_ctx(body)) == []


@pytest.mark.parametrize(
    ("clause", "measure"),
    [
        ("Tỷ lệ  hồ sơ   giải quyết đúng hạn", "Tỷ lệ hồ sơ giải quyết đúng hạn"),  # runs of spaces only
        ("Tỷ lệ\u00a0 hồ sơ\tđúng hạn ( ) , đạt", "Tỷ lệ hồ sơ đúng hạn"),  # a no-break space and a tab
        ("  cán bộ ,  công chức  ", "cán bộ, công chức"),
        ("x\u2003\u2003y ;z", "x y;z"),  # em spaces
    ],
)
def test_measure_has_single_spaces(clause: str, measure: str) -> None:
    assert _measure(clause, 0, len(clause), []) == measure
