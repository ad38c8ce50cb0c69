"""Score planex on the held-out documents (bench/heldout/) with the shared scorer.

    python bench/score_heldout.py --scorer ../shared/eval/score.py [--before OLD_CHECKOUT]

The set was written by someone who never read the extractor, and no rule is written from it (see its
README): this is the honest measure of how the rules generalise. With --before, an older checkout of planex
(e.g. a `git worktree`) is scored on the same documents in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"


def _score(checkout: Path, scorer: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp, "gold")
        gold.mkdir()
        for g in HELDOUT.glob("*.json"):
            shutil.copy(g, gold / g.name)
        pred = Path(tmp, "pred.jsonl")
        with pred.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, "-m", "extractor", "extract", *map(str, sorted(HELDOUT.glob("*.txt"))),
                            "--jsonl"], cwd=checkout, stdout=out, stderr=subprocess.DEVNULL, check=False)
        res = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred)],
                             capture_output=True, text=True, check=True)
        return res.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--scorer", type=Path, required=True, help="the shared eval/score.py")
    ap.add_argument("--before", type=Path, help="an older checkout to score the same documents with")
    args = ap.parse_args()
    if args.before:
        print(f"== before ({args.before})\n{_score(args.before, args.scorer)}")
    print(f"== now\n{_score(ROOT, args.scorer)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
