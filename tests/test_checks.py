"""`planex check`: each check finds every problem planted in a hand-made archive, and nothing else."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.archive.checks import CheckResult, run_checks
from extractor.archive.lineage import sql
from extractor.archive.store import Store
from extractor.cli import main

PROVINCE = "Ủy ban nhân dân tỉnh Gia Lai"
DISTRICT = "Ủy ban nhân dân huyện Chư Sê"
SPAN = {"start": 0, "end": 4, "raw": "text"}


def _doc(number: str, issued: str, issuer: str, **lists: list[dict[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {"doc_type": "Kế hoạch", "number": number, "issued_date": issued, "place": None,
                           "title": f"Kế hoạch {number}", "issuer": {"name": issuer}, "signer": None,
                           "span": SPAN}
    for key, items in lists.items():
        doc[key] = [{**it, "span": SPAN} for it in items]
    return doc


def _basis(number: str, issuer: str = PROVINCE) -> dict[str, Any]:
    return {"relation": "basis", "doc_type": "Kế hoạch", "number": number, "issuer": issuer}


def _target(value: float, op: str, measure: str) -> dict[str, Any]:
    return {"value": value, "unit": "%", "op": op, "text": f"{op} {value}% {measure}", "measure": measure}


def _archive(tmp_path: Path, docs: list[dict[str, Any]]) -> Path:
    out = tmp_path / "out"
    out.mkdir(parents=True)
    db = Store(out / "planex.db")
    db.begin()
    run = db.start_run(1)
    for i, doc in enumerate(docs):
        line = json.dumps({"source": {"path": f"d{i}.txt", "sha256": f"{i:064x}", "format": "txt", "pages": None},
                           "documents": [doc]}, ensure_ascii=False)
        db.put_record(f"d{i}.txt", 1, line, run)
    db.commit()
    db.close()
    return out


def _check(out: Path, today: date = date(2024, 6, 1)) -> CheckResult:
    db = Store(out / "planex.db")
    try:
        sql.rebuild(db.conn)
        return run_checks(db.conn, sql.load_graph(db.conn), today)
    finally:
        db.close()


PARENT = _doc("10/KH-UBND", "2024-01-10", PROVINCE,
              targets=[_target(90, ">=", "hồ sơ trực tuyến"), _target(2, "<=", "hộ nghèo")],
              deadlines=[{"date": "2024-11-30", "text": "báo cáo trước ngày 30/11/2024", "task": "báo cáo"}],
              periods=[{"start": "2024-01-10", "end": "2024-12-31", "text": "từ … đến …", "label": None}],
              recipients=[{"name": "UBND huyện Chư Sê", "via": "noi_nhan", "purpose": None},
                          {"name": "UBND huyện Đak Đoa", "via": "noi_nhan", "purpose": None}])

CASES: list[tuple[str, list[dict[str, Any]], list[str]]] = [
    ("a consistent child: nothing but the silent unit", [PARENT, _doc(
        "25/KH-UBND", "2024-02-01", DISTRICT, references=[_basis("10/KH-UBND")],
        targets=[_target(95, ">=", "hồ sơ trực tuyến"), _target(1, "<=", "hộ nghèo")],
        deadlines=[{"date": "2024-11-15", "text": "trước ngày 15/11/2024", "task": "báo cáo"}],
        periods=[{"start": "2024-02-01", "end": "2024-12-15", "text": "…", "label": None}])],
     ["missing-implementers"]),
    ("a weaker floor and a looser ceiling", [PARENT, _doc(
        "25/KH-UBND", "2024-02-01", DISTRICT, references=[_basis("10/KH-UBND")],
        targets=[_target(80, ">=", "hồ sơ trực tuyến"), _target(3, "<=", "hộ nghèo"), _target(50, ">=", "khác")])],
     ["missing-implementers", "parent-target", "parent-target"]),
    ("a deadline after the parent's and a period outside it", [PARENT, _doc(
        "25/KH-UBND", "2024-02-01", DISTRICT, references=[_basis("10/KH-UBND")],
        deadlines=[{"date": "2024-12-20", "text": "trước ngày 20/12/2024", "task": "báo cáo"}],
        periods=[{"start": "2024-02-01", "end": "2025-03-31", "text": "…", "label": None}])],
     ["missing-implementers", "parent-period", "parent-deadline"]),
    ("a district Giấy khen after the reform; a district Bằng khen before it", [
        _doc("3/KH-UBND", "2025-09-01", "Ủy ban nhân dân xã Ia Ko",
             awards=[{"form": "Giấy khen", "grantor": "Chủ tịch Ủy ban nhân dân huyện Chư Sê", "recipients": None},
                     {"form": "Giấy khen", "grantor": "Chủ tịch Ủy ban nhân dân xã Ia Ko", "recipients": None}]),
        _doc("4/KH-UBND", "2023-05-01", DISTRICT,
             awards=[{"form": "Bằng khen", "grantor": "Chủ tịch Ủy ban nhân dân huyện Chư Sê", "recipients": None},
                     {"form": "Giấy khen", "grantor": "Chủ tịch Ủy ban nhân dân huyện Chư Sê", "recipients": None},
                     {"form": "Bằng khen", "grantor": "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "recipients": None}])],
     ["award-competence", "award-competence"]),
    ("a count over the cap its own document states", [_doc(
        "5/KH-UBND", "2023-05-01", DISTRICT,
        quotas=[{"count": 3, "op": "<=", "recipient": "tập thể", "phase": None, "group": None, "award": "Giấy khen"},
                {"count": 5, "op": "=", "recipient": "tập thể", "phase": None, "group": None, "award": "Giấy khen"},
                {"count": 9, "op": "=", "recipient": "cá nhân", "phase": None, "group": None, "award": "Giấy khen"}])],
     ["quota-cap"]),
    ("one number twice in a year, and the same number the next year", [
        _doc("7/KH-UBND", "2023-03-01", DISTRICT), _doc("7/KH-UBND", "2023-08-01", DISTRICT),
        _doc("7/KH-UBND", "2024-03-01", DISTRICT)],
     ["duplicate-number"]),
]


@pytest.mark.parametrize(("docs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_checks_find_what_was_planted(tmp_path: Path, docs: list[dict[str, Any]], expected: list[str]) -> None:
    result = _check(_archive(tmp_path, docs))
    assert sorted(f.check for f in result.findings) == sorted(expected)


def test_missing_implementer_names_the_silent_unit(tmp_path: Path) -> None:
    child = _doc("25/KH-UBND", "2024-02-01", DISTRICT, references=[_basis("10/KH-UBND")])
    (finding,) = _check(_archive(tmp_path, [PARENT, child])).findings
    assert "Đak Đoa" in finding.message and "Chư Sê" not in finding.message.split("from")[1]
    assert finding.documents == [1]


def test_deadline_register_status(tmp_path: Path) -> None:
    result = _check(_archive(tmp_path, [PARENT]), today=date(2024, 11, 30))
    assert [(d.date, d.status, d.owner) for d in result.deadlines] == [("2024-11-30", "due", PROVINCE)]
    later = _check(tmp_path / "out", today=date(2024, 12, 1))
    assert later.deadlines[0].status == "overdue"


def test_check_command_json_and_exit_code(tmp_path: Path) -> None:
    out = _archive(tmp_path, [_doc("9/KH-UBND", "2024-01-01", DISTRICT,
                                   deadlines=[{"date": "2024-12-01", "text": "…", "task": "nộp"}])])
    clean = CliRunner().invoke(main, ["check", str(out), "--json", "--today", "2024-06-01"])
    assert clean.exit_code == 0
    assert json.loads(clean.output)["deadlines"][0]["status"] == "upcoming"
    dup = _archive(tmp_path / "x", [_doc("7/KH-UBND", "2023-03-01", DISTRICT), _doc("7/KH-UBND", "2023-08-01",
                                                                                     DISTRICT)])
    assert CliRunner().invoke(main, ["check", str(dup)]).exit_code == 1
