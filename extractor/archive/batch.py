"""`planex batch`: every file of an archive into the store, in parallel, resumable, nothing lost.

The parent finds the files (each real file once, regular files only), hashes them (a known content
is not extracted again; a file above the largest size limit is refused unread), keeps a few paths
queued at each worker process (so workers go on while it stores) and alone writes the results to
SQLite; when every file is known, no worker is started. A worker tells when it starts a file; one
that runs past the per-file timeout from then is killed and replaced (the files queued behind go to
its replacement), and its file becomes a `timeout` error. Workers run with an address-space limit
and answer with the record's JSON line, so the parent neither holds records nor re-encodes them.

One run at a time per output folder (a lock); Ctrl-C stores what is done and leaves the files in
flight for the next run; a store that cannot be written (full disk) stops the run with a StoreError,
the database left as of its last commit.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import hashlib
import importlib
import itertools
import multiprocessing as mp
import os
import signal
import sqlite3
import stat
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import Any

from extractor.archive.dask_pool import DaskPool
from extractor.archive.db import database_error
from extractor.archive.store import Seen, Store
from extractor.extraction.models import FileRecord
from extractor.extraction.readers import MAX_BYTES, OcrMode
from extractor.extraction.readers import SUFFIXES as READ_SUFFIXES
from extractor.extraction.readers.limits import cap_memory
from extractor.jsonl import record_line
from extractor.paths import display
from extractor.version import extractor_version

DEFAULT_EXTRACT = "extractor.extraction.pipeline:extract_file"
DB_NAME = "planex.db"
JSONL_NAME = "records.jsonl"
LOCK_NAME = "planex.lock"
# A file larger than any format's limit is refused without reading (or hashing) it.
MAX_FILE_BYTES = max(MAX_BYTES.values())
# How long a worker may take to start a file it was given (process start-up under load).
START_SECONDS = 120.0
# Files queued at each worker: the next path waits in its pipe, so a worker that finishes a file starts
# the next at once instead of waiting while the parent stores results and hashes files.
IN_FLIGHT_PER_WORKER = 2
_STARTED = ("started", "", "")
# Libraries the extractor imports lazily on some files (normalize: underthesea for old tone marks, ~1 s):
# loaded once in the fork server, so that no worker pays for them inside a file's timeout.
_PRELOAD = ("underthesea",)
# Commit at least this often: a crash loses at most this much work, and commits stay cheap.
COMMIT_EVERY_SECONDS = 1.0
COMMIT_EVERY_RECORDS = 200
# How long the parent sleeps at most between checks of Ctrl-C and timeouts.
POLL_SECONDS = 0.2
_GLOB_CHARS = frozenset("*?[")

Outcome = tuple[str, str, str]  # ("ok", line, normalised text) or ("fail", kind, message)
ProgressFn = Callable[[int, int, int], None]  # (files done, files found, errors so far)


class BatchLocked(Exception):
    """Another run holds the output folder."""


class StoreError(Exception):
    """The store could not be written (a full disk, a read-only folder): the run stopped."""


# --- discovery ------------------------------------------------------------------------------------


# What a folder contributes: the formats planex reads, and office formats it cannot read (so that an .xls
# or a .pptx in an archive is reported as an error, never silently dropped). Other files (notes, data,
# databases) are not documents of the archive.
DOCUMENT_SUFFIXES = READ_SUFFIXES | {".xls", ".xlsx", ".ppt", ".pptx"}


def _walk(folder: Path, skip: Path) -> Iterator[Path]:
    """Files under a folder, sorted, without hidden files/folders or the output folder."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(root, d).absolute() != skip)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                yield Path(root, name)


def discover(inputs: Sequence[str], skip: Path) -> Iterator[str]:
    """Absolute paths of every input file: folders recursively, files, globs; each real file once.

    An input that names nothing is yielded as given, to be recorded as `not-found`. A named file is
    always taken; a folder gives its document files (DOCUMENT_SUFFIXES), readable or not. A file
    reached twice (a symlink, `self -> .` under a recursive glob) is taken at its first path.
    """
    seen: set[str] = set()
    for path in _discover(inputs, skip):
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            yield path


def _discover(inputs: Sequence[str], skip: Path) -> Iterator[str]:
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


class Unreadable(Exception):
    """A path the parent does not hash: `kind` is not-found, unreadable, not-a-file or too-large."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def file_digest(path: str, limit: int = MAX_FILE_BYTES) -> tuple[str, int]:
    """SHA-256 and size of a regular file, read in chunks (memory stays flat, time bounded by `limit`).

    A FIFO or device is never opened (its read could block forever); a file above `limit` is not read.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, device or socket)"
            raise Unreadable("not-a-file", f"{path}: {what}")
        if st.st_size > limit:
            raise Unreadable("too-large", f"{path}: {st.st_size / 2**20:.1f} MB is above the {limit >> 20} MB limit")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise Unreadable("not-a-file", f"{path}: not a regular file")
            digest = hashlib.sha256()
            while (chunk := fh.read(1 << 20)) and fh.tell() <= limit + len(chunk):
                digest.update(chunk)
            return digest.hexdigest(), fh.tell()
    except OSError as e:
        kind = "not-found" if isinstance(e, FileNotFoundError) else "unreadable"
        raise Unreadable(kind, f"{path}: {e.strerror or e}") from None


# --- workers --------------------------------------------------------------------------------------


def _load(spec: str) -> Callable[..., FileRecord]:
    module, _, name = spec.partition(":")
    fn: Callable[..., FileRecord] = getattr(importlib.import_module(module), name)
    return fn


def _serve(conn: Connection, spec: str, options: dict[str, Any]) -> None:
    """Worker loop: a path in, "started" and an outcome out (`options`: keyword arguments of the extractor).
    Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cap_memory()
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
        conn.send(_STARTED)  # the timeout counts from here: start-up and queueing are not the file's
        outcome: Outcome
        if extract is None:
            outcome = ("fail", "internal", load_error)
        else:
            try:
                record = extract(Path(path), **options)
                text, record.text = record.text or "", None  # the text goes beside the line, not in it
                outcome = ("ok", record_line(record), text)
            except MemoryError:
                outcome = ("fail", "too-large", f"{display(path)}: above the worker's memory budget")
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
        self.tasks: deque[_Task] = deque()  # sent, in order: the first is the one it works on (or starts next)
        self.deadline = 0.0
        self.started = False

    def give(self, task: _Task, timeout: float) -> None:
        """Queue a file; its `timeout` counts from when the worker says it started it (see collect)."""
        self.conn.send(task.path)
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self.next_file()

    def next_file(self) -> None:
        """The first queued file is a new one: it has START_SECONDS to be started."""
        self.deadline, self.started = time.monotonic() + START_SECONDS, False

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


class _Pool:
    """Worker processes, each working on one file at a time (a stuck one is killed alone), a few queued."""

    def __init__(self, size: int, spec: str, timeout: float, options: dict[str, Any]) -> None:
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(method)
        if method == "forkserver":
            # Workers fork from a server that has already imported the extractor: fast restarts.
            self.ctx.set_forkserver_preload([spec.partition(":")[0], *_PRELOAD])
        self.spec, self.timeout, self.options = spec, timeout, options
        self.workers = [_Worker(self.ctx, spec, options) for _ in range(size)]

    def idle(self) -> list[_Worker]:
        """A worker for each free place in the queues, emptiest queues first (files spread over the workers)."""
        return [w for depth in range(IN_FLIGHT_PER_WORKER) for w in self.workers if len(w.tasks) <= depth]

    def busy(self) -> int:
        return sum(len(w.tasks) for w in self.workers)

    def collect(self, wait_seconds: float = POLL_SECONDS) -> list[tuple[_Task, Outcome]]:
        """Finished or stopped tasks, waiting at most `wait_seconds` or until the nearest deadline."""
        busy = [w for w in self.workers if w.tasks]
        if not busy:
            return []
        nearest = min(w.deadline for w in busy) - time.monotonic()
        ready = set(wait([w.conn for w in busy], timeout=max(0.0, min(wait_seconds, nearest))))
        done: list[tuple[_Task, Outcome]] = []
        for w in busy:
            if w.conn in ready:
                try:
                    while w.tasks and w.conn.poll():
                        message = w.conn.recv()
                        if message == _STARTED:
                            w.started, w.deadline = True, time.monotonic() + self.timeout
                        else:
                            done.append((w.tasks.popleft(), message))
                            w.next_file()
                    continue
                except (EOFError, OSError):
                    w.proc.join(1)
                    done.append((w.tasks.popleft(), ("fail", "crash", f"worker died (exit code {w.proc.exitcode})")))
            elif time.monotonic() >= w.deadline:
                why = f"stopped after {self.timeout:g} s" if w.started else f"not started in {START_SECONDS:g} s"
                done.append((w.tasks.popleft(), ("fail", "timeout", why)))
            else:
                continue
            self._replace(w)
        return done

    def _replace(self, w: _Worker) -> None:
        """A new worker in place of a stopped one, given the files that were queued behind its file."""
        w.kill()
        new = self.workers[self.workers.index(w)] = _Worker(self.ctx, self.spec, self.options)
        for task in w.tasks:
            new.give(task, self.timeout)

    def close(self) -> None:
        for w in self.workers:
            if not w.tasks:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        deadline = time.monotonic() + 2.0
        for w in self.workers:
            if not w.tasks:
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
    failed: int = 0  # input files of this run that end without a record (new errors, copies of failed files too)
    gone: int = 0  # stored files found deleted or renamed, marked gone by this run
    seconds: float = 0.0
    interrupted: bool = False

    unreadable: int = 0  # could not be read: no content

    @property
    def done(self) -> int:
        return self.extracted + self.unchanged + self.copies + self.unreadable

    @property
    def files_per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The machine-readable summary (`planex batch --json`)."""
        return {"status": "interrupted" if self.interrupted else "done", "files": self.found, "done": self.done,
                "extracted": self.extracted, "unchanged": self.unchanged, "copies": self.copies,
                "documents": self.documents, "failed": self.failed, "new_errors": dict(self.errors),
                "gone": self.gone, "seconds": round(self.seconds, 3)}


# Outcomes that say nothing about the file when the run was being stopped: the file is left for the next run.
_STOPPED_KINDS = frozenset({"crash", "timeout"})
def _record_errors() -> tuple[type[Exception], ...]:
    """Errors the store raises for one record (its data), not for the store itself (a full disk, a lost
    server): the first cost that file, the second stop the run (StoreError)."""
    errors: list[type[Exception]] = [sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError,
                                     sqlite3.ProgrammingError, LookupError, TypeError, ValueError]
    with contextlib.suppress(ImportError):
        import psycopg

        errors += [psycopg.IntegrityError, psycopg.DataError, psycopg.ProgrammingError]
    return tuple(errors)


class _Run:
    """The parent's bookkeeping for one batch: what is in flight, what to write, when to commit."""

    def __init__(self, store: Store, run_id: int, retry_errors: bool, summary: BatchSummary,
                 stop: threading.Event | None = None) -> None:
        self.store, self.run_id, self.retry_errors, self.summary = store, run_id, retry_errors, summary
        self.stop = stop or threading.Event()
        self.inflight: dict[str, _Task] = {}
        self.store_errors = _record_errors()
        self.pending = 0
        self.last_commit = time.monotonic()

    def plan(self, paths: Iterator[str]) -> Iterator[_Task]:
        """Tasks for contents to extract; known contents and unreadable files are settled here."""
        s = self.summary
        for path in paths:
            try:
                sha, size = file_digest(path)
            except Unreadable as e:
                self.store.put_failure(path, None, e.kind, str(e), self.run_id)
                s.unreadable += 1
                s.errors[e.kind] += 1
                s.failed += 1
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
                continue
            s.failed += self.store.status(sha) == "error"
            if seen is Seen.SAME:
                s.unchanged += 1
            else:
                self.store.put_path(path, sha, size, self.run_id)
                s.copies += 1
                self._wrote()

    def settle(self, task: _Task, outcome: Outcome) -> None:
        s = self.summary
        status, a, b = outcome
        if status != "ok" and a in _STOPPED_KINDS and self.stop.is_set():
            del self.inflight[task.sha256]  # killed by the stop (Ctrl-C), not by its content: retried next run
            return
        kind: str | None = a
        if status == "ok":
            try:
                documents, kind = self.store.put_record(task.path, task.size, a, self.run_id, task.sha256, b or None)
                s.documents += documents
            except self.store_errors as e:  # rolled back: record why instead
                kind = "store"
                self.store.put_failure(task.path, task.sha256, kind, f"{type(e).__name__}: {e}", self.run_id)
        else:
            self.store.put_failure(task.path, task.sha256, a, b, self.run_id)
        if kind:
            s.errors[kind] += 1
            s.failed += 1 + len(task.copies)
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
        # Not in a thread, and not where Ctrl-C is ignored (a background job, nohup): that is the caller's choice.
        if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
            self.previous = signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold OUT/planex.lock for the run: a second run on the same folder is refused, not interleaved."""
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BatchLocked(f"{out} is in use by another planex batch run; wait for it to finish") from None
            raise
        yield
    finally:
        os.close(fd)  # releases the lock


def _store_failed(e: BaseException, out: Path) -> StoreError:
    return StoreError(f"cannot write to {out}: {e}. The store keeps what was committed; "
                      "free the space (or fix the folder) and run the same command again to resume.")


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    retry_errors: bool = False,
    reprocess: bool = False,
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
    worker processes (extractor/archive/dask_pool.py). `db` is a postgresql:// URL to store into instead of
    `out/planex.db` (extractor/archive/db.py). A content stored by another extractor version is extracted
    again; `reprocess` extracts everything again. `ocr` is passed to the workers' extractor (see
    extractor.extraction.pipeline.extract_file); OCR runs one Tesseract thread per worker.
    Setting `stop` (Ctrl-C does) ends the run after committing what is done. Raises BatchLocked when
    another run holds `out`, StoreError when the store cannot be written.
    """
    started = time.monotonic()
    stop = stop or threading.Event()
    with _CtrlC(stop):
        try:
            out.mkdir(parents=True, exist_ok=True)
            with _locked(out):
                return _run(inputs, out, _Options(workers, timeout, retry_errors, reprocess, extract, dask, db, ocr),
                            stop, progress, started)
        except (*database_error(), OSError) as e:  # type: ignore[misc]  # a tuple of exception classes
            raise _store_failed(e, out) from None


@dataclass(frozen=True)
class _Options:
    workers: int | None
    timeout: float
    retry_errors: bool
    reprocess: bool
    extract: str
    dask: str | None
    db: str | None
    ocr: OcrMode


def _run(inputs: Sequence[str], out: Path, o: _Options, stop: threading.Event, progress: ProgressFn | None,
         started: float) -> BatchSummary:
    skip = out.absolute()
    summary = BatchSummary(found=sum(1 for _ in discover(inputs, skip)))
    store = Store(o.db or out / DB_NAME)
    store.version = extractor_version()
    size = max(1, o.workers or os.cpu_count() or 1)
    finished = False
    pool: _Pool | DaskPool | None = None
    try:
        run_id = store.start_run(size)
        run = _Run(store, run_id, o.retry_errors or o.reprocess, summary, stop)
        if o.reprocess:
            store.version = f"{store.version} (reprocess run {run_id})"
        tasks = run.plan(discover(inputs, skip))
        store.begin()
        # Settles the known files up to the first new one: a re-run that finds nothing new starts no worker.
        first = None if stop.is_set() else next(tasks, None)
        if first is not None and not stop.is_set():
            tasks = itertools.chain([first], tasks)
            size = min(size, summary.found)
            # A custom extractor gets the OCR mode only when one is asked for.
            options: dict[str, Any] = {} if o.ocr == "auto" else {"ocr": o.ocr}
            if o.extract == DEFAULT_EXTRACT:
                options["include_text"] = True  # stored beside the record (the text its spans point into)
            pool = (DaskPool(o.dask, o.extract, o.timeout, options) if o.dask
                    else _Pool(size, o.extract, o.timeout, options))
        exhausted = pool is None
        while pool and not stop.is_set():
            for w in pool.idle():
                task = None if exhausted else next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                w.give(task, o.timeout)
            if exhausted and not pool.busy():
                break
            for task, outcome in pool.collect():
                run.settle(task, outcome)
            if progress:
                progress(summary.done, summary.found, sum(summary.errors.values()))
        if isinstance(pool, _Pool) and stop.is_set():
            for task, outcome in pool.collect(wait_seconds=0.0):  # what had finished is kept
                run.settle(task, outcome)
        summary.interrupted = stop.is_set()
        if not summary.interrupted:
            summary.gone = store.mark_gone(run_id)
        summary.seconds = time.monotonic() - started
        store.commit()
        store.finish_run(run_id, "interrupted" if summary.interrupted else "done", _run_counts(summary))
        store.export_jsonl(out / JSONL_NAME)
        finished = True
    finally:
        if pool:
            pool.close()
        if not finished:  # a failing store: back to the last commit, the run never marked done
            with contextlib.suppress(Exception):
                if store.conn.in_transaction:
                    store.conn.execute("ROLLBACK")
        with contextlib.suppress(Exception):
            store.close()
    return summary


def _run_counts(s: BatchSummary) -> dict[str, int]:
    return {"files": s.done, "extracted": s.extracted, "skipped": s.unchanged + s.copies,
            "documents": s.documents, "errors": s.failed}
