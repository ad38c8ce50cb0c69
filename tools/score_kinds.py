"""Score the corpus per kind of real-input damage with the shared scorer, optionally for an older checkout too.

    python tools/score_kinds.py --scorer ../shared/eval/score.py [--before DIR]

Each corpus document of issue 6's real-input kinds is named by its kind (`r_<kind>_…`); its
`<stem>.expected.json` is the gold record. The extraction runs as `python -m extractor extract` in a
checkout (this one, and with --before another one, e.g. a `git worktree` of an older commit), so the
two columns come from the same documents and the same scorer.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

# Kinds of issue 6, by file-name prefix, in the order the README's table lists them.
KINDS: dict[str, str] = {
    "r_wrap": "header columns hard-wrapped or interleaved",
    "r_flat": "header flattened onto one or two lines",
    "r_table": "header cells as table rows",
    "r_web": "web-page wrapping and site metadata",
    "r_lead": "no header: register line, news lead, naming sentence",
    "r_title": "title and document boundaries",
    "r_basis": "basis from the preamble's structure",
    "r_ascii": "no diacritics (ASCII export, OCR)",
    "r_damaged": "damaged characters (font maps, dropped words, split digits)",
    "r_sig": "signature blocks and recipients as copies hold them",
    "r_award": "award grantors and quotas as award sections write them",
    "r_ocr": "OCR damage (letters for digits, detached marks, misread words, page furniture)",
}


def _kind(stem: str) -> str | None:
    return next((k for k in KINDS if stem.startswith(k + "_")), None)


def _score(checkout: Path, scorer: Path, gold: list[Path]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        gdir = Path(tmp, "gold")
        gdir.mkdir()
        inputs = []
        for g in gold:
            stem = g.name.removesuffix(".expected.json")
            shutil.copy(g, gdir / f"{stem}.json")
            inputs.append(str(CORPUS / json.loads(g.read_text(encoding="utf-8"))["file"]))
        pred = Path(tmp, "pred.jsonl")
        with pred.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, "-m", "extractor", "extract", *inputs, "--jsonl"],
                           cwd=checkout, stdout=out, check=False)
        res = subprocess.run([sys.executable, str(scorer), "--gold", str(gdir), "--pred", str(pred), "--json"],
                             capture_output=True, text=True, check=True)
        result: dict[str, object] = json.loads(res.stdout)
        return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--scorer", type=Path, required=True, help="the shared eval/score.py")
    ap.add_argument("--before", type=Path, help="an older checkout to score the same documents with")
    args = ap.parse_args()
    groups: dict[str, list[Path]] = {}
    for g in sorted(CORPUS.glob("r_*.expected.json")):
        kind = _kind(g.name)
        if kind:
            groups.setdefault(kind, []).append(g)
    checkouts = [("before", args.before)] if args.before else []
    checkouts.append(("after", ROOT))
    head = "| kind | documents | " + " | ".join(name for name, _ in checkouts) + " |"
    print(head)
    print("|" + " --- |" * (2 + len(checkouts)))
    every = [g for k in KINDS for g in groups.get(k, [])]
    rows = [(KINDS[k], groups[k]) for k in KINDS if k in groups] + [("all real-input documents", every)]
    for label, gold in rows:
        cells = [f"{_score(c, args.scorer, gold)['overall']:.3f}" for _, c in checkouts]
        docs = sum(len(json.loads(g.read_text(encoding="utf-8"))["documents"]) for g in gold)
        print(f"| {label} | {docs} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
