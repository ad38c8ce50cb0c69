"""Start-up wall time (not a test): `planex --help` and `planex extract one.txt` next to `python -c pass`.

    .venv/bin/python bench/bench_startup.py [CHECKOUT ...] [-n RUNS] [--file F]

A one-file command is mostly imports, so it is timed as a user sees it: wall time of a fresh process.
Each run starts `python -P -m extractor …` with PYTHONPATH set to the checkout (default: this one; give
several to compare them in the same run), alternating the commands and checkouts run by run, and the
floor, an interpreter that does nothing, in between. Prints the median of `-n` runs per command, its
ratio to the floor and issue 8's target, and the median CPU time (user + system) of the process, which
a loaded machine inflates less than the wall time.

The command line keeps compiled patterns in the user's cache (extractor.regex_cache): `extract` runs
with a cache of its own per checkout, filled by one run before timing (as every run after a user's
first); `extract-cold` with an empty cache each run (a first run, or a checkout without the cache).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Issue 8's targets (seconds of wall time).
TARGETS = {"--help": 0.15, "extract": 0.25, "extract-cold": 0.25}


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    ap.add_argument("--file", type=Path, default=next(ROOT.glob("corpus/c23_*.txt")))
    ap.add_argument("-n", "--runs", type=int, default=9)
    args = ap.parse_args()
    extract = ["extract", str(args.file.resolve()), "--jsonl"]
    commands = {"--help": ["--help"], "extract": extract, "extract-cold": extract}
    floor: list[tuple[float, float]] = []
    times: dict[tuple[Path, str], list[tuple[float, float]]] = {(c, k): [] for c in args.checkouts for k in commands}
    with tempfile.TemporaryDirectory() as tmp:
        caches = {c: str(Path(tmp, f"cache{i}")) for i, c in enumerate(args.checkouts)}
        for checkout in args.checkouts:  # fill each checkout's cache once
            _run([sys.executable, "-P", "-m", "extractor", *extract],
                 {**os.environ, "PYTHONPATH": str(checkout), "XDG_CACHE_HOME": caches[checkout]})
        for run in range(args.runs):
            floor.append(_run([sys.executable, "-c", "pass"], dict(os.environ)))
            for checkout in args.checkouts:
                for name, argv in commands.items():
                    cache = f"{caches[checkout]}-cold{run}" if name == "extract-cold" else caches[checkout]
                    env = {**os.environ, "PYTHONPATH": str(checkout), "XDG_CACHE_HOME": cache}
                    times[checkout, name].append(_run([sys.executable, "-P", "-m", "extractor", *argv], env))
    base = statistics.median(w for w, _ in floor)
    print(f"seconds, median of {args.runs} runs; floor `python -c pass` {base:.3f} s wall, "
          f"{statistics.median(c for _, c in floor):.3f} s CPU; file {args.file.name}")
    print(f"{'checkout':40}{'command':>14}{'wall':>8}{'x floor':>9}{'target':>8}{'CPU':>8}")
    for (checkout, name), samples in times.items():
        wall, cpu = statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)
        print(f"{str(checkout)[-40:]:40}{name:>14}{wall:>8.3f}{wall / base:>9.1f}{TARGETS[name]:>8.2f}{cpu:>8.3f}")


if __name__ == "__main__":
    main()
