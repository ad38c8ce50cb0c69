"""What the per-file time budget costs (not a test): many files through `extract_file(timeout=…)`.

    .venv/bin/python bench/bench_guard.py [FILE ...] [-r ROUNDS]     # default: every corpus .txt

`planex extract` over many files and the Dask workers keep each file under a time and memory budget by
running it in a forked child (extractor.guard). Timed in the same run, rounds alternating, wall time per
file (the children's CPU is not the parent's): the floor, extract_file with no budget, in process; a child
of its own per file (`extract_file(timeout=…)` alone); one child for the whole run (`guard=file_guard()`,
what the command line and the Dask workers do). Prints the least of the rounds and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from extractor.extraction.pipeline import extract_file, file_guard

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("-r", "--rounds", type=int, default=3)
    args = ap.parse_args()
    paths = args.paths or sorted(ROOT.glob("corpus/*.txt"))
    with file_guard() as guard:
        ways: dict[str, Callable[[Path], object]] = {
            "no budget (floor)": lambda p: extract_file(p, ocr="never"),
            "a child per file": lambda p: extract_file(p, ocr="never", timeout=TIMEOUT),
            "one child per run": lambda p: extract_file(p, ocr="never", timeout=TIMEOUT, guard=guard),
        }
        for way in ways.values():  # warm up: imports, caches, the shared child's first fork
            way(paths[0])
        best = dict.fromkeys(ways, float("inf"))
        for _ in range(args.rounds):
            for name, way in ways.items():
                start = time.perf_counter()
                for p in paths:
                    way(p)
                best[name] = min(best[name], (time.perf_counter() - start) / len(paths))
    floor = best["no budget (floor)"]
    print(f"{len(paths)} files, wall ms per file, least of {args.rounds} rounds")
    for name, seconds in best.items():
        print(f"  {name:<20} {seconds * 1000:7.2f} ms   x{seconds / floor:5.2f} floor")


if __name__ == "__main__":
    main()
