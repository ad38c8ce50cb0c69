"""The spaCy component: `nlp.add_pipe("planex")` puts the values on doc.spans and the records on doc._.planex."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extractor.spacy_component import Alignment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("planex")  # through the spacy_factories entry point
    return nlp


def test_values_on_doc_spans(nlp: spacy.language.Language) -> None:
    doc = nlp((CORPUS / "c23_huyen_nho_quan_thi_dua_cchc_cds.txt").read_text(encoding="utf-8"))
    by_label: dict[str, list[str]] = {}
    for s in doc.spans["planex"]:
        by_label.setdefault(s.label_, []).append(s.text)
    assert by_label["NUMBER"] == ["Số: 37/KH-UBND"]
    assert by_label["ISSUED_DATE"] == ["ngày 26 tháng 02 năm 2024"]
    assert any(r.startswith("Nghị định số 61/2018/NĐ-CP") for r in by_label["REFERENCES"])
    assert doc._.planex[0]["number"] == "37/KH-UBND"


def test_bug_markdown_text_spans_land_on_the_same_words(nlp: spacy.language.Language) -> None:
    # c04 is written with markdown emphasis: normalisation removes it, the spans are carried back.
    doc = nlp((CORPUS / "c04_tinh_quang_ninh_cchc_2021_2025.txt").read_text(encoding="utf-8"))
    refs = [s.text for s in doc.spans["planex"] if s.label_ == "REFERENCES"]
    assert any(r.startswith("Nghị quyết số 76/NQ-CP") for r in refs)
    number = next(s.text for s in doc.spans["planex"] if s.label_ == "NUMBER")
    assert number == "Số: 137/KH-UBND"


@pytest.mark.parametrize(("normalised", "original", "offset", "expected"), [
    ("a b", "a b", 2, 2),
    ("KẾ HOẠCH năm", "**KẾ HOẠCH**\nnăm", 3, 5),       # markdown removed before a word
    ("dòng một dòng hai", "dòng một\ndòng hai", 9, 9),  # a joined wrap
    ("Số: 125/KH", "Số: ¹²⁵/KH", 0, 0),               # NFKC digits: the word is skipped, the rest holds
])
def test_alignment(normalised: str, original: str, offset: int, expected: int) -> None:
    assert Alignment(normalised, original)(offset) == expected
