import pytest

from extractor.context import DocContext
from extractor.fields.signature import extract_recipients, extract_signer
from extractor.orgs import Locality
from tests.helpers import make_ctx

BODY = "Trên đây là kế hoạch thi đua năm 2021 của đơn vị./.\n"
NOI_NHAN = "Nơi nhận:\n- Sở Nội vụ;\n- UBND các xã;\n- Lưu: VT.\n"
QUYNH_LUU = Locality(province="Nghệ An", province_type="tỉnh", district="Quỳnh Lưu", district_type="huyện")


def _ctx(raw: str) -> DocContext:
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


def test_bug_recipient_span_points_at_wrong_text() -> None:
    """A purpose inside the item ("A (b/c); B"): the name has no exact copy in the text, and the span
    must still cover the recipient (the whole item), not text found at index -1."""
    from extractor.pipeline import extract_text

    text, docs = extract_text("Nơi nhận:\n- A (b/c); B\n- Phòng Nội vụ;\n")
    got = [(r.name, r.purpose, text[r.span.start : r.span.end], r.span.raw) for r in docs[0].recipients]
    assert got == [("A; B", "b/c", "A (b/c); B", "A (b/c); B"), ("Phòng Nội vụ", None, "Phòng Nội vụ", "Phòng Nội vụ")]
