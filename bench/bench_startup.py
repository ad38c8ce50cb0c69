"""Start-up wall time (not a test): `planex --help` and `planex extract one.txt` next to `python -c pass`.

    .venv/bin/python bench/bench_startup.py [CHECKOUT ...] [-n RUNS] [--file F]

A one-file command is mostly imports, so it is timed as a user sees it: wall time of a fresh process.
Each run starts `python -P -m extractor …` with PYTHONPATH set to the checkout (default: this one; give
several to compare them in the same run), alternating the commands and checkouts run by run, and the
floor, an interpreter that does nothing, in between. Prints the median of `-n` runs per command, its
ratio to the floor and issue 8's target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Issue 8's targets (seconds of wall time).
TARGETS = {"--help": 0.15, "extract": 0.25}


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    ap.add_argument("--file", type=Path, default=next(ROOT.glob("corpus/c23_*.txt")))
    ap.add_argument("-n", "--runs", type=int, default=9)
    args = ap.parse_args()
    commands = {"--help": ["--help"], "extract": ["extract", str(args.file.resolve()), "--jsonl"]}
    floor: list[float] = []
    times: dict[tuple[Path, str], list[float]] = {(c, k): [] for c in args.checkouts for k in commands}
    for _ in range(args.runs):
        floor.append(_wall([sys.executable, "-c", "pass"], dict(os.environ)))
        for checkout in args.checkouts:
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            for name, argv in commands.items():
                times[checkout, name].append(_wall([sys.executable, "-P", "-m", "extractor", *argv], env))
    base = statistics.median(floor)
    print(f"wall seconds, median of {args.runs} runs; floor `python -c pass` {base:.3f} s; file {args.file.name}")
    print(f"{'checkout':40}{'command':>10}{'seconds':>10}{'x floor':>9}{'target':>9}")
    for (checkout, name), samples in times.items():
        med = statistics.median(samples)
        print(f"{str(checkout)[-40:]:40}{name:>10}{med:>10.3f}{med / base:>9.1f}{TARGETS[name]:>9.2f}")


if __name__ == "__main__":
    main()
