import pytest

from extractor.extraction.facts import Facts
from extractor.extraction.fields.timeline import extract_deadlines, extract_periods
from tests.helpers import make_ctx


def _ctx(body: str, issued: str | None = "2020-05-05", title: str | None = None,
         excluded: list[tuple[str, str]] | None = None) -> Facts:
    # a title stands under the document type, as in a real header
    return make_ctx(body, head="KẾ HOẠCH\n" if title else "", title=title, issued_date=issued,
                    excluded=excluded or ())


def _dates(body: str, issued: str | None = "2020-05-05") -> list[str]:
    return [d.date for d in extract_deadlines(_ctx(body, issued))]


def _periods(body: str, issued: str | None = "2020-05-05", title: str | None = None,
             excluded: list[tuple[str, str]] | None = None) -> list[tuple[str | None, str | None]]:
    return [(p.start, p.end) for p in extract_periods(_ctx(body, issued, title, excluded))]


@pytest.mark.parametrize(
    ("sentence", "issued", "expected"),
    [
        ("Các đơn vị gửi báo cáo về Phòng Nội vụ trước ngày 20 tháng 6 năm 2021.", None, ["2021-06-20"]),
        ("Nộp hồ sơ đề nghị khen thưởng trước ngày 05/10/2022.", None, ["2022-10-05"]),
        ("Chậm nhất ngày 30/11/2022, các trường gửi danh sách.", None, ["2022-11-30"]),
        ("Hoàn thành việc rà soát chậm nhất là ngày 15/12/2022.", None, ["2022-12-15"]),
        ("Hạn chót: ngày 01/3/2023.", None, ["2023-03-01"]),
        ("Bài dự thi gửi về Ban Tổ chức không muộn hơn ngày 10/4/2023.", None, ["2023-04-10"]),
        ("Báo cáo được gửi không chậm hơn ngày 3.7.2023.", None, ["2023-07-03"]),
        ("Gửi hồ sơ về Văn phòng trước 17 giờ ngày 25/8/2023.", None, ["2023-08-25"]),
        ("Gửi bản mềm trước 16h30, ngày 02/9/2023.", None, ["2023-09-02"]),
        ("Nộp bài trước 10h00’ ngày 14/11/2023.", None, ["2023-11-14"]),
        ("Thời hạn nộp: chậm nhất vào ngày 20/3/2024.", None, ["2024-03-20"]),
        ("Thời hạn: trước 30/6/2023.", None, ["2023-06-30"]),
        ("Các xã báo cáo trước tháng 6/2021.", None, ["2021-06"]),
        ("Các xã báo cáo trước tháng 7 năm 2021.", None, ["2021-07"]),
        # a date without its year takes the issue year, or is dropped when that is unknown
        ("Các đơn vị đăng ký thi đua trước ngày 15/5.", "2020-05-05", ["2020-05-15"]),
        ("Các đơn vị đăng ký thi đua trước ngày 15 tháng 5.", "2020-05-05", ["2020-05-15"]),
        ("Các đơn vị đăng ký thi đua trước ngày 15/5.", None, []),
        # period ends, other dates and impossible dates are not deadlines
        ("Thi đua từ ngày 01/6/2020 đến hết ngày 31/10/2020.", None, []),
        ("Đợt thi đua kéo dài đến ngày 30/9/2021.", None, []),
        ("Căn cứ Kế hoạch số 12/KH-UBND ngày 4/3/2021 của Ủy ban nhân dân huyện.", None, []),
        ("Liên hệ số điện thoại 0918 323 392 trước khi gửi.", None, []),
        ("Tổ chức các hoạt động trước Tết Nguyên đán; họp trong tháng 12/2023.", None, []),
        ("Báo cáo định kỳ trước ngày 20 hằng tháng.", "2023-01-05", []),
        ("Nộp trước ngày 31/02/2021.", None, []),
        ("Nộp hồ sơ trước ngày   tháng   năm 2021.", None, []),
        ("Nộp hồ sơ trước tháng 8.", "2021-01-04", []),
        # one deadline per date
        ("Báo cáo sơ kết trước ngày 10/6/2021; nộp minh chứng trước ngày 10/6/2021.", None, ["2021-06-10"]),
        ("Đăng ký trước ngày 12/5/2020. Báo cáo tổng kết trước ngày 02/11/2020.", None,
         ["2020-05-12", "2020-11-02"]),
    ],
)
def test_deadline_dates(sentence: str, issued: str | None, expected: list[str]) -> None:
    assert _dates(sentence, issued) == expected


def test_deadline_task_is_the_clause_before_the_lead() -> None:
    (d,) = extract_deadlines(_ctx("+ Báo cáo sơ kết đợt 1: Trước ngày 08 tháng 6 năm 2020."))
    assert d.task == "Báo cáo sơ kết đợt 1"
    assert d.text == "Báo cáo sơ kết đợt 1: Trước ngày 08 tháng 6 năm 2020"
    assert d.span.raw == "Trước ngày 08 tháng 6 năm 2020"


def test_deadline_task_after_the_date_when_the_clause_starts_with_it() -> None:
    (d,) = extract_deadlines(_ctx("Trước ngày 15/5/2020, các trường nộp danh sách giáo viên dự thi."))
    assert d.task == "các trường nộp danh sách giáo viên dự thi"


def test_deadline_inside_cited_title_is_skipped() -> None:
    body = "Thực hiện Công văn số 8/UBND về việc báo cáo trước ngày 9/9/2021; các trường nộp trước ngày 20/9/2021."
    ctx = _ctx(body, excluded=[("Công văn số 8", "9/9/2021")])
    assert [d.date for d in extract_deadlines(ctx)] == ["2021-09-20"]


@pytest.mark.parametrize(
    ("sentence", "issued", "expected"),
    [
        ("Thời gian: từ ngày 01/6/2020 đến ngày 30/11/2020.", None, [("2020-06-01", "2020-11-30")]),
        ("Từ ngày 01 tháng 6 năm 2020 đến ngày 30 tháng 11 năm 2020.", None, [("2020-06-01", "2020-11-30")]),
        ("Thực hiện từ tháng 6/2020 đến tháng 11/2020.", None, [("2020-06", "2020-11")]),
        ("Thời gian thi đua: từ 01/6 - 30/11/2020.", None, [("2020-06-01", "2020-11-30")]),
        ("Thời gian thi đua: từ ngày 15/5/2023 - 30/5/2023.", None, [("2023-05-15", "2023-05-30")]),
        ("Triển khai từ tháng 5 đến tháng 8 năm 2023.", None, [("2023-05", "2023-08")]),
        ("Triển khai từ tháng 01 năm 2023 đến tháng 12 năm 2023.", None, [("2023-01", "2023-12")]),
        ("Từ ngày 01 tháng 6 đến ngày 30 tháng 11 năm 2020.", None, [("2020-06-01", "2020-11-30")]),
        ("Từ ngày 01/12 đến ngày 28/02/2021.", None, [("2020-12-01", "2021-02-28")]),
        ("Từ ngày 10/3/2021 đến ngày 25/4.", None, [("2021-03-10", "2021-04-25")]),
        ("Từ ngày 10/5 đến ngày 25/5.", "2021-05-02", [("2021-05-10", "2021-05-25")]),
        # a start in words: the issue date when it names the issue, else unknown
        ("Triển khai từ ngày ban hành kế hoạch đến ngày 31 tháng 5 năm 2020.", "2020-05-05",
         [("2020-05-05", "2020-05-31")]),
        ("Kể từ ngày ký ban hành đến hết ngày 31/12/2020.", "2020-05-05", [("2020-05-05", "2020-12-31")]),
        ("Từ khi Kế hoạch này được ban hành đến ngày 30/6/2020.", "2020-05-05", [("2020-05-05", "2020-06-30")]),
        ("Từ nay đến ngày 30/6/2021.", "2021-03-02", [("2021-03-02", "2021-06-30")]),
        ("Kể từ ngày ký ban hành đến hết ngày 31/12/2020.", "2020-05", [(None, "2020-12-31")]),
        ("Từ lúc phát động phong trào đến hết ngày 31/10/2023.", None, [(None, "2023-10-31")]),
        ("Từ ngày đăng ký thi đua đến ngày 30/9/2020.", "2020-05-05", [(None, "2020-09-30")]),
        # not periods
        ("Kế hoạch có hiệu lực kể từ ngày ký.", "2020-05-05", []),
        ("Số lượng tăng từ 5 đến 10 đơn vị.", None, []),
        ("Tiếp tục phòng, chống dịch Covid - 19 từ năm 2020.", None, []),
        ("Lựa chọn từ cao xuống thấp đến khi đủ số lượng.", None, []),
    ],
)
def test_dated_periods(sentence: str, issued: str | None, expected: list[tuple[str | None, str | None]]) -> None:
    assert _periods(sentence, issued) == expected


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("- Đợt 1: Từ ngày 01/3/2021 đến ngày 30/6/2021.", "Đợt 1"),
        ("+ Sơ kết: từ ngày 1/1/2021 đến 30/6/2021.", "sơ kết"),
        ("Giai đoạn 2: từ tháng 7/2021 đến tháng 12/2021.", "Giai đoạn 2"),
        ("Tổng kết từ ngày 1/11/2021 đến ngày 30/11/2021.", "tổng kết"),
        ("Đợt thi đua được phát động từ ngày 1/5/2021 đến ngày 30/11/2021.", None),
    ],
)
def test_phase_labels(line: str, label: str | None) -> None:
    (p,) = extract_periods(_ctx(line))
    assert p.label == label


def test_period_text_is_its_clause() -> None:
    (p,) = extract_periods(_ctx("- Đợt 2: Từ ngày 01/7/2021 đến ngày 30/9/2021."))
    assert p.text == "Đợt 2: Từ ngày 01/7/2021 đến ngày 30/9/2021"


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        # the plan's own title dates it
        ("Các đơn vị triển khai.", "Thi đua xây dựng nông thôn mới giai đoạn 2021 - 2025", [("2021", "2025")]),
        # a school year is the plan's setting, not a period it sets
        ("Các trường triển khai.", "Thi đua dạy tốt, học tốt năm học 2023 - 2024", []),
        # quotes in the plan's own title do not hide its span
        ("Các trường triển khai.", "Phong trào “Trường học số giai đoạn 2024 - 2026”", [("2024", "2026")]),
        # a time section dates it
        ("I. MỤC ĐÍCH\nNâng cao chất lượng.\nIV. THỜI GIAN THỰC HIỆN\nTrong giai đoạn 2022-2025.", None,
         [("2022", "2025")]),
        ("III. TIẾN ĐỘ\n1. Lộ trình\nTriển khai từ năm 2021 đến năm 2025.", None, [("2021", "2025")]),
        # context in an opening paragraph is not the plan's period
        ("Nhằm thực hiện cải cách hành chính giai đoạn 2021 - 2025 nói chung.\nI. MỤC ĐÍCH\nNâng cao.", None, []),
        # a quoted name, a congress term, an inverted pair are not either
        ("II. THỜI GIAN\nTriển khai Đề án “Chuyển đổi số giai đoạn 2022 - 2025” đến các đơn vị.", None, []),
        ("II. THỜI GIAN\nChào mừng Đại hội Đảng bộ nhiệm kỳ 2020 - 2025.", None, []),
        ("II. THỜI GIAN\nTrong giai đoạn 2025 - 2021.", None, []),
        # once, though the title and the time section both say it
        ("IV. TIẾN ĐỘ THỰC HIỆN\nTổng kết giai đoạn 2023 - 2025.", "Thi đua cải cách hành chính giai đoạn 2023 - 2025",
         [("2023", "2025")]),
        # a long numbered paragraph that mentions time is not a time heading
        ("1. Các đơn vị bố trí thời gian hợp lý để triển khai chương trình của tỉnh giai đoạn 2021 - 2025 một cách "
         "đồng bộ và hiệu quả.", None, []),
    ],
)
def test_year_spans(body: str, title: str | None, expected: list[tuple[str, str]]) -> None:
    assert _periods(body, None, title) == expected


def test_year_span_in_a_cited_title_is_skipped() -> None:
    body = ("IV. THỜI GIAN THỰC HIỆN\nTheo Kế hoạch số 843/KH-UBND về cải cách hành chính giai đoạn 2020 - 2025; "
            "trường thực hiện giai đoạn 2023 - 2025.")
    ctx = _ctx(body, excluded=[("Kế hoạch số 843", "2020 - 2025")])
    assert [(p.start, p.end) for p in extract_periods(ctx)] == [("2023", "2025")]


def test_dated_period_in_a_cited_title_is_skipped() -> None:
    body = "Căn cứ Kế hoạch số 7/KH-UBND về thi đua từ ngày 1/3/2021 đến ngày 30/4/2021 của huyện."
    assert _periods(body, excluded=[("Kế hoạch số 7", "của huyện")]) == []


def test_year_span_label_is_giai_doan() -> None:
    (p,) = extract_periods(_ctx("Các đơn vị triển khai.", title="Thi đua giai đoạn 2022 - 2025"))
    assert (p.label, p.text) == ("giai đoạn", "giai đoạn 2022 - 2025")


def test_same_dates_twice_make_one_period() -> None:
    body = "Thời gian từ ngày 1/6/2020 đến ngày 30/6/2020.\nĐợt 1: từ 01/6/2020 đến 30/6/2020."
    assert _periods(body) == [("2020-06-01", "2020-06-30")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hội thi diễn ra từ ngày 10 đến ngày 15/5/2021.", [("2021-05-10", "2021-05-15")]),
        ("Tổ chức chấm thi từ 20 - 25/6/2021.", [("2021-06-20", "2021-06-25")]),
        ("Tập huấn từ ngày 28 đến ngày 03 tháng 7 năm 2021.", [("2021-06-28", "2021-07-03")]),
        ("Ôn tập từ ngày 29 đến ngày 04/01/2022.", [("2021-12-29", "2022-01-04")]),
        ("Thời gian tập huấn từ 5 đến 10 ngày.", []),
        # hours of one day are not a period
        ("Làm việc từ 8 giờ đến 17 giờ ngày 5/5/2021.", []),
    ],
)
def test_start_day_takes_month_and_year_from_the_end(sentence: str,
                                                     expected: list[tuple[str | None, str | None]]) -> None:
    assert _periods(sentence) == expected


def test_bug_yearly_deadline_has_no_single_date() -> None:
    ctx = _ctx("Các huyện tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 11 hằng năm.")
    assert extract_deadlines(ctx) == []


@pytest.mark.parametrize("width", [0, 1, 199, 200, 201, 450])  # lines shorter and longer than the near look-back
@pytest.mark.parametrize("start", [0, 3])  # a document from the text's start, and one after a line of another
def test_line_start_near_and_far(width: int, start: int) -> None:
    """A line break in the few characters before a position is found there, a farther one by bisecting."""
    text = "xx\n" + "\n".join(["a" * width, "b" * width, "", "c" * (2 * width)]) + "\nd"
    ctx = Facts(text=text, start=start, end=len(text) - 1, body_start=start, preamble_end=start)
    for pos in range(start, len(text) + 1):
        assert ctx.line_start(pos) == max(start, text.rfind("\n", start, min(pos, ctx.end)) + 1)
