"""Lineage edge precision and recall by kind on the hand-made archive (tests/lineage_archive/).

    .venv/bin/python bench/bench_lineage.py [-v]

Prints the table `tests/test_lineage.py` asserts (≥ 0.98 for every kind); -v also lists the missing and
the wrong edges.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.lineage_eval import evaluate, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list missing and wrong edges")
    args = parser.parse_args()
    result = evaluate()
    print(table(result))
    if args.verbose:
        for title, edges in (("missing", result.missing), ("wrong", result.wrong)):
            print(f"\n{title} ({len(edges)}):")
            for e in edges:
                print("  " + "  ".join(e))


if __name__ == "__main__":
    main()
