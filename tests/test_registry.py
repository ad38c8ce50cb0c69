"""The field registry and the fact phase: each family is a row, and extractors are pure functions of the facts."""

import gc
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import get_origin

import pytest

from extractor.extraction.facts import Facts
from extractor.extraction.gather import gather_facts
from extractor.extraction.models import Document
from extractor.extraction.normalize import normalize
from extractor.extraction.pipeline import extract_text
from extractor.extraction.registry import FAMILIES, extract_fields
from extractor.extraction.segment import split_documents

ROOT = Path(__file__).resolve().parent.parent


def _facts(name: str) -> Facts:
    text = normalize((ROOT / "corpus" / name).read_text(encoding="utf-8"))
    return gather_facts(text, split_documents(text)[0])


def test_registry_rows_are_the_document_families() -> None:
    lists = [name for name, f in Document.model_fields.items() if get_origin(f.annotation) is list and name != "links"]
    assert [f.key for f in FAMILIES] == lists
    assert all(Document.model_fields[f.key].annotation == list[f.model_class] for f in FAMILIES)


def test_facts_are_frozen() -> None:
    facts = Facts(text="x", start=0, end=1, body_start=0, preamble_end=0)
    with pytest.raises(FrozenInstanceError):
        facts.end = 0  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "corpus").glob("*.txt"))[:6])
def test_families_are_pure_functions_of_the_facts(name: str) -> None:
    """Run twice, in reverse order the second time: the same values (no family leaves state for another)."""
    facts = _facts(name)
    first = {k: [v.model_dump() for v in vs] for k, vs in extract_fields(facts).items()}
    again = {f.key: [v.model_dump() for v in f.extract(facts)] for f in reversed(FAMILIES)}
    assert first == again


def test_bug_references_read_the_issuer_before_the_signature() -> None:
    """"… của nhà trường" is the issuer the header names; the "TM." signature completes the issuer only after."""
    text = normalize(
        "KẾ HOẠCH\nThi đua năm 2024\nThực hiện Kế hoạch số 12/KH-TrTH ngày 02/01/2024 của nhà trường về thi đua.\n"
        "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    facts = gather_facts(text, split_documents(text)[0])
    assert facts.header_issuer is None
    assert facts.issuer is not None and facts.issuer.name == "Ủy ban nhân dân"
    assert [(r.number, r.issuer, r.issuer_raw) for r in facts.references] == [("12/KH-TrTH", None, None)]


def test_bug_facts_main_reference_cycle() -> None:
    """`Facts.main` cached itself: each document's facts were a reference cycle, freed only by the cyclic
    collector (7,350 objects and ~15 ms of full collections per corpus pass). Extraction leaves no cycle."""
    raw = (ROOT / "corpus" / "c23_huyen_nho_quan_thi_dua_cchc_cds.txt").read_text(encoding="utf-8")
    extract_text(raw)  # warm: lazily built patterns and caches are not the document's garbage
    gc.collect()
    gc.disable()
    try:
        _, docs = extract_text(raw)
        assert docs[0].targets  # the facts were used, and are dropped now
        del docs
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_evolve_keeps_the_lowered_body_only_while_the_bounds_stay() -> None:
    facts = _facts("c23_huyen_nho_quan_thi_dua_cchc_cds.txt")
    lowered = facts.lower_body
    kept = facts.evolve(official="Chủ tịch")
    assert kept.official == "Chủ tịch" and vars(kept)["lower_body"] is lowered
    shorter = facts.evolve(end=facts.end - 100)
    assert shorter.lower_body == facts.text[facts.body_start : facts.end - 100].lower()
    assert shorter.lower_body == lowered[:-100]
