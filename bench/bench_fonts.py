"""Pre-Unicode font conversion benchmark (not a test): MB/s of each conversion, next to a floor.

    .venv/bin/python bench/bench_fonts.py            # ~1 MB of the typical plan, 5 runs
    .venv/bin/python bench/bench_fonts.py -n 9 --mb 4

The text is the typical 20 KB plan (corpus/c23_*.txt) repeated to about --mb megabytes, encoded in
each legacy encoding. Timed, median of the runs, MB = megabytes of legacy input:
- floor: `bytes.decode("utf-8")` of the same text in UTF-8, measured in the same run;
- decode: the codec alone, when the encoding is known (extractor.extraction.readers.vncodecs);
- detect + decode: what a .txt of unknown encoding costs (extractor.extraction.readers.legacy.decode_bytes);
- repair lines: the same text as Unicode holding the legacy Windows-1252 view, as a PDF text layer
  or a mis-converted file gives it (extractor.extraction.readers.legacy.repair_text);
- .docx by font: read_file of the corpus .docx typed in .VnTime against its Unicode twin (ms/file).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor.extraction.readers import read_file
from extractor.extraction.readers.legacy import decode_bytes, repair_text
from extractor.extraction.readers.vncodecs import CODECS, bytes_view

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _median(fn: Callable[[], Any], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="runs per measure (median)")
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text")
    args = parser.parse_args()
    plan = next(CORPUS.glob("c23_*.txt")).read_text(encoding="utf-8")
    text = plan * max(1, int(args.mb * 1e6 / len(plan.encode())))
    utf8 = text.encode()
    floor = _median(lambda: utf8.decode("utf-8"), args.n)
    print(f"text: {len(utf8) / 1e6:.2f} MB UTF-8, median of {args.n} runs")
    print(f"{'floor: bytes.decode(utf-8)':34} {len(utf8) / 1e6 / floor:9.1f} MB/s")
    print(f"{'':34} {'MB/s':>9} {'x floor':>9}")
    for name, (encode, decode) in CODECS.items():
        data = encode(text)
        mb = len(data) / 1e6
        rows = [("decode", _median(lambda d=data, f=decode: f(d), args.n)),
                ("detect + decode", _median(lambda d=data: decode_bytes(d), args.n))]
        if name in ("tcvn3", "vni"):
            view = bytes_view(data)
            rows.append(("repair lines (Unicode view)", _median(lambda v=view: repair_text(v, "utf-8"), args.n)))
        for label, seconds in rows:
            rate = mb / seconds
            print(f"{name + ' ' + label:34} {rate:9.1f} {rate / (len(utf8) / 1e6 / floor):9.3f}")
    legacy, unicode = (next(CORPUS.glob(g)) for g in ("f05_tcvn3_*.docx", "f01_*.docx"))
    t_legacy = _median(lambda: read_file(legacy), args.n * 4)
    t_unicode = _median(lambda: read_file(unicode), args.n * 4)
    print(f"{'.docx by font (.VnTime) ms/file':34} {t_legacy * 1e3:9.2f}  (Unicode twin {t_unicode * 1e3:.2f} ms)")


if __name__ == "__main__":
    main()
