"""Extraction benchmark (not a test): time per document and throughput, per input format and stage.

    .venv/bin/python bench/bench_extract.py                 # every corpus file, 20 runs each
    .venv/bin/python bench/bench_extract.py -n 50 a.pdf     # chosen files
    .venv/bin/python bench/bench_extract.py --typical       # the typical 20 KB plan, corpus/c23_*.txt

Each run reads, normalises, extracts and serialises one file, timing the stages separately
(read = extractor.extraction.readers.read_file, normalise = extractor.extraction.normalize.normalize, extract =
extractor.extraction.pipeline.extract_documents, serialise = FileRecord.model_dump_json) and the whole
`extractor.extraction.pipeline.extract_file` call on its own. Reported per format: the median over files of
each file's median time, and MB/s = input bytes / summed median end-to-end times.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.extraction.models import FileRecord, Source
from extractor.extraction.normalize import normalize
from extractor.extraction.pipeline import extract_documents, extract_file
from extractor.extraction.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = (".txt", ".docx", ".pdf")
STAGES = ("read", "normalise", "extract", "serialise", "end-to-end")
# The typical document the speed budget (< 5 ms per 20 KB) is set for: one plan of about 20 KB
# (the seeds run from 4 to 20 KB), written for the corpus as a single Kế hoạch with no bundle.
TYPICAL_GLOB = "c23_*.txt"


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def run_once(path: Path) -> dict[str, float]:
    """Seconds per stage for one file."""
    result, t_read = _timed(lambda: read_file(path))
    text, t_norm = _timed(lambda: normalize(result.text))
    docs, t_extract = _timed(lambda: extract_documents(text))
    record = FileRecord(source=Source(path=str(path), sha256="", format=result.format), documents=docs)
    _, t_dump = _timed(record.model_dump_json)
    _, t_total = _timed(lambda: extract_file(path).model_dump_json())
    return dict(zip(STAGES, (t_read, t_norm, t_extract, t_dump, t_total), strict=True))


def bench(paths: list[Path], runs: int) -> None:
    per_format: dict[str, list[tuple[int, dict[str, float]]]] = defaultdict(list)
    for path in paths:
        run_once(path)  # warm caches and lazy imports
        samples = [run_once(path) for _ in range(runs)]
        medians = {stage: statistics.median(s[stage] for s in samples) for stage in STAGES}
        per_format[path.suffix.lower()].append((path.stat().st_size, medians))
    header = f"{'format':8}{'files':>6}{'KB/file':>9}" + "".join(f"{s + ' ms':>15}" for s in STAGES) + f"{'MB/s':>8}"
    print(header)
    for fmt in FORMATS:
        rows = per_format.get(fmt)
        if not rows:
            continue
        size = sum(b for b, _ in rows)
        cells = "".join(f"{statistics.median(m[s] for _, m in rows) * 1000:>15.2f}" for s in STAGES)
        mb_per_s = size / 1e6 / sum(m["end-to-end"] for _, m in rows)
        print(f"{fmt:8}{len(rows):>6}{size / len(rows) / 1000:>9.1f}{cells}{mb_per_s:>8.2f}")


def typical_path() -> Path:
    """The corpus's typical document: one ~20 KB plan, so the timing is that of a single document."""
    matches = sorted(CORPUS.glob(TYPICAL_GLOB))
    if len(matches) != 1:
        raise SystemExit(f"expected one corpus/{TYPICAL_GLOB}, found {len(matches)}")
    return matches[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files to time (default: the corpus)")
    parser.add_argument("-n", "--runs", type=int, default=20, help="runs per file (default 20)")
    parser.add_argument("--typical", action="store_true", help=f"time the typical ~20 KB plan, corpus/{TYPICAL_GLOB}")
    args = parser.parse_args()
    if args.typical:
        path = typical_path()
        print(f"{path.name}: {path.stat().st_size / 1000:.1f} KB")
        bench([path], args.runs)
        return
    # (copies such as f01_….scan.pdf are OCR'd: bench/bench_ocr.py times those)
    paths = args.paths or sorted(p for p in CORPUS.iterdir() if p.suffix in FORMATS and "." not in p.stem)
    bench(paths, args.runs)


if __name__ == "__main__":
    main()
