import itertools
import re as stdre

import pytest
import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields import signature
from extractor.extraction.fields.signature import _auth_head, extract_recipients, extract_signer
from extractor.extraction.fold import fold_accents
from extractor.extraction.orgs import Locality
from extractor.extraction.vocab.signature import SIGN_MARK, SIGN_MARK_CLUE
from tests.helpers import make_ctx

BODY = "Trên đây là kế hoạch thi đua năm 2021 của đơn vị./.\n"
NOI_NHAN = "Nơi nhận:\n- Sở Nội vụ;\n- UBND các xã;\n- Lưu: VT.\n"
QUYNH_LUU = Locality(province="Nghệ An", province_type="tỉnh", district="Quỳnh Lưu", district_type="huyện")


def _ctx(raw: str) -> Facts:
    return make_ctx(raw, locality=QUYNH_LUU)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nHồ Văn Lực", ("Hồ Văn Lực", "Chủ tịch", "TM.")),
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Thị Mai",
         ("Nguyễn Thị Mai", "Phó Chủ tịch", "KT.")),
        ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nLê Quang Vinh", ("Lê Quang Vinh", "Phó Giám đốc", "KT.")),
        ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhan Thanh Tú", ("Phan Thanh Tú", "Chánh Văn phòng", "TL.")),
        ("Q. TRƯỞNG PHÒNG\n\nVõ Minh Tâm", ("Võ Minh Tâm", "Quyền Trưởng phòng", "Q.")),
        ("HIỆU TRƯỞNG\n\nĐặng Thu Hà", ("Đặng Thu Hà", "Hiệu trưởng", None)),
        ("TM. BAN THƯỜNG VỤ\nBÍ THƯ\n\nTRẦN QUỐC HÙNG", ("Trần Quốc Hùng", "Bí thư", "TM.")),
    ],
)
def test_signature_blocks(block: str, expected: tuple[str | None, ...]) -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + block))
    assert signer is not None
    assert (signer.name, signer.position, signer.authority) == expected


def test_bug_garbled_position_line_is_not_a_name() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nHUYỀN CHỦ TỊCH\n\nLý Văn Tư"))
    assert signer is not None
    assert (signer.name, signer.position) == ("Lý Văn Tư", "Phó Chủ tịch")


def test_name_after_recipients_without_position() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "\n\nTrương Công Bình\n"))
    assert signer is not None
    assert (signer.name, signer.position) == ("Trương Công Bình", None)


def test_no_signature_gives_none() -> None:
    assert extract_signer(_ctx(BODY + NOI_NHAN)) is None
    assert extract_signer(_ctx(BODY)) is None


def test_recipients_from_kinh_gui_and_noi_nhan() -> None:
    ctx = _ctx("Kính gửi: - Các trường tiểu học;\n- Trung tâm Y tế huyện.\n\nNội dung công văn.\n"
               "Nơi nhận:\n- Như trên;\n- Phòng GD&ĐT (để báo cáo);\n- Lưu: VT, NV.\n")
    got = [(r.via, r.name) for r in extract_recipients(ctx)]
    assert got == [("kinh_gui", "Các trường tiểu học"), ("kinh_gui", "Trung tâm Y tế huyện"),
                   ("noi_nhan", "Phòng GD&ĐT")]


def test_party_style_authority_t_slash_m() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nHoàng Minh Đức"))
    assert signer is not None
    assert (signer.name, signer.position, signer.authority, signer.on_behalf_of) == (
        "Hoàng Minh Đức", "Phó Bí thư", "TM.", "Ban Thường vụ")


def test_bug_appendix_form_signature_placeholder_is_not_the_signer() -> None:
    raw = BODY + NOI_NHAN + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh Văn Hưng\n\nMẫu số 01\n" \
        "BẢNG ĐĂNG KÝ THI ĐUA\nTHỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)\n"
    signer = extract_signer(_ctx(raw))
    assert signer is not None
    assert (signer.name, signer.position) == ("Đinh Văn Hưng", "Phó Chủ tịch")


def test_bug_second_position_line_does_not_replace_the_first() -> None:
    raw = BODY + NOI_NHAN + "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" \
        "GIÁM ĐỐC SỞ NỘI VỤ\n\nVõ Thị Lan"
    signer = extract_signer(_ctx(raw))
    assert signer is not None
    assert (signer.name, signer.position) == ("Võ Thị Lan", "Phó Chủ tịch")


def test_decision_authority_line_in_body_is_not_a_signature() -> None:
    raw = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015 và các văn bản.\n" \
        + NOI_NHAN + "CHỦ TỊCH\n\nNgô Văn Bảy"
    signer = extract_signer(_ctx(raw))
    assert signer is not None
    assert (signer.name, signer.position) == ("Ngô Văn Bảy", "Chủ tịch")


def test_bug_kt_with_a_named_deputy_title_keeps_it() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Hoàng Phúc"))
    assert signer is not None
    assert (signer.name, signer.position) == ("Nguyễn Hoàng Phúc", "Thứ trưởng")


def test_flattened_two_column_signature_and_recipients() -> None:
    ctx = _ctx(BODY + "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND tỉnh;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n"
               "\t(Đã ký)\n\tTrần Thị Bích\n")
    signer = extract_signer(ctx)
    assert signer is not None
    assert (signer.name, signer.position, signer.authority) == ("Trần Thị Bích", "Phó Chủ tịch", "KT.")
    assert [r.name for r in extract_recipients(ctx)] == ["UBND tỉnh"]


def test_bug_as_addressed_is_not_a_recipient() -> None:
    ctx = _ctx("Kính gửi: Các trường tiểu học.\nNội dung.\nNơi nhận:\n- Như kính gửi;\n- Phòng Nội vụ;\n- Lưu: VT.\n")
    assert [r.name for r in extract_recipients(ctx)] == ["Các trường tiểu học", "Phòng Nội vụ"]


# Signature blocks as real copies hold them: flattened, in table cells, in a PDF's reading order, with
# signature marks, courtesy titles, ASCII text and minority names. (block, (name, position, authority)).
LAYOUTS = [
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Nguyễn Văn An", ("Nguyễn Văn An", "Phó Chủ tịch", "KT.")),
    ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Thị Bình", ("Trần Thị Bình", "Phó Giám đốc", "KT.")),
    ("TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ Lò Văn Pọm", ("Lò Văn Pọm", "Phó Bí thư", "TM.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký, đóng dấu)\nSần Thị Mai", ("Sần Thị Mai", "Chủ tịch", "TM.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n[đã ký]\nVàng A Chống", ("Vàng A Chống", "Chủ tịch", "TM.")),
    ("KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nĐã ký\nY Khu Niê Kdăm", ("Y Khu Niê Kdăm", "Phó Hiệu trưởng", "KT.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(signed)\nH'Nhi Byă", ("H'Nhi Byă", "Chủ tịch", "TM.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n[daky]\n__________\nÔng Danh Sóc", ("Danh Sóc", "Chủ tịch", "TM.")),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nĐ/c Lê Minh Khoa", ("Lê Minh Khoa", "Thứ trưởng", "KT.")),
    ("TM. ĐẢNG ỦY\nBÍ THƯ\n\nThượng tá Hà Văn Lâm", ("Hà Văn Lâm", "Bí thư", "TM.")),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNGUYỄN VĂN AN", ("Nguyễn Văn An", "Phó Chủ tịch", "KT.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nỦY BAN NHÂN DÂN XÃ AN BÌNH\nPhạm Văn Sáu", ("Phạm Văn Sáu", "Chủ tịch", "TM.")),
    ("TM. UY BAN NHAN DAN\nKT. CHU TICH\nPHO CHU TICH\n\nNguyen Van An", ("Nguyen Van An", "Phó Chủ tịch", "KT.")),
    ("T/M UỶ BAN NHÂN DÂN\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh Thị Hoà", ("Đinh Thị Hòa", "Phó Chủ tịch", "KT.")),
    ("TL . CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nHà Văn Lâm", ("Hà Văn Lâm", "Chánh Văn phòng", "TL.")),
    ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\n\nHà Văn Lâm", ("Hà Văn Lâm", "Giám đốc Sở nội vụ", "TUQ.")),
    ("Q. HIỆU TRƯỞNG\n(Ký và ghi rõ họ tên)\n\nHà Văn Lâm", ("Hà Văn Lâm", "Quyền Hiệu trưởng", "Q.")),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An (đã ký)", ("Nguyễn Văn An", "Phó Chủ tịch", "KT.")),
    ("KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nLê Thu\n\nTải về\nVăn bản liên quan", ("Lê Thu", "Phó Giám đốc", "KT.")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNguyễn Văn An\nBản quyền thuộc về Cổng thông tin điện tử tỉnh\n",
     ("Nguyễn Văn An", "Chủ tịch", "TM.")),
]


@pytest.mark.parametrize(("block", "expected"), LAYOUTS)
def test_signature_layouts(block: str, expected: tuple[str | None, ...]) -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + block))
    assert signer is not None
    assert (signer.name, signer.position, signer.authority) == expected


# Two-column rows: (text after the body, signer (name, position, authority), recipients).
TWO_COLUMNS = [
    # tab-separated cells
    ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;\tKT. CHỦ TỊCH\n- Lưu: VT.\tPHÓ CHỦ TỊCH\n\tNguyễn Văn Dũng\n",
     ("Nguyễn Văn Dũng", "Phó Chủ tịch", "KT."), ["Sở Nội vụ"]),
    # markdown table rows
    ("| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n| - Sở Nội vụ; | KT. CHỦ TỊCH |\n| - UBND các xã; | PHÓ CHỦ TỊCH |\n"
     "| - Lưu: VT. | (Đã ký) |\n| | Nguyễn Văn Dũng |\n",
     ("Nguyễn Văn Dũng", "Phó Chủ tịch", "KT."), ["Sở Nội vụ", "UBND các xã"]),
    # a PDF's reading order alternating the columns line by line
    ("Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;\nKT. CHỦ TỊCH\n- UBND các xã;\nPHÓ CHỦ TỊCH\n- Lưu: VT.\n\n"
     "Nguyễn Văn Dũng\n", ("Nguyễn Văn Dũng", "Phó Chủ tịch", "KT."), ["Sở Nội vụ", "UBND các xã"]),
    # the whole block flattened onto one line
    ("Nơi nhận: - Sở Nội vụ; - UBND các xã; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Văn Cường\n",
     ("Lê Văn Cường", "Chủ tịch", "TM."), ["Sở Nội vụ", "UBND các xã"]),
    # wide space runs (normalised to one space) leave the position at a recipient line's end
    ("Nơi nhận:\n- Sở Nội vụ; CHỦ TỊCH\n- UBND các xã;\n- Lưu: VT.\nLê Văn Cường\n",
     ("Lê Văn Cường", "Chủ tịch", None), ["Sở Nội vụ", "UBND các xã"]),
    # a "|" line left by a web page's table between the columns
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n|\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Tư\n",
     ("Trần Văn Tư", "Phó Chủ tịch", "KT."), []),
]


@pytest.mark.parametrize(("tail", "signer_want", "recipients"), TWO_COLUMNS)
def test_two_column_signature_and_recipients(tail: str, signer_want: tuple[str | None, ...],
                                             recipients: list[str]) -> None:
    ctx = _ctx(BODY + tail)
    signer = extract_signer(ctx)
    assert signer is not None
    assert (signer.name, signer.position, signer.authority) == signer_want
    assert [r.name for r in extract_recipients(ctx)] == recipients


def test_bug_authority_prefix_flattened_with_the_next_one_was_read_as_one_organ() -> None:
    signer = extract_signer(_ctx(BODY + "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An\n"))
    assert signer is not None
    assert (signer.name, signer.position, signer.authority, signer.on_behalf_of) == (
        "Nguyễn Văn An", "Phó Chủ tịch", "KT.", "Ủy ban nhân dân")


def test_bug_ascii_position_line_was_taken_for_the_name() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "KT. CHU TICH\nPHO CHU TICH\nNguyen Thi Hoa"))
    assert signer is not None
    assert (signer.name, signer.position) == ("Nguyen Thi Hoa", "Phó Chủ tịch")


def test_bug_signature_mark_image_alt_text_closed_the_block() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "CHỦ TỊCH\n[daky]\n(Đã ký)\nLê Thị Thu"))
    assert signer is not None
    assert signer.name == "Lê Thị Thu"


def test_bug_courtesy_title_hid_the_name() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nĐ/c Bùi Văn Tám"))
    assert signer is not None
    assert signer.name == "Bùi Văn Tám"
    assert signer.span is not None and signer.span.raw.endswith("Bùi Văn Tám")


def test_bug_recipient_list_swallowed_the_interleaved_signature() -> None:
    ctx = _ctx(BODY + "Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\n- UBND huyện;\nCHỦ TỊCH\n- Lưu: VT.\nHồ Văn Lực\n"
               "PHỤ LỤC\n- Biểu mẫu báo cáo\n")
    assert [r.name for r in extract_recipients(ctx)] == ["UBND huyện"]


def test_bug_recipient_flattened_list_was_one_item() -> None:
    ctx = _ctx(BODY + "Nơi nhận: - Sở Tài chính; - Hội đồng Thi đua - Khen thưởng tỉnh; - Lưu: VT.\n")
    assert [r.name for r in extract_recipients(ctx)] == ["Sở Tài chính", "Hội đồng Thi đua - Khen thưởng tỉnh"]


def test_ong_as_a_surname_stays_in_the_name() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "CHỦ TỊCH\n\nÔng Ích Khiêm"))
    assert signer is not None
    assert signer.name == "Ông Ích Khiêm"


def test_bug_digital_signature_stamp_lines_closed_the_block() -> None:
    block = ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKý bởi: Ủy ban nhân dân huyện Quỳnh Lưu\n"
             "Email: ubnd@quynhluu.gov.vn\nThời gian ký: 12.03.2021 10:20:33 +07:00\nHồ Thị Xuân")
    signer = extract_signer(_ctx(BODY + NOI_NHAN + block))
    assert signer is not None
    assert (signer.name, signer.position) == ("Hồ Thị Xuân", "Phó Chủ tịch")


def test_bug_ascii_recipient_heading_was_not_read() -> None:
    # Normalisation may already restore the marks ("Phòng Nội vụ"): compare accent-folded.
    ctx = _ctx(BODY + "Noi nhan:\n- Phong Noi vu (b/c);\n- Nhu tren;\n- Luu: VT.\nCHU TICH\nLe Van Tam\n")
    assert [(fold_accents(r.name), r.purpose) for r in extract_recipients(ctx)] == [("phong noi vu", "b/c")]
    signer = extract_signer(ctx)
    assert signer is not None and signer.name is not None
    assert (fold_accents(signer.name), signer.position) == ("le van tam", "Chủ tịch")


def test_bug_sentence_case_position_line_closed_the_block() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPhó Chủ tịch\n\nLa Văn Thắng"))
    assert signer is not None
    assert (signer.name, signer.position) == ("La Văn Thắng", "Phó Chủ tịch")


def test_position_named_in_a_sentence_is_not_a_signature() -> None:
    raw = BODY + "Giao Phó Chủ tịch phụ trách văn xã chỉ đạo thực hiện.\nChủ tịch.\n" + NOI_NHAN
    assert extract_signer(_ctx(raw)) is None

def test_bug_recipient_span_points_at_wrong_text() -> None:
    """A purpose inside the item ("A (b/c); B"): the name has no exact copy in the text, and the span
    must still cover the recipient (the whole item), not text found at index -1."""
    from extractor.extraction.pipeline import extract_text

    text, docs = extract_text("Nơi nhận:\n- A (b/c); B\n- Phòng Nội vụ;\n")
    got = [(r.name, r.purpose, text[r.span.start : r.span.end], r.span.raw) for r in docs[0].recipients]
    assert got == [("A; B", "b/c", "A (b/c); B", "A (b/c); B"), ("Phòng Nội vụ", None, "Phòng Nội vụ", "Phòng Nội vụ")]


def test_bug_hard_wrap_after_the_authority_prefix_lost_the_deputy() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "TM. ỦY BAN NHÂN DÂN\nKT.\nCHỦ TỊCH\nPHÓ\nCHỦ TỊCH\n\nMa Văn Khiêm"))
    assert signer is not None
    assert (signer.name, signer.position, signer.authority) == ("Ma Văn Khiêm", "Phó Chủ tịch", "KT.")


def test_bug_long_recipient_column_between_position_and_name_cut_the_block() -> None:
    items = "".join(f"- UBND xã số {n};\n" for n in range(1, 16))
    raw = BODY + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNơi nhận:\n" + items + "- Các phòng, ban, ngành,\nđoàn thể huyện;\n" \
        "- Lưu: VT.\nLưu Văn Sáng"
    signer = extract_signer(_ctx(raw))
    assert signer is not None
    assert (signer.name, signer.position) == ("Lưu Văn Sáng", "Chủ tịch")


def test_bug_closing_mark_after_the_name_hid_it() -> None:
    signer = extract_signer(_ctx(BODY + NOI_NHAN + "CHỦ TỊCH\n\nĐỖ THANH BÌNH./."))
    assert signer is not None
    assert signer.name == "Đỗ Thanh Bình"
    assert signer.span is not None and signer.span.raw.endswith("ĐỖ THANH BÌNH")


def test_bug_recipient_in_capitals_starting_with_a_position_was_lost() -> None:
    ctx = _ctx(BODY + "Nơi nhận:\n- CHỦ TỊCH UBND HUYỆN (b/c);\n- Lưu: VT.\nTRƯỞNG PHÒNG\n\nMai Văn Hòa\n")
    assert [r.name for r in extract_recipients(ctx)] == ["CHỦ TỊCH UBND HUYỆN"]
    signer = extract_signer(ctx)
    assert signer is not None
    assert (signer.name, signer.position) == ("Mai Văn Hòa", "Trưởng phòng")


def test_bug_sentence_case_duty_subheading_was_taken_for_the_position() -> None:
    raw = BODY.replace("./.", ".") + "Phó Hiệu trưởng\n- Phụ trách chuyên môn;\n- Theo dõi thi đua.\n" + NOI_NHAN \
        + "HIỆU TRƯỞNG\n\nCao Thị Duyên"
    signer = extract_signer(_ctx(raw))
    assert signer is not None
    assert (signer.name, signer.position) == ("Cao Thị Duyên", "Hiệu trưởng")


@pytest.mark.parametrize(
    ("piece", "auth"),
    [
        ("TM. ỦY BAN NHÂN DÂN", "TM"), ("KT. CHỦ TỊCH", "KT"), ("TL. GIÁM ĐỐC", "TL"), ("TUQ. CHỦ TỊCH", "TUQ"),
        ("Q. HIỆU TRƯỞNG", "Q"), ("T/M BAN THƯỜNG VỤ", "T/M"), ("K/T BÍ THƯ", "K/T"), ("T/L BAN THƯỜNG VỤ", "T/L"),
        ("CHỦ TỊCH", None), ("TRƯỞNG PHÒNG", None), ("", None), ("- TM. UBND", None),
    ],
)
def test_authority_prefix_opening_a_piece(piece: str, auth: str | None) -> None:
    m = _auth_head(piece)
    assert (m.group("auth") if m else None) == auth


@pytest.mark.parametrize(("block", "position"), [
    ("TL. BỘ TRƯỞNG\nTHỦ TRƯỞNG\n\nLê Minh Khoa", "Thủ trưởng"),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Minh Khoa", "Thứ trưởng"),
    ("KT. BO TRUONG\nTHU TRUONG\n\nLe Minh Khoa", "Thứ trưởng"),
])
def test_bug_thu_truong_of_an_agency_read_as_deputy_minister(block: str, position: str) -> None:
    """'THỦ TRƯỞNG' (head of an agency) and 'THỨ TRƯỞNG' (deputy minister) fold alike; written with marks
    each is itself, only a text without marks falls back to the folded reading."""
    signer = extract_signer(make_ctx("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block))
    assert signer is not None and signer.position == position


# The scans of a line each run only where a cheap clue shows they can match; these lines hold each clue
# (and the cut it gives), so a clue that missed a match would lose a cut here.
@pytest.mark.parametrize(("line", "flat", "pieces"), [
    ("KT. CHỦ TỊCH", True, [(0, 12, "KT. CHỦ TỊCH")]),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Lê An", True, [
        (0, 19, "TM. ỦY BAN NHÂN DÂN"), (20, 33, "KT. CHỦ TỊCH"), (33, 45, "PHÓ CHỦ TỊCH"), (46, 53, "(Đã ký)"),
        (54, 59, "Lê An")]),
    ("PHÓ CHỦ TỊCH ___ NGUYỄN VĂN AN", True, [(0, 12, "PHÓ CHỦ TỊCH"), (13, 16, "___"), (17, 30, "NGUYỄN VĂN AN")]),
    ("CHỦ TỊCH -.- NGUYỄN VĂN AN", True, [(0, 8, "CHỦ TỊCH"), (9, 12, "-.-"), (13, 26, "NGUYỄN VĂN AN")]),
    ("GIÁM ĐỐC Da ky Lê Văn Tám", True, [(0, 8, "GIÁM ĐỐC"), (9, 14, "Da ky"), (15, 25, "Lê Văn Tám")]),
    ("Q. TRƯỞNG PHÒNG signed Võ Minh Tâm", True,
     [(0, 15, "Q. TRƯỞNG PHÒNG"), (16, 22, "signed"), (23, 34, "Võ Minh Tâm")]),
    ("BÍ THƯ /s/ Y Kông Byă", True, [(0, 6, "BÍ THƯ"), (7, 10, "/s/"), (11, 21, "Y Kông Byă")]),
    ("CHỦ TỊCH O’NEIL", True, [(0, 8, "CHỦ TỊCH"), (9, 15, "O’NEIL")]),  # capitals only, the apostrophe
    ("- TT Huyện ủy, TT HĐND huyện;", False, [(0, 29, "- TT Huyện ủy, TT HĐND huyện;")]),
    ("- TT Huyện ủy, TT HĐND huyện;", True, [(0, 4, "- TT"), (5, 29, "Huyện ủy, TT HĐND huyện;")]),
    ("Nơi nhận: | TM. ỦY BAN NHÂN DÂN", False, [(0, 9, "Nơi nhận:"), (12, 31, "TM. ỦY BAN NHÂN DÂN")]),
    ("ỦY BAN NHÂN DÂN CHỦ TỊCH", True, [(0, 16, "ỦY BAN NHÂN DÂN"), (16, 24, "CHỦ TỊCH")]),
    ("HUYỀN CHỦ TỊCH", True, [(0, 14, "HUYỀN CHỦ TỊCH")]),
    ("| Lưu: VT. | KT. GIÁM ĐỐC |", True, [(2, 10, "Lưu: VT."), (13, 25, "KT. GIÁM ĐỐC")]),
])
def test_pieces_of_a_line(line: str, flat: bool, pieces: list[tuple[int, int, str]]) -> None:
    assert signature._pieces(0, line, flat) == pieces


@pytest.mark.parametrize(("piece", "expected"), [
    ("- Sở Nội vụ;", False), ("• Phòng Nội vụ", False), ("+ A", False), ("- 1. Sở", False), ("-\tSở", False),
    ("-- Sở", False), ("- ;", True), ("---", True), ("(Đã ký)", True), ("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True),
])
def test_signature_piece_in_a_recipients_row(piece: str, expected: bool) -> None:
    assert signature._is_signature_piece(piece) is expected


def _strings(alphabet: str, longest: int) -> list[str]:
    return ["".join(t) for n in range(1, longest + 1) for t in itertools.product(alphabet, repeat=n)]


# A scan runs only where its clue is: every text the pattern matches in must hold the clue (from `skip` on).
# Checked on every string up to a length over the characters the pattern and its clue look at, and on the
# words written out.
@pytest.mark.parametrize(("pattern", "clue", "skip", "alphabet", "longest", "written"), [
    (SIGN_MARK, SIGN_MARK_CLUE, 0, "_.…-–=*([)]/s a", 4,
     ["da ky", "ky ten", "ky, dong dau", "ky dong dau", "signed", "daky", "(da ky)", "/s/", "……", "-.-"]),
    (signature._CAPS_THEN_NAME, signature._NAME_CLUE, 0, "ABa'’. ", 6, ["AN Văn", "CHỦ TỊCH O’NEIL", "AB. C D'E"]),
    (signature._AUTH_HEAD, signature._PREFIX_CLUE, 0, "TMKLUQ/.: Aa", 4,
     ["TM. UBND", "K/T BÍ THƯ", "T/L X", "TUQ. CHỦ TỊCH", "Q.GIÁM ĐỐC", "- KT: A"]),
    (signature._ITEM_BREAK, signature._DASHES, 2, ";.: -+•a", 5, ["- A; - B", "A. + B", "A: • B"]),
    (signature._PURPOSE, signature._PURPOSE_OPEN, 0, "(“\")”đb/c ", 3, ["(để báo cáo)", "“b/c”", '"t/h"', " ( đ/b)"]),
])
def test_scan_clues_hold_every_match(pattern: re.Pattern[str], clue: re.Pattern[str] | stdre.Pattern[str], skip: int,
                                     alphabet: str, longest: int, written: list[str]) -> None:
    matched = [text for text in [*_strings(alphabet, longest), *written] if pattern.search(text)]
    assert matched  # the strings do reach the pattern
    assert [text for text in matched if not clue.search(text, skip)] == []


@pytest.mark.parametrize("piece", ["KT.", "KT", "K/T", "T/M :", "TUQ .", "TL.", "Q.", "PHÓ", "PHO", "QUYỀN", "QUYEN"])
def test_wrapped_heads_open_with_their_letters(piece: str) -> None:
    assert signature._WRAPPED_HEAD.match(piece)
    assert piece.startswith(signature._WRAPPED_FIRST)


# extract_signer tries a block only at a piece in capitals or opening with a prefix's letter: any other
# piece opens none (no authority without a prefix, no position outside a block unless in capitals).
@pytest.mark.parametrize("piece", ["Phó Chủ tịch", "Hiệu trưởng", "Nguyễn Văn An", "(Đã ký)", "- Sở Nội vụ;",
                                   "Lưu: VT."])
def test_pieces_that_open_no_block(piece: str) -> None:
    assert not (piece.isupper() or piece.startswith(signature._AUTH_FIRST))
    pieces = [(0, len(piece), piece), (20, 28, "CHỦ TỊCH"), (30, 43, "Nguyễn Văn An")]
    assert signature._read_block(_ctx(BODY), pieces, 0) is None


# _find_name passes over a piece of more words than a title and a name have; at the bound a name is found.
@pytest.mark.parametrize(("piece", "name"), [
    ("Thượng tá Nguyễn Văn Anh Minh Tuấn Hùng", "Nguyễn Văn Anh Minh Tuấn Hùng"),
    ("Thượng tá Nguyễn Văn Anh Minh Tuấn Hùng Dũng", None),
    ("Nguyễn Văn An . . . . . . . . ./.", "Nguyễn Văn An"),
    ("Nguyễn Văn An Bình Minh Tuấn Hùng", None),
])
def test_name_line_words(piece: str, name: str | None) -> None:
    found = signature._find_name([(0, len(piece), piece)], need_surname=True)
    assert (found[2] if found else None) == name
