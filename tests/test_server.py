"""The HTTP API: extract, ingest, query, lineage, graph; errors as JSON; the published OpenAPI in sync."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from extractor.archive.batch import run_batch
from extractor.archive.server import create_app, search_key

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
# A province plan, the district plan implementing it, and the school plan implementing that.
CHAIN = ["c24_tinh_tay_ninh_van_hoa_cong_vu.txt", "c25_huyen_duong_minh_chau_van_hoa_cong_vu.txt",
         "c26_th_le_van_tam_duong_minh_chau_van_hoa_cong_vu.txt"]
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("api")
    docs = root / "docs"
    docs.mkdir()
    for name in CHAIN[:2]:
        shutil.copy(CORPUS / name, docs / name)
    run_batch([str(docs)], root / "out", workers=1)
    return root / "out"


@pytest.fixture(scope="module")
def client(archive: Path) -> TestClient:
    return TestClient(create_app(archive, token=TOKEN, max_upload=200_000))


def _upload(name: str) -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, (CORPUS / name).read_bytes(), "text/plain")}


@pytest.mark.parametrize(("given", "key"), [
    ("Đắk Mil", "dak mil"), ("ỦY BAN  NHÂN DÂN", "uy ban nhan dan"), ("Hòa", "hoa"), (None, ""),
])
def test_search_key_folds_vietnamese(given: str | None, key: str) -> None:
    assert search_key(given) == key


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_extract_returns_the_record_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/v1/documents").json()["total"]
    r = client.post("/v1/extract", files=_upload(CHAIN[2]))
    assert r.status_code == 200
    (doc,) = r.json()["documents"]
    assert doc["number"] == "27/KH-THLVT"
    assert r.json()["source"]["path"] == CHAIN[2]
    assert client.get("/v1/documents").json()["total"] == before


def test_documents_filters(client: TestClient) -> None:
    got = client.get("/v1/documents", params={"number": "845/KH-UBND"}).json()
    assert got["total"] == 1
    assert got["items"][0]["issuer"] == "Ủy ban nhân dân tỉnh Tây Ninh"
    assert client.get("/v1/documents", params={"q": "duong minh chau", "year": 2022}).json()["total"] == 1
    assert client.get("/v1/documents", params={"doc_type": "ke hoach"}).json()["total"] >= 2
    assert client.get("/v1/documents", params={"issuer": "tay ninh"}).json()["total"] == 1
    page = client.get("/v1/documents", params={"limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["total"] >= 2


def test_document_has_record_and_text_its_spans_point_into(client: TestClient) -> None:
    doc_id = client.get("/v1/documents", params={"number": "845/KH-UBND"}).json()["items"][0]["id"]
    got = client.get(f"/v1/documents/{doc_id}").json()
    span = got["document"]["references"][0]["span"]
    assert got["text"][span["start"]:span["end"]] == span["raw"]


def test_ingest_needs_the_token(client: TestClient) -> None:
    assert client.post("/v1/files", files=_upload(CHAIN[2])).status_code == 401
    wrong = client.post("/v1/files", files=_upload(CHAIN[2]), headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["status"] == 401


def test_ingest_then_lineage_reaches_the_new_document(client: TestClient) -> None:
    r = client.post("/v1/files", files=_upload(CHAIN[2]), headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201
    (school_id,) = r.json()["document_ids"]
    province = client.get("/v1/documents", params={"number": "845/KH-UBND"}).json()["items"][0]["id"]
    view = client.get(f"/v1/documents/{province}/lineage", params={"depth": 3}).json()
    numbers = {n.get("number") for n in view["nodes"]}
    assert {"845/KH-UBND", "112/KH-UBND", "27/KH-THLVT", "1847/QĐ-TTg"} <= numbers
    external = [n for n in view["nodes"] if n.get("number") == "1847/QĐ-TTg"]
    assert external[0]["kind"] == "external"
    school = client.get(f"/v1/documents/{school_id}/lineage", params={"depth": 1}).json()
    assert {(e["kind"]) for e in school["edges"]} == {"basis"}


def test_graph_formats(client: TestClient) -> None:
    data = client.get("/v1/graph").json()
    assert data["directed"] is True and data["nodes"]
    graphml = client.get("/v1/graph", params={"format": "graphml"})
    assert graphml.text.startswith("<graphml") or graphml.text.startswith("<?xml")
    assert client.get("/v1/graph", params={"format": "svg"}).status_code == 422


def test_errors_are_json(client: TestClient) -> None:
    missing = client.get("/v1/documents/999999")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"status": 404, "message": "no document 999999"}}
    too_big = client.post("/v1/extract", files={"file": ("big.txt", b"x" * 300_000, "text/plain")})
    assert too_big.status_code == 413


def test_unreadable_upload_gives_an_error_record(client: TestClient) -> None:
    r = client.post("/v1/extract", files={"file": ("scan.xyz", b"\x00\x01", "application/octet-stream")})
    assert r.status_code == 200
    assert r.json()["error"]["kind"] == "unsupported-format"


def test_published_openapi_is_in_sync(tmp_path: Path) -> None:
    published = json.loads((REPO / "schemas" / "openapi.json").read_text(encoding="utf-8"))
    assert published == create_app(tmp_path / "out").openapi(), "run: python tools/write_openapi.py"
