"""Batch extraction on a Dask cluster: the same pool interface as the local worker processes (archive/batch.py).

    planex batch ARCHIVE --out out --dask local:4              # a local cluster of 4 single-threaded workers
    planex batch ARCHIVE --out out --dask tcp://10.0.0.5:8786  # an existing cluster's scheduler

Files go to the workers as tasks (retried by Dask when a worker is lost); the parent stays the one
writer of the store, so resume, exactly-once accounting and the lineage build are those of the local
mode. A local cluster reads the files where they are; a remote one is sent each file's bytes, so
workers need the same planex (and OCR packages), not the same disks.
"""

from __future__ import annotations

import contextlib
import inspect
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.archive.batch import Outcome, _Task
    from extractor.extraction.models import FileRecord
    from extractor.extraction.pipeline import FileCall
    from extractor.guard import Guard

# How long `collect` waits for a finished task before the run loop looks again (progress, Ctrl-C).
POLL_SECONDS = 0.2
# Tasks kept in flight per worker thread, so no worker waits for the parent between files.
IN_FLIGHT_PER_THREAD = 2
# Per worker thread (a Dask worker may run several): its guard, kept from file to file.
_THREAD = threading.local()
# Dask retries a task whose worker died this many times before the file is an error.
RETRIES = 2
# Seconds past the queued files' budgets after which the parent counts a task as lost.
LOST_TASK_SLACK = 30.0


def _thread_guard() -> Guard[FileCall, str]:
    """This worker thread's guard: its child extracts the thread's files one after another (extractor.guard)."""
    guard: Guard[FileCall, str] | None = getattr(_THREAD, "guard", None)
    if guard is None:
        from extractor.extraction.pipeline import file_guard

        guard = _THREAD.guard = file_guard()
    return guard


def extract_remote(path: str, data: bytes | None, spec: str, timeout: float | None = None,
                   options: dict[str, Any] | None = None) -> Outcome:
    """Run on a worker: extract one file (from its path, or from its bytes in a temporary file of the same name).

    The time budget is kept on the worker, by the extractor's own guard (extractor.guard), from the moment
    the file starts: a task that waited in the worker's queue is not charged for the wait. The thread's
    guard child serves its files one after another (a child per file costs more than the file). `options` are
    the extractor's keyword arguments (the OCR mode).
    """
    from extractor.archive.batch import _load
    from extractor.jsonl import record_line

    try:
        extract = _load(spec)
        params = inspect.signature(extract).parameters
        kwargs = dict(options or {})
        if "timeout" in params and timeout is not None:
            kwargs["timeout"] = timeout
            if "guard" in params:
                kwargs["guard"] = _thread_guard()

        def run(p: Path) -> FileRecord:
            return extract(p, **kwargs)

        if data is None:
            record = run(Path(path))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                local = Path(tmp) / Path(path).name
                local.write_bytes(data)
                record = run(local)
            record.source.path = path
        text, record.text = record.text or "", None
        return ("ok", record_line(record), text)
    except Exception as e:  # a bug must cost one file, not the batch
        return ("fail", "internal", f"{type(e).__name__}: {e}")


@dataclass
class _Slot:
    pool: DaskPool
    task: _Task | None = None
    future: Any = None
    deadline: float = 0.0

    def give(self, task: _Task, timeout: float) -> None:
        data = None if self.pool.shared_disk else Path(task.path).read_bytes()
        self.future = self.pool.client.submit(extract_remote, task.path, data, self.pool.spec, timeout,
                                              self.pool.options, pure=False, retries=RETRIES)
        # The worker keeps the per-file budget; the parent only gives up on a task lost in the cluster.
        self.task, self.deadline = task, time.monotonic() + timeout * (IN_FLIGHT_PER_THREAD + 1) + LOST_TASK_SLACK


class DaskPool:
    """Dask workers fed through futures; each file's time budget is kept on its worker."""

    def __init__(self, scheduler: str, spec: str, timeout: float, options: dict[str, Any] | None = None) -> None:
        from distributed import Client, LocalCluster

        self.spec, self.timeout, self.options = spec, timeout, options or {}
        self.cluster = None
        if scheduler.startswith("local:"):
            n = int(scheduler.removeprefix("local:") or 1)
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
            self.shared_disk = True
        else:
            self.client = Client(scheduler, timeout=30)
            self.shared_disk = False
        threads = sum(self.client.nthreads().values()) or 1
        self.slots = [_Slot(self) for _ in range(threads * IN_FLIGHT_PER_THREAD)]

    def idle(self) -> list[_Slot]:
        return [s for s in self.slots if s.task is None]

    def busy(self) -> int:
        return sum(s.task is not None for s in self.slots)

    def collect(self) -> list[tuple[_Task, Outcome]]:
        from distributed import wait

        busy = [s for s in self.slots if s.task is not None]
        if not busy:
            return []
        with contextlib.suppress(TimeoutError):  # nothing finished within the poll: look at the deadlines
            wait([s.future for s in busy], timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
        done: list[tuple[_Task, Outcome]] = []
        for s in busy:
            assert s.task is not None
            outcome: Outcome | None = None
            if s.future.status == "finished":
                outcome = s.future.result()
            elif s.future.status in ("error", "cancelled"):
                outcome = ("fail", "crash", f"worker failed: {s.future.exception()!r}")
            elif time.monotonic() >= s.deadline:
                s.future.cancel()
                outcome = ("fail", "timeout", f"lost in the cluster: no answer after {self.timeout:g} s per file")
            if outcome is not None:
                done.append((s.task, outcome))
                s.task, s.future = None, None
        return done

    def close(self) -> None:
        for s in self.slots:
            if s.future is not None:
                s.future.cancel()
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
