"""Edge precision and recall of the lineage graph against the hand-made archive in tests/lineage_archive/.

The archive's files are extracted into a fresh store and the graph is built as `planex batch` builds it.
Each graph node is then named the way `expected_edges.json` names documents, without using planex's own
identity keys: an archived node by the file (stem, '#i' for the i-th document of a bundle) whose document
it holds, an external node by the expected external with its number, year and issuer words. An archived
node whose identity is incomplete (no issuer or no year: other systems could not find it by its key), a
node that holds two expected documents, or a second node for one expected external (a split), keeps no name, so
its edges count as wrong. Scores are per edge kind: an edge is right when (source, target, kind) is in the
expected list.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.archive.batch import record_line
from extractor.archive.lineage import sql
from extractor.archive.store import Store
from extractor.extraction import identity
from extractor.extraction.orgs import expand
from extractor.extraction.pipeline import extract_file

ARCHIVE = Path(__file__).resolve().parent / "lineage_archive"
KINDS = ("basis", "cites", "forwards", "issues")
Edge = tuple[str, str, str]


@dataclass
class Score:
    kind: str
    tp: int
    gold: int
    pred: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0


@dataclass
class Result:
    scores: list[Score]  # one per kind, then "all"
    missing: list[Edge]
    wrong: list[Edge]


def _fold(s: str | None) -> str:
    return " ".join(expand(s or "").split()).casefold()


def build_graph(archive: Path = ARCHIVE) -> tuple[Any, dict[str, str]]:
    """The lineage graph of the archive, and each archived node's expected name."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Store(Path(tmp) / "planex.db")
        run = db.start_run(1)
        for path in sorted(archive.glob("*.txt")):
            rec = extract_file(path)
            db.put_record(str(path), path.stat().st_size, record_line(rec), run)
        db.commit()
        sql.rebuild(db.conn)
        g = sql.load_graph(db.conn)
        rows = db.conn.execute("SELECT c.path, d.idx, d.node_id FROM documents d JOIN contents c USING (sha256)")
        held: dict[str, list[str]] = defaultdict(list)
        counts: Counter[str] = Counter()
        for path, idx, node in rows:
            counts[path] += 1
            held[node].append(f"{Path(path).stem.split('_')[0]}#{idx}")
        db.close()
    singles = {Path(p).stem.split("_")[0] for p, n in counts.items() if n == 1}
    names = {}
    for node, docs in held.items():
        attrs = g.nodes[node]
        if len(set(docs)) == 1 and attrs.get("year") and attrs.get("issuer"):
            doc = docs[0]
            names[node] = doc.split("#")[0] if doc.split("#")[0] in singles else doc
    return g, names


def _external_names(g: Any, externals: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Each expected external's graph node: the matching one most cited; other matches stay unnamed."""
    names: dict[str, str] = {}
    for name, want in externals.items():
        number = identity.number_key(want["number"])
        fits = [n for n, a in g.nodes(data=True)
                if a.get("kind") == "external" and identity.number_key(str(a.get("number", ""))) == number
                and a.get("year") == want["year"] and _fold(want.get("issuer")) in _fold(a.get("issuer"))]
        if fits:
            names[max(fits, key=lambda n: (g.in_degree(n), n))] = name
    return names


def evaluate(archive: Path = ARCHIVE) -> Result:
    expected = json.loads((archive / "expected_edges.json").read_text(encoding="utf-8"))
    gold = {tuple(e) for e in expected["edges"]}
    g, names = build_graph(archive)
    names.update(_external_names(g, expected["externals"]))
    pred = {(names.get(u, f"?{u}"), names.get(v, f"?{v}"), k) for u, v, k in g.edges(keys=True)}
    scores = []
    for kind in (*KINDS, "all"):
        p = {e for e in pred if kind in ("all", e[2])}
        t = {e for e in gold if kind in ("all", e[2])}
        scores.append(Score(kind, len(p & t), len(t), len(p)))
    return Result(scores, sorted(gold - pred), sorted(pred - gold))  # type: ignore[arg-type]


def table(result: Result) -> str:
    lines = ["kind        precision  recall   (tp/gold/pred)"]
    for s in result.scores:
        lines.append(f"{s.kind:<10}  {s.precision:9.3f}  {s.recall:6.3f}   ({s.tp}/{s.gold}/{s.pred})")
    return "\n".join(lines)
