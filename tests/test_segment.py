import pytest

from extractor.extraction.normalize import normalize
from extractor.extraction.segment import split_documents

LETTER = """ỦY BAN NHÂN DÂN HUYỆN LẠC DƯƠNG
PHÒNG NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 61/PNV-TĐKT
Lạc Dương, ngày 9 tháng 3 năm 2016
V/v triển khai kế hoạch thi đua
Kính gửi: Các cơ quan, đơn vị.
Phòng Nội vụ gửi kèm Kế hoạch số 40/KH-UBND để các đơn vị thực hiện.
Đề nghị các đơn vị nghiêm túc triển khai.
Nơi nhận:
- Như trên;
- Lưu: VT.
Phạm Thị Hằng
"""

PLAN = """ỦY BAN NHÂN DÂN
HUYỆN LẠC DƯƠNG
Số: 40/KH-UBND
Lạc Dương, ngày 2 tháng 3 năm 2016
KẾ HOẠCH
Thi đua lập thành tích năm 2016
I. MỤC ĐÍCH
Động viên cán bộ thi đua.
II. NỘI DUNG
Các đơn vị đăng ký thi đua.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Sơn
"""

APPENDIX = """TÊN ĐƠN VỊ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Biểu mẫu 01
BẢNG ĐĂNG KÝ THI ĐUA
(Kèm theo Kế hoạch số     /KH-UBND ngày   tháng 3 năm 2016)
STT	Tên đơn vị	Nội dung
"""

DECISION = """ỦY BAN NHÂN DÂN XÃ BÌNH AN
Số: 17/QĐ-UBND
Bình An, ngày 4 tháng 1 năm 2022
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch thi đua năm 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2022.
Điều 2. Quyết định có hiệu lực từ ngày ký.
CHỦ TỊCH
Đỗ Minh Khoa
"""

ISSUED_PLAN = """ỦY BAN NHÂN DÂN XÃ BÌNH AN
KẾ HOẠCH
Thi đua năm 2022
(Ban hành kèm theo Quyết định số 17/QĐ-UBND ngày 4/1/2022 của UBND xã)
I. MỤC ĐÍCH
Thi đua hoàn thành chỉ tiêu.
"""


def _starts(raw: str) -> list[str]:
    text = normalize(raw)
    return [text[s.start : s.end].strip().split("\n")[0] for s in split_documents(text)]


def test_letter_followed_by_the_plan_it_forwards_is_two_documents() -> None:
    assert _starts(LETTER + "\n" + PLAN) == ["ỦY BAN NHÂN DÂN HUYỆN LẠC DƯƠNG", "ỦY BAN NHÂN DÂN"]


def test_appendix_form_belongs_to_the_plan() -> None:
    assert _starts(PLAN + "\n" + APPENDIX) == ["ỦY BAN NHÂN DÂN"]


def test_decision_followed_by_the_plan_it_issues_is_two_documents() -> None:
    assert _starts(DECISION + "\n" + ISSUED_PLAN) == ["ỦY BAN NHÂN DÂN XÃ BÌNH AN", "ỦY BAN NHÂN DÂN XÃ BÌNH AN"]


def test_text_without_header_is_one_document() -> None:
    assert len(_starts("Một đoạn văn bản không có tiêu đề.\nDòng thứ hai.")) == 1


def test_bundle_with_appendix_keeps_three_parts_as_two_documents() -> None:
    assert len(_starts(LETTER + "\n" + PLAN + "\n" + APPENDIX)) == 2


def test_bug_caps_signer_of_the_letter_stays_with_the_letter() -> None:
    letter = LETTER.replace("Phạm Thị Hằng", "TRƯỞNG PHÒNG\nPHẠM THỊ HẰNG")
    text = normalize(letter + "\n" + PLAN)
    first, second = split_documents(text)
    assert "PHẠM THỊ HẰNG" in text[first.start : first.end]
    assert text[second.start : second.end].startswith("ỦY BAN NHÂN DÂN\nHUYỆN LẠC DƯƠNG")



def test_bug_bare_decides_line_before_article_one_opens_no_document() -> None:
    decision = DECISION.replace("QUYẾT ĐỊNH:\nĐiều 1", "QUYẾT ĐỊNH\nĐiều 1")
    assert _starts(decision + "\n" + ISSUED_PLAN) == ["ỦY BAN NHÂN DÂN XÃ BÌNH AN", "ỦY BAN NHÂN DÂN XÃ BÌNH AN"]


def test_bug_decides_split_over_two_lines_is_one_word() -> None:
    decision = DECISION.replace("QUYẾT ĐỊNH\nVề", "QUYẾT\nĐỊNH\nVề").replace("QUYẾT ĐỊNH:", "QUYẾT\nĐỊNH:")
    text = normalize(decision)
    assert "QUYẾT ĐỊNH\nVề việc" in text and "QUYẾT ĐỊNH:\nĐiều 1" in text
    assert len(split_documents(text)) == 1


@pytest.mark.parametrize("rule", ["-------", "*", "___"])
def test_bug_plan_header_keeps_its_issuer_above_the_column_rule(rule: str) -> None:
    plan = PLAN.replace("HUYỆN LẠC DƯƠNG\n", f"HUYỆN LẠC DƯƠNG\n{rule}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    text = normalize(LETTER + "\n" + plan)
    _, second = split_documents(text)
    assert text[second.start : second.end].startswith("ỦY BAN NHÂN DÂN\nHUYỆN LẠC DƯƠNG\n")


def test_flattened_second_header_of_a_bundle_opens_the_plan() -> None:
    plan = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM HUYỆN LẠC DƯƠNG Độc lập - Tự do - Hạnh phúc "
            "Số: 40/KH-UBND Lạc Dương, ngày 2 tháng 3 năm 2016\n" + PLAN.split("KẾ HOẠCH", 1)[1].join(["KẾ HOẠCH", ""]))
    assert _starts(LETTER + "\n" + plan) == ["ỦY BAN NHÂN DÂN HUYỆN LẠC DƯƠNG", "ỦY BAN NHÂN DÂN"]


def test_bug_reference_after_a_bare_decides_line_is_cited_not_basis() -> None:
    from extractor.extraction.pipeline import extract_text

    article = "Điều 1. Thực hiện Kế hoạch số 9/KH-UBND ngày 2/1/2022 của UBND huyện, ban hành Kế hoạch thi đua."
    decision = DECISION.replace("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2022.",
                                "QUYẾT ĐỊNH\n" + article)
    _, (doc,) = extract_text(decision)
    assert [(r.number, r.relation) for r in doc.references] == [("9/KH-UBND", "cites")]
