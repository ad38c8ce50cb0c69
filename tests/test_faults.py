"""Fault suite (issue 10): odd paths, hostile files and a failing store end as a record or a clear error,
with memory bounded, no traceback, every input accounted for once and the documented exit codes.

Inputs are generated here (sparse files by truncate, bombs by compressing zeros): nothing large is in
the repository. No test depends on wall-clock timing: a hang is made to last forever and a budget
stops it; start-up is made slower than the timeout.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document as new_docx

from extractor.archive.batch import BatchLocked, StoreError, discover, run_batch
from extractor.archive.store import Store
from extractor.cli import main
from extractor.extraction.facts import Facts
from extractor.extraction.models import FileRecord
from extractor.extraction.pipeline import extract_file, extract_text
from extractor.extraction.readers import read_file
from extractor.extraction.readers.errors import ReadError
from extractor.extraction.sections import find_sections
from extractor.guard import GuardError, run_guarded
from tests.test_batch import FAKE, _assert_consistent, _count, _db, _plan

REPO = Path(__file__).resolve().parent.parent
SLOW_START = "tests.slow_start:extract"


def _kinds(out: Path) -> dict[str, str]:
    conn = _db(out)
    kinds = {Path(p).name: k for p, k in conn.execute("SELECT path, kind FROM errors")}
    conn.close()
    return kinds


def _records(stdout: str) -> list[dict[str, Any]]:
    """The JSON objects printed one after another (indented or one per line)."""
    decoder, pos, out = json.JSONDecoder(), 0, []
    while pos < len(stdout):
        if stdout[pos].isspace():
            pos += 1
            continue
        obj, pos = decoder.raw_decode(stdout, pos)
        out.append(obj)
    return out


# --- 1. file names that are not UTF-8 ------------------------------------------------------------


def test_bug_non_utf8_file_name_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"ke-hoach-\xff.txt")
    with open(raw, "wb") as fh:
        fh.write(_plan("Tam Nông", "12/KH-UBND", 5).encode("utf-8"))
    (folder / "b.txt").write_text(_plan("Cao Lãnh", "13/KH-UBND", 6), encoding="utf-8")
    name = os.fsdecode(raw)
    result = CliRunner().invoke(main, ["extract", "--jsonl", name])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"]["path"].endswith("ke-hoach-\\xff.txt")
    assert bytes.fromhex(record["source"]["path_bytes_hex"]) == raw
    assert record["documents"][0]["number"] == "12/KH-UBND"

    out = tmp_path / "out"
    summary = run_batch([str(folder)], out, workers=1)
    assert (summary.found, summary.extracted, summary.failed) == (2, 2, 0)
    _assert_consistent(out)
    lines = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    hexes = [ln["source"].get("path_bytes_hex") for ln in lines]
    assert sorted(hexes, key=str) == sorted([raw.hex(), None], key=str)
    again = run_batch([str(folder)], out, workers=1)
    assert (again.unchanged, again.extracted, again.gone) == (2, 0, 0)


# --- 2. FIFOs and other non-regular files ---------------------------------------------------------


def test_bug_fifo_blocks_extract_and_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    record = extract_file(folder / "pipe.txt", timeout=60)  # a hang would end as "timeout", not hang the test
    assert record.error is not None and record.error.kind == "not-a-file"
    with pytest.raises(ReadError) as err:
        read_file(folder / "pipe.txt")
    assert err.value.kind == "not-a-file"
    out = tmp_path / "out"
    summary = run_batch([str(folder)], out, workers=1, timeout=60)
    assert (summary.found, summary.failed, dict(summary.errors)) == (2, 1, {"not-a-file": 1})
    _assert_consistent(out)


def test_bug_directory_argument_says_not_found(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    record = extract_file(tmp_path / "d")
    assert record.error is not None and record.error.kind == "not-a-file"


# --- 3. size checked before reading; the batch parent does not hash huge files --------------------


def test_bug_sparse_file_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB, sparse: no disk, and reading it would take 2 GB of memory
    record = extract_file(big)
    assert record.error is not None and record.error.kind == "too-large"
    out = tmp_path / "out"
    summary = run_batch([str(big)], out, workers=1)
    assert dict(summary.errors) == {"too-large": 1}
    conn = _db(out)
    assert conn.execute("SELECT sha256 FROM files").fetchall() == [(None,)]  # refused unhashed
    conn.close()


# --- 4. bombs ---------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    doc = new_docx()
    doc.add_paragraph("KẾ HOẠCH")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _with_entry(data: bytes, name: str, payload: bytes, forge: int | None = None) -> bytes:
    """The package with one more entry; `forge` writes a false uncompressed size into both headers."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(name, payload)
    packed = out.getvalue()
    if forge is None:
        return packed
    real = len(payload).to_bytes(4, "little")
    fake = forge.to_bytes(4, "little")
    return packed.replace(real, fake)


def test_bug_docx_zip_bomb(tmp_path: Path) -> None:
    bomb = _with_entry(_docx_bytes(), "word/bomb.xml", b" " * (40 * 1024 * 1024))  # 40 MB of XML in ~40 KB
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 1024 * 1024
    record = extract_file(path, timeout=120)
    assert record.error is not None and record.error.kind == "too-large"


def test_bug_docx_zip_bomb_forged_size(tmp_path: Path) -> None:
    bomb = _with_entry(_docx_bytes(), "word/media/bomb.bin", b"\0" * (170 * 1024 * 1024), forge=1000)
    path = tmp_path / "forged.docx"
    path.write_bytes(bomb)
    record = extract_file(path, timeout=120)
    assert record.error is not None and record.error.kind in ("too-large", "corrupt")


def _pdf_with_content(content: bytes) -> bytes:
    """A one-page PDF whose page content stream is `content`, Flate-compressed."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_bug_pdf_flate_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_with_content(b" " * (80 * 1024 * 1024)))  # 80 MB of content in ~80 KB
    assert path.stat().st_size < 1024 * 1024
    record = extract_file(path, timeout=120)
    assert record.error is not None and record.error.kind == "too-large"


def test_bug_memory_budget_of_the_guard() -> None:
    def hog() -> str:
        return str(len(bytearray(4 * 1024**3)))  # 4 GB: above the guard's address-space budget

    with pytest.raises(GuardError) as err:
        run_guarded(hog, timeout=60)
    assert err.value.kind == "too-large"


# --- 5. a per-file time budget in the library, extract and show -------------------------------------


def test_bug_no_time_budget_outside_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.extraction.pipeline as pipeline

    def forever(text: str) -> Any:
        while True:
            pass

    monkeypatch.setattr(pipeline, "extract_documents", forever)
    path = tmp_path / "a.txt"
    path.write_text("KẾ HOẠCH", encoding="utf-8")
    record = extract_file(path, timeout=0.5)
    assert record.error is not None and record.error.kind == "timeout"
    result = CliRunner().invoke(main, ["extract", "--timeout", "0.5", str(path)])
    assert result.exit_code == 1
    assert _records(result.stdout)[0]["error"]["kind"] == "timeout"
    shown = CliRunner().invoke(main, ["show", "--timeout", "0.5", str(path)])
    assert shown.exit_code == 1 and "timeout" in shown.output


def test_guarded_record_equals_the_direct_one(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    assert extract_file(path, timeout=60) == extract_file(path)


def test_bug_sections_at_linear_scan() -> None:
    """sections_at bisects; it must give exactly what the linear definition gives."""
    text = "".join(f"{'I' * (i % 3 + 1)}. Phần {i}\n1. Mục\na) ý\n1.1. tiểu mục\nnội dung {i}\n" for i in range(40))
    sections = find_sections(text, 0, len(text))
    ctx = Facts(text=text, start=0, end=len(text), body_start=0, preamble_end=0, sections=tuple(sections))
    for pos in range(0, len(text), 7):
        assert ctx.sections_at(pos) == [s for s in sections if s.start <= pos < s.end]


def test_bug_first_mention_rescans() -> None:
    """Thousands of distinct numbers are thousands of references; a repeated one is folded into its first."""
    raw = "".join(f"Căn cứ Kế hoạch số {i}/KH-UBND ngày 02/3/2020;\n" for i in range(1, 3001))
    raw += "Căn cứ Kế hoạch số 7/KH-UBND ngày 02/3/2020;\nCăn cứ Kế hoạch số 7/KH-UBND ngày 05/6/2021;\n"
    _, docs = extract_text(raw)
    refs = [r for d in docs for r in d.references]
    assert len(refs) == 3001
    seven = [r for r in refs if r.number == "7/KH-UBND"]
    assert [(r.date, len(r.mentions)) for r in seven] == [("2020-03-02", 1), ("2021-06-05", 0)]


def test_bug_pdf_line_joining_quadratic() -> None:
    """Thousands of lines continuing each other join into one line, as the pairwise join gave."""
    from extractor.extraction.readers.pdf import _Line, _reflow

    words = [f"từ{i}" for i in range(3000)]
    lines = [_Line(w, 0, (72.0, 700.0 - i * 14, 540.0, 712.0 - i * 14)) for i, w in enumerate(words)]
    lines.insert(0, _Line("x" * 60, 0, (72.0, 720.0, 540.0, 732.0)))
    out = _reflow([lines])
    assert "".join(ln.text for ln in out).replace(" ", "") == "x" * 60 + "".join(words)


# --- 6. the timeout counts the extraction only ------------------------------------------------------


def test_bug_timeout_counts_worker_startup(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"f{i}.txt").write_text(f"{i + 1}/KH-UBND", encoding="utf-8")
    # The stand-in takes 2 s to import (in each worker) and no time to extract: a 1 s timeout is enough.
    summary = run_batch([str(folder)], tmp_path / "out", workers=2, timeout=1.0, extract=SLOW_START)
    assert (summary.extracted, summary.failed, dict(summary.errors)) == (3, 0, {})


# --- 8. one run per output folder ------------------------------------------------------------------


def test_bug_two_runs_same_out(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("1/KH-UBND", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with open(out / "planex.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # what a running batch holds
        with pytest.raises(BatchLocked, match="in use by another planex batch run"):
            run_batch([str(folder)], out, workers=1, extract=FAKE)
        result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out)])
        assert result.exit_code == 3
        assert "in use by another planex batch run" in result.output
        assert not (out / "planex.db").exists()
    assert run_batch([str(folder)], out, workers=1, extract=FAKE).extracted == 1


# --- 9. a full disk -------------------------------------------------------------------------------


class _FillingStore(Store):
    """A store whose disk fills up at its second commit (SQLite's own "database or disk is full")."""

    def commit(self) -> None:
        self.commits = getattr(self, "commits", 0) + 1
        if self.commits == 2:
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count = {pages}")
        super().commit()


def test_bug_full_disk_marks_run_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.archive.batch as batch

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):
        (folder / f"f{i:03}.txt").write_text(f"{i + 1}/KH-UBND " + "nội dung " * 200, encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.setattr(batch, "Store", _FillingStore)
    monkeypatch.setattr(batch, "COMMIT_EVERY_RECORDS", 20)
    with pytest.raises(StoreError, match="full"):
        run_batch([str(folder)], out, workers=1, extract=FAKE)
    assert not list(out.glob("*.tmp"))
    conn = _db(out)
    assert conn.execute("SELECT status FROM runs").fetchall() == [("running",)]  # never marked done
    conn.close()
    monkeypatch.setattr(batch, "Store", Store)  # space is back
    summary = run_batch([str(folder)], out, workers=1, extract=FAKE)
    assert summary.done == 300 and summary.failed == 0
    _assert_consistent(out)
    conn = _db(out)
    assert _count(conn, "files") == 300
    conn.close()


# --- 10. deleted and renamed inputs ---------------------------------------------------------------


def test_bug_deleted_inputs_stay_current(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    (folder / "b.txt").write_text(_plan("Cao Lãnh", "13/KH-UBND", 6), encoding="utf-8")
    (folder / "c.txt").write_text(_plan("Lấp Vò", "14/KH-UBND", 7), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(folder)], out, workers=1)
    (folder / "a.txt").unlink()
    (folder / "b.txt").rename(folder / "b2.txt")
    second = run_batch([str(folder)], out, workers=1)
    assert (second.gone, second.copies, second.unchanged, second.extracted) == (2, 1, 1, 0)
    _assert_consistent(out)
    conn = _db(out)
    gone = {Path(p).name for (p,) in conn.execute("SELECT path FROM files WHERE gone_run IS NOT NULL")}
    assert gone == {"a.txt", "b.txt"}  # kept as history
    assert sorted(n for (n,) in conn.execute("SELECT number FROM documents")) == ["13/KH-UBND", "14/KH-UBND"]
    conn.close()
    paths = [json.loads(x)["source"]["path"] for x in (out / "records.jsonl").read_text("utf-8").splitlines()]
    assert sorted(Path(p).name for p in paths) == ["b2.txt", "c.txt"]
    shutil.copy(folder / "c.txt", folder / "a.txt")  # a file comes back under an old name
    third = run_batch([str(folder)], out, workers=1)
    assert third.gone == 0
    conn = _db(out)
    assert _count(conn, "files") - conn.execute("SELECT count(*) FROM files WHERE gone_run IS NOT NULL").fetchone()[
        0] == 3
    conn.close()


# --- 11. each real file once -----------------------------------------------------------------------


def test_bug_symlink_loop_glob_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"f{i}.txt").write_text(f"{i + 1}/KH-UBND", encoding="utf-8")
    os.symlink(".", folder / "self")
    os.symlink(folder / "f0.txt", folder / "link.txt")
    found = list(discover([str(folder / "**" / "*.txt"), str(folder)], skip=tmp_path / "out"))
    assert sorted(Path(p).name for p in found) == ["f0.txt", "f1.txt", "f2.txt"]
    summary = run_batch([str(folder / "**" / "*.txt")], tmp_path / "out", workers=1, extract=FAKE)
    assert (summary.found, summary.extracted) == (3, 3)


# --- 12. readers ----------------------------------------------------------------------------------


def _docx_with_body(body_xml: str, doctype: str = "") -> bytes:
    data = _docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                content = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
                           f"<w:document {ns}>{body_xml}</w:document>").encode()
            dst.writestr(info, content)
    return out.getvalue()


def test_bug_docx_without_body(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(_docx_with_body(""))
    record = extract_file(path)
    assert record.error is not None and record.error.kind == "empty"


def test_bug_docx_nested_table_loses_text(tmp_path: Path) -> None:
    inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Giấy khen 05 tập thể</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    outer = ("<w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:tbl><w:tr>"
             "<w:tc><w:p><w:r><w:t>Hình thức</w:t></w:r></w:p></w:tc>"
             f"<w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl></w:body>")
    path = tmp_path / "a.docx"
    path.write_bytes(_docx_with_body(outer))
    assert "Hình thức\tGiấy khen 05 tập thể" in read_file(path).text


def test_bug_docx_text_after_entity_dropped(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY sep " - ">]>'
    body = "<w:body><w:p><w:r><w:t>Kế hoạch&sep;năm 2024 của huyện</w:t></w:r></w:p></w:body>"
    path = tmp_path / "a.docx"
    path.write_bytes(_docx_with_body(body, doctype))
    assert "năm 2024 của huyện" in read_file(path).text


def test_bug_short_text_pages_called_ocr_needed(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for i in range(60):
        pdf.add_page()
        pdf.cell(0, 10, f"Muc {i}: danh sach don vi so {i * 7}, to {chr(97 + i // 26)}{chr(97 + i % 26)}")
    path = tmp_path / "short.pdf"
    path.write_bytes(bytes(pdf.output()))
    result = read_file(path)
    assert result.pages == 60 and "danh sach don vi so 413" in result.text


# --- 13. extract: unreadable files, one shape -------------------------------------------------------


def test_bug_extract_unreadable_file_is_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.extraction.readers.limits as limits

    good = tmp_path / "a.txt"
    good.write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text("x", encoding="utf-8")
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")  # as for a user without rights (tests run as root)
        return real_open(path, flags, *args)

    monkeypatch.setattr(limits.os, "open", refuse)
    result = CliRunner().invoke(main, ["extract", str(good), str(locked), str(tmp_path)])
    assert result.exit_code == 1
    records = _records(result.stdout)
    assert [r.get("error", {}).get("kind") for r in records] == [None, "unreadable", "not-a-file"]
    assert "Traceback" not in result.output


def test_bug_extract_shape_depends_on_count(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    one = CliRunner().invoke(main, ["extract", str(a)])
    two = CliRunner().invoke(main, ["extract", str(a), str(a)])
    assert [type(r) for r in _records(one.stdout)] == [dict]
    assert _records(two.stdout) == _records(one.stdout) * 2  # the same objects, never an array
    lines = CliRunner().invoke(main, ["extract", "--jsonl", str(a), str(a)]).stdout.splitlines()
    assert [json.loads(x) for x in lines] == _records(two.stdout)


# --- 14. batch: failures counted, listed, exit 1 ---------------------------------------------------


def test_bug_batch_exits_zero_when_files_failed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    (folder / "rong.txt").write_text(" ", encoding="utf-8")
    (folder / "rong-copy.txt").write_text(" ", encoding="utf-8")  # a copy of a failed file fails too
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--workers", "1", "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout.splitlines()[-1])
    assert (summary["files"], summary["failed"], summary["new_errors"]) == (3, 2, {"empty": 1})
    errors = CliRunner().invoke(main, ["errors", str(out), "--json"])
    assert errors.exit_code == 1
    listed = [json.loads(x) for x in errors.stdout.splitlines()]
    assert sorted((Path(f["path"]).name, f["kind"]) for f in listed) == [("rong-copy.txt", "empty"),
                                                                         ("rong.txt", "empty")]
    again = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--workers", "1", "--json"])
    assert again.exit_code == 1  # still failed files, though none is new
    (folder / "rong.txt").unlink()
    (folder / "rong-copy.txt").unlink()
    clean = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--workers", "1"])
    assert clean.exit_code == 0, clean.output
    assert CliRunner().invoke(main, ["errors", str(out)]).exit_code == 0


# --- 15. small CLI faults ---------------------------------------------------------------------------


def test_bug_show_out_missing_folder(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    target = tmp_path / "new" / "deeper" / "page.html"
    result = CliRunner().invoke(main, ["show", str(a), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert "12/KH-UBND" in target.read_text(encoding="utf-8")


def test_bug_report_refuses_db_path_and_h(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_plan("Tam Nông", "12/KH-UBND", 5), encoding="utf-8")
    run_batch([str(folder)], tmp_path / "out", workers=1)
    result = CliRunner().invoke(main, ["report", str(tmp_path / "out" / "planex.db"), "--json"])
    assert result.exit_code == 0, result.output
    assert "missing" in json.loads(result.stdout)
    for args in (["-h"], ["extract", "-h"], ["batch", "-h"], ["errors", "-h"]):
        assert CliRunner().invoke(main, args).exit_code == 0


def test_bug_cli_help_is_slow() -> None:
    """The CLI module imports no heavy library: help answers without loading networkx, rich or pydantic."""
    code = "import sys, extractor.cli; print(sorted(m for m in ('networkx', 'rich', 'pydantic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    assert out.stdout.strip() == "[]"


def test_graph_formats_match_lineage() -> None:
    from extractor.archive.archive_cli import GRAPH_FORMATS
    from extractor.archive.lineage.formats import FORMATS

    assert GRAPH_FORMATS == FORMATS


# --- 16. extractor version --------------------------------------------------------------------------


def test_bug_no_extractor_version_upgrade_skips(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"f{i}.txt").write_text(f"{i + 1}/KH-UBND", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(folder)], out, workers=1, extract=FAKE)
    conn = _db(out)
    assert {v for (v,) in conn.execute("SELECT extractor FROM contents")} == {Store(out / "planex.db").version or
                                                                               _version()}
    conn.execute("UPDATE contents SET extractor = '0.0.1'")  # stored by an older planex
    conn.commit()
    conn.close()
    upgraded = run_batch([str(folder)], out, workers=1, extract=FAKE)
    assert (upgraded.extracted, upgraded.unchanged) == (3, 0)
    assert run_batch([str(folder)], out, workers=1, extract=FAKE).extracted == 0
    assert run_batch([str(folder)], out, workers=1, extract=FAKE, reprocess=True).extracted == 3
    _assert_consistent(out)


def _version() -> str:
    from extractor.version import extractor_version

    return extractor_version()


def test_old_store_gets_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "planex.db"
    conn = sqlite3.connect(db)
    conn.executescript("CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT,"
                       " size INTEGER, run_id INTEGER); CREATE TABLE contents (sha256 TEXT PRIMARY KEY,"
                       " path TEXT NOT NULL, format TEXT, pages INTEGER, status TEXT NOT NULL, record TEXT NOT NULL,"
                       " run_id INTEGER);")
    conn.close()
    store = Store(db)
    cols = {r[1] for r in store.conn.execute("PRAGMA table_info(files)")}
    assert {"path_hex", "gone_run"} <= cols
    store.close()


def test_record_roundtrip_keeps_bytes(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"\xe9t\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write("KẾ HOẠCH".encode())
    record = extract_file(Path(os.fsdecode(raw)))
    again = FileRecord.model_validate_json(record.model_dump_json())
    assert again.source.path_bytes_hex == raw.hex()


def test_bug_period_label_rescans_the_line() -> None:
    """line_start bisects; it gives where the line holding a position starts, as a backward scan does."""
    text = "xx\nĐợt 1: từ ngày 01/6/2020 đến ngày 30/11/2020\n\nĐợt 2 từ ngày 01/12/2020 đến ngày 28/02/2021"
    ctx = Facts(text=text, start=3, end=len(text), body_start=3, preamble_end=3)
    for pos in range(3, len(text) + 1):
        assert ctx.line_start(pos) == max(3, text.rfind("\n", 3, pos) + 1)
    _, docs = extract_text(text[3:])
    assert [p.label for p in docs[0].periods] == ["Đợt 1", "Đợt 2"]


def test_bug_dense_targets_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body of thousands of percentages: targets stop at MAX_TARGETS (each carries its clause, so memory
    would grow ~400 bytes per input byte)."""
    import extractor.extraction.fields.targets as targets

    monkeypatch.setattr(targets, "MAX_TARGETS", 50)
    _, docs = extract_text("Phấn đấu đạt " + "1% " * 500)
    assert len(docs[0].targets) == 50
    assert docs[0].targets[0].value == 1.0


def test_bug_ctrl_c_raw_keyboard_interrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C before the run takes it over (libraries still loading) or a second one: exit 130, a message,
    no traceback and no "Aborted!" with exit 1."""
    import extractor.archive.batch as batch

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", interrupted)
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "interrupted; run the same command again to resume" in result.output
    assert "Aborted" not in result.output
