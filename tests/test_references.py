import pytest

from extractor.fields.references import extract_references
from extractor.models import Reference
from extractor.orgs import Locality
from tests.helpers import GIA_LAM, LONG_THANH, make_ctx


def _refs(body: str, loc: Locality = LONG_THANH, own: str | None = None, preamble: bool = True) -> list[Reference]:
    ctx = make_ctx(body, locality=loc, preamble_until="I. " if preamble else None)
    return extract_references(ctx, own)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Căn cứ Kế hoạch số 120/KH-UBND ngày 15 tháng 3 năm 2021 của Ủy ban nhân dân huyện về thi đua;",
         ("basis", "Kế hoạch", "120/KH-UBND", "2021-03-15", "Ủy ban nhân dân huyện Long Thành")),
        ("Thực hiện Công văn số 245/SNV-TĐKT ngày 02/4/2021 của Sở Nội vụ tỉnh Đồng Nai về việc hướng dẫn;",
         ("basis", "Công văn", "245/SNV-TĐKT", "2021-04-02", "Sở Nội vụ tỉnh Đồng Nai")),
        ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết;",
         ("basis", "Nghị định", "98/2023/NĐ-CP", "2023-12-31", "Chính phủ")),
        ("Triển khai Kế hoạch số 35-KH/TU ngày 5/8/2021 của Tỉnh ủy Đồng Nai về chuyển đổi số,",
         ("basis", "Kế hoạch", "35-KH/TU", "2021-08-05", "Tỉnh ủy Đồng Nai")),
        ("Theo văn bản số 77/UBND-VX ngày 9/9/2020 của UBND tỉnh, các đơn vị báo cáo.",
         ("basis", "Công văn", "77/UBND-VX", "2020-09-09", "Ủy ban nhân dân tỉnh Đồng Nai")),
        ("Căn cứ Thông tư số 12/2019/TT-BNV ngày 04 tháng 11 năm 2019 của Bộ Nội vụ;",
         ("basis", "Thông tư", "12/2019/TT-BNV", "2019-11-04", "Bộ Nội vụ")),
        ("Căn cứ Quyết định số 1234/QĐ-UBND ngày 01/7/2022 của Chủ tịch UBND tỉnh Đồng Nai;",
         ("basis", "Quyết định", "1234/QĐ-UBND", "2022-07-01", "Ủy ban nhân dân tỉnh Đồng Nai")),
        ("Căn cứ Kế hoạch số 44/KH-UBND ngày 4/4/2022 của Ủy ban nhân dân thành phố về thi đua;",
         ("basis", "Kế hoạch", "44/KH-UBND", "2022-04-04", "Ủy ban nhân dân Thành phố Hà Nội")),
    ],
)
def test_basis_mentions(sentence: str, expected: tuple[str, ...]) -> None:
    loc = GIA_LAM if "thành phố" in sentence else LONG_THANH
    (ref,) = _refs(sentence + "\nI. MỤC ĐÍCH\n", loc)
    assert (ref.relation, ref.doc_type, ref.number, ref.date, ref.issuer) == expected


@pytest.mark.parametrize(
    ("body", "numbers"),
    [
        # blank appendix self-reference
        ("(Kèm theo Kế hoạch số     /KH-UBND ngày   tháng 5 năm 2020)", []),
        # short later mention folds into the first one
        ("Thực hiện Kế hoạch số 12/KH-UBND ngày 1/2/2021 của UBND huyện. Kế hoạch số 12/KH-UBND nêu trên.",
         ["12/KH-UBND"]),
        # a symbol with a space after the hyphen
        ("theo Công văn số 537/GDĐT- VP ngày 3/3/2020", ["537/GDĐT-VP"]),
        # phone numbers, years, levels are not documents
        ("số điện thoại 0918 123 456; giai đoạn 2021-2025; mức độ 3/4", []),
        # the document's own number is not a reference
        ("Kế hoạch số 99/KH-UBND này được gửi các đơn vị.", []),
        # trailing full stop is not part of the symbol
        ("thực hiện theo Quyết định số 3599/QĐ-UBND.", ["3599/QĐ-UBND"]),
        ("theo Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị", ["14-KL/TW"]),
        ("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022", ["06/2022/QH15"]),
    ],
)
def test_which_numbers_are_references(body: str, numbers: list[str]) -> None:
    assert [r.number for r in _refs(body, own="99/KH-UBND")] == numbers


def test_basis_only_in_preamble_and_cites_after() -> None:
    body = (
        "Căn cứ Kế hoạch số 5/KH-UBND ngày 1/3/2021 của UBND huyện;\n"
        "Nhằm cụ thể hóa, nay ban hành kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n"
        "Triển khai Quyết định số 8/QĐ-UBND ngày 2/3/2021 của UBND huyện về thi đua.\n"
    )
    assert [(r.number, r.relation) for r in _refs(body)] == [("5/KH-UBND", "basis"), ("8/QĐ-UBND", "cites")]


def test_subject_and_issuer_stop_at_the_right_words() -> None:
    (ref,) = _refs("Thực hiện Kế hoạch số 31/KH-UBND ngày 4/5/2020 của Ủy ban nhân dân huyện Long Thành phát "
                   "động thi đua về cải cách hành chính.\nI. X")
    assert ref.issuer == "Ủy ban nhân dân huyện Long Thành"
    (ref,) = _refs("Căn cứ Kế hoạch số 31/KH-UBND ngày 4/5/2020 của UBND huyện về việc tổ chức hội thi;\nI. X")
    assert ref.subject == "tổ chức hội thi"


def test_bug_position_before_issuer_is_dropped() -> None:
    (ref,) = _refs("Thực hiện Kế hoạch số 7/KH-HĐTĐKT ngày 3/3/2021 của Chủ tịch Hội đồng Thi đua - Khen thưởng "
                   "tỉnh Bến Tre, nay triển khai.\nI. X")
    assert ref.issuer == "Hội đồng Thi đua - Khen thưởng tỉnh Bến Tre"


def test_bug_same_number_in_two_years_is_two_documents() -> None:
    refs = _refs("Căn cứ Kế hoạch số 12/KH-UBND ngày 3/2/2020 của UBND huyện và Kế hoạch số 12/KH-UBND "
                 "ngày 5/1/2021 của UBND huyện;\nI. X")
    assert [(r.number, r.date) for r in refs] == [("12/KH-UBND", "2020-02-03"), ("12/KH-UBND", "2021-01-05")]


@pytest.mark.parametrize("body", ["theo Biểu số 01/TĐKT đính kèm", "điền Mẫu số 02/BC-TĐKT", "tại Phụ lục số 3/KH"])
def test_bug_forms_are_not_references(body: str) -> None:
    assert _refs(body) == []


def test_bug_issuer_stops_at_ban_hanh_before_a_capitalised_title() -> None:
    (ref,) = _refs("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể;\nI. X")
    assert ref.issuer == "Chính phủ"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội;",
         ("Luật", "06/2022/QH15", "Quốc hội")),
        ("Theo đề nghị của Sở Nội vụ tại Công văn số 245/SNV-TĐKT ngày 5/8/2020, Chủ tịch có ý kiến:",
         ("Công văn", "245/SNV-TĐKT", "Sở Nội vụ tỉnh Đồng Nai")),
    ],
)
def test_bug_type_or_issuer_written_before_the_number(body: str, expected: tuple[str, str, str]) -> None:
    (ref,) = _refs(body + "\nI. X")
    assert (ref.doc_type, ref.number, ref.issuer) == expected


def test_bug_issuer_stops_before_the_next_document() -> None:
    refs = _refs("theo Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ và Quyết định số 24/QĐ-UBND ngày "
                 "2/1/2024 của Ủy ban nhân dân huyện.")
    assert [(r.number, r.issuer) for r in refs] == [("98/2023/NĐ-CP", "Chính phủ"),
                                                    ("24/QĐ-UBND", "Ủy ban nhân dân huyện Long Thành")]


@pytest.mark.parametrize(
    ("body", "doc_type"),
    [
        ("Căn cứ Thông tư liên tịch số 01/2020/TTLT-BNV-BTC ngày 2/3/2020 của Bộ Nội vụ;", "Thông tư liên tịch"),
        ("Căn cứ Kế hoạch liên tịch số 05/KHLT-UBND-MTTQ ngày 2/3/2020;", "Kế hoạch"),
        ("Căn cứ KẾ HOẠCH SỐ 05/KH-UBND ngày 2/3/2020;", "Kế hoạch"),
    ],
)
def test_type_word_before_number(body: str, doc_type: str) -> None:
    (ref,) = _refs(body + "\nI. X")
    assert ref.doc_type == doc_type


def test_bug_official_before_department_still_gets_the_province() -> None:
    (ref,) = _refs("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 402/TTr-SNV ngày 18/3/2022,\nI. X")
    assert ref.issuer == "Sở Nội vụ tỉnh Đồng Nai"


def test_bug_head_of_a_department_names_the_department() -> None:
    (ref,) = _refs("Theo đề nghị của Trưởng phòng Nội vụ huyện tại Tờ trình số 118/TTr-PNV ngày 3/3/2021,\nI. X")
    assert ref.issuer == "Phòng Nội vụ huyện Long Thành"


def test_bug_own_body_in_words_is_the_documents_issuer() -> None:
    from extractor.pipeline import extract_text

    raw = ("KẾ HOẠCH\nThi đua năm học 2024 - 2025\nCăn cứ Kế hoạch số 09/KH-TH ngày 05/9/2024 của nhà trường về "
           "nhiệm vụ năm học;\nTrường Tiểu học Lê Mao xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\nNội dung.\n")
    _, (doc,) = extract_text(raw)
    assert [(r.number, r.issuer) for r in doc.references] == [("09/KH-TH", "Trường Tiểu học Lê Mao")]


def test_bug_implementing_verb_mid_sentence_in_the_preamble_is_basis() -> None:
    (ref,) = _refs("Ngày 20/9/2025, Chủ tịch UBND phường chủ trì cuộc họp triển khai Kế hoạch số 1280/KH-UBND ngày "
                   "5/9/2025 của UBND thành phố.\nI. X")
    assert ref.relation == "basis"
