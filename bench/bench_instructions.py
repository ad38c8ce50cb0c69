"""Instructions per corpus pass under callgrind (not a test): a count that a loaded machine does not move.

    .venv/bin/python bench/bench_instructions.py [CHECKOUT ...]     # default: this checkout

Times on this shared 2-core machine swing ±10–15 % run to run; valgrind's callgrind counts the
instructions executed, the same for the same code and input whatever else runs. For each checkout (and
the floor: read + decode + NFC of the same files) it runs the corpus .txt files once and three times and
prints the difference per pass (start-up cancels out), the ratio to the floor, and the instructions spent
in the `regex` engine's own code: with the budget of issue 8's 10 MB/s goal next to it, what the patterns
alone cost. Needs valgrind (Debian package `valgrind`); ~3 minutes per checkout.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Runs in each checkout (PYTHONPATH): extract every corpus .txt (or only read them: the floor) N times.
_PROBE = """
import sys, unicodedata
from pathlib import Path
from extractor.extraction.pipeline import extract_text
from extractor.extraction.readers import read_file
paths = sorted(Path(sys.argv[1]).glob("corpus/*.txt"))
raws = [read_file(p).text for p in paths]
def one_pass():
    for p, raw in zip(paths, raws):
        if sys.argv[2] == "floor":
            unicodedata.normalize("NFC", p.read_bytes().decode("utf-8", "replace"))
        else:
            extract_text(raw)
if sys.argv[3] == "timed":  # natively, not under valgrind: CPU seconds of the least of 5 passes, warm
    import time
    one_pass()
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        one_pass()
        best = min(best, time.process_time() - start)
    print(best)
else:
    for _ in range(int(sys.argv[3])):
        one_pass()
"""
# Issue 8's goal, in bytes per CPU second.
GOAL = 10e6
_OBJECT = re.compile(r"ob=\((\d+)\)(?: (.*))?")


def _by_object(out: Path) -> dict[str, int]:
    """Self cost per object file (executable or shared library) from a callgrind output file."""
    names: dict[str, str] = {}
    totals: dict[str, int] = defaultdict(int)
    current = "?"
    after_call = False
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("ob=", "cob=")):  # either may name an object first; only ob= is where costs go
            m = _OBJECT.match(line.removeprefix("c"))
            if m:
                if m.group(2):
                    names[m.group(1)] = Path(m.group(2)).name
                if line.startswith("ob="):
                    current = names.get(m.group(1), "?")
        elif line.startswith("calls="):
            after_call = True  # the next cost line is the call's inclusive cost, not this function's own
        elif line[:1].isdigit() or line[:1] in "+-*":
            if after_call:
                after_call = False
                continue
            parts = line.split()
            if len(parts) > 1:
                totals[current] += int(parts[1])
    return totals


def _env(checkout: Path) -> dict[str, str]:
    # A fixed string hash: with a random one, set and dict orders (and so the count) change run to run.
    return dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")


def _count(checkout: Path, what: str, passes: int, tmp: Path) -> dict[str, int]:
    out = tmp / f"cg.{what}.{passes}"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-P", "-c",
                    _PROBE, str(ROOT), what, str(passes)], env=_env(checkout), cwd=tmp, check=True,
                   capture_output=True)
    return _by_object(out)


def _seconds(checkout: Path) -> float:
    done = subprocess.run([sys.executable, "-P", "-c", _PROBE, str(ROOT), "extract", "timed"], env=_env(checkout),
                          check=True, capture_output=True, text=True)
    return float(done.stdout)


def _per_pass(checkout: Path, what: str, tmp: Path) -> dict[str, int]:
    once, thrice = _count(checkout, what, 1, tmp), _count(checkout, what, 3, tmp)
    return {k: (thrice.get(k, 0) - once.get(k, 0)) // 2 for k in thrice}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("checkouts", nargs="*", type=Path)
    args = ap.parse_args()
    checkouts = [c.resolve() for c in args.checkouts] or [ROOT]
    corpus = sorted(ROOT.glob("corpus/*.txt"))
    size = sum(p.stat().st_size for p in corpus)
    with tempfile.TemporaryDirectory() as tmp:
        floor = sum(_per_pass(checkouts[0], "floor", Path(tmp)).values())
        print(f"corpus: {len(corpus)} .txt files, {size / 1e6:.2f} MB; instructions per pass (callgrind)")
        print(f"  floor (read + decode + NFC)  {floor / 1e6:9.1f} M")
        for checkout in checkouts:
            objects = _per_pass(checkout, "extract", Path(tmp))
            total = sum(objects.values())
            engine = sum(n for name, n in objects.items() if name.startswith("_regex"))
            # The goal as instructions: this pass's own rate (instructions per CPU second, timed natively)
            # times the seconds 10 MB/s allows for the corpus.
            budget = total / _seconds(checkout) * size / GOAL
            print(f"  {checkout!s:<40} {total / 1e6:9.1f} M   x{total / floor:4.0f} the floor;"
                  f"  regex engine {engine / 1e6:.1f} M ({engine / total:.0%});"
                  f"  10 MB/s allows {budget / 1e6:.1f} M (engine alone x{engine / budget:.1f})")

if __name__ == "__main__":
    main()
