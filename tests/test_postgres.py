"""The archive on PostgreSQL gives the same results as on SQLite: store, re-runs, lineage, report and checks.

Runs where PLANEX_TEST_PG names a server to create throwaway schemas on (`.ci/run` starts one);
skipped elsewhere, with that reason.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from extractor.archive import report
from extractor.archive.batch import run_batch
from extractor.archive.checks import run_checks
from extractor.archive.db import translate
from extractor.archive.lineage import sql
from extractor.archive.store import Store

PG = os.environ.get("PLANEX_TEST_PG")
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAMES = ["c05_cv_kh_an_khe_xanh_sach_dep.txt", "c08_qd_kh_gia_lam_van_minh_do_thi.txt",
         "c24_tinh_tay_ninh_van_hoa_cong_vu.txt", "c25_huyen_duong_minh_chau_van_hoa_cong_vu.txt",
         "c26_th_le_van_tam_duong_minh_chau_van_hoa_cong_vu.txt", "f01_xa_nghi_thuan_nong_thon_moi.docx"]


@pytest.mark.parametrize(("sql", "pg"), [
    ("SELECT a FROM t WHERE b = ? AND c = '?'", "SELECT a FROM t WHERE b = %s AND c = '?'"),
    ("INSERT OR IGNORE INTO meta VALUES ('v', ?)", "INSERT INTO meta VALUES ('v', %s) ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO meta VALUES ('s', '1')",
     "INSERT INTO meta VALUES ('s', '1') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
    ("INSERT INTO runs (started_at) VALUES (?)", "INSERT INTO runs (started_at) VALUES (%s) RETURNING id"),
    ("SELECT instr(search_key(x), ?) > 0", "SELECT strpos(search_key(x), %s) > 0"),
    ("SELECT 100 % 7", "SELECT 100 %% 7"),
])
def test_translate(sql: str, pg: str) -> None:
    assert translate(sql, True) == pg


pytestmark_pg = pytest.mark.skipif(not PG, reason="PLANEX_TEST_PG is not set: no PostgreSQL server to test on")


@pytest.fixture()
def pg_url() -> Iterator[str]:
    import psycopg

    assert PG
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options=-csearch_path%3D{schema},public"
    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


def _results(target: str | Path) -> dict[str, object]:
    db = Store(target)
    try:
        sql.rebuild(db.conn)
        g = sql.load_graph(db.conn)
        built = report.build_report(db.conn, g)
        checks = run_checks(db.conn, g, date(2022, 6, 1))
        return {
            "counts": db.counts(),
            "nodes": sorted((n, a.get("kind"), a.get("number"), a.get("year")) for n, a in g.nodes(data=True)),
            "edges": sorted((u, v, d["kind"], d.get("candidates")) for u, v, d in g.edges(data=True)),
            "missing": [(m.caption, m.cited_by) for m in built.missing],
            "implementations": [(i.caption, i.direct, i.total) for i in built.implementations],
            "silent": [(s.caption, s.units) for s in built.silent_units],
            "findings": sorted((f.check, f.message) for f in checks.findings),
            "deadlines": [(d.date, d.status, d.owner) for d in checks.deadlines],
        }
    finally:
        db.close()


@pytestmark_pg
def test_same_archive_on_both_engines(tmp_path: Path, pg_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    lite = run_batch([str(folder)], tmp_path / "lite", workers=1)
    pg = run_batch([str(folder)], tmp_path / "pg", workers=1, db=pg_url)
    assert (pg.extracted, pg.documents, dict(pg.errors)) == (lite.extracted, lite.documents, dict(lite.errors))
    records = [(tmp_path / d / "records.jsonl").read_text(encoding="utf-8").splitlines() for d in ("lite", "pg")]
    assert [json.loads(x) for x in records[0]] == [json.loads(x) for x in records[1]]
    assert _results(pg_url) == _results(tmp_path / "lite" / "planex.db")
    again = run_batch([str(folder)], tmp_path / "pg", workers=1, db=pg_url)
    assert again.extracted == 0 and again.unchanged == len(NAMES) + 1


@pytestmark_pg
def test_search_key_is_the_same_fold_on_postgresql(pg_url: str) -> None:
    from extractor.archive.server import search_key

    db = Store(pg_url)
    try:
        for text in ("Đắk Mil", "ỦY BAN  NHÂN DÂN huyện Hòa Vang", "Phòng GD&ĐT"):
            assert db.conn.execute("SELECT search_key(?)", (text,)).fetchone()[0] == search_key(text)
    finally:
        db.close()


@pytestmark_pg
def test_api_serves_a_postgresql_archive(tmp_path: Path, pg_url: str) -> None:
    from fastapi.testclient import TestClient

    from extractor.archive.server import create_app

    client = TestClient(create_app(tmp_path / "served", token="t", db_url=pg_url))
    body = (CORPUS / NAMES[2]).read_bytes()
    r = client.post("/v1/files", files={"file": (NAMES[2], body, "text/plain")}, headers={"Authorization": "Bearer t"})
    assert r.status_code == 201
    assert client.get("/v1/documents", params={"q": "tay ninh van hoa"}).json()["total"] == 1
    doc = r.json()["document_ids"][0]
    assert client.get(f"/v1/documents/{doc}").json()["document"]["number"] == "845/KH-UBND"
    view = client.get(f"/v1/documents/{doc}/lineage").json()
    assert any(n.get("number") == "1847/QĐ-TTg" for n in view["nodes"])
