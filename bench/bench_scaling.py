"""Scaling check (not a test): extraction time on adversarial inputs at 1x and 4x size.

Real archives hold one-line tables, thousands of numbered items and pages of percentages; a pattern
that rescans from the start of a line for every value turns those quadratic. A ratio near 4 is
linear; near 16 is quadratic.

    .venv/bin/python bench/bench_scaling.py [--base 1000]
"""

from __future__ import annotations

import argparse
import time

from extractor.pipeline import extract_text

# One repeated unit per shape of trouble seen in archives.
CASES: dict[str, str] = {
    "one-line table of targets": "đạt từ 50% trở lên, ",
    "one-line award list": "Tặng Giấy khen của Chủ tịch UBND huyện cho tập thể, ",
    "one-line quota list": "Khen thưởng 03 tập thể, ",
    "references": "Kế hoạch số 12/KH-UBND ngày 1/1/2020 của UBND huyện; ",
    "deadlines and periods": "trước ngày 15/5/2020, từ ngày 01/6/2020 đến ngày 30/11/2020, ",
    "numbered lines": "1. Nội dung thi đua\n",
    "header-like lines": "Số: 1/KH\n",
}


def _seconds(raw: str) -> float:
    start = time.perf_counter()
    extract_text(raw)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--base", type=int, default=1000, help="repetitions at 1x (default 1000)")
    args = ap.parse_args()
    extract_text("warm up")
    print(f"{'case':28s} {'1x s':>8s} {'4x s':>8s} {'ratio':>6s}")
    for name, unit in CASES.items():
        one, four = _seconds(unit * args.base), _seconds(unit * args.base * 4)
        print(f"{name:28s} {one:8.3f} {four:8.3f} {four / one:6.1f}")


if __name__ == "__main__":
    main()
