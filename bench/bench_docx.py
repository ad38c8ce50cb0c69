""".docx reading against its floor (not a test): CPU ms per corpus .docx, per checkout, in the same run.

    .venv/bin/python bench/bench_docx.py [CHECKOUT ...] [-r ROUNDS] [-n RUNS]

The floor is what any reader pays: open the zip and parse word/document.xml with lxml. Next to it the
zip-bomb check every .docx passes first (limits.check_zip: every entry streamed and counted), the
reader (`readers.docx.read_docx` on the bytes) and `read_file` (adds the legacy-encoding checks).
Checkouts (default: this one) alternate round by round, each round a fresh interpreter importing that
checkout (PYTHONPATH, -P); the median over rounds is printed, and the reader's ratio to the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Runs inside each checkout's interpreter: prints one JSON object of milliseconds per file.
_PROBE = """
import io, json, sys, time, zipfile
from pathlib import Path
from lxml import etree
from extractor.extraction.readers import read_file
from extractor.extraction.readers.docx import read_docx
from extractor.extraction.readers.limits import check_zip
paths, runs = [Path(p) for p in sys.argv[2:]], int(sys.argv[1])
files = [(p, p.read_bytes()) for p in paths]
def floor(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        etree.fromstring(z.read("word/document.xml"))
def cpu(fn):
    for p, d in files:
        fn(p, d)
    start = time.process_time()
    for _ in range(runs):
        for p, d in files:
            fn(p, d)
    return (time.process_time() - start) / runs / len(files) * 1000
print(json.dumps({
    "floor": cpu(lambda p, d: floor(d)),
    "zip check": cpu(lambda p, d: check_zip(d, p.name)),
    "read_docx": cpu(lambda p, d: read_docx(d, p.name)),
    "read_file": cpu(lambda p, d: read_file(p, d)),
}))
"""
STAGES = ("floor", "zip check", "read_docx", "read_file")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    ap.add_argument("-r", "--rounds", type=int, default=5)
    ap.add_argument("-n", "--runs", type=int, default=20)
    args = ap.parse_args()
    files = sorted(str(p) for p in (ROOT / "corpus").glob("*.docx"))
    samples: dict[Path, list[dict[str, float]]] = {c: [] for c in args.checkouts}
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            out = subprocess.run([sys.executable, "-P", "-c", _PROBE, str(args.runs), *files], env=env,
                                 capture_output=True, text=True, check=True).stdout
            samples[checkout].append(json.loads(out))
    print(f"{len(files)} corpus .docx files, CPU ms per file, median of {args.rounds} rounds")
    print(f"{'checkout':40}" + "".join(f"{s:>11}" for s in STAGES) + f"{'x floor':>9}")
    for checkout, rounds in samples.items():
        med = {s: statistics.median(r[s] for r in rounds) for s in STAGES}
        ratio = statistics.median(r["read_docx"] / r["floor"] for r in rounds)
        print(f"{str(checkout)[-40:]:40}" + "".join(f"{med[s]:>11.2f}" for s in STAGES) + f"{ratio:>9.1f}")


if __name__ == "__main__":
    main()
