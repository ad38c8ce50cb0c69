"""`planex batch`: every file of an archive into the store, in parallel, resumable, nothing lost.

The parent finds the files, hashes them (a known content is not extracted again), hands one path
at a time to each worker process and alone writes the results to SQLite. A worker that runs past
the per-file timeout is killed and replaced; its file becomes a `timeout` error. Workers answer
with the record's JSON line, so the parent neither holds records nor re-encodes them.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import importlib
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import Any

from extractor.dask_pool import DaskPool
from extractor.db import database_error
from extractor.models import FileRecord
from extractor.readers import OcrMode
from extractor.store import Seen, Store

DEFAULT_EXTRACT = "extractor.pipeline:extract_file"
DB_NAME = "planex.db"
JSONL_NAME = "records.jsonl"
# Commit at least this often: a crash loses at most this much work, and commits stay cheap.
COMMIT_EVERY_SECONDS = 1.0
COMMIT_EVERY_RECORDS = 200
# How long the parent sleeps at most between checks of Ctrl-C and timeouts.
POLL_SECONDS = 0.2
_GLOB_CHARS = frozenset("*?[")

Outcome = tuple[str, str, str]  # ("ok", line, "") or ("fail", kind, message)
ProgressFn = Callable[[int, int, int], None]  # (files done, files found, errors so far)


def record_line(record: FileRecord) -> str:
    """The record as one `planex extract --jsonl` line: absent parts (no error, no text) left out."""
    return record.model_dump_json(exclude={k for k in ("documents", "error", "text") if getattr(record, k) is None})


# --- discovery ------------------------------------------------------------------------------------


# What a folder contributes: the formats planex reads, and document formats it cannot read (so that a
# .doc or a scanned .jpg in an archive is reported as an error, never silently dropped). Other files
# (notes, data, databases) are not documents of the archive.
DOCUMENT_SUFFIXES = frozenset({
    ".txt", ".docx", ".pdf",
    ".doc", ".rtf", ".odt", ".xls", ".xlsx", ".ppt", ".pptx", ".htm", ".html", ".jpg", ".jpeg", ".png", ".tif", ".tiff",
})


def _walk(folder: Path, skip: Path) -> Iterator[Path]:
    """Files under a folder, sorted, without hidden files/folders or the output folder."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(root, d).absolute() != skip)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                yield Path(root, name)


def discover(inputs: Sequence[str], skip: Path) -> Iterator[str]:
    """Absolute paths of every input file: folders recursively, files, globs.

    An input that names nothing is yielded as given, to be recorded as `not-found`. A named file is
    always taken; a folder gives its document files (DOCUMENT_SUFFIXES), readable or not.
    """
    for raw in inputs:
        path = Path(raw)
        if path.exists():
            matches = [path]
        elif _GLOB_CHARS & set(raw):
            matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        else:
            matches = []
        if not matches:
            yield os.path.abspath(raw)
        for m in matches:
            if m.is_dir():
                yield from (os.path.abspath(p) for p in _walk(m, skip))
            else:
                yield os.path.abspath(m)


def file_digest(path: str) -> tuple[str, int]:
    """SHA-256 and size of a file, read in chunks (memory stays flat for large PDFs)."""
    with open(path, "rb") as fh:
        digest = hashlib.file_digest(fh, "sha256")
        return digest.hexdigest(), fh.tell()


# --- workers --------------------------------------------------------------------------------------


def _load(spec: str) -> Callable[..., FileRecord]:
    module, _, name = spec.partition(":")
    fn: Callable[..., FileRecord] = getattr(importlib.import_module(module), name)
    return fn


def _serve(conn: Connection, spec: str, options: dict[str, Any]) -> None:
    """Worker loop: a path in, an outcome out (`options`: keyword arguments of the extractor). Ctrl-C is
    the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        extract: Callable[..., FileRecord] | None = _load(spec)
        load_error = ""
    except Exception as e:  # reported once per file, so the run still accounts for every file
        extract, load_error = None, f"cannot load extractor {spec}: {type(e).__name__}: {e}"
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        outcome: Outcome
        if extract is None:
            outcome = ("fail", "internal", load_error)
        else:
            try:
                outcome = ("ok", record_line(extract(Path(path), **options)), "")
            except Exception as e:  # a bug must cost one file, not the batch
                outcome = ("fail", "internal", f"{type(e).__name__}: {e}")
        conn.send(outcome)


@dataclass
class _Task:
    path: str
    sha256: str
    size: int
    copies: list[_Task] = field(default_factory=list)  # same content found while this one runs


class _Worker:
    def __init__(self, ctx: Any, spec: str, options: dict[str, Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, spec, options), daemon=True)
        self.proc.start()
        child.close()
        self.task: _Task | None = None
        self.deadline = 0.0

    def give(self, task: _Task, timeout: float) -> None:
        self.conn.send(task.path)
        self.task, self.deadline = task, time.monotonic() + timeout

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


class _Pool:
    """Worker processes fed one file at a time, so a stuck one can be killed alone."""

    def __init__(self, size: int, spec: str, timeout: float, options: dict[str, Any]) -> None:
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(method)
        if method == "forkserver":
            # Workers fork from a server that has already imported the extractor: fast restarts.
            self.ctx.set_forkserver_preload([spec.partition(":")[0]])
        self.spec, self.timeout, self.options = spec, timeout, options
        self.workers = [_Worker(self.ctx, spec, options) for _ in range(size)]

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is None]

    def busy(self) -> int:
        return sum(w.task is not None for w in self.workers)

    def collect(self) -> list[tuple[_Task, Outcome]]:
        """Finished or stopped tasks, waiting at most until the nearest deadline."""
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return []
        nearest = min(w.deadline for w in busy) - time.monotonic()
        ready = set(wait([w.conn for w in busy], timeout=max(0.0, min(POLL_SECONDS, nearest))))
        done: list[tuple[_Task, Outcome]] = []
        for w in busy:
            task = w.task
            assert task is not None
            if w.conn in ready:
                try:
                    done.append((task, w.conn.recv()))
                    w.task = None
                    continue
                except (EOFError, OSError):
                    w.proc.join(1)
                    done.append((task, ("fail", "crash", f"worker died (exit code {w.proc.exitcode})")))
            elif time.monotonic() >= w.deadline:
                done.append((task, ("fail", "timeout", f"stopped after {self.timeout:g} s")))
            else:
                continue
            self._replace(w)
        return done

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self.workers[self.workers.index(w)] = _Worker(self.ctx, self.spec, self.options)

    def close(self) -> None:
        for w in self.workers:
            if w.task is None:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        deadline = time.monotonic() + 2.0
        for w in self.workers:
            if w.task is None:
                w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
            w.proc.join()
            w.conn.close()


# --- the run --------------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    found: int = 0  # input files
    extracted: int = 0  # contents extracted in this run
    unchanged: int = 0  # already stored under the same path
    copies: int = 0  # content already stored under another path
    documents: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # new error entries by kind
    seconds: float = 0.0
    interrupted: bool = False

    unreadable: int = 0  # could not be read: no content

    @property
    def done(self) -> int:
        return self.extracted + self.unchanged + self.copies + self.unreadable

    @property
    def files_per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


class _Run:
    """The parent's bookkeeping for one batch: what is in flight, what to write, when to commit."""

    def __init__(self, store: Store, run_id: int, retry_errors: bool, summary: BatchSummary) -> None:
        self.store, self.run_id, self.retry_errors, self.summary = store, run_id, retry_errors, summary
        self.inflight: dict[str, _Task] = {}
        self.store_errors: tuple[type[Exception], ...] = (*database_error(), LookupError, TypeError, ValueError)
        self.pending = 0
        self.last_commit = time.monotonic()

    def plan(self, paths: Iterator[str]) -> Iterator[_Task]:
        """Tasks for contents to extract; known contents and unreadable files are settled here."""
        s = self.summary
        for path in paths:
            try:
                sha, size = file_digest(path)
            except OSError as e:
                kind = "not-found" if isinstance(e, FileNotFoundError) else "unreadable"
                self.store.put_failure(path, None, kind, f"{path}: {e.strerror or e}", self.run_id)
                s.unreadable += 1
                s.errors[kind] += 1
                self._wrote()
                continue
            task = _Task(path, sha, size)
            if sha in self.inflight:
                self.inflight[sha].copies.append(task)
                continue
            seen = self.store.seen(path, sha, self.retry_errors)
            if seen is Seen.NEW:
                self.inflight[sha] = task
                yield task
            elif seen is Seen.SAME:
                s.unchanged += 1
            else:
                self.store.put_path(path, sha, size, self.run_id)
                s.copies += 1
                self._wrote()

    def settle(self, task: _Task, outcome: Outcome) -> None:
        s = self.summary
        status, a, b = outcome
        kind: str | None = a
        if status == "ok":
            try:
                documents, kind = self.store.put_record(task.path, task.size, a, self.run_id, task.sha256)
                s.documents += documents
            except self.store_errors as e:  # rolled back: record why instead
                kind = "store"
                self.store.put_failure(task.path, task.sha256, kind, f"{type(e).__name__}: {e}", self.run_id)
        else:
            self.store.put_failure(task.path, task.sha256, a, b, self.run_id)
        if kind:
            s.errors[kind] += 1
        s.extracted += 1
        for copy in task.copies:
            self.store.put_path(copy.path, task.sha256, copy.size, self.run_id)
            s.copies += 1
        del self.inflight[task.sha256]
        self._wrote()

    def _wrote(self) -> None:
        self.pending += 1
        now = time.monotonic()
        if self.pending >= COMMIT_EVERY_RECORDS or now - self.last_commit >= COMMIT_EVERY_SECONDS:
            self.store.commit()
            self.store.begin()
            self.pending, self.last_commit = 0, now


class _CtrlC:
    """First Ctrl-C asks the run to stop cleanly; a second one interrupts at once."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.previous: Any = None

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    retry_errors: bool = False,
    extract: str = DEFAULT_EXTRACT,
    stop: threading.Event | None = None,
    progress: ProgressFn | None = None,
    dask: str | None = None,
    db: str | None = None,
    ocr: OcrMode = "auto",
) -> BatchSummary:
    """Extract every input file into `out/planex.db` and `out/records.jsonl`.

    `extract` names the per-file function ("module:function"), imported by each worker. `dask` names a
    Dask scheduler ("tcp://host:port", or "local:N" for a local cluster) to extract on instead of local
    worker processes (extractor/dask_pool.py). `db` is a postgresql:// URL to store into instead of
    `out/planex.db` (extractor/db.py). `ocr` is passed to the local workers' extractor (see
    extractor.pipeline.extract_file; Dask workers use its default, auto). OCR runs one Tesseract thread
    per worker.
    Setting `stop` (Ctrl-C does) ends the run after committing what is done.
    """
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    skip = out.absolute()
    summary = BatchSummary(found=sum(1 for _ in discover(inputs, skip)))
    stop = stop or threading.Event()
    store = Store(db or out / DB_NAME)
    size = max(1, workers or os.cpu_count() or 1)
    run_id = store.start_run(size)
    run = _Run(store, run_id, retry_errors, summary)
    tasks = run.plan(discover(inputs, skip))
    pool: _Pool | DaskPool | None = None
    store.begin()
    try:
        with _CtrlC(stop):
            if summary.found:
                size = min(size, summary.found)
                # A custom extractor gets the OCR mode only when one is asked for.
                options = {} if ocr == "auto" else {"ocr": ocr}
                pool = DaskPool(dask, extract, timeout) if dask else _Pool(size, extract, timeout, options)
            exhausted = pool is None
            while pool and not stop.is_set():
                for w in pool.idle():
                    task = None if exhausted else next(tasks, None)
                    if task is None:
                        exhausted = True
                        break
                    w.give(task, timeout)
                if exhausted and not pool.busy():
                    break
                for task, outcome in pool.collect():
                    run.settle(task, outcome)
                if progress:
                    progress(summary.done, summary.found, sum(summary.errors.values()))
    finally:
        if pool:
            pool.close()
        summary.interrupted = stop.is_set()
        summary.seconds = time.monotonic() - started
        store.commit()
        store.finish_run(run_id, "interrupted" if summary.interrupted else "done", _run_counts(summary))
        store.export_jsonl(out / JSONL_NAME)
        store.close()
    return summary


def _run_counts(s: BatchSummary) -> dict[str, int]:
    return {"files": s.done, "extracted": s.extracted, "skipped": s.unchanged + s.copies,
            "documents": s.documents, "errors": sum(s.errors.values())}
