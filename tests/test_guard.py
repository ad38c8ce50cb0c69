"""extractor.guard.Guard: many calls served by one child under a budget each; a failed call costs its child only."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from extractor.extraction.pipeline import extract_file, file_guard
from extractor.guard import Guard, GuardError


def _answer(arg: str) -> tuple[int, str]:
    """The child's pid with an answer per argument: each kind of failure a guard must survive."""
    if arg == "sleep":
        time.sleep(60)
    elif arg == "hog":
        bytearray(4 * 1024**3)  # 4 GB: above the child's address-space budget
    elif arg == "raise":
        raise ValueError("bad input")
    elif arg == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid(), arg.upper()


@pytest.mark.parametrize(("failing", "kind"), [
    ("sleep", "timeout"),
    ("hog", "too-large"),
    ("die", "crash"),
])
def test_failed_call_replaces_the_child(failing: str, kind: str) -> None:
    with Guard(_answer) as guard:
        pid, answer = guard("a", 30)
        assert answer == "A" and pid != os.getpid()
        with pytest.raises(GuardError) as err:
            guard(failing, 0.5 if failing == "sleep" else 30)
        assert err.value.kind == kind
        new_pid, answer = guard("b", 30)
        assert answer == "B" and new_pid not in (pid, os.getpid())


def test_exception_in_call_keeps_the_child() -> None:
    with Guard(_answer) as guard:
        pid, _ = guard("a", 30)
        with pytest.raises(GuardError) as err:
            guard("raise", 30)
        assert err.value.kind == "internal" and "ValueError: bad input" in str(err.value)
        assert guard("b", 30) == (pid, "B")


def test_child_replaced_after_max_calls() -> None:
    with Guard(_answer, max_calls=2) as guard:
        pids = [guard(x, 30)[0] for x in "abc"]
    assert pids[0] == pids[1] != pids[2]


def test_closed_guard_child_ends_while_another_lives() -> None:
    # A child inherits the pipes of the guards already open; if it kept them, closing the first guard
    # would wait for ever on a child that never sees its pipe close.
    first, second = Guard(_answer), Guard(_answer)
    first("a", 30)
    second("b", 30)
    closing = threading.Thread(target=first.close)
    closing.start()
    closing.join(10)
    assert not closing.is_alive()
    assert second("c", 30)[1] == "C"
    second.close()


def test_bug_guard_forks_a_child_per_file(tmp_path: Path) -> None:
    """`planex extract` over many files forked a child per file: 5x the CPU of the extraction itself."""
    paths = []
    for i in range(3):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"KẾ HOẠCH\nSố: {i + 1}/KH-UBND\nThực hiện năm 2024.\n", encoding="utf-8")
        paths.append(path)
    with file_guard() as guard:
        records = []
        pids = set()
        for path in paths:
            records.append(extract_file(path, timeout=60, guard=guard))
            pids.add(guard._pid)
    assert len(pids) == 1 and 0 not in pids
    assert records == [extract_file(p) for p in paths]
    assert [r.documents[0].number for r in records] == ["1/KH-UBND", "2/KH-UBND", "3/KH-UBND"]


def test_bug_ctrl_c_leaves_the_guard_child_running() -> None:
    """Ctrl-C while a guard waited left its child working on, and closing the guard waited for the file."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    guard = Guard(_answer)
    pid, _ = guard("a", 30)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with pytest.raises(KeyboardInterrupt):
            guard("sleep", 30)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left sleeping
        os.kill(pid, 0)
    assert guard("b", 30)[1] == "B"
    guard.close()
