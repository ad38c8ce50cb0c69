"""Old against new in the same run (not a test): CPU ms per stage of the typical plan, per checkout.

    .venv/bin/python bench/bench_versions.py /path/to/old/checkout /path/to/new/checkout [-r ROUNDS] [-n RUNS]
    .venv/bin/python bench/bench_versions.py OLD NEW --corpus     # every corpus .txt per call: MB/s end to end

On a shared machine two benches run minutes apart are not comparable. This one alternates the
checkouts round by round, each round a fresh interpreter importing that checkout (PYTHONPATH, and -P
so that the working directory is not searched first), timing `-n` runs with time.process_time
(steadier than wall time under load). It prints per checkout the median over rounds of the read+NFC
floor, normalize, extract_text (normalise + extract) and the whole extract_file + JSON, and that last
one as a ratio to the floor measured in the same round. With `--stat min` the least of the rounds instead:
load only ever adds CPU time (cache and core sharing), so on a busy machine the minimum of many rounds is
the steadier estimate of a small difference.
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
# Runs inside each checkout's interpreter: prints one JSON object of milliseconds per call.
_PROBE = """
import json, sys, time, unicodedata
from pathlib import Path
import os
# The package layout of issue 8, or the older one with every module at the top (decided by the checkout's
# files: an editable install would answer `extractor.extraction` from another checkout).
if os.path.isdir(os.path.join(os.environ["PYTHONPATH"], "extractor", "extraction")):
    from extractor.extraction.normalize import normalize
    from extractor.extraction.pipeline import extract_file, extract_text
    from extractor.extraction.readers import read_file
else:
    from extractor.normalize import normalize
    from extractor.pipeline import extract_file, extract_text
    from extractor.readers import read_file
runs, paths = int(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
raws = [read_file(p).text for p in paths]  # as the reader decodes it (a few corpus files are legacy code pages)
def cpu(fn):
    fn()
    start = time.process_time()
    for _ in range(runs):
        fn()
    return (time.process_time() - start) / runs * 1000
print(json.dumps({
    "floor": cpu(lambda: [unicodedata.normalize("NFC", p.read_bytes().decode("utf-8", "replace")) for p in paths]),
    "normalize": cpu(lambda: [normalize(raw) for raw in raws]),
    "extract_text": cpu(lambda: [extract_text(raw) for raw in raws]),
    "extract_file": cpu(lambda: [extract_file(p).model_dump_json() for p in paths]),
}))
"""
STAGES = ("floor", "normalize", "extract_text", "extract_file")


def _round(checkout: Path, paths: list[Path], runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-P", "-c", _PROBE, str(runs), *map(str, paths)], env=env,
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("checkouts", nargs="+", type=Path)
    ap.add_argument("--file", type=Path, default=next(ROOT.glob("corpus/c23_*.txt")))
    ap.add_argument("-r", "--rounds", type=int, default=5)
    ap.add_argument("--stat", choices=("median", "min"), default="median", help="of the rounds (default median)")
    ap.add_argument("--corpus", action="store_true", help="time every corpus .txt file per call instead")
    ap.add_argument("-n", "--runs", type=int, default=None, help="calls per round (default 50; 3 with --corpus)")
    args = ap.parse_args()
    paths = sorted(ROOT.glob("corpus/*.txt")) if args.corpus else [args.file]
    runs = args.runs or (3 if args.corpus else 50)
    samples: dict[Path, list[dict[str, float]]] = {c: [] for c in args.checkouts}
    for _ in range(args.rounds):
        for checkout in args.checkouts:
            samples[checkout].append(_round(checkout, paths, runs))
    size = sum(p.stat().st_size for p in paths)
    name = f"corpus ({len(paths)} .txt files)" if args.corpus else args.file.name
    stat = statistics.median if args.stat == "median" else min
    print(f"{name}: {size / 1000:.1f} KB, CPU ms per call, {args.stat} of {args.rounds} rounds")
    print(f"{'checkout':40}" + "".join(f"{s:>14}" for s in STAGES) + f"{'x floor':>9}{'MB/s':>7}")
    for checkout, rounds in samples.items():
        med = {s: stat(r[s] for r in rounds) for s in STAGES}
        ratio = stat(r["extract_file"] / r["floor"] for r in rounds)
        mb_s = size / 1e6 / (med["extract_file"] / 1000)
        print(f"{str(checkout)[-40:]:40}" + "".join(f"{med[s]:>14.2f}" for s in STAGES) + f"{ratio:>9.0f}{mb_s:>7.2f}")


if __name__ == "__main__":
    main()
