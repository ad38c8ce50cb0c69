"""A document inside a web page: its [start, end) range and the site's metadata block."""

from __future__ import annotations

import pytest

from extractor.extraction.normalize import normalize
from extractor.extraction.page import read_page
from extractor.extraction.pipeline import extract_text

_DOC = (
    "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nTân Phú, ngày 03 tháng 4 năm 2022\nKẾ HOẠCH\nTổ chức hội thi năm 2022\n"
    "Căn cứ tình hình thực tế, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\n"
    "Phấn đấu 100% ấp tham gia.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tám\n"
)


def _range(raw: str) -> tuple[str, str] | None:
    """First and last line of the document part of a page (None: not a page)."""
    text = normalize(raw)
    page = read_page(text)
    if page is None:
        return None
    part = text[page.start : page.end].strip().split("\n")
    return part[0], part[-1]


@pytest.mark.parametrize(
    ("above", "below"),
    [
        ("Trang chủ » Văn bản » Kế hoạch\nLượt xem: 120\n", ""),
        ("Đăng nhập | Đăng ký\nTRA CỨU VĂN BẢN\nĐang tải văn bản...\n", "Văn bản liên quan\nKế hoạch 10/KH-UBND\n"),
        ("Số hiệu:\t12/KH-UBND\tLoại văn bản:\tKế hoạch\nNgười ký:\tLê Văn Tám\n", ""),
        ("| Số hiệu: | 12/KH-UBND | Loại văn bản: | Kế hoạch |\nNội dung văn bản\n", "Bình luận (0)\n"),
        ("", "Chia sẻ: Facebook | Zalo\nTin cùng chuyên mục\nKế hoạch số 9/KH-UBND về trồng cây\n"),
        ("", "Thông tin văn bản\nSố ký hiệu: 12/KH-UBND\nNgười ký: Lê Văn Tám\n"),
        ("Giới thiệu\nTin tức\nTrang chủ > Văn bản > Xã Tân Phú\n",
         "Bản quyền © 2022 UBND xã Tân Phú\nĐịa chỉ: ấp 1\n"),
        ("", "Địa chỉ: ấp 1, xã Tân Phú\nĐiện thoại: 0276 3xx xxx\n"),
        ("", "Lưu trữ\nGhi chú\nÝ kiến\nFacebook\nEmail\nIn\n"),
        ("Bạn Chưa Đăng Nhập Thành Viên!\nVì chưa Đăng Nhập nên Bạn chỉ xem được Thuộc tính của Văn bản.\n", ""),
        ("Trang chủ » Văn bản\nVăn bản liên quan\nQuyết định 45/QĐ-UBND năm 2021 về Ban Chỉ đạo\n", ""),
    ],
)
def test_document_part_of_a_page(above: str, below: str) -> None:
    assert _range(above + _DOC + below) == ("ỦY BAN NHÂN DÂN", "Lê Văn Tám")


@pytest.mark.parametrize(
    "raw",
    [
        _DOC,
        _DOC + "Nơi nhận:\n- Lưu: VT.\n",
        # body lines that begin like buttons are not chrome
        _DOC.replace("Phấn đấu 100% ấp tham gia.", "Đăng ký các mô hình, giải pháp mới về cải cách hành chính "
                     "bảo đảm tính hợp pháp, hợp lý và hiệu quả phù hợp với tình hình thực tế của địa phương."),
        _DOC.replace("Phấn đấu 100% ấp tham gia.", "Chia sẻ kinh nghiệm giữa các ấp.\nTải về mẫu đăng ký tại trụ sở."),
        _DOC.replace("Phấn đấu 100% ấp tham gia.", "Văn bản liên quan đến thi đua gửi về Văn phòng.\nBình luận văn học "
                     "là một nội dung thi.\nCơ quan chủ quản có trách nhiệm theo dõi."),
        _DOC.replace("Phấn đấu 100% ấp tham gia.", "Liên hệ Ban Tổ chức:\nĐịa chỉ: ấp 2, xã Tân Phú\n"
                     "Điện thoại: 0276 3xx xxx\nEmail: bantochuc@tanphu.vn\nII. TỔ CHỨC THỰC HIỆN\n"
                     "Các ấp triển khai thực hiện.\nBan Văn hóa xã theo dõi, đôn đốc.\nNơi nhận:\n- Các ấp;\n"
                     "- Lưu: VT."),
        _DOC.replace("Phấn đấu 100% ấp tham gia.", "Phấn đấu 100% ấp tham gia.\nĐịa chỉ: ấp 2, xã Tân Phú\n"
                     "Điện thoại: 0276 3xx xxx"),
    ],
)
def test_a_plain_document_is_not_a_page(raw: str) -> None:
    assert _range(raw) in (None, ("ỦY BAN NHÂN DÂN", "Lê Văn Tám"))


@pytest.mark.parametrize(
    ("meta", "field", "value"),
    [
        ("Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác", "number", "155/KH-UBND"),
        ("Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác", "doc_type", "Văn bản khác"),
        ("Nơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Văn An", "signer", "Nguyễn Văn An"),
        ("| Cơ quan ban hành: | Ủy ban nhân dân tỉnh Lạng Sơn | Số công báo: | Đang cập nhật |", "issuer",
         "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Ngày ban hành\t05/09/2018", "issued_date", "05/09/2018"),
        ("Trích yếu: Tổ chức hội thi năm 2022", "title", "Tổ chức hội thi năm 2022"),
        ("Loại văn bản: | Kế hoạch | Người ký: | Hồ Tiến Thiệu |", "signer", "Hồ Tiến Thiệu"),
        ("Số hiệu: | 61/KH-UBND | Ngày đăng công báo: | Đang cập nhật |", "number", "61/KH-UBND"),
        ("Ngày ký: 18/07/2024", "issued_date", "18/07/2024"),
    ],
)
def test_metadata_block(meta: str, field: str, value: str) -> None:
    text = normalize(f"Trang chủ » Văn bản » Kế hoạch\n{meta}\n{_DOC}")
    page = read_page(text)
    assert page is not None
    span = page.meta[field]
    assert span.raw == value and text[span.start : span.end] == value


@pytest.mark.parametrize(
    ("meta", "field"),
    [
        ("Ngày hiệu lực: Đã biết", "issued_date"),
        ("Người ký: Đang cập nhật", "signer"),
        ("Nơi ban hành: Tỉnh Bắc Ninh", "issuer"),  # a province, not the issuing organ
        ("Lĩnh vực: Hành chính, Tình trạng: Đang cập nhập", "title"),
        ("Áp dụng: | 05/04/2021 | Tình trạng hiệu lực: | Còn Hiệu lực |", "issued_date"),
    ],
)
def test_metadata_without_value(meta: str, field: str) -> None:
    page = read_page(normalize(f"Trang chủ » Văn bản\n{meta}\n{_DOC}"))
    assert page is not None and field not in page.meta


def test_bug_site_banner_is_not_the_issuer() -> None:
    raw = "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CHÂU THÀNH\nTrang chủ > Tin tức\nLượt xem: 45\n" + _DOC.replace(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n", "")
    _, (doc,) = extract_text(raw)
    assert doc.issuer is None or "CỔNG" not in (doc.issuer.span.raw if doc.issuer.span else "")
    assert doc.issuer is None or "thông tin" not in doc.issuer.name.lower()


def test_bug_related_documents_on_the_page_are_not_references() -> None:
    raw = _DOC + "Văn bản liên quan\nQuyết định 45/QĐ-UBND năm 2021 về thành lập Ban Chỉ đạo\n"
    _, (doc,) = extract_text(raw)
    assert doc.references == []


def test_bug_metadata_fills_a_header_that_lost_its_left_column() -> None:
    raw = ("Trang chủ » Văn bản\nSố hiệu: 12/KH-UBND\nCơ quan ban hành: Ủy ban nhân dân xã Tân Phú\n"
           + _DOC.replace("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n", "").replace("Số: 12/KH-UBND\n", ""))
    text, (doc,) = extract_text(raw)
    assert doc.number == "12/KH-UBND"
    assert text[doc.evidence["number"].start : doc.evidence["number"].end] == "12/KH-UBND"
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân xã Tân Phú"
    assert doc.issuer.span is not None and doc.issuer.span.raw == "Ủy ban nhân dân xã Tân Phú"


def test_spans_stay_offsets_into_the_whole_page() -> None:
    raw = "Trang chủ » Văn bản\nLượt xem: 9\n" + _DOC + "Văn bản liên quan\n"
    text, (doc,) = extract_text(raw)
    assert doc.span is not None and text[doc.span.start :].startswith("ỦY BAN NHÂN DÂN")
    assert doc.signer is not None and doc.signer.span is not None
    assert text[doc.signer.span.start : doc.signer.span.end] == doc.signer.span.raw


def test_bug_metadata_only_page_is_the_document() -> None:
    raw = ("TRƯỜNG THPT NGÔ QUYỀN\nTrang chủ » Văn bản\nSố/Ký hiệu: 12/KH-THPTNQ\nNgày ban hành: 06/10/2020\n"
           "Trích yếu nội dung: Kế hoạch tổ chức Hội trại truyền thống năm 2021\n"
           "Cơ quan ban hành: Trường THPT Ngô Quyền\nNgười ký: Vũ Đức Thịnh\nLoại văn bản: Kế hoạch\n"
           "Tải về: KH12.pdf\nCác văn bản khác\nKế hoạch số 10/KH-THPTNQ về kiểm tra nội bộ\n")
    _, (doc,) = extract_text(raw)
    assert (doc.doc_type, doc.number, doc.issued_date) == ("Kế hoạch", "12/KH-THPTNQ", "2020-10-06")
    assert doc.title == "Tổ chức Hội trại truyền thống năm 2021"
    assert doc.issuer is not None and doc.issuer.name == "Trường THPT Ngô Quyền"
    assert doc.signer is not None and doc.signer.name == "Vũ Đức Thịnh"
    assert doc.references == []


def test_bug_site_number_row_is_not_the_documents_number_line() -> None:
    page = read_page(normalize("Trang chủ » Văn bản\nSố/Ký hiệu: 12/KH-THPT\nNgười ký: Vũ Đức Thịnh\n" + _DOC))
    assert page is not None and page.meta["number"].raw == "12/KH-THPT"
    assert page.meta_rows and all(e <= page.start for _s, e in page.meta_rows)


def test_bug_related_box_above_the_document_gives_no_heading() -> None:
    raw = ("Trang chủ » Văn bản\nVăn bản liên quan\nKế hoạch 41/KH-UBND năm 2021 trồng cây xanh\n"
           + _DOC.replace("KẾ HOẠCH\nTổ chức hội thi năm 2022\n", "KẾ HOẠCH\n"))
    page = read_page(normalize(raw))
    assert page is not None and page.headings == []
    _, (doc,) = extract_text(raw)
    assert doc.title is None and doc.references == []


def test_bug_metadata_gives_the_name_a_signature_block_lost() -> None:
    raw = "Trang chủ » Văn bản\nNgười ký: Lê Văn Tám\n" + _DOC.replace("Lê Văn Tám\n", "(Đã ký)\n")
    _, (doc,) = extract_text(raw)
    assert doc.signer is not None and (doc.signer.name, doc.signer.position) == ("Lê Văn Tám", "Chủ tịch")


def test_metadata_place_is_no_issuer() -> None:
    raw = "Trang chủ » Văn bản\nCơ quan ban hành: Tỉnh Bắc Ninh\n" + _DOC.replace("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n", "")
    _, (doc,) = extract_text(raw)
    assert doc.issuer is None or "Bắc Ninh" not in doc.issuer.name


def test_bug_party_star_under_the_issuer_keeps_the_issuer_in_the_document() -> None:
    raw = ("Trang chủ › Văn bản\nLượt xem: 77\nĐẢNG BỘ TỈNH HÀ TĨNH\nHUYỆN ỦY HƯƠNG KHÊ\n*\nSố 87-KH/HU\n"
           "ĐẢNG CỘNG SẢN VIỆT NAM\nHương Khê, ngày 12 tháng 5 năm 2020\nKẾ HOẠCH\nTuyên truyền năm 2020\n"
           "I. MỤC ĐÍCH\nNâng cao nhận thức.\n")
    assert _range(raw) == ("ĐẢNG BỘ TỈNH HÀ TĨNH", "Nâng cao nhận thức.")


def test_bug_labels_and_values_on_separate_lines() -> None:
    """An HTML table copied one cell a line: "Số hiệu" / "12/KH-UBND" / "Người ký" / "Lê Văn Tám"."""
    raw = ("Trang chủ » Văn bản\nSố hiệu\n12/KH-UBND\nLoại văn bản\nKế hoạch\nCơ quan ban hành\n"
           "Ủy ban nhân dân xã Tân Phú\nNgười ký\nLê Văn Tám\nTải về: kh12.pdf\nVăn bản liên quan\n"
           "Kế hoạch 3/KH-UBND về trồng cây\n")
    text, (doc,) = extract_text(raw)
    assert (doc.doc_type, doc.number) == ("Kế hoạch", "12/KH-UBND")
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân xã Tân Phú"
    assert doc.signer is not None and doc.signer.name == "Lê Văn Tám"
    assert doc.references == []
    span = doc.evidence["number"]
    assert text[span.start : span.end] == "12/KH-UBND"
