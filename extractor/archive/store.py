"""The archive's SQLite store (`DIR/planex.db`): schema, transactional writes, the JSONL export.

One process (the batch parent) writes. Each file's record goes in under a savepoint, so a record
is stored whole or not at all; batches of records are committed together for speed. Contents are
keyed by their SHA-256, files by their path: re-running skips known contents, a changed file
replaces its old content, and a second copy of a content is stored as a path only.
The schema is documented in docs/archive.md.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from extractor.archive import db
from extractor.extraction.registry import FAMILIES, Family
from extractor.paths import bytes_hex, display

SCHEMA_VERSION = "3"
# Columns added since schema 1, added in place to an older store: a file name's bytes when not UTF-8,
# the run that found a file gone from disk, the extractor version a content was extracted with (2); the
# normalised text, a document's stable id and its issue date as a real date, year and month (3).
_ADDED_COLUMNS = (
    ("files", "path_hex", "TEXT"), ("files", "gone_run", "INTEGER"), ("contents", "extractor", "TEXT"),
    ("contents", "text", "TEXT"), ("documents", "uid", "TEXT"), ("documents", "issued_on", "DATE"),
    ("documents", "issued_year", "INTEGER"), ("documents", "issued_month", "INTEGER"),
)

# Spans are stored as (start, end) into the normalised text of the file; `raw` only where a person
# reads it directly (references, lineage edges). Files, contents, documents and their links; each field
# family's table is made from its registry row (`_family_table`).
_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'interrupted')),
    workers INTEGER,
    files INTEGER NOT NULL DEFAULT 0,
    extracted INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS contents (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    record TEXT NOT NULL,
    run_id INTEGER REFERENCES runs (id),
    extractor TEXT,
    text TEXT
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT REFERENCES contents (sha256) DEFERRABLE INITIALLY DEFERRED,
    size INTEGER,
    run_id INTEGER REFERENCES runs (id),
    path_hex TEXT,
    gone_run INTEGER
);
CREATE INDEX IF NOT EXISTS files_sha256 ON files (sha256);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT REFERENCES contents (sha256) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    run_id INTEGER REFERENCES runs (id)
);
CREATE INDEX IF NOT EXISTS errors_kind ON errors (kind);
CREATE INDEX IF NOT EXISTS errors_path ON errors (path);
CREATE INDEX IF NOT EXISTS errors_sha256 ON errors (sha256);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES contents (sha256) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    doc_type TEXT,
    number TEXT,
    issued_date TEXT,
    place TEXT,
    title TEXT,
    issuer TEXT,
    issuer_parent TEXT,
    signer_name TEXT,
    signer_position TEXT,
    signer_authority TEXT,
    span_start INTEGER,
    span_end INTEGER,
    node_id TEXT,
    uid TEXT,
    issued_on DATE,
    issued_year INTEGER,
    issued_month INTEGER,
    UNIQUE (sha256, idx)
);
CREATE INDEX IF NOT EXISTS documents_number ON documents (number);
CREATE UNIQUE INDEX IF NOT EXISTS documents_uid ON documents (uid);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents (issuer);
CREATE INDEX IF NOT EXISTS documents_type ON documents (doc_type);
CREATE INDEX IF NOT EXISTS documents_date ON documents (issued_year, issued_month, issued_on);
CREATE INDEX IF NOT EXISTS documents_node ON documents (node_id);
CREATE TABLE IF NOT EXISTS links (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('forwards', 'issues')),
    target_document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    span_start INTEGER,
    span_end INTEGER
);
CREATE INDEX IF NOT EXISTS links_document ON links (document_id);
CREATE INDEX IF NOT EXISTS links_target ON links (target_document_id);
"""
# Lineage: nodes and edges (an edge's reference is a row of the references family's table).
_LINEAGE = """
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'external')),
    doc_type TEXT,
    number TEXT,
    issued_date TEXT,
    year INTEGER,
    issuer TEXT,
    title TEXT
);
CREATE INDEX IF NOT EXISTS nodes_number ON nodes (number);
CREATE TABLE IF NOT EXISTS edges (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES nodes (id),
    target TEXT NOT NULL REFERENCES nodes (id),
    kind TEXT NOT NULL CHECK (kind IN ('basis', 'cites', 'forwards', 'issues')),
    document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
    ref_id INTEGER REFERENCES refs (id) ON DELETE CASCADE,
    confidence REAL NOT NULL,
    candidates INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    span_raw TEXT
);
CREATE INDEX IF NOT EXISTS edges_source ON edges (source, kind);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target, kind);
CREATE INDEX IF NOT EXISTS edges_document ON edges (document_id);
CREATE INDEX IF NOT EXISTS edges_ref ON edges (ref_id);
CREATE VIEW IF NOT EXISTS current_files AS SELECT * FROM files WHERE gone_run IS NULL;
CREATE VIEW IF NOT EXISTS file_status AS
    SELECT f.path, f.sha256, COALESCE(c.status, 'error') AS status,
           c.path IS NOT NULL AND c.path <> f.path AS duplicate_of_other,
           c.path AS first_path
    FROM files f LEFT JOIN contents c ON c.sha256 = f.sha256;
"""


def _family_table(family: Family) -> str:
    """A field family's table as its registry row names it: its items, each under its document."""
    columns = "".join(f",\n    {c.name} {c.sql}" for c in family.columns)
    indexes = "".join(f"CREATE INDEX IF NOT EXISTS {family.table}_{col} ON {family.table} ({col});\n"
                      for col in family.indexes)
    return (f"CREATE TABLE IF NOT EXISTS {family.table} (\n    id INTEGER PRIMARY KEY,\n"
            f"    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE{columns}\n);\n"
            f"CREATE INDEX IF NOT EXISTS {family.table}_document ON {family.table} (document_id);\n{indexes}")


SCHEMA = _DOCUMENTS + "".join(_family_table(f) for f in FAMILIES) + _LINEAGE


def _family_insert(family: Family) -> str:
    cols = ["document_id", *(c.name for c in family.columns)]
    return f"INSERT INTO {family.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


# Each family's INSERT, made once from its row (not once per stored document).
_FAMILY_INSERTS = tuple((family, _family_insert(family)) for family in FAMILIES)



class Seen(Enum):
    """What the store already knows about a (path, content) pair."""

    NEW = "new"  # content never stored: extract it
    SAME = "same"  # this path already holds this content: nothing to do
    KNOWN = "known"  # content stored under another path: record the path only


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _span(item: dict[str, Any] | None) -> tuple[Any, Any]:
    span = (item or {}).get("span") or {}
    return span.get("start"), span.get("end")


def _source(path: str, sha256: str, hexed: str | None = None, old: dict[str, Any] | None = None) -> dict[str, Any]:
    """A record's `source` for a path (a name that is not UTF-8 gets its bytes too)."""
    source: dict[str, Any] = {"path": display(path), "sha256": sha256, "format": (old or {}).get("format"),
                              "pages": (old or {}).get("pages")}
    hexed = hexed or bytes_hex(path)
    if hexed:
        source["path_bytes_hex"] = hexed
    return source


def document_uid(sha256: str, idx: int) -> str:
    """A document's stable id: its file content and its place in the file (unchanged by re-extraction,
    unlike the row id). Its identity as a document (issuer, year, number) is its lineage node."""
    return f"{sha256}-{idx}"


def _date_parts(iso: str | None) -> tuple[str | None, int | None, int | None]:
    """(date, year, month) of an ISO date that may lack its day or month ("2023-03", "2023"): a partial date
    has no date, only the parts it has."""
    if not iso:
        return None, None, None
    parts = iso.split("-")
    year = int(parts[0]) if parts[0].isdigit() else None
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return (iso if len(parts) == 3 else None), year, month


class Store:
    """The archive database of one output folder. Not thread-safe: one writer process."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.conn = db.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._add_columns()
        self.conn.executescript(SCHEMA)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        self.version = ""  # the extractor version of the records put in (set by the batch)

    def _add_columns(self) -> None:
        for table, column, kind in _ADDED_COLUMNS:
            have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
            if have and column not in have:
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()

    # --- transactions -------------------------------------------------------------------------

    def begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    @contextmanager
    def _record(self) -> Iterator[None]:
        """One record, whole or not at all, inside the open batch transaction."""
        self.conn.execute("SAVEPOINT record")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO record")
            self.conn.execute("RELEASE record")
            raise
        self.conn.execute("RELEASE record")

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, workers: int) -> int:
        cur = self.conn.execute("INSERT INTO runs (started_at, workers) VALUES (?, ?)", (_now(), workers))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        cols = ("files", "extracted", "skipped", "documents", "errors")
        self.conn.execute(
            f"UPDATE runs SET finished_at = ?, status = ?, {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
            (_now(), status, *(counts.get(c, 0) for c in cols), run_id),
        )

    # --- resumability ---------------------------------------------------------------------------

    def seen(self, path: str, sha256: str, retry_errors: bool = False) -> Seen:
        """NEW also for a content extracted by another extractor version (when `self.version` is set),
        and for one whose every file had gone (its documents were dropped from the graph)."""
        row = self.conn.execute(
            "SELECT status, extractor, EXISTS (SELECT 1 FROM files WHERE sha256 = ? AND gone_run IS NULL)"
            " FROM contents WHERE sha256 = ?", (sha256, sha256)).fetchone()
        if row is None or (retry_errors and row[0] == "error") or (self.version and row[1] != self.version):
            return Seen.NEW
        held = self.conn.execute("SELECT sha256, gone_run FROM files WHERE path = ?", (display(path),)).fetchone()
        if not row[2] and not (held and held[0] == sha256 and held[1] is None):
            return Seen.NEW
        return Seen.SAME if held and held[0] == sha256 and held[1] is None else Seen.KNOWN

    def status(self, sha256: str) -> str | None:
        """"ok" or "error" for a stored content, else None."""
        row = self.conn.execute("SELECT status FROM contents WHERE sha256 = ?", (sha256,)).fetchone()
        return str(row[0]) if row else None

    # --- writes ---------------------------------------------------------------------------------

    def put_record(
        self, path: str, size: int | None, line: str, run_id: int, sha256: str | None = None,
        text: str | None = None,
    ) -> tuple[int, str | None]:
        """Store one extracted file, given as its JSONL line (and its normalised text, which the line's
        spans point into); returns (documents, error kind).

        `sha256` (the hash the caller looked the file up by) wins over the record's: a file that
        changed between hashing and reading is then seen as changed by the next run.
        """
        record = json.loads(line)
        source = record["source"]
        sha = sha256 or source["sha256"]
        docs = record.get("documents") or []
        error = record.get("error")
        with self._record():
            self.conn.execute("DELETE FROM contents WHERE sha256 = ?", (sha,))  # a retried error
            self.conn.execute(
                "INSERT INTO contents (sha256, path, format, pages, status, record, run_id, extractor, text)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (sha, display(path), source.get("format"), source.get("pages"), "error" if error else "ok", line,
                 run_id, self.version or None, text),
            )
            if error:
                self._put_error(path, sha, error["kind"], error["message"], run_id)
            ids = [self._put_document(sha, i, doc) for i, doc in enumerate(docs)]
            for doc_id, doc in zip(ids, docs, strict=True):
                self.conn.executemany(
                    "INSERT INTO links (document_id, kind, target_document_id, span_start, span_end)"
                    " VALUES (?,?,?,?,?)",
                    [(doc_id, ln["kind"], ids[ln["target"]], *_span(ln))
                     for ln in doc.get("links") or [] if 0 <= ln["target"] < len(ids)],
                )
            self._map_path(path, sha, size, run_id)
            self._stale()
        return len(docs), error["kind"] if error else None

    def put_path(self, path: str, sha256: str, size: int | None, run_id: int) -> None:
        """A file whose content is already stored (a copy, or the same file again)."""
        with self._record():
            self._map_path(path, sha256, size, run_id)

    def put_failure(self, path: str, sha256: str | None, kind: str, message: str, run_id: int) -> None:
        """A file with no extracted record: unreadable (no hash), or stopped (timeout, crash)."""
        with self._record():
            if sha256 is None:
                self._map_path(path, None, None, run_id)
                self._put_error(path, None, kind, message, run_id)
                return
            record = {"source": _source(path, sha256), "error": {"kind": kind, "message": display(message)}}
            self.conn.execute("DELETE FROM contents WHERE sha256 = ?", (sha256,))
            self.conn.execute(
                "INSERT INTO contents (sha256, path, status, record, run_id, extractor) VALUES (?,?,?,?,?,?)",
                (sha256, display(path), "error", json.dumps(record, ensure_ascii=False), run_id, self.version or None),
            )
            self._put_error(path, sha256, kind, message, run_id)
            self._map_path(path, sha256, None, run_id)

    def _put_error(self, path: str, sha256: str | None, kind: str, message: str, run_id: int) -> None:
        self.conn.execute(
            "INSERT INTO errors (path, sha256, kind, message, run_id) VALUES (?,?,?,?,?)",
            (display(path), sha256, kind, display(message), run_id),
        )

    def _put_document(self, sha: str, idx: int, doc: dict[str, Any]) -> int:
        issuer = doc.get("issuer") or {}
        signer = doc.get("signer") or {}
        cur = self.conn.execute(
            "INSERT INTO documents (sha256, idx, doc_type, number, issued_date, place, title, issuer, issuer_parent,"
            " signer_name, signer_position, signer_authority, span_start, span_end, uid, issued_on, issued_year,"
            " issued_month) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (sha, idx, doc.get("doc_type"), doc.get("number"), doc.get("issued_date"), doc.get("place"),
             doc.get("title"), issuer.get("name"), issuer.get("parent"), signer.get("name"),
             signer.get("position"), signer.get("authority"), *_span(doc), document_uid(sha, idx),
             *_date_parts(doc.get("issued_date"))),
        )
        doc_id = int(cur.lastrowid or 0)
        for family, insert in _FAMILY_INSERTS:
            items = doc.get(family.key) or []
            if items:
                self.conn.executemany(insert, [(doc_id, *(c.value(it) for c in family.columns)) for it in items])
        return doc_id

    def _map_path(self, raw_path: str, sha256: str | None, size: int | None, run_id: int) -> None:
        path = display(raw_path)
        old = self.conn.execute("SELECT sha256 FROM files WHERE path = ?", (path,)).fetchone()
        self.conn.execute("DELETE FROM errors WHERE path = ? AND sha256 IS NULL", (path,))
        self.conn.execute(
            "INSERT INTO files (path, sha256, size, run_id, path_hex) VALUES (?,?,?,?,?) ON CONFLICT (path) DO UPDATE"
            " SET sha256 = excluded.sha256, size = COALESCE(excluded.size, files.size), run_id = excluded.run_id,"
            " path_hex = excluded.path_hex, gone_run = NULL",
            (path, sha256, size, run_id, bytes_hex(raw_path)),
        )
        if old and old[0] and old[0] != sha256:
            self._release(old[0], path)

    def _release(self, sha256: str, path: str) -> None:
        """The path no longer holds this content: drop it when no file does, else re-home it."""
        other = self.conn.execute("SELECT min(path) FROM files WHERE sha256 = ?", (sha256,)).fetchone()[0]
        if other is None:
            self.conn.execute("DELETE FROM contents WHERE sha256 = ?", (sha256,))
            self._stale()
        elif not self.conn.execute("SELECT 1 FROM files WHERE sha256 = ? AND gone_run IS NULL", (sha256,)).fetchone():
            self._drop_documents(sha256)
        else:
            self.conn.execute("UPDATE contents SET path = ? WHERE sha256 = ? AND path = ?", (other, sha256, path))
            self.conn.execute("UPDATE errors SET path = ? WHERE sha256 = ? AND path = ?", (other, sha256, path))

    # --- files gone from disk -----------------------------------------------------------------------

    def mark_gone(self, run_id: int) -> int:
        """Mark the files that no longer exist (deleted, renamed) and were not seen by this run as gone.

        Their rows and contents stay (history); a content none of whose files is left loses its
        documents, so the lineage graph and the report leave it out. Returns how many were marked.
        """
        rows = self.conn.execute(
            "SELECT id, path, path_hex, sha256 FROM files WHERE gone_run IS NULL AND (run_id IS NULL OR run_id <> ?)",
            (run_id,)).fetchall()
        gone = [(fid, sha) for fid, path, hexed, sha in rows
                if not os.path.lexists(bytes.fromhex(hexed) if hexed else path)]
        with self._record():
            for fid, _ in gone:
                self.conn.execute("UPDATE files SET gone_run = ? WHERE id = ?", (run_id, fid))
            for sha in {sha for _, sha in gone if sha}:
                if not self.conn.execute("SELECT 1 FROM files WHERE sha256 = ? AND gone_run IS NULL",
                                         (sha,)).fetchone():
                    self._drop_documents(sha)
        return len(gone)

    def _drop_documents(self, sha256: str) -> None:
        self.conn.execute("DELETE FROM documents WHERE sha256 = ?", (sha256,))
        self._stale()

    # --- lineage freshness ------------------------------------------------------------------------

    def _stale(self) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('lineage_stale', '1')")

    def lineage_stale(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'lineage_stale'").fetchone()
        return row is None or row[0] == "1"

    # --- reads ----------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table: the summary a person checks after a run."""
        tables = ("files", "contents", "documents", "refs", "errors", "nodes", "edges")
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def export_jsonl(self, out: Path) -> int:
        """Write `records.jsonl`: one line per file, as `planex extract --jsonl` prints it.

        Written to a temporary file and renamed, so a reader never sees half an export.
        """
        tmp = out.with_name(out.name + ".tmp")
        n = 0
        rows = self.conn.execute(
            "SELECT f.path, f.path_hex, c.path, c.record, e.kind, e.message FROM files f"
            " LEFT JOIN contents c ON c.sha256 = f.sha256"
            " LEFT JOIN errors e ON e.path = f.path AND e.sha256 IS NULL AND f.sha256 IS NULL"
            " WHERE f.gone_run IS NULL ORDER BY f.id"
        )
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                for path, hexed, first_path, record, kind, message in rows:
                    if record is None:
                        data: dict[str, Any] = {"source": _source(path, "", hexed),
                                                "error": {"kind": kind or "unreadable", "message": message or ""}}
                        line = json.dumps(data, ensure_ascii=False)
                    elif first_path != path:
                        data = json.loads(record)
                        data["source"] = _source(path, data["source"]["sha256"], hexed, data["source"])
                        line = json.dumps(data, ensure_ascii=False)
                    else:
                        line = record
                    fh.write(line + "\n")
                    n += 1
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half export behind
            raise
        return n

    # --- errors -----------------------------------------------------------------------------------

    def failures(self) -> list[dict[str, Any]]:
        """Every current file without a record: path, kind, message, and the run that recorded it."""
        rows = self.conn.execute(
            "SELECT f.path, f.path_hex, COALESCE(e.kind, 'unreadable'), COALESCE(e.message, ''), e.run_id FROM files f"
            " LEFT JOIN contents c ON c.sha256 = f.sha256"
            " LEFT JOIN errors e ON (f.sha256 IS NOT NULL AND e.sha256 = f.sha256)"
            "  OR (f.sha256 IS NULL AND e.sha256 IS NULL AND e.path = f.path)"
            " WHERE f.gone_run IS NULL AND (c.status IS NULL OR c.status = 'error') ORDER BY f.path"
        )
        out = []
        for path, hexed, kind, message, run in rows:
            item: dict[str, Any] = {"path": path, "kind": kind, "message": message, "run": run}
            if hexed:
                item["path_bytes_hex"] = hexed
            out.append(item)
        return out

    def failure_kinds(self) -> Counter[str]:
        return Counter(f["kind"] for f in self.failures())
