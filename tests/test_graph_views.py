"""Lineage pictures: a document's neighbourhood keeps stored edge directions; SVG layers; issuer clusters."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import networkx as nx

from extractor.archive.graph_views import issuer_clusters, neighbourhood, svg
from extractor.archive.lineage.traverse import LINEAGE_KINDS


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n, issuer, kind in (("nat", "Thủ tướng Chính phủ", "external"), ("prov", "UBND tỉnh A", "document"),
                            ("dec", "UBND huyện B", "document"), ("plan", "UBND huyện B", "document"),
                            ("school", "Trường C", "document"), ("school2", "Trường C", "document")):
        g.add_node(n, kind=kind, issuer=issuer, label=n)
    for u, v, kind in (("prov", "nat", "basis"), ("plan", "prov", "basis"), ("dec", "plan", "issues"),
                       ("school", "plan", "basis"), ("school2", "plan", "basis")):
        g.add_edge(u, v, key=kind, kind=kind)
    return g


def test_bug_issues_edge_keeps_its_stored_direction() -> None:
    view = neighbourhood(_graph(), "plan", 3, LINEAGE_KINDS)
    edges = {(e["source"], e["target"], e["kind"]) for e in view["edges"]}
    assert ("dec", "plan", "issues") in edges and ("plan", "dec", "issues") not in edges
    levels = {n["id"]: n["level"] for n in view["nodes"]}
    assert levels == {"plan": 0, "prov": -1, "dec": -1, "nat": -2, "school": 1, "school2": 1}


def test_depth_limits_the_view() -> None:
    view = neighbourhood(_graph(), "plan", 1, LINEAGE_KINDS)
    assert {n["id"] for n in view["nodes"]} == {"plan", "prov", "dec", "school", "school2"}


def test_svg_draws_every_node_and_edge() -> None:
    picture = svg(neighbourhood(_graph(), "plan", 3, LINEAGE_KINDS, {"plan": [4]}))
    assert picture.startswith("<svg") and picture.count("<rect") == 6 and picture.count("<line") == 5
    assert 'stroke-dasharray="5,3"' in picture  # the external national document
    assert "UBND tỉnh A" in picture


def test_issuer_clusters_count_documents_and_edges() -> None:
    data = issuer_clusters(_graph())
    nodes = {n["id"]: (n["documents"], n["external"]) for n in data["nodes"]}
    assert nodes == {"Thủ tướng Chính phủ": (0, 1), "UBND tỉnh A": (1, 0), "UBND huyện B": (2, 0), "Trường C": (2, 0)}
    edges = {(e["source"], e["target"], e["kind"]): e["count"] for e in data["edges"]}
    assert edges[("Trường C", "UBND huyện B", "basis")] == 2
    assert ("UBND huyện B", "UBND huyện B", "issues") not in edges  # inside one issuer: not drawn


def test_graph_command_draws_one_lineage_and_the_archive(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from extractor.archive.batch import run_batch
    from extractor.cli import main

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for name in ("c24_tinh_tay_ninh_van_hoa_cong_vu.txt", "c25_huyen_duong_minh_chau_van_hoa_cong_vu.txt"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes((corpus / name).read_bytes())
    run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1)
    runner = CliRunner()
    svg_out = runner.invoke(main, ["graph", str(tmp_path / "out"), "--format", "svg", "--root", "112/KH-UBND"])
    assert svg_out.exit_code == 0 and svg_out.output.startswith("<svg") and "845/KH-UBND" in svg_out.output
    page = runner.invoke(main, ["graph", str(tmp_path / "out"), "--format", "html", "--out", str(tmp_path / "a.html")])
    assert page.exit_code == 0 and "cytoscape" in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert runner.invoke(main, ["graph", str(tmp_path / "out"), "--format", "svg"]).exit_code == 2


def test_bug_root_graph_export_order_changes_between_runs() -> None:
    """`graph --root` wrote nodes in set order (string hashing: another order each run); now the graph's."""
    from extractor.archive.lineage.traverse import restrict

    g = nx.MultiDiGraph()
    names = [f"doc:{i:03d}" for i in range(60)]
    for a, b in pairwise(names):
        g.add_edge(a, b, key="basis", kind="basis")
    keep = set(names[::7])  # under half the graph: where networkx iterates the kept set itself
    sub = restrict(g, keep)
    assert list(sub.nodes) == [n for n in names if n in keep]
    assert list(sub.edges(keys=True)) == [e for e in g.edges(keys=True) if e[0] in keep and e[1] in keep]
