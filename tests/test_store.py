"""The archive store: whole records, resumability by content hash, copies, changed files, the JSONL export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from extractor.archive.batch import record_line
from extractor.archive.store import Seen, Store
from extractor.extraction.models import (
    Deadline,
    Document,
    ErrorInfo,
    FileRecord,
    Link,
    Organization,
    Reference,
    Source,
    Span,
    Target,
)


def _span(start: int = 0, end: int = 4, raw: str = "abcd") -> Span:
    return Span(start=start, end=end, raw=raw)


def _record(path: str, sha: str, number: str = "7/KH-UBND", n_docs: int = 1) -> FileRecord:
    docs = [
        Document(
            doc_type="Kế hoạch", number=number, issued_date="2022-02-03",
            issuer=Organization(name="Ủy ban nhân dân huyện Thanh Bình", parent=None),
            references=[Reference(relation="basis", doc_type="Kế hoạch", number="3/KH-UBND", date="2022-01-10",
                                  issuer="Ủy ban nhân dân tỉnh Đồng Tháp", span=_span(10, 60, "Căn cứ Kế hoạch số 3"))],
            targets=[Target(value=95.5, unit="%", op=">=", text="ít nhất 95,5% học sinh", span=_span())],
            deadlines=[Deadline(date="2022-05-30", text="trước ngày 30/5/2022", span=_span())],
            span=_span(0, 100, "KẾ HOẠCH"),
        )
        for _ in range(n_docs)
    ]
    if n_docs == 2:
        docs[0].doc_type = "Quyết định"
        docs[0].links = [Link(kind="issues", target=1, span=_span(100, 200, "KẾ HOẠCH"))]
    return FileRecord(source=Source(path=path, sha256=sha, format="txt"), documents=docs)


def _error(path: str, sha: str) -> FileRecord:
    return FileRecord(source=Source(path=path, sha256=sha, format="pdf"),
                      error=ErrorInfo(kind="no-text-layer", message="scanned pages"))


@pytest.fixture
def db(tmp_path: Path) -> Store:
    store = Store(tmp_path / "planex.db")
    store.start_run(1)
    return store


def _count(db: Store, table: str) -> int:
    return int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _consistent(db: Store) -> None:
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_record_is_stored_with_all_its_parts(db: Store) -> None:
    docs, kind = db.put_record("/a/x.txt", 120, record_line(_record("/a/x.txt", "s1", n_docs=2)), 1)
    assert (docs, kind) == (2, None)
    assert [_count(db, t) for t in ("files", "contents", "documents", "refs", "targets", "deadlines", "links")] == [
        1, 1, 2, 2, 2, 2, 1]
    row = db.conn.execute("SELECT d.doc_type, t.doc_type FROM links l JOIN documents d ON d.id = l.document_id"
                          " JOIN documents t ON t.id = l.target_document_id").fetchone()
    assert row == ("Quyết định", "Kế hoạch")
    assert db.conn.execute("SELECT value FROM targets").fetchone()[0] == 95.5
    _consistent(db)


def test_error_record_gets_an_error_entry(db: Store) -> None:
    assert db.put_record("/a/scan.pdf", 10, record_line(_error("/a/scan.pdf", "s2")), 1) == (0, "no-text-layer")
    assert db.conn.execute("SELECT path, kind FROM errors").fetchall() == [("/a/scan.pdf", "no-text-layer")]
    assert db.conn.execute("SELECT status FROM file_status").fetchone()[0] == "error"


@pytest.mark.parametrize(
    ("path", "sha", "retry", "expected"),
    [
        ("/a/x.txt", "s1", False, Seen.SAME),  # same file again
        ("/b/copy.txt", "s1", False, Seen.KNOWN),  # a copy elsewhere
        ("/a/x.txt", "s9", False, Seen.NEW),  # the file changed
        ("/a/scan.pdf", "s2", False, Seen.SAME),  # a stored failure is not retried by default
        ("/a/scan.pdf", "s2", True, Seen.NEW),  # ... unless asked
    ],
)
def test_seen(db: Store, path: str, sha: str, retry: bool, expected: Seen) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    db.put_record("/a/scan.pdf", 1, record_line(_error("/a/scan.pdf", "s2")), 1)
    assert db.seen(path, sha, retry) is expected


def test_copy_is_a_path_only(db: Store) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    db.put_path("/b/copy.txt", "s1", 1, 1)
    assert _count(db, "documents") == 1
    rows = db.conn.execute("SELECT path, duplicate_of_other FROM file_status ORDER BY path").fetchall()
    assert rows == [("/a/x.txt", 0), ("/b/copy.txt", 1)]


def test_changed_file_replaces_its_old_content(db: Store) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1", number="7/KH-UBND")), 1)
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s3", number="8/KH-UBND")), 1)
    assert db.conn.execute("SELECT number FROM documents").fetchall() == [("8/KH-UBND",)]
    assert db.conn.execute("SELECT sha256 FROM contents").fetchall() == [("s3",)]
    _consistent(db)


def test_changed_file_keeps_content_another_path_holds(db: Store) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    db.put_path("/b/copy.txt", "s1", 1, 1)
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s3", number="8/KH-UBND")), 1)
    assert db.conn.execute("SELECT path FROM contents WHERE sha256 = 's1'").fetchone() == ("/b/copy.txt",)
    assert _count(db, "documents") == 2
    _consistent(db)


def test_failed_record_leaves_nothing_behind(db: Store) -> None:
    db.begin()
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    bad = json.loads(record_line(_record("/a/bad.txt", "s4")))
    del bad["documents"][0]["references"][0]["number"]  # a malformed record fails half-way
    with pytest.raises(KeyError):
        db.put_record("/a/bad.txt", 1, json.dumps(bad), 1)
    db.commit()
    assert [_count(db, t) for t in ("files", "contents", "documents", "refs")] == [1, 1, 1, 1]


def test_unreadable_file_is_accounted_for_and_retried(db: Store) -> None:
    db.put_failure("/a/gone.txt", None, "not-found", "No such file", 1)
    assert db.conn.execute("SELECT path, sha256, status FROM file_status").fetchall() == [
        ("/a/gone.txt", None, "error")]
    db.put_record("/a/gone.txt", 1, record_line(_record("/a/gone.txt", "s5")), 1)  # it came back
    assert _count(db, "errors") == 0
    _consistent(db)


def test_timeout_is_an_error_content(db: Store) -> None:
    db.put_failure("/a/slow.pdf", "s6", "timeout", "stopped after 60 s", 1)
    assert db.seen("/a/slow.pdf", "s6") is Seen.SAME
    assert db.conn.execute("SELECT kind FROM errors WHERE sha256 = 's6'").fetchone() == ("timeout",)


def test_export_jsonl_has_one_line_per_file(db: Store, tmp_path: Path) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    db.put_path("/b/copy.txt", "s1", 1, 1)
    db.put_failure("/a/gone.txt", None, "not-found", "No such file", 1)
    out = tmp_path / "records.jsonl"
    assert db.export_jsonl(out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"] for r in lines] == ["/a/x.txt", "/b/copy.txt", "/a/gone.txt"]
    assert lines[1]["documents"] == lines[0]["documents"]
    assert "error" not in lines[0] and lines[2]["error"]["kind"] == "not-found"
    assert FileRecord.model_validate(lines[0]).documents is not None


def test_lineage_goes_stale_when_documents_change(db: Store) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    assert db.lineage_stale()
    db.conn.execute("INSERT OR REPLACE INTO meta VALUES ('lineage_stale', '0')")
    db.put_path("/b/copy.txt", "s1", 1, 1)  # a copy adds no document
    assert not db.lineage_stale()
    db.put_record("/a/y.txt", 1, record_line(_record("/a/y.txt", "s7")), 1)
    assert db.lineage_stale()


def test_database_is_readable_by_plain_sqlite(db: Store) -> None:
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "s1")), 1)
    db.close()
    conn = sqlite3.connect(db.path)
    row = conn.execute("SELECT d.number, r.number, r.span_raw FROM documents d JOIN refs r ON r.document_id = d.id")
    assert row.fetchone() == ("7/KH-UBND", "3/KH-UBND", "Căn cứ Kế hoạch số 3")


def test_bug_file_changed_after_hashing_is_stored_under_the_looked_up_hash(db: Store) -> None:
    """The worker read newer bytes than the parent hashed: the parent's hash keys the content, so
    copies mapped to it stay valid and the next run sees the file as changed."""
    db.begin()
    db.put_record("/a/x.txt", 1, record_line(_record("/a/x.txt", "newer")), 1, sha256="hashed")
    db.put_path("/b/copy.txt", "hashed", 1, 1)
    db.commit()
    assert db.conn.execute("SELECT sha256 FROM contents").fetchall() == [("hashed",)]
    assert db.seen("/a/x.txt", "newer") is Seen.NEW
    _consistent(db)


def test_store_keeps_text_stable_ids_and_real_dates(tmp_path: Path) -> None:
    from extractor.archive.batch import run_batch

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    (tmp_path / "in").mkdir()
    for name in ("c11_huyen_hoai_an_du_thao.txt", "c24_tinh_tay_ninh_van_hoa_cong_vu.txt"):
        (tmp_path / "in" / name).write_bytes((corpus / name).read_bytes())
    run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1)
    conn = sqlite3.connect(tmp_path / "out" / "planex.db")
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT number, issued_date, issued_on, issued_year, issued_month, uid FROM documents")}
    # a draft's date has no day: no date, but its year and month
    assert rows[None][:4] == ("2024-03", None, 2024, 3)
    assert rows["845/KH-UBND"][:4] == ("2022-03-28", "2022-03-28", 2022, 3)
    uids = {r[4] for r in rows.values()}
    text, record = conn.execute("SELECT c.text, c.record FROM contents c JOIN documents d ON d.sha256 = c.sha256"
                                " WHERE d.number = '845/KH-UBND'").fetchone()
    span = json.loads(record)["documents"][0]["references"][0]["span"]
    assert text[span["start"]:span["end"]] == span["raw"]  # the stored text is the one the spans point into
    assert "text" not in json.loads(record)
    conn.close()
    run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1, reprocess=True)
    conn = sqlite3.connect(tmp_path / "out" / "planex.db")
    assert {r[0] for r in conn.execute("SELECT uid FROM documents")} == uids  # stable across re-extraction
    conn.close()
