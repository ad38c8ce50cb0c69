"""Whole-document fixtures: every corpus file against its expected record, in every format it exists in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.extraction.pipeline import extract_file
from tests.contract import header, lists

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FORMATS = (".txt", ".docx", ".pdf")


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for expected in sorted(CORPUS.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        cases += [(expected, CORPUS / (stem + ext)) for ext in FORMATS if (CORPUS / (stem + ext)).exists()]
    return cases


def _docs(path: Path) -> list[dict[str, Any]]:
    record = extract_file(path)
    assert record.error is None, record.error
    return [d.model_dump(mode="json") for d in record.documents or []]


@pytest.mark.parametrize(("expected", "path"), _cases(), ids=lambda p: p.name)
def test_document_fields(expected: Path, path: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))["documents"]
    got = _docs(path)
    assert len(got) == len(want), "documents split"
    for g, w in zip(got, want, strict=True):
        assert header(g) == header(w)
        assert lists(g) == lists(w)


def _stems_with_formats() -> list[str]:
    stems = {p.stem for p in CORPUS.glob("*.docx")} | {p.stem for p in CORPUS.glob("*.pdf")}
    return sorted(s for s in stems if (CORPUS / f"{s}.txt").exists())


@pytest.mark.parametrize("stem", _stems_with_formats())
def test_same_fields_from_txt_docx_and_pdf(stem: str) -> None:
    base = _docs(CORPUS / f"{stem}.txt")
    for ext in (".docx", ".pdf"):
        path = CORPUS / f"{stem}{ext}"
        if path.exists():
            other = _docs(path)
            assert [header(d) for d in other] == [header(d) for d in base], ext
            assert [lists(d) for d in other] == [lists(d) for d in base], ext


def _legacy_versions() -> list[tuple[Path, Path]]:
    """(converted file, Unicode source): tools/make_legacy_corpus.py names a file in a pre-Unicode
    font f05_<encoding>_<the source's stem without its prefix>."""
    pairs = []
    for path in sorted(CORPUS.glob("f05_*")):
        if path.suffix in FORMATS:
            tail = path.stem.split("_", 2)[2]
            (source,) = [p for p in CORPUS.glob(f"*_{tail}.txt") if not p.name.startswith("f05_")]
            pairs.append((path, source))
    return pairs


@pytest.mark.parametrize(("path", "source"), _legacy_versions(), ids=lambda p: p.name)
def test_same_fields_from_a_pre_unicode_font_as_from_unicode(path: Path, source: Path) -> None:
    base, other = _docs(source), _docs(path)
    assert [header(d) for d in other] == [header(d) for d in base]
    assert [lists(d) for d in other] == [lists(d) for d in base]
    assert extract_file(path).source.encoding in ("tcvn3", "vni", "cp1258", "viscii", "mixed")


def test_bug_appendix_table_repeating_the_plans_figures_adds_no_targets() -> None:
    from extractor.extraction.pipeline import extract_text

    body = ("Số: 5/KH-UBND\nAn Phú, ngày 2 tháng 3 năm 2021\nKẾ HOẠCH\nThi đua\nI. CHỈ TIÊU\n"
            "Phấn đấu 100% hồ sơ trực tuyến.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Ba\n"
            "Phụ lục 1\nBẢNG CHỈ TIÊU\nSTT\tChỉ tiêu\tMức\n1\tHồ sơ trực tuyến\t100%\n")
    _, (doc,) = extract_text(body)
    assert [(t.value, t.op) for t in doc.targets] == [(100.0, "=")]
