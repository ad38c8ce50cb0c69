"""Sizing a cluster: what one single-threaded worker extracts per hour, by kind of input, measured here.

    python bench/bench_sizing.py [--repeat 3]

Each corpus file is extracted end to end (`extract_file`: read, OCR or convert, normalise, extract) in
this process, best of --repeat runs; the kinds are the corpus's own files: text (.txt), Word (.docx),
PDF with a text layer, legacy Word (.doc/.rtf/.odt through LibreOffice) and scans (OCR, per page).
The floor is reading the same files' bytes in the same run. A Dask worker (`planex batch --dask`) is
one such single-threaded process, so documents/hour per worker is 3600 / seconds per document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from extractor.extraction.pipeline import extract_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
KINDS: dict[str, tuple[str, ...]] = {
    "text (.txt)": ("*.txt",),
    "Word (.docx)": ("*.docx",),
    "PDF, text layer": ("f0?_*[a-z].pdf",),
    "legacy Word (.doc, .rtf, .odt)": ("*.doc", "*.rtf", "*.odt"),
    "scan (PDF or image, OCR)": ("*.scan*.pdf", "*.skewed.pdf", "*.photo.tif", "*.mixed.pdf"),
}


def _files(patterns: tuple[str, ...]) -> list[Path]:
    found = {p for pat in patterns for p in CORPUS.glob(pat)}
    if patterns == ("f0?_*[a-z].pdf",):  # the text-layer PDFs, not the scanned copies
        found = {p for p in found if p.stem.count(".") == 0}
    return sorted(found)


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (tesseract, soffice)."""
    t = os.times()  # children's times only (10 ms ticks); this process's own from process_time (ns)
    return time.process_time() + t.children_user + t.children_system


def _best(path: Path, repeat: int) -> tuple[float, int]:
    times, pages = [], 1
    for _ in range(repeat):
        started = _cpu()
        record = extract_file(path)
        times.append(_cpu() - started)
        pages = record.source.pages or 1
    return min(times), pages


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'input':<32} {'files':>5} {'s/doc':>8} {'s/page':>8} {'docs/hour/worker':>17} {'x floor':>9}")
    for kind, patterns in KINDS.items():
        files = _files(patterns)
        if not files:
            continue
        repeat = 1 if "OCR" in kind or "legacy" in kind else args.repeat
        runs = [_best(f, repeat) for f in files]
        per_doc = statistics.median(t for t, _ in runs)
        per_page = statistics.median(t / p for t, p in runs)
        started = time.perf_counter()
        for f in files:
            f.read_bytes()
        floor = (time.perf_counter() - started) / len(files) or 1e-6
        print(f"{kind:<32} {len(files):>5} {per_doc:>8.3f} {per_page:>8.3f} {3600 / per_doc:>17,.0f}"
              f" {per_doc / floor:>9,.0f}")
    print("CPU seconds, this process and the tesseract/soffice children it ran (bench/bench_ocr.py compares OCR"
          " with bare tesseract); the floor is reading the files' bytes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
