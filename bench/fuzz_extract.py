"""A longer fuzz run of `extract_text` than CI's (not a test): the property of tests/test_fuzz.py (spans
hold their raw text, no exception) over many more and longer random plan-like texts, each under the
guard's per-case budget. Prints the cases run, failures, and the slowest case in ms per KB next to the
median (a blow-up shows as a ratio far above 1).

    .venv/bin/python bench/fuzz_extract.py [--examples 2000] [--pieces 400]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--pieces", type=int, default=400, help="pieces per text (CI: 60)")
    args = ap.parse_args()
    os.environ["FUZZ_PIECES"] = str(args.pieces)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' strategy and property
    from hypothesis import HealthCheck, given, settings

    from extractor.extraction.pipeline import extract_text
    from extractor.guard import run_guarded
    from tests.test_fuzz import CASE_BUDGET, PIECES, TEXTS, _extract

    extract_text("\n".join(PIECES))  # each case forks from this process: load lazy tables once
    timings: list[tuple[float, int]] = []  # (seconds, characters)

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(TEXTS)
    def case(raw: str) -> None:
        start = time.perf_counter()
        assert run_guarded(lambda: _extract(raw), CASE_BUDGET) == "ok"
        timings.append((time.perf_counter() - start, len(raw)))

    started = time.perf_counter()
    failure = None
    try:
        case()
    except Exception as e:  # hypothesis has shrunk it: show it
        failure = e
    sizes = [n for _, n in timings]
    per_kb = sorted((t * 1000 / max(n / 1024, 0.1), t, n) for t, n in timings)
    median = statistics.median(p for p, _, _ in per_kb) if per_kb else 0.0
    print(f"cases {len(timings)}  failures {0 if failure is None else 1}  wall {time.perf_counter() - started:.0f} s")
    if sizes:
        print(f"text size: median {statistics.median(sizes):.0f} chars, max {max(sizes)} chars")
        worst, t, n = per_kb[-1]
        print(f"per KB: median {median:.1f} ms (fork + extraction), slowest {worst:.1f} ms"
              f" ({t * 1000:.0f} ms for {n} chars), ratio {worst / median:.1f}")
        print(f"slowest case overall: {max(t for t, _ in timings) * 1000:.0f} ms (budget {CASE_BUDGET:g} s)")
    if failure is not None:
        print(f"FAILED: {failure}")
        sys.exit(1)


if __name__ == "__main__":
    main()
