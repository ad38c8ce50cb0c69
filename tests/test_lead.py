"""Documents without a header: a register or news lead line, or a body sentence, describes them."""

from __future__ import annotations

import pytest

from extractor.extraction.pipeline import extract_text

_BODY = "\nI. MỤC ĐÍCH\nNâng cao chất lượng phong trào.\n"


@pytest.mark.parametrize(
    ("lead", "doc_type", "number", "date", "issuer"),
    [
        ("Quyết định số 12/QĐ-UBND ngày 05/3/2021 của Chủ tịch UBND tỉnh Sóc Trăng về việc tặng Bằng khen "
         "cho 03 tập thể, 05 cá nhân.", "Quyết định", "12/QĐ-UBND", "2021-03-05", "Ủy ban nhân dân tỉnh Sóc Trăng"),
        ("Quyết định 163/QĐ-UBND của Chủ tịch UBND tỉnh Lạng Sơn tặng Bằng khen cho 32 tập thể.",
         "Quyết định", "163/QĐ-UBND", None, "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Ngày 14/5/2019, UBND huyện Đức Trọng ban hành Kế hoạch số 88/KH-UBND về tổ chức Ngày hội "
         "văn hóa các dân tộc.", "Kế hoạch", "88/KH-UBND", "2019-05-14", "Ủy ban nhân dân huyện Đức Trọng"),
        ("Ngày 02 tháng 6 năm 2016, Sở Nội vụ tỉnh Ninh Thuận đã ban hành Hướng dẫn số 45/HD-SNV về công tác "
         "thi đua.", "Hướng dẫn", "45/HD-SNV", "2016-06-02", "Sở Nội vụ tỉnh Ninh Thuận"),
        ("Kế hoạch số 35/KH-UBND ngày 12/03/2014 của UBND huyện Bắc Quang", "Kế hoạch", "35/KH-UBND",
         "2014-03-12", "Ủy ban nhân dân huyện Bắc Quang"),
        ("(QNO) - Hôm qua 12.5, UBND tỉnh Quảng Nam đã ban hành Quyết định số 1436/QĐ-UBND tặng Bằng khen của "
         "Chủ tịch UBND tỉnh cho 23 tập thể.", "Quyết định", "1436/QĐ-UBND", None, "Ủy ban nhân dân tỉnh Quảng Nam"),
        ("QĐ số 77/QĐ-UBND ngày 02/02/2017 của UBND huyện Đông Anh về việc khen thưởng Hội thi nghiệp vụ.",
         "Quyết định", "77/QĐ-UBND", "2017-02-02", "Ủy ban nhân dân huyện Đông Anh"),
        ("Thực hiện chỉ đạo của UBND tỉnh, ngày 10/3/2022, UBND huyện Tuy Phước ban hành Kế hoạch số 45/KH-UBND "
         "về phòng, chống thiên tai năm 2022.", "Kế hoạch", "45/KH-UBND", "2022-03-10",
         "Ủy ban nhân dân huyện Tuy Phước"),
        ("Chủ tịch UBND tỉnh Hà Tĩnh vừa ký Quyết định số 2345/QĐ-UBND ngày 3/10/2022 về việc công nhận 15 xã "
         "đạt chuẩn nông thôn mới.", "Quyết định", "2345/QĐ-UBND", "2022-10-03", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ],
)
def test_lead_line_describes_the_document(lead: str, doc_type: str, number: str, date: str | None,
                                          issuer: str) -> None:
    text, (doc,) = extract_text(lead + _BODY)
    assert (doc.doc_type, doc.number, doc.issued_date) == (doc_type, number, date)
    assert doc.issuer is not None and doc.issuer.name == issuer
    assert doc.evidence["number"].raw == number and text[doc.evidence["number"].start :].startswith(number)


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("Quyết định số 12/QĐ-UBND ngày 05/3/2021 của Chủ tịch UBND tỉnh Sóc Trăng về việc tặng Bằng khen "
         "cho 03 tập thể.", "Về việc tặng Bằng khen cho 03 tập thể"),
        ("Ngày 14/5/2019, UBND huyện Đức Trọng ban hành Kế hoạch số 88/KH-UBND về tổ chức Ngày hội văn hóa.",
         "Tổ chức Ngày hội văn hóa"),
        ("Quyết định số 7/QĐ-UBND ngày 05/3/2021 của UBND xã An Phú", None),
        ("Ngày 12/11/2018, UBND huyện Yên Thành ban hành Quyết định số 45/QĐ-UBND về việc tặng Giấy khen cho "
         "12 tập thể. Theo đó, mỗi tập thể được thưởng 500.000 đồng.", "Về việc tặng Giấy khen cho 12 tập thể"),
        ("Ngày 02/3/2020, UBND TP. Hồ Chí Minh ban hành Kế hoạch số 9/KH-UBND về thi đua tại TP. Thủ Đức.",
         "Thi đua tại TP. Thủ Đức"),
    ],
)
def test_lead_line_title(lead: str, title: str | None) -> None:
    _, (doc,) = extract_text(lead + _BODY)
    assert doc.title == title


def test_bug_own_number_in_the_lead_is_not_a_reference() -> None:
    _, (doc,) = extract_text("Quyết định số 12/QĐ-UBND ngày 05/3/2021 của Chủ tịch UBND tỉnh Sóc Trăng về việc "
                             "tặng Bằng khen cho 03 tập thể." + _BODY)
    assert [r.number for r in doc.references] == []


@pytest.mark.parametrize(
    ("lead", "awards", "quotas"),
    [
        ("Quyết định số 12/QĐ-UBND ngày 05/3/2021 của Chủ tịch UBND tỉnh Sóc Trăng về việc tặng Bằng khen "
         "cho 03 tập thể, 05 cá nhân đã có thành tích xuất sắc.",
         [("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng")], [(3, "tập thể"), (5, "cá nhân")]),
        ("Ngày 12/11/2018, UBND huyện Yên Thành ban hành Quyết định số 45/QĐ-UBND về việc tặng Giấy khen của "
         "Chủ tịch UBND huyện cho 12 tập thể và 25 cá nhân.",
         [("Giấy khen", "Chủ tịch Ủy ban nhân dân huyện Yên Thành")], [(12, "tập thể"), (25, "cá nhân")]),
        ("Sáng 15/4, UBND tỉnh Gia Lai ban hành Kế hoạch số 98/KH-UBND về thi đua năm 2019.\nCuối đợt, Chủ tịch "
         "UBND tỉnh sẽ tặng Bằng khen cho 06 tập thể và 11 cá nhân.",
         [("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai")], [(6, "tập thể"), (11, "cá nhân")]),
    ],
)
def test_result_decision_carries_awards_and_counts(lead: str, awards: list[tuple[str, str]],
                                                   quotas: list[tuple[int, str]]) -> None:
    _, (doc,) = extract_text(lead + "\n")
    assert [(a.form, a.grantor) for a in doc.awards] == awards
    assert [(q.count, q.recipient) for q in doc.quotas] == quotas
    assert all(q.op == "=" for q in doc.quotas)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mỗi trường cử từ 01 đến 03 cá nhân tham gia Hội thi.",
        "Mỗi chi đoàn cử 01 đoàn viên tham gia hội thi.",
        "Mỗi thôn cử 02 cá nhân tham gia môn cờ tướng.",
        "Các đơn vị đăng ký 01 tập thể dự thi vòng chung kết.",
    ],
)
def test_bug_participation_counts_are_not_quotas(sentence: str) -> None:
    _, (doc,) = extract_text(f"KẾ HOẠCH\nTổ chức hội thi\nII. SỐ LƯỢNG, KHEN THƯỞNG\n{sentence}\n"
                             "Tặng Giấy khen cho 02 tập thể đạt giải.\n")
    assert [(q.count, q.recipient) for q in doc.quotas] == [(2, "tập thể")]


@pytest.mark.parametrize(
    ("sentence", "doc_type", "title"),
    [
        ("Thực hiện Kế hoạch năm học, Phòng Giáo dục và Đào tạo huyện Cái Nước ban hành Kế hoạch tổ chức Hội "
         "thi giáo viên dạy giỏi cấp huyện như sau:", "Kế hoạch", "Tổ chức Hội thi giáo viên dạy giỏi cấp huyện"),
        ("Nhằm đẩy mạnh phong trào, Ủy ban nhân dân xã Vũ Lăng xây dựng Kế hoạch tổ chức Đại hội thể dục thể "
         "thao năm 2013, cụ thể như sau:", "Kế hoạch", "Tổ chức Đại hội thể dục thể thao năm 2013"),
        ("Trường Tiểu học Kim Đồng xây dựng Hướng dẫn chấm sáng kiến kinh nghiệm với các nội dung cụ thể như sau:",
         "Hướng dẫn", "Chấm sáng kiến kinh nghiệm"),
        ("Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:", None, None),
        ("Ủy ban nhân dân xã Bình Minh ban hành Kế hoạch phòng chống dịch sốt xuất huyết năm 2016 với các nội "
         "dung sau:", "Kế hoạch", "Phòng chống dịch sốt xuất huyết năm 2016"),
    ],
)
def test_body_sentence_names_the_document(sentence: str, doc_type: str | None, title: str | None) -> None:
    _, (doc,) = extract_text(sentence + _BODY)
    assert (doc.doc_type, doc.title) == (doc_type, title)


def test_header_fields_win_over_a_lead_line() -> None:
    head = ("ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 20/KH-UBND\nAn Phú, ngày 02 tháng 3 năm 2021\n"
            "KẾ HOẠCH\nThi đua năm 2021\n")
    _, (doc,) = extract_text(head + "Ngày 01/3/2021, UBND tỉnh ban hành Kế hoạch số 5/KH-UBND về thi đua.\n" + _BODY)
    assert (doc.number, doc.issued_date, doc.title) == ("20/KH-UBND", "2021-03-02", "Thi đua năm 2021")


def test_bug_a_first_sentence_citing_a_plan_is_no_lead_line() -> None:
    _, (doc,) = extract_text("Kế hoạch số 15/KH-UBND ngày 10/01/2020 của UBND huyện Cư Kuin về thi đua, Trường Tiểu "
                                "học Hòa Bình xây dựng kế hoạch thi đua năm 2020 như sau:" + _BODY)
    assert doc.number is None and doc.issued_date is None


def test_bug_first_line_reporting_a_parent_plan_is_no_lead() -> None:
    _, (doc,) = extract_text("Ngày 10/01/2020, UBND tỉnh Đắk Lắk ban hành Kế hoạch số 15/KH-UBND về thi đua năm 2020.\n"
                             "Để triển khai, Trường Tiểu học Hòa Bình xây dựng Kế hoạch thi đua năm học 2019 - 2020 "
                             "như sau:" + _BODY)
    assert (doc.doc_type, doc.number, doc.issued_date) == ("Kế hoạch", None, None)
    assert doc.title == "Thi đua năm học 2019 - 2020"
    assert [r.number for r in doc.references] == ["15/KH-UBND"]


@pytest.mark.parametrize(
    ("head", "grantor"),
    [
        ("ỦY BAN NHÂN DÂN\nHUYỆN CHỢ GẠO\nSố: 310/QĐ-UBND\nChợ Gạo, ngày 05 tháng 02 năm 2021\nQUYẾT ĐỊNH\n"
         "Về việc tặng Giấy khen cho các tập thể, cá nhân\n", "Chủ tịch Ủy ban nhân dân huyện Chợ Gạo"),
        ("ỦY BAN NHÂN DÂN\nHUYỆN CHỢ GẠO\nSố: 310/QĐ-UBND\nChợ Gạo, ngày 05 tháng 02 năm 2021\nQUYẾT ĐỊNH\n"
         "Về việc kiện toàn Ban Chỉ đạo\n", None),
    ],
)
def test_result_decision_with_a_header_grants_its_own_awards(head: str, grantor: str | None) -> None:
    _, (doc,) = extract_text(head + "QUYẾT ĐỊNH:\nĐiều 1. Tặng Giấy khen cho 05 tập thể và 10 cá nhân.\n")
    assert [a.grantor for a in doc.awards] == [grantor]
    assert [(q.count, q.recipient) for q in doc.quotas] == [(5, "tập thể"), (10, "cá nhân")]


def test_bug_reporter_byline_under_a_news_lead_is_no_issuer() -> None:
    _, (doc,) = extract_text("(Baohaiduong.vn) - Ngày 3.4, Chủ tịch UBND tỉnh Hải Dương ký Quyết định số 1020/QĐ-UBND "
                             "tặng Bằng khen cho 15 tập thể.\nTHANH HÀ\n")
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Hải Dương"
    assert doc.issued_date is None  # "Ngày 3.4" has no year: no date is invented
