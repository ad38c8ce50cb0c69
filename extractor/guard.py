"""A time and memory budget for one call, without a worker pool: `run_guarded(fn, timeout)`.

The call runs in a forked child process with an address-space limit (extractor.extraction.readers.limits
.cap_memory); the parent waits for its answer up to the deadline and kills it past that. A kill
stops anything, a loop inside a C extension (regex, PDFium) included, which a signal handler in the
same process could not. Where there is no fork (Windows), the budget falls back to a SIGALRM timer
in the main thread (it interrupts Python code only) and, off the main thread, to no budget at all.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

from extractor.extraction.readers.limits import cap_memory

_READ = 1 << 16


class GuardError(Exception):
    """The call did not answer: `kind` is "timeout", "too-large" (memory budget) or "crash"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def run_guarded(fn: Callable[[], str], timeout: float) -> str:
    """`fn()` under a budget of `timeout` seconds and bounded memory; raises GuardError when it fails."""
    if not hasattr(os, "fork"):
        return _with_alarm(fn, timeout)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer once, then leave without running the parent's exit handlers
        os.close(r)
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            cap_memory()
            answer = b"o" + fn().encode("utf-8")
        except MemoryError:
            answer = b"m"
        except BaseException as e:
            answer = b"e" + f"{type(e).__name__}: {e}".encode("utf-8", "backslashreplace")
        try:
            view = memoryview(answer)
            while view:
                view = view[os.write(w, view) :]
        except BaseException:
            code = 1
        os._exit(code)
    os.close(w)
    return _answer(r, pid, timeout)


def _answer(r: int, pid: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    done = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GuardError("timeout", f"stopped after {timeout:g} s")
            ready, _, _ = select.select([r], [], [], left)
            if ready:
                chunk = os.read(r, _READ)
                if not chunk:
                    break
                chunks.append(chunk)
        done = True
    finally:
        os.close(r)
        if not done:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    answer = b"".join(chunks)
    if answer[:1] == b"o":
        return answer[1:].decode("utf-8")
    if answer[:1] == b"m":
        raise GuardError("too-large", "above the memory budget")
    if answer[:1] == b"e":
        raise GuardError("internal", answer[1:].decode("utf-8"))
    raise GuardError("crash", f"the extraction process died ({_status(status)})")


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"


def _with_alarm(fn: Callable[[], str], timeout: float) -> str:
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
