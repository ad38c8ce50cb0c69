import pytest

from extractor.extraction.fields.quotas import extract_quotas
from extractor.extraction.models import Quota
from tests.helpers import LONG_THANH, make_ctx


def _quotas(body: str, excluded: tuple[str, ...] = ()) -> list[Quota]:
    ctx = make_ctx(body, locality=LONG_THANH, excluded=excluded)
    return extract_quotas(ctx)


def _rows(body: str) -> list[tuple[int, str, str, str | None, str | None, str | None]]:
    return [(q.count, q.op, q.recipient, q.phase, q.group, q.award) for q in _quotas(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tặng Giấy khen của Hiệu trưởng cho 03 tập thể dẫn đầu khối thi đua.",
         [(3, "=", "tập thể", None, None, "Giấy khen")]),
        ("Khen thưởng không quá 05 cá nhân tiêu biểu.", [(5, "<=", "cá nhân", None, None, None)]),
        ("Tặng Giấy khen tối đa 04 cá nhân.", [(4, "<=", "cá nhân", None, None, "Giấy khen")]),
        ("Mỗi khối đề nghị khen thưởng ít nhất 01 tập thể.", [(1, ">=", "tập thể", None, None, None)]),
        # a body counts as a collective
        ("Tặng Bằng khen cho tối thiểu 02 đơn vị.", [(2, ">=", "tập thể", None, None, "Bằng khen")]),
        # numbers in words
        ("Khen thưởng hai tập thể và năm cá nhân xuất sắc.",
         [(2, "=", "tập thể", None, None, None), (5, "=", "cá nhân", None, None, None)]),
        ("Tặng Giấy khen cho 02 (hai) tập thể.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
        # one comparison word for a list
        ("Không quá 01 tập thể và 03 cá nhân được khen thưởng.",
         [(1, "<=", "tập thể", None, None, None), (3, "<=", "cá nhân", None, None, None)]),
        ("Khen thưởng 03 tập thể trở lên.", [(3, ">=", "tập thể", None, None, None)]),
        ("Khi tổng kết năm, tặng Giấy khen cho 04 cá nhân.", [(4, "=", "cá nhân", "tổng kết năm", None, "Giấy khen")]),
        ("Tặng Giấy khen cho 10 hộ gia đình tiêu biểu.", [(10, "=", "hộ gia đình", None, None, "Giấy khen")]),
        ("Khen thưởng không quá 02 (hai) cá nhân.", [(2, "<=", "cá nhân", None, None, None)]),
        # prizes of a contest
        ("4. Cơ cấu giải thưởng\n01 giải Nhất, 02 giải Nhì, 03 giải Ba.",
         [(1, "=", "giải Nhất", None, None, None), (2, "=", "giải Nhì", None, None, None),
          (3, "=", "giải Ba", None, None, None)]),
        # phase lines and competing groups under a quota heading
        ("3. Số lượng khen thưởng\n* Sơ kết 6 tháng đầu năm:\n+ Khối phường: 01 tập thể.\n+ Không quá 02 cá nhân.\n"
         "* Tổng kết năm:\n+ Khối phường: 02 tập thể.",
         [(1, "=", "tập thể", "sơ kết 6 tháng đầu năm", "Khối phường", None),
          (2, "<=", "cá nhân", "sơ kết 6 tháng đầu năm", None, None),
          (2, "=", "tập thể", "tổng kết năm", "Khối phường", None)]),
        ("2. Khen thưởng\nĐợt 1: tặng Giấy khen cho 02 tập thể.\nĐợt 2: tặng Giấy khen cho 03 tập thể.",
         [(2, "=", "tập thể", "đợt 1", None, "Giấy khen"), (3, "=", "tập thể", "đợt 2", None, "Giấy khen")]),
        ("2. Số lượng khen thưởng\n- Đối với các trường Tiểu học: 02 tập thể.",
         [(2, "=", "tập thể", None, "các trường Tiểu học", None)]),
        # the award named in the heading
        ("3. Số lượng khen thưởng (Bằng khen của UBND tỉnh)\n- 01 tập thể.",
         [(1, "=", "tập thể", None, None, "Bằng khen")]),
        # the only award of the document
        ("1. Hình thức khen thưởng\nGiấy khen của Hiệu trưởng.\n2. Số lượng khen thưởng\n+ Tổ Văn: 01 tập thể.",
         [(1, "=", "tập thể", None, "Tổ Văn", "Giấy khen")]),
        # a year labels a phase, a sentence starting with a year does not
        ("2. Số lượng khen thưởng\n- Năm 2024: 02 tập thể.\nNăm 2025 tiếp tục xét, tặng Giấy khen cho 03 tập thể.",
         [(2, "=", "tập thể", "năm 2024", None, "Giấy khen"), (3, "=", "tập thể", "năm 2024", None, "Giấy khen")]),
        # a phase named in the sentence, before the quota or after it with an intro word
        ("Tại hội nghị tổng kết cuối năm, Ban Thường vụ tặng Giấy khen cho không quá 04 tập thể.",
         [(4, "<=", "tập thể", "tổng kết cuối năm", None, "Giấy khen")]),
        ("Chủ tịch UBND xã tặng Giấy khen cho 02 tập thể khi tổng kết phong trào cuối năm.",
         [(2, "=", "tập thể", "tổng kết cuối năm", None, "Giấy khen")]),
        # a phase named in the heading; a form before ':' is not a group
        ("2. Số lượng (sơ kết năm 2024)\n- Cờ thi đua của UBND tỉnh: 01 tập thể.",
         [(1, "=", "tập thể", "sơ kết năm 2024", None, "Cờ thi đua")]),
        # a year in a heading is not a phase
        ("3. Khen thưởng năm 2024\nTặng Giấy khen cho 02 tập thể.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
        ("a) Sơ kết học kỳ I\nTặng Giấy khen cho 05 học sinh.", [(5, "=", "cá nhân", "sơ kết học kỳ i", None,
                                                              "Giấy khen")]),
    ],
)
def test_quotas(body: str, expected: list[tuple[int, str, str, str | None, str | None, str | None]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Hồ sơ đề nghị khen thưởng gồm 02 bộ hồ sơ.",
        "Mỗi đơn vị nộp 01 bộ hồ sơ đề nghị khen thưởng.",
        "Thi đua thực hiện 02 nội dung chính.",
        "II. ĐỐI TƯỢNG THI ĐUA\nĐối tượng: 15 tập thể và 120 cá nhân.",
        "Mỗi cán bộ thực hiện ít nhất 01 hồ sơ trực tuyến để được khen thưởng.",
        "Phấn đấu 100% cá nhân được khen thưởng.",
        "Trong năm cá nhân có sáng kiến sẽ được khen thưởng.",
        "Kế hoạch thực hiện trong 05 năm, khen thưởng hằng năm.",
        "Ngày 03 tập huấn khen thưởng.",
        "Ngày 15 tổ chức tổng kết, khen thưởng các đơn vị.",
        "Hồ sơ khen thưởng của 03 tập thể được gửi về Phòng Nội vụ.",
        "1. Chỉ tiêu thi đua\nCó 03 đơn vị đạt chuẩn.",
    ],
)
def test_not_quotas(body: str) -> None:
    assert _quotas(body) == []


def test_quota_inside_excluded_span_is_skipped() -> None:
    cited = "khen thưởng 05 tập thể điển hình"
    assert _quotas(f"Thực hiện Kế hoạch số 9/KH-UBND về {cited}.", excluded=(cited,)) == []


def test_quota_span_includes_the_comparison_word() -> None:
    (q,) = _quotas("Khen thưởng không quá 05 cá nhân.")
    assert q.span.raw == "không quá 05 cá nhân"


# --- bugs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("III. KHEN THƯỞNG\nĐề nghị Đoàn trường tặng Giấy khen cho 03 đoàn viên xuất sắc.",
         [(3, "=", "cá nhân", None, None, "Giấy khen")]),
        ("III. KHEN THƯỞNG\nTặng Giấy khen của Chủ tịch UBND xã cho 02 ấp xuất sắc nhất.",
         [(2, "=", "tập thể", None, None, "Giấy khen")]),
        ("I. CHỈ TIÊU\nPhấn đấu có thêm 02 ấp đạt chuẩn văn minh đô thị.", []),
    ],
)
def test_bug_recipients_named_by_what_they_are(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


def test_bug_unit_size_condition_is_not_a_quota() -> None:
    rows = _rows("III. KHEN THƯỞNG\nCác đơn vị có dưới 10 cán bộ chỉ được đề nghị tối đa 01 cá nhân.")
    assert rows == [(1, "<=", "cá nhân", None, None, None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a lead-in ending with ':' names the phase of the list under it
        ("Khen thưởng tổng kết năm 2019:\n- Cờ thi đua của UBND tỉnh: không quá 02 tập thể dẫn đầu;\n"
         "- Bằng khen của Chủ tịch UBND tỉnh: 05 cá nhân.",
         [(2, "<=", "tập thể", "tổng kết năm 2019", None, "Cờ thi đua"),
          (5, "=", "cá nhân", "tổng kết năm 2019", None, "Bằng khen")]),
        ("Khen thưởng khi sơ kết 6 tháng đầu năm:\n- Tặng Giấy khen cho tối đa 04 tập thể và 06 cá nhân.",
         [(4, "<=", "tập thể", "sơ kết 6 tháng đầu năm", None, "Giấy khen"),
          (6, "<=", "cá nhân", "sơ kết 6 tháng đầu năm", None, "Giấy khen")]),
        # a phase in brackets after the counts
        ("- Giấy khen: 02 tập thể, 03 cá nhân (tổng kết năm).",
         [(2, "=", "tập thể", "tổng kết năm", None, "Giấy khen"),
          (3, "=", "cá nhân", "tổng kết năm", None, "Giấy khen")]),
        # a long sentence ending with ':' is not a phase label for what follows
        ("3. Khen thưởng\nCác đơn vị gửi báo cáo sơ kết 6 tháng về Phòng Nội vụ kèm hồ sơ, danh sách gồm các "
         "nội dung:\n- Tặng Giấy khen cho 02 tập thể.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
        # a lead-in without a phase names none
        ("Khen thưởng chuyên đề:\n- Tặng Giấy khen cho 02 tập thể.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
    ],
)
def test_bug_lead_in_line_names_the_phase(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the phase named after the counts, with which occurrence of it
        ("Tặng Giấy khen cho không quá 03 tập thể, 05 cá nhân trong mỗi đợt sơ kết.",
         [(3, "<=", "tập thể", "sơ kết", None, "Giấy khen"), (5, "<=", "cá nhân", "sơ kết", None, "Giấy khen")]),
        ("Hiệu trưởng tặng Giấy khen cho 02 tập thể khi tổng kết năm học.",
         [(2, "=", "tập thể", "tổng kết năm học", None, "Giấy khen")]),
        ("Tặng Giấy khen cho 01 tập thể sau mỗi đợt sơ kết 6 tháng đầu năm.",
         [(1, "=", "tập thể", "sơ kết 6 tháng đầu năm", None, "Giấy khen")]),
        ("Khen thưởng tối đa 02 cá nhân mỗi kỳ tổng kết.", [(2, "<=", "cá nhân", "tổng kết", None, None)]),
        ("Tặng Giấy khen cho 04 cá nhân vào cuối năm.", [(4, "=", "cá nhân", "cuối năm", None, "Giấy khen")]),
        # after the counts without an intro a phase word is not the quota's phase
        ("Tặng Giấy khen cho 02 tập thể tổng kết năm.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
        ("Tặng Giấy khen cho 02 tập thể trong mỗi đợt kiểm tra.", [(2, "=", "tập thể", None, None, "Giấy khen")]),
    ],
)
def test_bug_phase_named_after_the_counts(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # phases named together: one quota per count, of the first phase (see docs/notes/fix3.md)
        ("Khi sơ kết, tổng kết phong trào, tặng Giấy khen cho 02 tập thể.",
         [(2, "=", "tập thể", "sơ kết", None, "Giấy khen")]),
        ("Khi sơ kết và tổng kết năm, Chủ tịch UBND xã tặng Giấy khen cho 01 tập thể, 03 cá nhân.",
         [(1, "=", "tập thể", "sơ kết", None, "Giấy khen"), (3, "=", "cá nhân", "sơ kết", None, "Giấy khen")]),
        ("Tặng Giấy khen cho 02 tập thể khi sơ kết, tổng kết phong trào.",
         [(2, "=", "tập thể", "sơ kết", None, "Giấy khen")]),
        # phases not joined: the one nearest before the count
        ("Sau sơ kết 6 tháng, căn cứ kết quả chấm điểm, khi tổng kết năm tặng Giấy khen cho 02 tập thể.",
         [(2, "=", "tập thể", "tổng kết năm", None, "Giấy khen")]),
    ],
)
def test_bug_phases_named_together_give_one_quota(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one comparison word for a list, after a colon, in words
        ("Giấy khen: không quá 02 tập thể, 03 cá nhân.",
         [(2, "<=", "tập thể", None, None, "Giấy khen"), (3, "<=", "cá nhân", None, None, "Giấy khen")]),
        ("Tặng Giấy khen cho mỗi đơn vị không quá 01 tập thể và 02 cá nhân.",
         [(1, "<=", "tập thể", None, None, "Giấy khen"), (2, "<=", "cá nhân", None, None, "Giấy khen")]),
        ("- Bằng khen của Chủ tịch UBND tỉnh: 02 tập thể, 05 cá nhân.",
         [(2, "=", "tập thể", None, None, "Bằng khen"), (5, "=", "cá nhân", None, None, "Bằng khen")]),
        # the comparator as a label before a colon
        ("3. Số lượng khen thưởng\nSố lượng tối đa: 02 tập thể, 03 cá nhân.",
         [(2, "<=", "tập thể", None, None, None), (3, "<=", "cá nhân", None, None, None)]),
        # recipients written without diacritics
        ("Tang Bang khen cho 01 tap the.", [(1, "=", "tập thể", None, None, "Bằng khen")]),
    ],
)
def test_bug_shared_comparators_and_colon_counts(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("3. Số lượng khen thưởng\nHình thức\tTập thể\tCá nhân\nGiấy khen\t03\t05\nBằng khen của UBND tỉnh\t01\t02",
         [(3, "=", "tập thể", None, None, "Giấy khen"), (5, "=", "cá nhân", None, None, "Giấy khen"),
          (1, "=", "tập thể", None, None, "Bằng khen"), (2, "=", "cá nhân", None, None, "Bằng khen")]),
        # a number column first, cells split by "|", a phase as the row label, an empty count
        ("III. KHEN THƯỞNG (Giấy khen)\n| TT | Đợt | Tập thể | Cá nhân |\n|---|---|---|---|\n"
         "| 1 | Sơ kết 6 tháng | 02 | 0 |\n| 2 | Tổng kết năm | 04 | 06 |",
         [(2, "=", "tập thể", "sơ kết 6 tháng", None, "Giấy khen"),
          (4, "=", "tập thể", "tổng kết năm", None, "Giấy khen"),
          (6, "=", "cá nhân", "tổng kết năm", None, "Giấy khen")]),
        # a header row that leaves its label cell blank
        ("3. Số lượng khen thưởng\n\t\tTập thể\tCá nhân\nGiấy khen\t03\t05",
         [(3, "=", "tập thể", None, None, "Giấy khen"), (5, "=", "cá nhân", None, None, "Giấy khen")]),
        # a table of another topic is not a quota table
        ("II. CHỈ TIÊU\nKhối\tTập thể\tCá nhân\nTrường học\t12\t340", []),
    ],
)
def test_bug_counts_in_award_tables(body: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "III. KHEN THƯỞNG\nMỗi chi đoàn cử 01 đoàn viên tham gia hội thi; đoàn viên đạt giải được khen thưởng.",
        "4. Khen thưởng\nMỗi trường chọn 02 giáo viên tham gia Hội thi.",
        "Đoàn viên đạt giải được khen thưởng, mỗi chi đoàn cử ít nhất 01 đoàn viên.",
    ],
)
def test_bug_participation_counts_are_not_quotas(body: str) -> None:
    assert _quotas(body) == []


def test_bug_taking_part_alone_still_counts_an_award() -> None:
    # only a sending verb makes it participation: these took part and are awarded
    assert _rows("Tặng Giấy khen cho 05 cá nhân tham gia tích cực phong trào.") == [
        (5, "=", "cá nhân", None, None, "Giấy khen")]
