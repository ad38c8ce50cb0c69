"""Corrections: stored with who and when, applied to the gold export, never overwritten by re-extraction."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from extractor.archive.corrections import (
    CorrectionError,
    add_correction,
    corrections_of,
    disagreements,
    ensure_schema,
    gold_record,
    parse_new,
)

SPAN = {"start": 0, "end": 3, "raw": "abc"}
DOC: dict[str, Any] = {
    "doc_type": "Kế hoạch", "number": "5/KH-UBND", "issued_date": "2021-03-02", "place": "An Phú",
    "title": "Thi đua", "issuer": {"name": "Ủy ban nhân dân huyện An Phú", "span": SPAN},
    "signer": {"name": "Lê Văn Ba", "position": "Chủ tịch", "span": SPAN},
    "evidence": {"number": SPAN, "title": SPAN},
    "references": [{"relation": "basis", "doc_type": "Kế hoạch", "number": "3/KH-UBND", "date": None,
                    "issuer": "Ủy ban nhân dân tỉnh An Giang", "span": SPAN}],
    "targets": [{"value": 90.0, "unit": "%", "op": ">=", "text": "ít nhất 90%", "span": SPAN},
                {"value": 5.0, "unit": "%", "op": "<", "text": "dưới 5%", "span": SPAN}],
    "deadlines": [], "periods": [], "awards": [], "quotas": [], "span": {"start": 0, "end": 100, "raw": ""},
}


@pytest.fixture()
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    ensure_schema(c)
    return c


@pytest.mark.parametrize(("family", "given", "expected"), [
    ("header", " Kế hoạch số 5 ", "Kế hoạch số 5"),
    ("references", "7/KH-UBND", {"number": "7/KH-UBND"}),
    ("deadlines", "2021-11-15", {"date": "2021-11-15"}),
    ("targets", '{"value": 95, "op": ">="}', {"value": 95, "op": ">="}),
    ("targets", ">= 97,5%", {"op": ">=", "value": 97.5, "unit": "%"}),
    ("quotas", "<= 3 tập thể", {"op": "<=", "count": 3, "recipient": "tập thể"}),
    ("issuer", "Ủy ban nhân dân xã An Phú", {"name": "Ủy ban nhân dân xã An Phú"}),
])
def test_parse_new(family: str, given: str, expected: Any) -> None:
    assert parse_new(family, given) == expected


@pytest.mark.parametrize(("family", "given"), [
    ("header", "  "), ("targets", '{"colour": "red"}'), ("targets", "{broken"), ("targets", "[1]"),
    ("targets", "nhiều"), ("quotas", "ba tập thể"),
])
def test_parse_new_refuses(family: str, given: str) -> None:
    with pytest.raises(CorrectionError):
        parse_new(family, given)


def test_corrections_apply_to_the_gold_record(conn: sqlite3.Connection) -> None:
    sha = "a" * 64
    for body in (
        {"action": "fix", "key": "header.title", "new": "Thi đua năm 2021"},
        {"action": "fix", "key": "references[0]", "new": '{"date": "2021-02-02"}'},
        {"action": "remove", "key": "targets[1]"},
        {"action": "add", "family": "deadlines", "new": "2021-11-15", "span": {"start": 40, "end": 50}},
        {"action": "fix", "key": "issuer", "new": "Ủy ban nhân dân huyện An Phú, tỉnh An Giang"},
    ):
        add_correction(conn, sha, [DOC], body, "Nguyễn Thị Thu")
    stored = corrections_of(conn, sha)
    assert [c.action for c in stored] == ["fix", "fix", "remove", "add", "fix"]
    assert all(c.who == "Nguyễn Thị Thu" and c.at for c in stored)
    assert stored[0].old == "Thi đua"
    gold = gold_record("x.txt", [DOC], stored)["documents"][0]
    assert gold["title"] == "Thi đua năm 2021"
    assert gold["references"][0]["date"] == "2021-02-02"
    assert [t["value"] for t in gold["targets"]] == [90.0]
    assert gold["deadlines"] == [{"date": "2021-11-15"}]
    assert gold["issuer"] == "Ủy ban nhân dân huyện An Phú, tỉnh An Giang"
    assert gold["signer"] == {"name": "Lê Văn Ba", "position": "Chủ tịch"}


def test_unknown_value_is_refused(conn: sqlite3.Connection) -> None:
    with pytest.raises(CorrectionError, match="no value"):
        add_correction(conn, "a" * 64, [DOC], {"action": "fix", "key": "targets[7]", "new": "1"}, "x")


def test_bug_reextraction_never_overwrites_a_correction_and_reports_disagreement(conn: sqlite3.Connection) -> None:
    sha = "b" * 64
    add_correction(conn, sha, [DOC], {"action": "fix", "key": "targets[0]", "new": '{"value": 95}'}, "x")
    # An upgraded extractor now reads the first target as 85%: the correction stays and is flagged.
    upgraded = json.loads(json.dumps(DOC))
    upgraded["targets"][0]["value"] = 85.0
    (kept,) = corrections_of(conn, sha)
    assert disagreements([DOC], [kept]) == {}
    assert disagreements([upgraded], [kept]) == {kept.id: ">= 85%"}
    assert gold_record("x.txt", [upgraded], [kept])["documents"][0]["targets"][0]["value"] == 95
