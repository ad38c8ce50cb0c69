"""One vocabulary: each list is defined once in `extractor.extraction.vocab` and every reader takes it from there.

Each table runs every word of a canonical list through each path that reads that concept, so a word added to
the list is read everywhere, and a path that kept its own copy fails here.
"""

from __future__ import annotations

from typing import get_args

import pytest
import regex as re

from extractor.archive import report
from extractor.archive.lineage.resolve import issuer_unresolved
from extractor.extraction.clauses import (
    CITATION_ENDS,
    MENTION_STARTS,
    PHRASE_BREAKS,
    SENTENCE_ENDS,
    VALUE_ENDS,
    clause_start,
    value_clause,
)
from extractor.extraction.fields.signature import extract_signer
from extractor.extraction.fold import case_fold, fold_accents, phrase_key
from extractor.extraction.models import Authority
from extractor.extraction.orgs import UNIT_NAME, case_name
from extractor.extraction.segment import split_documents
from extractor.extraction.vocab import alternation, awards, doc_types, layout, organs, signature, web
from extractor.extraction.vocab.symbols import SPACED_SYMBOL
from tests.helpers import make_ctx

ALL_SIGNER_PREFIXES = (*signature.SIGNER_PREFIXES, *signature.PARTY_SIGNER_PREFIXES)
NOI_NHAN = "Trên đây là kế hoạch của đơn vị./.\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n"


def test_the_record_s_authorities_are_the_signer_prefixes() -> None:
    assert set(get_args(Authority)) == {p + "." for p in signature.SIGNER_PREFIXES}


@pytest.mark.parametrize("prefix", ALL_SIGNER_PREFIXES)
def test_every_signer_prefix_is_read_by_the_signature_block(prefix: str) -> None:
    signer = extract_signer(make_ctx(NOI_NHAN + f"{prefix}. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An"))
    assert signer is not None
    assert (signer.name, signer.authority) == ("Nguyễn Văn An", prefix.replace("/", "") + ".")


@pytest.mark.parametrize("prefix", signature.SIGNER_PREFIXES)
def test_every_state_signer_prefix_ends_the_previous_document(prefix: str) -> None:
    """The caps line "<prefix>. CHỦ TỊCH" is the first document's signature, not the second's header."""
    first = "ỦY BAN NHÂN DÂN\nHUYỆN A\nSố: 1/KH-UBND\nKẾ HOẠCH\nThi đua\nNội dung một.\nNội dung hai.\nBa.\nBốn.\n"
    second = "ỦY BAN NHÂN DÂN\nHUYỆN B\nSố: 2/KH-UBND\nKẾ HOẠCH\nKhen thưởng\nNội dung.\n"
    text = first + f"{prefix}. CHỦ TỊCH\n" + second
    segments = split_documents(text)
    assert [text[s.start : s.end].split("\n", 2)[1] for s in segments] == ["HUYỆN A", "HUYỆN B"]
    assert f"{prefix}. CHỦ TỊCH" in text[segments[0].start : segments[0].end]


@pytest.mark.parametrize("head", organs.ENACTING_HEADS)
def test_every_enacting_head_is_a_signing_position_read_in_both_casings(head: str) -> None:
    assert head in organs.SIGNING_POSITIONS
    m = layout.AUTHORITY_LINE.search(f"{head.upper()} ỦY BAN NHÂN DÂN HUYỆN X")
    assert m is not None and m.group("organ") == "ỦY BAN NHÂN DÂN HUYỆN X"
    assert layout.AUTHORITY_LINE_MIXED.match(f"{head.upper().capitalize()} Ủy ban nhân dân huyện X")


@pytest.mark.parametrize("organ", organs.ENACTING_ORGANS)
def test_every_enacting_organ_is_read_on_the_authority_line(organ: str) -> None:
    m = layout.AUTHORITY_LINE.search(f"CHỦ TỊCH {organ.upper()} HUYỆN X")
    assert m is not None and m.group("organ") == f"{organ.upper()} HUYỆN X"


@pytest.mark.parametrize("position", organs.SIGNING_POSITIONS)
def test_every_signing_position_is_read_under_kt(position: str) -> None:
    signer = extract_signer(make_ctx(NOI_NHAN + f"KT. GIÁM ĐỐC\n{position.upper()}\n\nNguyễn Văn An"))
    assert signer is not None
    assert signer.position == position  # written with its marks, each is itself (even where two fold alike)


@pytest.mark.parametrize(("name", "heads"), [
    ("OWN_BODY_HEADS", tuple(awards.OWN_BODY_HEADS)),
    ("SCHOOL_HEADS", awards.SCHOOL_HEADS),
    ("UNNAMED_HEADS", awards.UNNAMED_HEADS),
])
def test_award_heads_are_positions(name: str, heads: tuple[str, ...]) -> None:
    assert set(heads) <= set(organs.SIGNING_POSITIONS), name


@pytest.mark.parametrize("committee", organs.PARTY_COMMITTEES)
def test_every_party_committee_is_an_organ_phrase_a_grantor_and_a_bare_local_body(committee: str) -> None:
    assert committee in organs.CANONICAL_PHRASES
    assert committee in awards.BODY_HEADS
    assert case_name(committee.upper()) == committee
    assert issuer_unresolved(committee)
    assert not issuer_unresolved(f"{committee} Nghệ An")


@pytest.mark.parametrize("agency", [k for k in organs.AGENCY_KINDS if k != "Văn phòng"])
def test_every_agency_kind_without_a_place_is_unresolved(agency: str) -> None:
    assert issuer_unresolved(f"{agency} Nội vụ")
    assert not issuer_unresolved(f"{agency} Nội vụ huyện Yên Thành")


@pytest.mark.parametrize("unit", organs.UNIT_WORDS)
def test_every_unit_word_is_read_by_each_unit_pattern(unit: str) -> None:
    m = UNIT_NAME.search(f"của Ủy ban nhân dân {unit} Củ Chi")
    assert m is not None and (m.group(1), m.group(2)) == (unit, "Củ Chi")
    assert web.UNIT_ONLY.match(f"{unit} Củ Chi")
    assert issuer_unresolved(f"Ủy ban nhân dân {unit}")
    assert not issuer_unresolved(f"Ủy ban nhân dân {unit} Củ Chi")


@pytest.mark.parametrize(("name", "level"), [
    ("Ủy ban nhân dân tỉnh Nghệ An", 3), ("Ủy ban nhân dân Thành phố Hồ Chí Minh", 3),
    ("Ủy ban nhân dân huyện Củ Chi", 2), ("Ủy ban nhân dân thị xã Cửa Lò", 2), ("Ủy ban nhân dân thành phố Vinh", 2),
    ("Ủy ban nhân dân xã Quỳnh Thạch", 1), ("Ủy ban nhân dân thị trấn Cầu Giát", 1), ("Bộ Nội vụ", 4),
])
def test_report_levels_come_from_the_unit_sets(name: str, level: int) -> None:
    assert [lv for lv, pattern in report._LEVELS if pattern.search(name)][:1] == [level]


@pytest.mark.parametrize("words", [organs.UNIT_WORDS, organs.NAMED_HEADS, doc_types.TYPE_NAMES])
def test_alternation_with_one_space_matches_what_a_hand_joined_list_matched(words: tuple[str, ...]) -> None:
    loose, exact = re.compile(f"^(?:{alternation(words)})$"), re.compile(f"^(?:{alternation(words, space=' ')})$")
    for w in words:
        assert exact.match(w) and loose.match(w)
        if " " in w:
            assert loose.match(w.replace(" ", "\n")) and not exact.match(w.replace(" ", "\n"))


def test_type_lists_are_the_vocabulary_s() -> None:
    assert web.TYPE_ABBREVIATIONS.items() <= doc_types.ABBREVIATION_TO_TYPE.items()
    assert {doc_types.ISSUING_TYPE, *doc_types.FORWARDING_TYPES, *doc_types.PLAN_TYPES} <= set(doc_types.TYPE_NAMES)


@pytest.mark.parametrize(("line", "symbol"), [
    ("Số: 05/KH-UBND", "KH-UBND"), ("Số: 91/2017/NĐ-CP", "2017/NĐ-CP"), ("Số: 718/KH-PGDĐT.TĐKT", "KH-PGDĐT.TĐKT"),
    ("Số: 12a/QĐ-UBND", "QĐ-UBND"), ("Số: 537/GDĐT-VP", "GDĐT-VP"), ("Số: 45 /KH - UBND", "KH - UBND"),
])
def test_a_symbol_reads_alike_in_the_number_line_and_the_flattened_header(line: str, symbol: str) -> None:
    m = layout.NUMBER_LINE.match(line)
    assert m is not None and m.group("sym") == symbol
    anchor = layout.NUMBER_ANCHOR.search(f"HUYỆN X {line} X, ngày 1 tháng 2 năm 2020")
    assert anchor is not None and anchor.group().endswith(symbol)
    assert re.fullmatch(SPACED_SYMBOL, symbol)


@pytest.mark.parametrize(("text", "value_ends", "citation_ends", "mention_starts", "sentence_ends"), [
    # A dot after a digit numbers an item for a value's clause; it ends a citation's sentence.
    ("đạt 95% mục 2. Kết quả", [], [13], [13], [13]),
    # ";" cuts a value's clause and a citation, not an award sentence.
    ("tặng Giấy khen; 02 tập thể", [14], [14], [14], []),
    # "TP. Hà Nội" is an abbreviation for an award sentence only.
    ("UBND TP. Hà Nội", [7], [7], [7], []),
    # An attachment note after a citation's subject ends the citation.
    ("về thi đua (Kèm theo)", [], [10], [], []),
])
def test_clause_boundary_sets_differ_where_said(text: str, value_ends: list[int], citation_ends: list[int],
                                                mention_starts: list[int], sentence_ends: list[int]) -> None:
    assert [m.start() for m in VALUE_ENDS.finditer(text)] == value_ends
    assert [m.start() for m in CITATION_ENDS.finditer(text)] == citation_ends
    assert [m.start() for m in MENTION_STARTS.finditer(text)] == mention_starts
    assert [m.start() for m in SENTENCE_ENDS.finditer(text)] == sentence_ends


def test_clause_start_and_value_clause() -> None:
    text = "- Mục tiêu: năm 2025; 1. đạt 95% số xã. Còn lại"
    pos = text.index("95%")
    assert text[clause_start(text, 0, pos, MENTION_STARTS):pos] == "đạt "  # any ". " starts a mention's clause
    lo, hi = value_clause(text, pos, pos + 3, 0, len(text))
    assert text[lo:hi] == "đạt 95% số xã"
    assert [m.start() for m in PHRASE_BREAKS.finditer("Thực hiện A, ngày 5; B")] == [11, 19]


@pytest.mark.parametrize(("text", "cased", "unmarked"), [
    ("Quyết định", "quyết định", "quyet dinh"), ("ĐẢNG ỦY", "đảng ủy", "dang uy"), ("İ", "i", "i"),
])
def test_the_folds_keep_length(text: str, cased: str, unmarked: str) -> None:
    assert (case_fold(text), fold_accents(text)) == (cased, unmarked)
    assert len(case_fold(text)) == len(fold_accents(text)) == len(text)


@pytest.mark.parametrize(("phrase", "key"), [
    ("Giấy  Khen", "giấy khen"), ("Tam Nông", "tam nông"), (" Tâm\nNông ", "tâm nông"),
])
def test_phrase_key_keeps_marks_and_single_spaces(phrase: str, key: str) -> None:
    assert phrase_key(phrase) == key
