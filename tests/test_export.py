"""`planex export`: tables per field family, the register workbook, edXML headers and JSON-LD lineage."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from extractor.archive.batch import run_batch
from extractor.archive.export import EDXML_NS, REGISTER_FIELDS, register_row
from extractor.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHAIN = ["c24_tinh_tay_ninh_van_hoa_cong_vu.txt", "c25_huyen_duong_minh_chau_van_hoa_cong_vu.txt"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    (root / "docs").mkdir()
    for name in CHAIN:
        shutil.copy(CORPUS / name, root / "docs" / name)
    run_batch([str(root / "docs")], root / "out", workers=1)
    return root / "out"


def _export(archive: Path, fmt: str, dest: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(archive), "--format", fmt, "--dest", str(dest)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("number", "no", "symbol"), [
    ("05/KH-UBND", "05", "KH-UBND"), ("14-KL/TW", "14", "KL/TW"), ("91/2017/NĐ-CP", "91", "2017/NĐ-CP"),
    (None, "", ""),
])
def test_register_row_splits_number_and_symbol(number: str | None, no: str, symbol: str) -> None:
    row = register_row({"number": number})
    assert row[:2] == [no, symbol]


def test_register_row_cuts_to_the_column_length() -> None:
    row = register_row({"title": "x" * 600, "issued_date": "2022-03-28"})
    limit = dict((key, n) for _, key, n in REGISTER_FIELDS)["title"]
    assert len(row[4]) == limit and row[4].endswith("…")
    assert row[2] == "2022-03-28"


def test_csv_tables_carry_document_ids(archive: Path, tmp_path: Path) -> None:
    _export(archive, "csv", tmp_path / "t")
    with (tmp_path / "t" / "documents.csv").open(encoding="utf-8-sig") as fh:
        docs = {r["number"]: r for r in csv.DictReader(fh)}
    assert set(docs) == {"845/KH-UBND", "112/KH-UBND"}
    with (tmp_path / "t" / "refs.csv").open(encoding="utf-8-sig") as fh:
        refs = [r for r in csv.DictReader(fh) if r["number"] == "845/KH-UBND"]
    assert refs and refs[0]["document_id"] == docs["112/KH-UBND"]["id"]


def test_parquet_tables(archive: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _export(archive, "parquet", tmp_path / "p")
    table = pq.read_table(tmp_path / "p" / "quotas.parquet")
    assert table.num_rows > 0 and "document_id" in table.column_names


def test_xlsx_register(archive: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _export(archive, "xlsx", tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["Văn bản"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1:3] == ("Số", "Ký hiệu")
    assert {(r[1], r[2]) for r in rows[1:]} == {("845", "KH-UBND"), ("112", "KH-UBND")}


def test_edxml_header(archive: Path, tmp_path: Path) -> None:
    _export(archive, "edxml", tmp_path / "x")
    heads = [ET.parse(p).getroot() for p in sorted((tmp_path / "x").glob("*.edxml"))]
    ns = {"e": EDXML_NS}
    by_number = {h.findtext("e:Code/e:CodeNumber", namespaces=ns): h for h in heads}
    h = by_number["845"]
    assert h.findtext("e:From/e:OrganName", namespaces=ns) == "Ủy ban nhân dân tỉnh Tây Ninh"
    assert h.findtext("e:PromulgationInfo/e:PromulgationDate", namespaces=ns) == "2022-03-28"
    assert h.findtext("e:SignerInfo/e:Competence", namespaces=ns) == "KT."


def test_jsonld_lineage_uses_eli_terms(archive: Path, tmp_path: Path) -> None:
    _export(archive, "jsonld", tmp_path / "g.jsonld")
    data = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    items = {i.get("eli:id_local"): i for i in data["@graph"]}
    district = items["112/KH-UBND"]
    targets = {t["@id"] for t in district["eli:based_on"]}
    assert items["845/KH-UBND"]["@id"] in targets
    assert data["@context"]["eli"].startswith("http://data.europa.eu/eli/ontology")


def test_jsonl_export_matches_records(archive: Path, tmp_path: Path) -> None:
    _export(archive, "jsonl", tmp_path / "r.jsonl")
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(x)["documents"] for x in lines)


def test_export_without_archive_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "csv", "--dest", str(tmp_path / "t")])
    assert result.exit_code != 0 and "run `planex batch" in result.output


def test_docbin_holds_texts_and_spans(archive: Path, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    _export(archive, "docbin", tmp_path / "c.spacy")
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    docs = list(DocBin().from_disk(tmp_path / "c.spacy").get_docs(nlp.vocab))
    assert len(docs) == 2
    labels = {s.label_ for d in docs for s in d.spans["planex"]}
    assert {"NUMBER", "ISSUER", "REFERENCES", "TARGETS", "QUOTAS"} <= labels
    refs = [s.text for d in docs for s in d.spans["planex"] if s.label_ == "REFERENCES"]
    assert any(r.startswith("Kế hoạch số 845/KH-UBND") for r in refs)


def test_gold_export_scores_like_the_extractor(archive: Path, tmp_path: Path) -> None:
    _export(archive, "gold", tmp_path / "g")
    gold = json.loads((tmp_path / "g" / f"{Path(CHAIN[0]).stem}.json").read_text(encoding="utf-8"))
    expected = json.loads((CORPUS / f"{Path(CHAIN[0]).stem}.expected.json").read_text(encoding="utf-8"))
    (doc,) = gold["documents"]
    assert gold["file"] == CHAIN[0]
    assert doc["number"] == expected["documents"][0]["number"] and doc["issuer"] == expected["documents"][0]["issuer"]
    assert [r["number"] for r in doc["references"]] == [r["number"] for r in expected["documents"][0]["references"]]
