"""Reviewers' corrections, kept beside the extracted records and never overwritten by a re-extraction.

A correction fixes, removes or adds one value of one document, named by the document's content hash,
its position in the file and the value's key ("header.title", "issuer", "targets[2]"). Records are
re-extracted (after an upgrade) without touching this table; a correction whose `old` value no longer
matches what the extractor now gives is reported as a disagreement. `gold_record` applies the
corrections to a record in the scorer's gold format, so every review grows our test material.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from extractor.archive.review import FAMILY, values_of
from extractor.extraction.registry import HEADER_LABELS

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    doc_idx INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('fix', 'remove', 'add')),
    key TEXT,
    family TEXT NOT NULL,
    old TEXT,
    new TEXT,
    span_start INTEGER,
    span_end INTEGER,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_content ON corrections (sha256, doc_idx);
"""
# The fields of each family that the gold format (and the scorer) reads.
CONTRACT: dict[str, tuple[str, ...]] = {
    "references": ("relation", "doc_type", "number", "date", "issuer"),
    "targets": ("value", "unit", "op", "text"),
    "deadlines": ("date", "text"),
    "periods": ("start", "end"),
    "awards": ("form", "grantor"),
    "quotas": ("count", "op", "recipient", "phase"),
    "recipients": ("name",),
}
# What a plain-text value (not a JSON object) of a family stands for.
_PLAIN_FIELD = {"references": "number", "deadlines": "date", "periods": "end", "awards": "form",
                "recipients": "name", "issuer": "name", "signer": "name"}
# Targets and quotas typed as the review shows them: ">= 95%", "<= 3 tập thể".
_TARGET = re.compile(r"^(?P<op>>=|<=|>|<|=)?\s*(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%?)$")
_QUOTA = re.compile(r"^(?P<op>>=|<=|>|<|=)?\s*(?P<count>\d+)\s+(?P<recipient>\S.*)$")


def _plain(family: str, text: str) -> dict[str, Any]:
    if family == "targets":
        m = _TARGET.match(text)
        if not m:
            raise CorrectionError("a target reads like '>= 95%'")
        return {"op": m["op"] or "=", "value": float(m["value"].replace(",", ".")), "unit": m["unit"]}
    if family == "quotas":
        m = _QUOTA.match(text)
        if not m:
            raise CorrectionError("a quota reads like '<= 3 tập thể'")
        return {"op": m["op"] or "=", "count": int(m["count"]), "recipient": m["recipient"]}
    return {_PLAIN_FIELD[family]: text}


class CorrectionError(ValueError):
    """A correction that does not fit the record (unknown value, malformed new value)."""


@dataclass
class Correction:
    id: int
    doc: int
    action: str
    key: str | None
    family: str
    old: str | None
    new: Any
    span: tuple[int, int] | None
    who: str
    at: str


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def parse_new(family: str, new: Any) -> Any:
    """The corrected value: text for a header scalar, an object of contract fields otherwise."""
    if family == "header":
        if not isinstance(new, str) or not new.strip():
            raise CorrectionError("a header value is a non-empty text")
        return new.strip()
    if isinstance(new, str):
        text = new.strip()
        if text.startswith("{"):
            try:
                new = json.loads(text)
            except json.JSONDecodeError as e:
                raise CorrectionError(f"not valid JSON: {e}") from None
        else:
            new = _plain(family, text)
    if not isinstance(new, dict):
        raise CorrectionError("a list value is an object of its fields")
    allowed = set(CONTRACT.get(family, ())) | {"name", "position", "parent"}
    unknown = set(new) - allowed
    if unknown:
        raise CorrectionError(f"unknown fields for {family}: {', '.join(sorted(unknown))}")
    return new


def add_correction(conn: sqlite3.Connection, sha256: str, docs: list[dict[str, Any]], body: dict[str, Any],
                   who: str) -> int:
    """Store one correction of the file `sha256` (its documents `docs`); returns its id."""
    action = body.get("action")
    if action not in ("fix", "remove", "add"):
        raise CorrectionError("action is fix, remove or add")
    span = body.get("span") or None
    if action == "add":
        family = str(body.get("family") or "")
        if family not in FAMILY or family == "header":
            raise CorrectionError(f"unknown family {family!r}")
        start = span["start"] if span else None
        doc = _doc_at(docs, start)
        key, old = None, None
    else:
        doc = int(body.get("doc") or 0)
        key = str(body.get("key") or "")
        value = next((v for v in values_of(docs) if v.doc == doc and v.key == key), None)
        if value is None:
            raise CorrectionError(f"document {doc} has no value {key!r}")
        family, old = value.family, value.summary
    new = parse_new(family, body.get("new")) if action != "remove" else None
    cur = conn.execute(
        "INSERT INTO corrections (sha256, doc_idx, action, key, family, old, new, span_start, span_end, who, at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (sha256, doc, action, key, family, old, None if new is None else json.dumps(new, ensure_ascii=False),
         span["start"] if span else None, span["end"] if span else None, who,
         datetime.now(UTC).isoformat(timespec="seconds")),
    )
    return int(cur.lastrowid or 0)


def _doc_at(docs: list[dict[str, Any]], offset: int | None) -> int:
    """The document whose text holds `offset` (the last one starting before it)."""
    found = 0
    for i, d in enumerate(docs):
        if offset is not None and (d.get("span") or {}).get("start", 0) <= offset:
            found = i
    return found


def corrections_of(conn: sqlite3.Connection, sha256: str) -> list[Correction]:
    rows = conn.execute("SELECT id, doc_idx, action, key, family, old, new, span_start, span_end, who, at"
                        " FROM corrections WHERE sha256 = ? ORDER BY id", (sha256,)).fetchall()
    return [Correction(r[0], r[1], r[2], r[3], r[4], r[5], None if r[6] is None else json.loads(r[6]),
                       None if r[7] is None else (r[7], r[8]), r[9], r[10]) for r in rows]


def disagreements(docs: list[dict[str, Any]], corrections: list[Correction]) -> dict[int, str | None]:
    """Corrections whose value the extractor now reads differently: correction id -> what it reads now."""
    now = {(v.doc, v.key): v.summary for v in values_of(docs)}
    return {c.id: now.get((c.doc, c.key)) for c in corrections
            if c.key is not None and now.get((c.doc, c.key)) != c.old}


def _contract_item(family: str, item: dict[str, Any]) -> dict[str, Any]:
    return {k: item.get(k) for k in CONTRACT[family] if k in item or k != "text"}


def gold_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A record's document in the gold format the scorer reads."""
    signer = doc.get("signer")
    out: dict[str, Any] = {k: doc.get(k) for k in ("doc_type", "number", "issued_date", "place")}
    out["issuer"] = (doc.get("issuer") or {}).get("name")
    out["title"] = doc.get("title")
    out["signer"] = {"name": signer.get("name"), "position": signer.get("position")} if signer else None
    for family in ("references", "targets", "deadlines", "periods", "awards", "quotas"):
        out[family] = [_contract_item(family, it) for it in doc.get(family) or []]
    return out


def gold_record(file: str, docs: list[dict[str, Any]], corrections: list[Correction]) -> dict[str, Any]:
    """The file's documents in the gold format, with every correction applied (removals last, by index)."""
    gold = [gold_document(d) for d in docs]
    removed: list[tuple[int, str, int]] = []
    for c in corrections:
        target = gold[c.doc]
        if c.action == "add":
            target.setdefault(c.family, []).append(c.new)
            continue
        key = c.key or ""
        if key.startswith("header."):
            field = key.removeprefix("header.")
            if field in HEADER_LABELS:
                target[field] = None if c.action == "remove" else c.new
        elif key in ("issuer", "signer"):
            if c.action == "remove":
                target[key] = None
            elif key == "issuer":
                target["issuer"] = c.new.get("name")
            else:
                target["signer"] = {**(target["signer"] or {}), **c.new}
        else:
            family, written = key.rstrip("]").split("[")
            at = int(written)
            if c.action == "remove":
                removed.append((c.doc, family, at))
            else:
                target[family][at] = {**target[family][at], **c.new}
    for doc, family, position in sorted(set(removed), reverse=True):
        del gold[doc][family][position]
    return {"file": file, "documents": gold}
