"""Issue 8's throughput figures in one run (not a test): MB/s per core against the read+NFC floor,
the typical plan, and how time grows from 20 KB to 2 MB.

    .venv/bin/python bench/bench_core.py [-n RUNS]

CPU time (time.process_time) in this one process, best of -n runs per input (a loaded machine inflates
the median; the best run is the code's own cost). Printed:
- corpus .txt: every corpus text file read, normalised and extracted end to end (extract_file + JSON)
  against the floor (read the bytes, decode, NFC) on the same files; MB/s and the ratio to the floor;
- the typical 21.6 KB plan (corpus c23) in ms;
- scaling: the plan's body repeated inside one document, and the whole plan repeated as a bundle of
  documents, at ~20 KB, ~200 KB and ~2 MB: ms per KB at each size (flat = linear).
Targets (issue 8): ≥ 10 MB/s, a 20 KB plan ≤ 2 ms, linear from 20 KB to 2 MB.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from extractor.extraction.pipeline import extract_file, extract_text

ROOT = Path(__file__).resolve().parent.parent
TYPICAL = next(ROOT.glob("corpus/c23_*.txt"))
SIZES_KB = (20, 200, 2000)


def _best(fn: Callable[[], object], runs: int) -> float:
    """Best CPU seconds of `runs` calls (after one warm-up call)."""
    fn()
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _floor(path: Path) -> None:
    unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", errors="replace"))


def _end_to_end(path: Path) -> None:
    extract_file(path).model_dump_json()


def _grown(text: str, kb: int, one_document: bool) -> str:
    """The plan grown to about `kb` KB: its body repeated inside one document, or the whole plan repeated."""
    if not one_document:
        return "\n\n".join([text] * max(1, round(kb * 1000 / len(text.encode()))))
    body_start, body_end = len(text) // 5, len(text) * 4 // 5  # past the header, before the signature
    body = text[body_start:body_end]
    times = max(1, round((kb * 1000 - len(text.encode())) / len(body.encode())) + 1)
    return text[:body_start] + body * times + text[body_end:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("-n", "--runs", type=int, default=5)
    args = ap.parse_args()
    texts = sorted((ROOT / "corpus").glob("*.txt"))
    size = sum(p.stat().st_size for p in texts)
    floor = sum(_best(lambda p=p: _floor(p), args.runs) for p in texts)
    full = sum(_best(lambda p=p: _end_to_end(p), args.runs) for p in texts)
    print(f"corpus .txt: {len(texts)} files, {size / 1e6:.2f} MB, best of {args.runs} CPU runs each")
    print(f"  floor (read + decode + NFC) {floor * 1000:8.1f} ms  {size / 1e6 / floor:8.1f} MB/s")
    print(f"  end to end (extract_file)   {full * 1000:8.1f} ms  {size / 1e6 / full:8.2f} MB/s"
          f"   x{full / floor:.0f} the floor   (target 10 MB/s)")
    typical = _best(lambda: _end_to_end(TYPICAL), args.runs * 4)
    print(f"typical plan {TYPICAL.name[:24]}… {TYPICAL.stat().st_size / 1000:.1f} KB: {typical * 1000:.2f} ms"
          f"   (target 2 ms)")
    plan = TYPICAL.read_text(encoding="utf-8")
    print("scaling (extract_text, ms per KB; linear = the same at every size):")
    for label, one in (("one document, body repeated", True), ("bundle of copies of the plan", False)):
        row = []
        for kb in SIZES_KB:
            text = _grown(plan, kb, one)
            seconds = _best(lambda t=text: extract_text(t), max(1, args.runs if kb < 1000 else 1))
            row.append(f"{len(text.encode()) / 1000:7.0f} KB {seconds * 1000 / (len(text.encode()) / 1000):6.3f}")
        print(f"  {label:30s}" + "   ".join(row))


if __name__ == "__main__":
    main()
