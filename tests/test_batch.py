"""`planex batch`: every file accounted for, bad files cost one entry each, re-runs add nothing, Ctrl-C resumes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from extractor.archive.archive_cli import register
from extractor.archive.batch import discover, run_batch
from extractor.archive.lineage import sql, traverse
from extractor.extraction.models import Document, ErrorInfo, FileRecord, Source

FAKE = "tests.test_batch:fake_extract"
SLOW = "tests.test_batch:slow_extract"
REPO = Path(__file__).resolve().parent.parent


def fake_extract(path: Path) -> FileRecord:
    """A stand-in extractor (run in the workers): misbehaves on request, by file name."""
    data = path.read_bytes()
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="txt")
    if "hang" in path.name:
        time.sleep(60)
    if "crash" in path.name:
        os._exit(3)
    if "bug" in path.name:
        raise ValueError("a bug in one rule")
    if not data.strip():
        return FileRecord(source=source, error=ErrorInfo(kind="empty", message="no text"))
    return FileRecord(source=source, documents=[Document(doc_type="Kế hoạch", number=data.decode().split()[0])])


def slow_extract(path: Path) -> FileRecord:
    time.sleep(0.1)
    return fake_extract(path)


def gated_extract(path: Path) -> FileRecord:
    """Like fake_extract, but a file named "gate…" says it was reached (a marker file) and never ends."""
    if path.name.startswith("gate"):
        (path.parent.parent / "gate.reached").write_text("x", encoding="utf-8")
        time.sleep(3600)
    return fake_extract(path)


def _fake_files(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"f{i:03}.txt"
        p.write_text(f"{i + 1}/KH-UBND nội dung", encoding="utf-8")
        paths.append(p)
    return paths


def _db(out: Path) -> sqlite3.Connection:
    return sqlite3.connect(out / "planex.db")


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _assert_consistent(out: Path) -> None:
    """Every current file (not gone from disk) has a record with documents or an error entry; keys and
    the JSONL agree."""
    conn = _db(out)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    unaccounted = conn.execute(
        "SELECT f.path FROM current_files f LEFT JOIN contents c ON c.sha256 = f.sha256 WHERE NOT ("
        " (c.status = 'ok' AND EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = c.sha256))"
        " OR EXISTS (SELECT 1 FROM errors e WHERE e.sha256 = f.sha256 OR (f.sha256 IS NULL AND e.path = f.path)))"
    ).fetchall()
    assert unaccounted == []
    paths = {r[0] for r in conn.execute("SELECT path FROM current_files")}
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(ln)["source"]["path"] for ln in lines) == sorted(paths)
    conn.close()


# --- discovery -------------------------------------------------------------------------------------


def test_discover_folders_files_globs(tmp_path: Path) -> None:
    a = tmp_path / "a"
    for rel in ("x.txt", "sub/y.docx", "sub/deep/z.pdf", "notes.xls", ".hidden.txt", ".git/h.txt", "out/planex.db"):
        (a / rel).parent.mkdir(parents=True, exist_ok=True)
        (a / rel).write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    found = list(discover([str(a), str(tmp_path / "b.txt"), str(tmp_path / "*.txt"), str(tmp_path / "nope.pdf")],
                          skip=(a / "out").absolute()))
    names = [os.path.relpath(p, tmp_path) for p in found]
    # b.txt, named and matched by the glob, is one file: taken once (issue 10 item 11)
    assert names == ["a/notes.xls", "a/x.txt", "a/sub/y.docx", "a/sub/deep/z.pdf", "b.txt", "nope.pdf"]


# --- whole runs with the real extractor ------------------------------------------------------------

PLAN = """ỦY BAN NHÂN DÂN
HUYỆN {place_caps}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}

{place}, ngày {day} tháng 4 năm 2022

KẾ HOẠCH
Tổ chức ngày hội đọc sách năm 2022

Căn cứ Kế hoạch số 31/KH-UBND ngày 01 tháng 3 năm 2022 của Ủy ban nhân dân tỉnh Đồng Tháp về phát triển văn hóa đọc;

Ủy ban nhân dân huyện xây dựng kế hoạch như sau:

I. MỤC ĐÍCH
Mỗi trường tổ chức ít nhất 2 buổi đọc sách chung.

II. THỜI GIAN
Các đơn vị báo cáo trước ngày 30 tháng 5 năm 2022.
"""


def _plan(place: str, number: str, day: int) -> str:
    return PLAN.format(place_caps=place.upper(), place=place, number=number, day=day)


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[list[str], int]:
    """Good plans, a copy, broken and unsupported files, an empty one, and a path that does not exist."""
    root = tmp_path / "archive"
    (root / "2022" / "huyen").mkdir(parents=True)
    (root / "tam-nong.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    (root / "2022" / "huyen" / "cao-lanh.txt").write_text(_plan("Cao Lãnh", "12/KH-UBND", 6), encoding="utf-8")
    (root / "2022" / "lap-vo.txt").write_text(_plan("Lấp Vò", "40/KH-UBND", 7), encoding="utf-8")
    shutil.copy(root / "tam-nong.txt", root / "2022" / "ban-sao.txt")
    (root / "hong.docx").write_bytes(b"this is not a zip archive")
    (root / "hong.pdf").write_bytes(b"%PDF-1.4 garbage")
    (root / "bang-tinh.xls").write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    (root / "rong.txt").write_text("", encoding="utf-8")
    return [str(root), str(tmp_path / "khong-co.txt")], 9


def test_every_file_is_accounted_for_and_rerun_adds_nothing(mixed: tuple[list[str], int], tmp_path: Path) -> None:
    inputs, n = mixed
    out = tmp_path / "out"
    first = run_batch(inputs, out, workers=2, timeout=30)
    assert (first.found, first.done, first.interrupted) == (n, n, False)
    assert (first.extracted, first.copies, first.unreadable) == (7, 1, 1)
    assert first.documents == 3
    assert sum(first.errors.values()) == 5  # hong.docx, hong.pdf, bang-tinh.xls, rong.txt, khong-co.txt
    _assert_consistent(out)
    conn = _db(out)
    tables = ("files", "contents", "documents", "refs", "errors", "deadlines", "targets")
    before = [_count(conn, t) for t in tables]
    assert before[:3] == [9, 7, 3]
    conn.close()

    again = run_batch(inputs, out, workers=2, timeout=30)
    assert (again.extracted, again.unchanged, again.copies, again.documents) == (0, 8, 0, 0)
    conn = _db(out)
    assert [_count(conn, t) for t in tables] == before
    assert conn.execute("SELECT status, extracted FROM runs ORDER BY id").fetchall() == [("done", 7), ("done", 0)]
    conn.close()
    _assert_consistent(out)


def test_changed_file_is_redone(tmp_path: Path) -> None:
    doc = tmp_path / "in" / "plan.txt"
    doc.parent.mkdir()
    doc.write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(doc.parent)], out, workers=1)
    doc.write_text(_plan("Tam Nông", "13/KH-UBND", 5), encoding="utf-8")
    second = run_batch([str(doc.parent)], out, workers=1)
    assert second.extracted == 1
    conn = _db(out)
    assert conn.execute("SELECT number FROM documents").fetchall() == [("13/KH-UBND",)]
    assert _count(conn, "contents") == 1
    conn.close()
    _assert_consistent(out)


def _known_copy(folder: Path) -> list[str]:
    """A file with the content of a stored one, under a new name."""
    shutil.copy(folder / "f000.txt", folder / "copy.txt")
    return [str(folder)]


@pytest.mark.parametrize(("case", "inputs", "counts"), [
    ("every file stored", lambda folder: [str(folder)], {"unchanged": 4, "copies": 0, "unreadable": 0}),
    ("a new path, a stored content", _known_copy, {"unchanged": 4, "copies": 1, "unreadable": 0}),
    ("new files unreadable", lambda folder: [str(folder), str(folder / "gone.txt")],
     {"unchanged": 4, "copies": 0, "unreadable": 1}),
])
def test_bug_pool_started_when_nothing_to_extract(case: str, inputs: Callable[[Path], list[str]],
                                                  counts: dict[str, int], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that finds nothing to extract (known by sha256, or unreadable) starts no worker pool, local or Dask."""
    from extractor.archive import batch

    folder = tmp_path / "in"
    _fake_files(folder, 4)
    outs = {dask: tmp_path / f"out-{dask}" for dask in (None, "local:1")}  # one output per kind of pool
    for out in outs.values():
        run_batch([str(folder)], out, workers=2, extract=FAKE)
    pools: list[str] = []

    def no_pool(*args: object, **kwargs: object) -> None:
        pools.append(case)
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(batch._Pool, "__init__", no_pool)
    monkeypatch.setattr(batch.DaskPool, "__init__", no_pool)
    files = inputs(folder)
    for dask, out in outs.items():
        again = run_batch(files, out, workers=2, extract=FAKE, dask=dask)
        assert {k: getattr(again, k) for k in counts} == counts
        assert (again.extracted, again.interrupted) == (0, False)
        _assert_consistent(out)
    assert pools == []


def test_batch_command_builds_the_lineage(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    (folder / "b.txt").write_text(_plan("Cao Lãnh", "12/KH-UBND", 6), encoding="utf-8")
    group = click.Group()
    register(group)
    result = CliRunner().invoke(group, ["batch", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "lineage graph │ 3 nodes, 2 edges" in result.output
    conn = _db(tmp_path / "out")
    parents = conn.execute("SELECT DISTINCT target FROM edges WHERE kind = 'basis'").fetchall()
    assert parents == [("ext:ủy ban nhân dân tỉnh đồng tháp|2022|31/KH-UBND",)]  # shared by both plans
    conn.close()


def test_three_level_chain_from_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huyen.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    (folder / "truong.txt").write_text(
        "ỦY BAN NHÂN DÂN HUYỆN TAM NÔNG\nTRƯỜNG MẦM NON HOA MAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 3/KH-MNHM\n\nTam Nông, ngày 20 tháng 4 năm 2022\n\nKẾ HOẠCH\n"
        "Hưởng ứng ngày hội đọc sách\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 05/4/2022 của UBND huyện Tam Nông"
        " về tổ chức ngày hội đọc sách năm 2022;\n\nTrường Mầm non Hoa Mai xây dựng kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH\nCác lớp đọc truyện cho trẻ.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(folder)], out, workers=2)
    conn = _db(out)
    sql.rebuild(conn)
    g = sql.load_graph(conn)
    conn.close()
    school = traverse.find(g, "3/KH-MNHM")
    assert len(school) == 1
    chain = [school[0]]
    while ups := traverse.parents(g, chain[-1]):
        chain.append(ups[0][0])
    assert [g.nodes[n]["number"] for n in chain] == ["3/KH-MNHM", "12/KH-UBND", "31/KH-UBND"]
    assert [g.nodes[n]["kind"] for n in chain] == ["document", "document", "external"]


# --- failures, timeouts, interruption (stand-in extractor) ------------------------------------------


def test_timeout_crash_and_bug_cost_one_file_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _fake_files(folder, 6)
    for name in ("hang.txt", "crash.txt", "bug.txt"):
        (folder / name).write_text(f"1/KH-X {name}", encoding="utf-8")  # distinct contents
    summary = run_batch([str(folder)], tmp_path / "out", workers=2, timeout=1.0, extract=FAKE)
    assert dict(summary.errors) == {"timeout": 1, "crash": 1, "internal": 1}
    assert (summary.extracted, summary.documents) == (9, 6)
    conn = _db(tmp_path / "out")
    kinds = {Path(path).name: kind for path, kind in conn.execute("SELECT path, kind FROM errors")}
    assert kinds == {"hang.txt": "timeout", "crash.txt": "crash", "bug.txt": "internal"}
    conn.close()
    _assert_consistent(tmp_path / "out")


@pytest.mark.parametrize(("name", "kind"), [("hang.txt", "timeout"), ("crash.txt", "crash")])
def test_files_queued_behind_a_stopped_file_are_extracted(name: str, kind: str, tmp_path: Path) -> None:
    """One worker, files queued at it: those behind a file that hangs or kills it go to its replacement."""
    folder = tmp_path / "in"
    for stem in ("a0", "z0", "z1", "z2"):
        (folder / f"{stem}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{stem}.txt").write_text(f"1/KH-{stem.upper()}", encoding="utf-8")
    (folder / name).write_text(f"1/KH-X {name}", encoding="utf-8")
    summary = run_batch([str(folder)], tmp_path / "out", workers=1, timeout=1.0, extract=FAKE)
    assert dict(summary.errors) == {kind: 1}
    assert (summary.extracted, summary.documents) == (5, 4)
    _assert_consistent(tmp_path / "out")


def test_interrupted_run_is_consistent_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _fake_files(folder, 20)
    out = tmp_path / "out"
    stop = threading.Event()

    def progress(done: int, found: int, errors: int) -> None:
        if done >= 3:
            stop.set()  # what Ctrl-C does

    first = run_batch([str(folder)], out, workers=2, extract=SLOW, stop=stop, progress=progress)
    assert first.interrupted and 3 <= first.done < 20
    _assert_consistent(out)
    conn = _db(out)
    assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
    stored = _count(conn, "files")
    conn.close()

    second = run_batch([str(folder)], out, workers=2, extract=FAKE)
    assert (second.unchanged, second.extracted, second.interrupted) == (stored, 20 - stored, False)
    conn = _db(out)
    assert (_count(conn, "files"), _count(conn, "documents")) == (20, 20)
    conn.close()
    _assert_consistent(out)


CTRL_C_SCRIPT = """
import sys
from pathlib import Path
from extractor.archive.batch import run_batch
if __name__ == "__main__":
    summary = run_batch([sys.argv[1]], Path(sys.argv[2]), workers=1, extract="tests.test_batch:gated_extract")
    sys.exit(130 if summary.interrupted else 0)
"""


def test_bug_ctrl_c_timing_dependent(tmp_path: Path) -> None:
    """Ctrl-C while the 6th file runs: the 5 done are stored, the one in flight is not (no crash row), and
    a resume does the rest. Deterministic: the signal is sent when the worker reports the gate file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i:02}.txt").write_text(f"{i + 1}/KH-A", encoding="utf-8")
    (folder / "gate.txt").write_text("9/KH-GATE", encoding="utf-8")
    for i in range(10):
        (folder / f"z{i:02}.txt").write_text(f"{i + 1}/KH-Z", encoding="utf-8")
    out = tmp_path / "out"
    script = tmp_path / "run.py"
    script.write_text(CTRL_C_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(script), str(folder), str(out)], env=env, cwd=REPO,
                            stderr=subprocess.PIPE, text=True)
    marker = tmp_path / "gate.reached"
    while not marker.exists() and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in err
    _assert_consistent(out)
    conn = _db(out)
    assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
    assert _count(conn, "files") == 5
    assert _count(conn, "errors") == 0
    conn.close()
    second = run_batch([str(folder)], out, workers=2, extract=FAKE)
    assert (second.unchanged, second.extracted, second.interrupted) == (5, 11, False)
    _assert_consistent(out)


def test_bug_ctrl_c_crash_rows_skipped_on_resume(tmp_path: Path) -> None:
    """A worker that dies while the run is being stopped (Ctrl-C reaches the whole process group) leaves
    no error row: its file is extracted by the next run."""
    from extractor.archive.batch import BatchSummary, _Run, _Task
    from extractor.archive.store import Store

    db = Store(tmp_path / "planex.db")
    summary = BatchSummary()
    stop = threading.Event()
    run = _Run(db, db.start_run(1), False, summary, stop)
    task = _Task("/a/x.txt", "s1", 10)
    run.inflight["s1"] = task
    stop.set()
    run.settle(task, ("fail", "crash", "worker died (exit code 1)"))
    db.commit()
    assert (_count(db.conn, "files"), _count(db.conn, "errors"), summary.failed) == (0, 0, 0)
    assert run.inflight == {}
    db.close()


def test_record_the_store_rejects_costs_one_file(tmp_path: Path) -> None:
    from extractor.archive.batch import BatchSummary, _Run, _Task
    from extractor.archive.store import Store

    db = Store(tmp_path / "planex.db")
    summary = BatchSummary()
    run = _Run(db, db.start_run(1), False, summary)
    task = _Task("/a/x.txt", "s1", 10)
    run.inflight["s1"] = task
    run.settle(task, ("ok", '{"source": {"path": "/a/x.txt"', ""))  # cut short
    db.commit()
    assert dict(summary.errors) == {"store": 1}
    assert db.conn.execute("SELECT kind, path FROM errors").fetchall() == [("store", "/a/x.txt")]
    db.close()
