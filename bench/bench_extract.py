"""Extraction benchmark (not a test): time per document and throughput, per input format and stage.

    .venv/bin/python bench/bench_extract.py                 # every corpus file, 20 runs each
    .venv/bin/python bench/bench_extract.py -n 50 a.pdf     # chosen files
    .venv/bin/python bench/bench_extract.py --typical       # one ~20 KB .txt built from corpus bodies

Each run reads, normalises, extracts and serialises one file, timing the stages separately
(read = extractor.readers.read_file, normalise = extractor.normalize.normalize, extract =
extractor.pipeline.extract_documents, serialise = FileRecord.model_dump_json) and the whole
`extractor.pipeline.extract_file` call on its own. Reported per format: the median over files of
each file's median time, and MB/s = input bytes / summed median end-to-end times.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.models import FileRecord, Source
from extractor.normalize import normalize
from extractor.pipeline import extract_documents, extract_file
from extractor.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = (".txt", ".docx", ".pdf")
STAGES = ("read", "normalise", "extract", "serialise", "end-to-end")
TYPICAL_BYTES = 20_000  # a typical plan document (the seeds run from 4 to 20 KB)


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


def typical_text(directory: Path) -> Path:
    """Whole corpus .txt files, in order, until about TYPICAL_BYTES: a file of a few documents."""
    parts: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        if sum(len(p.encode("utf-8")) for p in parts) >= TYPICAL_BYTES:
            break
        parts.append(path.read_text(encoding="utf-8"))
    out = directory / "typical.txt"
    out.write_text("\n\n".join(parts), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files to time (default: the corpus)")
    parser.add_argument("-n", "--runs", type=int, default=20, help="runs per file (default 20)")
    parser.add_argument("--typical", action="store_true", help="time one ~20 KB .txt made of corpus files")
    args = parser.parse_args()
    if args.typical:
        with tempfile.TemporaryDirectory() as tmp:
            path = typical_text(Path(tmp))
            print(f"typical.txt: {path.stat().st_size / 1000:.1f} KB")
            bench([path], args.runs)
        return
    paths = args.paths or sorted(p for p in CORPUS.iterdir() if p.suffix in FORMATS)
    bench(paths, args.runs)


if __name__ == "__main__":
    main()
