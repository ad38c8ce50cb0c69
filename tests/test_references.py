import pytest

from extractor.extraction.fields.references import extract_references
from extractor.extraction.models import Reference
from extractor.extraction.orgs import Locality
from tests.helpers import GIA_LAM, LONG_THANH, make_ctx


def _refs(body: str, loc: Locality = LONG_THANH, own: str | None = None, preamble: bool = True) -> list[Reference]:
    ctx = make_ctx(body, locality=loc, preamble_until="I. " if preamble else None)
    refs, _cited = extract_references(ctx, own)
    return refs


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
    from extractor.extraction.pipeline import extract_text

    raw = ("KẾ HOẠCH\nThi đua năm học 2024 - 2025\nCăn cứ Kế hoạch số 09/KH-TH ngày 05/9/2024 của nhà trường về "
           "nhiệm vụ năm học;\nTrường Tiểu học Lê Mao xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\nNội dung.\n")
    _, (doc,) = extract_text(raw)
    assert [(r.number, r.issuer) for r in doc.references] == [("09/KH-TH", "Trường Tiểu học Lê Mao")]


def test_bug_implementing_verb_mid_sentence_in_the_preamble_is_basis() -> None:
    (ref,) = _refs("Ngày 20/9/2025, Chủ tịch UBND phường chủ trì cuộc họp triển khai Kế hoạch số 1280/KH-UBND ngày "
                   "5/9/2025 của UBND thành phố.\nI. X")
    assert ref.relation == "basis"


# --- basis from the preamble's structure (issue 6) ---

_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN LONG THÀNH\nSố: 99/KH-UBND\nLong Thành, ngày 02 tháng 3 năm 2022\n"
         "KẾ HOẠCH\nThi đua năm 2022\n")


def _doc_refs(body: str) -> list[tuple[str, str | None, str | None, str]]:
    from extractor.extraction.pipeline import extract_text

    _, (doc,) = extract_text(_HEAD + body)
    return [(r.number, r.date, r.issuer, r.relation) for r in doc.references]


_TWO_ITEMS = ("Quyết định số 17/QĐ-TTg ngày 09/9/2021 phê duyệt Chương trình;",
              "Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh về thi đua.")


@pytest.mark.parametrize(
    ("heading", "markers", "after"),
    [
        ("I. CĂN CỨ PHÁP LÝ", ("1. ", "2. "), "II. MỤC ĐÍCH"),  # a numbered section heading
        ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", ("+ ", "+ "), "II. MỤC ĐÍCH"),
        ("CĂN CỨ PHÁP LÝ", ("• ", "• "), "I. MỤC ĐÍCH"),  # an unnumbered caps heading
        ("Căn cứ xây dựng kế hoạch:", ("- ", "- "), "I. MỤC ĐÍCH"),
        ("Căn cứ:", ("a) ", "b) "), "I. MỤC ĐÍCH"),
        ("Căn cứ các văn bản sau:", ("1) ", "2) "), "I. MỤC ĐÍCH"),  # items numbered like sections
        ("II. CƠ SỞ PHÁP LÝ", ("- ", "- "), "III. MỤC ĐÍCH"),  # not the first section
    ],
)
def test_bug_bare_items_under_a_basis_heading_are_basis(heading: str, markers: tuple[str, str], after: str) -> None:
    pre = "I. SỰ CẦN THIẾT\nNội dung.\n" if heading.startswith("II.") else ""
    items = "".join(f"{m}{item}\n" for m, item in zip(markers, _TWO_ITEMS, strict=True))
    body = f"{pre}{heading}\n{items}{after}\nNội dung.\n"
    assert _doc_refs(body) == [
        ("17/QĐ-TTg", "2021-09-09", "Thủ tướng Chính phủ", "basis"),
        ("12/KH-UBND", "2022-01-05", "Ủy ban nhân dân tỉnh Đồng Nai", "basis"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # a list under an ordinary section heading
        "UBND huyện ban hành kế hoạch:\nI. MỤC ĐÍCH\n- Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh.\n",
        # a bare line after a preamble sentence that is not a basis lead
        "Nhằm nâng cao chất lượng thi đua;\nKế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh.\nI. MỤC ĐÍCH\nX.\n",
        # numbered body items right after the preamble
        "Căn cứ tình hình thực tế.\nI. NHIỆM VỤ\n1. Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh.\n",
    ],
)
def test_bare_items_outside_a_basis_list_are_cites(body: str) -> None:
    assert [r[3] for r in _doc_refs(body)] == ["cites"]


def test_bug_list_continued_on_lines_without_a_lead_keeps_its_relation() -> None:
    body = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n"
            "Quyết định số 35/2024/QĐ-UBND ngày 20/8/2024 của Ủy ban nhân dân tỉnh;\n"
            "Kế hoạch số 71/KH-SNV ngày 09/01/2025 của Sở Nội vụ;\n"
            "UBND huyện ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nX.\n")
    assert [(r[0], r[3]) for r in _doc_refs(body)] == [
        ("98/2023/NĐ-CP", "basis"), ("35/2024/QĐ-UBND", "basis"), ("71/KH-SNV", "basis")]


@pytest.mark.parametrize(
    ("line", "issuer"),
    [
        ("Theo đề nghị của Phòng Nội vụ tại Tờ trình số 25/TTr-PNV ngày 05/3/2022,", "Phòng Nội vụ huyện Long Thành"),
        ("Xét đề nghị của Trưởng phòng Nội vụ huyện tại Tờ trình số 25/TTr-PNV ngày 05/3/2022,",
         "Phòng Nội vụ huyện Long Thành"),
        ("Xét Tờ trình số 25/TTr-PNV ngày 05/3/2022 của Phòng Nội vụ huyện;", "Phòng Nội vụ huyện Long Thành"),
        ("Căn cứ Luật Thi đua, khen thưởng; theo đề xuất của Phòng Nội vụ tại Tờ trình số 25/TTr-PNV ngày 05/3/2022,",
         "Phòng Nội vụ huyện Long Thành"),
    ],
)
def test_bug_a_proposal_is_cited_not_a_basis(line: str, issuer: str) -> None:
    body = f"Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh;\n{line}\nI. MỤC ĐÍCH\nX.\n"
    assert _doc_refs(body)[1:] == [("25/TTr-PNV", "2022-03-05", issuer, "cites")]


@pytest.mark.parametrize(
    ("sentence", "relations"),
    [
        # nested in the first item's description: cited
        ("Căn cứ Kế hoạch số 5/KH-UBND ngày 1/3/2022 của UBND tỉnh về triển khai thực hiện Nghị quyết số "
         "3/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh;", ["basis", "cites"]),
        ("Thực hiện Kế hoạch số 90-KH/TU ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số "
         "22-CT/TW ngày 23/01/2018 của Ban Bí thư, UBND huyện ban hành kế hoạch.", ["basis", "cites"]),
        # listed with it: the same relation
        ("Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ về phát động thi đua và Kế hoạch "
         "số 16/KH-HĐTĐKT ngày 31/8/2021 của Hội đồng Thi đua - Khen thưởng Trung ương,", ["basis", "basis"]),
        ("Căn cứ các Nghị định số 91/2017/NĐ-CP ngày 31/7/2017, số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;",
         ["basis", "basis"]),
    ],
)
def test_bug_nested_mention_is_cited_and_a_listed_one_keeps_the_relation(sentence: str, relations: list[str]) -> None:
    assert [r[3] for r in _doc_refs(sentence + "\nI. MỤC ĐÍCH\nX.\n")] == relations


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Căn cứ các Nghị định số 42/2010/NĐ-CP ngày 15/4/2010, số 39/2012/NĐ-CP ngày 27/4/2012 của Chính phủ;",
         [("42/2010/NĐ-CP", "2010-04-15", "Chính phủ"), ("39/2012/NĐ-CP", "2012-04-27", "Chính phủ")]),
        # the date is said once, for the last item only
        ("Căn cứ Quyết định số 115/QĐ-UBND và số 116/QĐ-UBND ngày 20/01/2022 của UBND tỉnh;",
         [("115/QĐ-UBND", None, "Ủy ban nhân dân tỉnh Đồng Nai"),
          ("116/QĐ-UBND", "2022-01-20", "Ủy ban nhân dân tỉnh Đồng Nai")]),
        ("Căn cứ Quyết định số 30/2016/QĐ-UBND ngày 25/7/2016 và Quyết định số 12/2018/QĐ-UBND ngày 02/4/2018 "
         "của UBND tỉnh Hà Tĩnh quy định chức năng;",
         [("30/2016/QĐ-UBND", "2016-07-25", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
          ("12/2018/QĐ-UBND", "2018-04-02", "Ủy ban nhân dân tỉnh Hà Tĩnh")]),
        ("Căn cứ các Hướng dẫn số 09-HD/BTCTW, số 10-HD/BTCTW ngày 22/8/2018 của Ban Tổ chức Trung ương;",
         [("09-HD/BTCTW", None, "Ban Tổ chức Trung ương"), ("10-HD/BTCTW", "2018-08-22", "Ban Tổ chức Trung ương")]),
        # another kind of document keeps its own (unknown) issuer
        ("Căn cứ Kế hoạch số 5/KH-UBND ngày 1/3/2022 và Công văn số 7/SNV-TĐKT ngày 2/3/2022 của Sở Nội vụ;",
         [("5/KH-UBND", "2022-03-01", None), ("7/SNV-TĐKT", "2022-03-02", "Sở Nội vụ tỉnh Đồng Nai")]),
    ],
)
def test_bug_one_issuer_said_for_a_list_goes_to_every_item(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert [r[:3] for r in _doc_refs(sentence + "\nI. MỤC ĐÍCH\nX.\n")] == expected


@pytest.mark.parametrize(
    ("mention", "issuer"),
    [
        ("Quyết định số 1017/QĐ-TTg ngày 09/9/2021", "Thủ tướng Chính phủ"),
        ("Chỉ thị số 19/CT-TTg ngày 16/7/2021", "Thủ tướng Chính phủ"),
        ("Nghị định số 73/2019/NĐ-CP ngày 05/9/2019", "Chính phủ"),
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "Chính phủ"),
        ("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022", "Quốc hội"),
        ("Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016", "Ủy ban Thường vụ Quốc hội"),
        ("Nghị quyết số 26-NQ/TW ngày 19/5/2018", "Ban Chấp hành Trung ương"),
        ("Chỉ thị số 28-CT/TW ngày 21/9/2018", "Bộ Chính trị"),
        ("Kết luận số 14-KL/TW ngày 22/9/2021", "Bộ Chính trị"),
        ("Thông tư 21/2020/TT-BGDĐT ngày 31/7/2020", "Bộ Giáo dục và Đào tạo"),
        ("Thông tư số 12/2019/TT-BNV ngày 04/11/2019", "Bộ Nội vụ"),
        ("Thông tư số 07/2022/TT-BNNPTNT ngày 14/6/2022", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("Thông tư số 12/2011/TT-BVHTTDL ngày 10/10/2011", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Thông tư số 05/2016/TT-BLĐTBXH ngày 15/4/2016", "Bộ Lao động - Thương binh và Xã hội"),
        ("Kế hoạch số 1580/KH-BTĐKT ngày 02/7/2020", "Ban Thi đua - Khen thưởng Trung ương"),
        # the text's own issuer wins over the symbol's
        ("Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị", "Bộ Chính trị"),
        # a Sở's code needs the province: no issuer from the symbol alone
        ("Công văn số 245/SNV-TĐKT ngày 02/4/2021", None),
    ],
)
def test_bug_issuer_implied_by_the_symbol(mention: str, issuer: str | None) -> None:
    (ref,) = _refs(f"Căn cứ {mention};\nI. X")
    assert ref.issuer == issuer


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("Theo đề nghị của Trưởng phòng Văn hóa - Thông tin tại Tờ trình số 35/TTr-VHTT ngày 10/5/2019,",
         "Phòng Văn hóa - Thông tin huyện Long Thành"),
        ("Căn cứ Kế hoạch số 71/KH-SVHTTDL ngày 09/01/2022 của Sở Văn hóa, Thể thao và Du lịch về phong trào;",
         "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai"),
        ("Căn cứ Công văn số 1560/LĐTBXH-TE ngày 22/4/2019 của Bộ Lao động - Thương binh và Xã hội về tháng hành động;",
         "Bộ Lao động - Thương binh và Xã hội"),
        # wrapped after the hyphen
        ("Căn cứ Kế hoạch số 7/KH-HĐTĐKT ngày 3/1/2022 của Hội đồng Thi đua -\nKhen thưởng tỉnh về khen thưởng;",
         "Hội đồng Thi đua - Khen thưởng tỉnh Đồng Nai"),
    ],
)
def test_bug_issuer_is_not_cut_at_a_hyphen_a_comma_or_a_wrap(sentence: str, issuer: str) -> None:
    (ref,) = _refs(sentence + "\nI. X")
    assert ref.issuer == issuer


@pytest.mark.parametrize(
    ("mention", "number", "date"),
    [
        ("Kế hoạch Số 12 /KH-UBND ngày 05/3/2021", "12/KH-UBND", "2021-03-05"),
        ("Kế hoạch số 12/ KH-UBND ngày 5-3-2021", "12/KH-UBND", "2021-03-05"),
        ("Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2021", "12/KH-UBND", "2021-03-05"),
        ("Kế hoạch số 12/KH-UBND 05/3/2021", "12/KH-UBND", "2021-03-05"),  # without "ngày"
        ("Kế hoạch số 215/KH-PGDĐT.TĐKT, 09/3/2021", "215/KH-PGDĐT.TĐKT", "2021-03-09"),
        ("Quyết định số 7 / QĐ-UBND, ngày 05.3.2021", "7/QĐ-UBND", "2021-03-05"),
    ],
)
def test_number_and_date_written_in_real_ways(mention: str, number: str, date: str) -> None:
    (ref,) = _refs(f"Căn cứ {mention} của UBND tỉnh;\nI. X")
    assert (ref.number, ref.date, ref.relation) == (number, date, "basis")


def test_bug_a_communes_own_phong_after_the_2025_reform_gets_the_commune() -> None:
    from extractor.extraction.pipeline import extract_text

    raw = ("ỦY BAN NHÂN DÂN\nPHƯỜNG HẠC THÀNH\nSố: 09/KH-UBND\nHạc Thành, ngày 19 tháng 01 năm 2026\nKẾ HOẠCH\n"
           "Thi đua năm 2026\nTheo đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số 05/TTr-VHXH ngày 14/01/2026,\n"
           "I. MỤC ĐÍCH\nX.\n")
    _, (doc,) = extract_text(raw)
    assert [(r.issuer, r.relation) for r in doc.references] == [("Phòng Văn hóa - Xã hội phường Hạc Thành", "cites")]


@pytest.mark.parametrize("bullet", ["- ", "+ ", "• ", "1. ", "a) "])
def test_bug_a_lead_after_a_list_marker_still_opens_a_basis(bullet: str) -> None:
    (ref,) = _refs(f"{bullet}Theo Kế hoạch số 5/KH-UBND ngày 1/2/2022 của UBND tỉnh;\nI. X")
    assert ref.relation == "basis"


def test_items_under_a_basis_section_are_basis_even_after_other_words() -> None:
    refs = _doc_refs("I. CĂN CỨ PHÁP LÝ\n1. Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI và Nghị quyết số 05-NQ/TU "
                     "ngày 1/2/2021 của Tỉnh ủy;\nII. MỤC ĐÍCH\nX.\n")
    assert refs == [("05-NQ/TU", "2021-02-01", "Tỉnh ủy Đồng Nai", "basis")]


@pytest.mark.parametrize(
    ("sentence", "issuer", "subject"),
    [
        ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng "
         "khóa XII về một số vấn đề;", "Ban Chấp hành Trung ương", "một số vấn đề"),
        ("Căn cứ Nghị quyết số 05-NQ/TU ngày 25/10/2021 của Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5 "
         "về chuyển đổi số;", "Ban Chấp hành Đảng bộ tỉnh Đồng Nai", "chuyển đổi số"),
        # no "của", the body named by its level with the plenum's number
        ("Căn cứ Nghị quyết số 19-NQ/TW ngày 16/6/2022 Hội nghị Trung ương 5 khóa XIII về nông nghiệp;",
         "Ban Chấp hành Trung ương", "nông nghiệp"),
        ("Căn cứ Nghị quyết số 08-NQ/HU ngày 3/5/2021 của Hội nghị lần thứ mười hai Ban Chấp hành Đảng bộ huyện "
         "khóa XXVI về cán bộ;", "Ban Chấp hành Đảng bộ huyện Long Thành", "cán bộ"),
        ("Căn cứ Nghị quyết số 12/NQ-HĐND ngày 5/7/2021 của Kỳ họp thứ hai HĐND tỉnh khóa X về giáo dục;",
         "Hội đồng nhân dân tỉnh Đồng Nai", "giáo dục"),
        # a meeting with no body after it names no issuer
        ("Căn cứ Kế hoạch số 12/KH-UBND ngày 5/7/2021 Hội nghị tổng kết năm;", None, None),
    ],
)
def test_bug_issuer_after_a_meeting_is_the_body_holding_it(sentence: str, issuer: str | None,
                                                          subject: str | None) -> None:
    (ref,) = _refs(sentence + "\nI. X")
    assert (ref.issuer, ref.subject) == (issuer, subject)
