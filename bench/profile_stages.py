"""Where extraction time goes: CPU milliseconds per stage (not a test; a tool for speed work).

    .venv/bin/python bench/profile_stages.py [FILE ...] [-n RUNS]    # default: the typical corpus/c23_*.txt
    .venv/bin/python bench/profile_stages.py corpus/*.txt -n 5       # summed over the files: ms per pass
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import extractor.extraction.gather as gather
import extractor.extraction.pipeline as pipeline
import extractor.extraction.registry as registry
from extractor.extraction.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
# Stages by the name each module calls them by: the pipeline's, phase 1's (gather), and phase 2's families.
STAGES = {
    pipeline: ("normalize", "split_documents"),
    gather: ("find_locality", "find_sections", "extract_references", "extract_signer", "find_forms", "find_mentions"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("-n", "--runs", type=int, default=200)
    args = ap.parse_args()
    raws = [read_file(p).text for p in args.paths or [next(ROOT.glob("corpus/c23_*.txt"))]]
    for raw in raws:
        pipeline.extract_text(raw)  # warm up: lazy imports and caches are not extraction time
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - start
        return run

    for module, names in STAGES.items():
        for name in names:
            setattr(module, name, timed(name, getattr(module, name)))
    gather.header_fields.parse_header = timed("parse_header", gather.header_fields.parse_header)  # type: ignore[method-assign]
    families = [(f.key, timed(f.key, f.extract)) for f in registry.FAMILIES]
    pipeline.extract_fields = lambda facts: {key: extract(facts) for key, extract in families}
    total = 0.0
    for _ in range(args.runs):
        for raw in raws:
            start = time.process_time()
            pipeline.extract_text(raw)
            total += time.process_time() - start
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:20s} {seconds / args.runs * 1000:7.3f} ms")
    print(f"{'extract_text':20s} {total / args.runs * 1000:7.3f} ms (all stages)")


if __name__ == "__main__":
    main()
