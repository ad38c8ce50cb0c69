"""Scaling check (not a test): extraction time on adversarial inputs at 1x and 4x size.

Real archives hold one-line tables, thousands of numbered items and pages of percentages; a pattern
that rescans from the start of a line for every value turns those quadratic. A ratio near 4 is
linear; near 16 is quadratic.

    .venv/bin/python bench/bench_scaling.py [--base 1000]
"""

from __future__ import annotations

import argparse
import time

from extractor.extraction.pipeline import extract_text

# One repeated unit per shape of trouble seen in archives.
CASES: dict[str, str] = {
    "one-line table of targets": "đạt từ 50% trở lên, ",
    "one-line award list": "Tặng Giấy khen của Chủ tịch UBND huyện cho tập thể, ",
    "one-line quota list": "Khen thưởng 03 tập thể, ",
    "references": "Kế hoạch số 12/KH-UBND ngày 1/1/2020 của UBND huyện; ",
    "deadlines and periods": "trước ngày 15/5/2020, từ ngày 01/6/2020 đến ngày 30/11/2020, ",
    "numbered lines": "1. Nội dung thi đua\n",
    "header-like lines": "Số: 1/KH\n",
    "dense targets": "1% ",
    "numbered sections with values": "2. Mục\nđạt 50% và tặng Giấy khen cho 03 tập thể\n",
}
# Shapes whose unit varies with the repetition (distinct numbers: each is a new reference).
VARYING: dict[str, str] = {
    "distinct references": "Số: {i}/KH-UBND\n",
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
    for name, unit in VARYING.items():
        one = _seconds("".join(unit.format(i=i) for i in range(args.base)))
        four = _seconds("".join(unit.format(i=i) for i in range(args.base * 4)))
        print(f"{name:28s} {one:8.3f} {four:8.3f} {four / one:6.1f}")
    _pdf_pages(args.base // 20)


def _pdf_pages(pages: int) -> None:
    """A PDF repeating one page of wrapped prose: PDF reading (line joining across pages) at 1x and 4x pages."""
    import tempfile
    from pathlib import Path

    from fpdf import FPDF  # a development dependency

    from extractor.extraction.readers import read_file

    def build(n: int) -> Path:
        pdf = FPDF()
        pdf.set_font("Helvetica", size=11)
        for _ in range(n):
            pdf.add_page()
            pdf.multi_cell(0, 6, "Cac don vi to chuc thuc hien ke hoach va bao cao ket qua ve huyen " * 12)
        path = Path(tempfile.mkdtemp()) / "pages.pdf"
        path.write_bytes(bytes(pdf.output()))
        return path

    small, large = build(pages), build(pages * 4)
    times = []
    for path in (small, large):
        start = time.perf_counter()
        read_file(path)
        times.append(time.perf_counter() - start)
    label = f"pdf pages ({pages}, {pages * 4})"
    print(f"{label:28s} {times[0]:8.3f} {times[1]:8.3f} {times[1] / times[0]:6.1f}")


if __name__ == "__main__":
    main()
