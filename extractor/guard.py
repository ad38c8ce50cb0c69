"""A time and memory budget for calls, without a worker pool: `Guard(fn)(arg, timeout)`, `run_guarded`.

The calls run in a forked child process with an address-space limit (extractor.extraction.readers
.limits.cap_memory); the parent waits for each answer up to its deadline and kills the child past
that. A kill stops anything, a loop inside a C extension (regex, PDFium) included, which a signal
handler in the same process could not. A `Guard` keeps its child between calls: a fork per call
costs more than extracting a typical file (the child's copy-on-write faults and its cold caches:
1.8 s against 0.3 s of CPU over the corpus), so many files go through one child, which is forked
again only after a call it could not answer (stopped, out of memory, crashed) or MAX_CALLS calls.
Where there is no fork (Windows), the budget falls back to a SIGALRM timer in the main thread (it
interrupts Python code only) and, off the main thread, to no budget at all.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from types import FrameType, TracebackType
from typing import Any, Generic, TypeVar

from extractor.extraction.readers.limits import cap_memory

A = TypeVar("A")
R = TypeVar("R")
# Calls one child answers before it is replaced: what caches and fragmentation may grow to stays bounded.
MAX_CALLS = 1000
# Parent ends of the live guards' pipes: a new child closes them, or a child would keep another
# child's pipe open and neither would see its parent leave.
_PARENT_ENDS: weakref.WeakSet[Guard[Any, Any]] = weakref.WeakSet()


class GuardError(Exception):
    """The call did not answer: `kind` is "timeout", "too-large" (memory budget), "crash" or "internal"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Guard(Generic[A, R]):
    """`guard(arg, timeout)` is `fn(arg)` run in the guard's child under a budget of `timeout` seconds and
    bounded memory; it raises GuardError when the call fails. `arg` and the answer cross a pipe (pickled).
    One call at a time (a lock); `close()` (or leaving a `with` block) ends the child."""

    def __init__(self, fn: Callable[[A], R], max_calls: int = MAX_CALLS) -> None:
        self._fn, self._max_calls = fn, max_calls
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._pid = 0
        self._finalizer: weakref.finalize[Any, Any] | None = None
        self._calls = 0

    def __enter__(self) -> Guard[A, R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __call__(self, arg: A, timeout: float) -> R:
        if not hasattr(os, "fork"):
            return _with_alarm(lambda: self._fn(arg), timeout)
        with self._lock:
            if self._conn is None or self._calls >= self._max_calls:
                self._start()
            assert self._conn is not None
            self._calls += 1
            try:
                self._conn.send(arg)
                if not self._conn.poll(timeout):
                    raise GuardError("timeout", f"stopped after {timeout:g} s")
                kind, value = self._conn.recv()
            except (EOFError, OSError):
                raise GuardError("crash", f"the extraction process died ({self._stop(kill=False)})") from None
            except BaseException:  # past the deadline, or Ctrl-C while waiting: the child must not run on
                self._stop(kill=True)
                raise
            if kind == "o":
                result: R = value
                return result
            if kind == "m":  # the child leaves after running out of memory: a fresh one for the next call
                self._stop(kill=False)
                raise GuardError("too-large", "above the memory budget")
            raise GuardError("internal", value)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._stop(kill=False)

    def _start(self) -> None:
        if self._conn is not None:
            self._stop(kill=False)
        parent, child = Pipe()
        pid = os.fork()
        if pid == 0:  # the child: answers until its pipe closes, then leaves without the parent's exit handlers
            parent.close()
            for other in list(_PARENT_ENDS):
                if other._conn is not None:
                    other._conn.close()
            os._exit(_serve(self._fn, child))
        child.close()
        self._conn, self._pid, self._calls = parent, pid, 0
        _PARENT_ENDS.add(self)
        # A guard dropped without close() (or left at exit) still ends and reaps its child.
        self._finalizer = weakref.finalize(self, _reap, parent, pid)

    def _stop(self, kill: bool) -> str:
        """End the child (killed, or told to leave by closing its pipe) and say how it ended."""
        conn, pid = self._conn, self._pid
        self._conn, self._pid = None, 0
        _PARENT_ENDS.discard(self)
        if self._finalizer is not None:
            self._finalizer.detach()  # the pid is reaped here: a later finalizer must not kill its reuse
        assert conn is not None
        return _reap(conn, pid, kill)


def _reap(conn: Connection, pid: int, kill: bool = True) -> str:
    conn.close()
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already
        return "gone"
    return _status(status)


def _serve(fn: Callable[[Any], Any], conn: Connection) -> int:
    """The child's loop: an argument in, ("o", answer) or ("m"|"e", why) out; its exit code at the end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    cap_memory()
    while True:
        try:
            arg = conn.recv()
        except (EOFError, OSError):
            return 0
        reply: tuple[str, Any]
        try:
            reply = ("o", fn(arg))
        except MemoryError:
            reply = ("m", "")
        except BaseException as e:
            reply = ("e", f"{type(e).__name__}: {e}")
        try:
            conn.send(reply)
        except (MemoryError, OSError, pickle.PicklingError):  # the parent sees the pipe close: a crash
            return 1
        if reply[0] == "m":
            return 0


def run_guarded(fn: Callable[[], R], timeout: float) -> R:
    """`fn()` once under a budget of `timeout` seconds and bounded memory; raises GuardError when it fails."""
    with Guard[None, R](lambda _: fn(), max_calls=1) as guard:
        return guard(None, timeout)


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"


def _with_alarm(fn: Callable[[], R], timeout: float) -> R:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return fn()

    def expired(signum: int, frame: FrameType | None) -> None:
        raise GuardError("timeout", f"stopped after {timeout:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
