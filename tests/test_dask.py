"""`planex batch --dask`: a local Dask cluster gives the same records and accounting as the local workers."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from extractor.archive.batch import DEFAULT_EXTRACT, run_batch
from extractor.archive.dask_pool import extract_remote

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAMES = ["c01_xa_quynh_thach_nong_thon_moi.txt", "c05_cv_kh_an_khe_xanh_sach_dep.txt",
         "c08_qd_kh_gia_lam_van_minh_do_thi.txt", "f01_xa_nghi_thuan_nong_thon_moi.docx"]


def _records(out: Path) -> dict[str, dict[str, object]]:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(r["source"]["path"]).name: r for r in map(json.loads, lines)}


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    shutil.copy(CORPUS / NAMES[0], folder / "copy_of_c01.txt")
    return folder


def test_local_cluster_matches_local_workers(inputs: Path, tmp_path: Path) -> None:
    local = run_batch([str(inputs)], tmp_path / "local", workers=1)
    dask = run_batch([str(inputs)], tmp_path / "dask", dask="local:2")
    assert (dask.found, dask.extracted, dask.copies, dict(dask.errors)) == (
        local.found, local.extracted, local.copies, dict(local.errors))
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    again = run_batch([str(inputs)], tmp_path / "dask", dask="local:1")
    assert again.extracted == 0 and again.unchanged == len(NAMES) + 2


def test_remote_worker_reads_the_shipped_bytes(tmp_path: Path) -> None:
    # A worker on another machine gets the bytes, not the path: the record still names the original path.
    source = CORPUS / NAMES[1]
    status, line, _ = extract_remote("/archive/elsewhere/" + source.name, source.read_bytes(), DEFAULT_EXTRACT)
    record = json.loads(line)
    assert status == "ok"
    assert record["source"]["path"] == "/archive/elsewhere/" + source.name
    assert record["source"]["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert [d["number"] for d in record["documents"]] == ["215/PNV-TĐKT", "88/KH-UBND"]
