"""The HTTP API (`planex serve`): extract a file, ingest it into an archive, query documents and lineage.

    from extractor.server import create_app
    app = create_app(Path("out"), token="secret")      # an ASGI app; `planex serve` runs it with uvicorn

One archive folder (the `planex batch --out` folder) is served. Reads open their own SQLite
connection (WAL lets them run beside a writer); ingestion takes one lock, so concurrent uploads
are stored one at a time and the lineage is rebuilt lazily, on the next lineage read.
Extraction runs in a worker thread under a time limit; uploads are refused above a size limit.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from extractor import lineage
from extractor.batch import DB_NAME, record_line
from extractor.export import normalised_text
from extractor.models import FileRecord
from extractor.pipeline import extract_file
from extractor.store import Store

API_VERSION = "1"
# An upload above this many bytes is refused (413) before it is read whole.
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
# Seconds one extraction may take before the request answers 504.
DEFAULT_TIMEOUT = 60.0
_CHUNK = 1024 * 1024
_UPLOADS = "uploads"


def search_key(text: str | None) -> str:
    """Lower case without tone marks or hats, đ as d: "Đắk Mil" and "dak mil" meet."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


class _Archive:
    """The served folder: its database path and the one lock writers take."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.db_path = out / DB_NAME
        self.write_lock = threading.Lock()
        out.mkdir(parents=True, exist_ok=True)
        Store(self.db_path).close()  # create the schema once, so readers find the tables

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.db_path, isolation_level=None, check_same_thread=False)
        conn.create_function("search_key", 1, search_key, deterministic=True)
        try:
            yield conn
        finally:
            conn.close()

    def graph(self) -> Any:
        """The lineage graph, rebuilt first when documents changed since it was last built."""
        with self.write_lock:
            db = Store(self.db_path)
            try:
                if db.lineage_stale():
                    lineage.rebuild(db.conn)
                return lineage.load_graph(db.conn)
            finally:
                db.close()


async def _save_upload(upload: UploadFile, folder: Path, limit: int) -> tuple[Path, str, int, str]:
    """Stream the upload to a file in `folder`: (path, name, size, sha256); 413 past `limit` bytes."""
    name = Path(upload.filename or "upload").name
    suffix = Path(name).suffix.lower()
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(dir=folder, suffix=suffix, delete=False) as fh:
        tmp = Path(fh.name)
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                fh.close()
                tmp.unlink(missing_ok=True)
                raise HTTPException(413, f"upload is larger than the {limit // (1024 * 1024)} MB limit")
            digest.update(chunk)
            fh.write(chunk)
    return tmp, name, size, digest.hexdigest()


async def _extract(path: Path, name: str, timeout: float) -> FileRecord:
    try:
        record = await asyncio.wait_for(run_in_threadpool(extract_file, path), timeout)
    except TimeoutError:
        raise HTTPException(504, f"{name}: extraction took longer than {timeout:g} s") from None
    record.source.path = name
    return record


def _document_row(conn: sqlite3.Connection, doc_id: int) -> tuple[Any, ...]:
    row = conn.execute(
        "SELECT d.id, d.idx, d.sha256, c.record, c.path FROM documents d JOIN contents c ON c.sha256 = d.sha256"
        " WHERE d.id = ?", (doc_id,)).fetchone()
    if row is None:
        raise HTTPException(404, f"no document {doc_id}")
    return tuple(row)


_LIST_COLUMNS = ("id", "doc_type", "number", "issued_date", "place", "title", "issuer", "signer_name")


def _text_of(archive: _Archive, path: str, sha256: str) -> str | None:
    """The normalised text of a stored file: from its kept upload, else from its archived path."""
    return normalised_text([archive.out / _UPLOADS / f"{sha256}{Path(path).suffix.lower()}", Path(path)], sha256)


def _lineage_view(g: Any, node: str, depth: int, kinds: frozenset[str]) -> dict[str, Any]:
    """Ancestors and descendants of `node` up to `depth` steps, as node and edge lists."""
    seen = {node}
    edges: list[dict[str, Any]] = []
    for step in (lineage.parents, lineage.children):
        frontier = [node]
        for _ in range(depth):
            nxt = []
            for n in frontier:
                for other, attrs in step(g, n, kinds):
                    up = step is lineage.parents
                    edges.append({"source": n if up else other, "target": other if up else n, **attrs})
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
            frontier = nxt
    ambiguous = {e["target"] for e in edges if e.get("candidates", 1) > 1}
    nodes = [{"id": n, **g.nodes[n], "ambiguous": n in ambiguous} for n in sorted(seen)]
    unique = {json.dumps(e, sort_keys=True, ensure_ascii=False): e for e in edges}
    return {"root": node, "nodes": nodes, "edges": list(unique.values())}


def create_app(out: Path, token: str | None = None, max_upload: int = DEFAULT_MAX_UPLOAD,
               timeout: float = DEFAULT_TIMEOUT) -> FastAPI:
    """The API over the archive folder `out`; `token`, when set, guards ingestion."""
    archive = _Archive(Path(out))
    app = FastAPI(title="planex", version=API_VERSION,
                  description="Structured, linked data from Vietnamese government plan documents.")

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            return
        given = (authorization or "").removeprefix("Bearer ").encode()
        if not hmac.compare_digest(given, token.encode()):
            raise HTTPException(401, "a valid token is needed: 'Authorization: Bearer <token>'")

    @app.exception_handler(HTTPException)
    async def _error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": {"status": exc.status_code, "message": exc.detail}}, exc.status_code)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/extract")
    async def extract(file: Annotated[UploadFile, File()]) -> dict[str, Any]:
        """The file's record; nothing is stored."""
        with tempfile.TemporaryDirectory() as tmp:
            path, name, _, _ = await _save_upload(file, Path(tmp), max_upload)
            record = await _extract(path, name, timeout)
        result: dict[str, Any] = json.loads(record_line(record))
        return result

    @app.post("/v1/files", dependencies=[Depends(authorised)], status_code=201)
    async def ingest(file: Annotated[UploadFile, File()]) -> dict[str, Any]:
        """Extract the file and store it in the archive; the lineage is rebuilt on its next read."""
        uploads = archive.out / _UPLOADS
        uploads.mkdir(exist_ok=True)
        tmp, name, size, sha = await _save_upload(file, uploads, max_upload)
        kept = uploads / f"{sha}{tmp.suffix}"
        tmp.replace(kept)
        record = await _extract(kept, name, timeout)
        line = record_line(record)

        def store() -> list[int]:
            with archive.write_lock:
                db = Store(archive.db_path)
                try:
                    db.begin()
                    run = db.start_run(0)
                    db.put_record(name, size, line, run, sha)
                    db.finish_run(run, "done", {"files": 1, "extracted": 1,
                                                "documents": len(record.documents or []),
                                                "errors": int(record.error is not None)})
                    db.commit()
                    return [r[0] for r in db.conn.execute(
                        "SELECT id FROM documents WHERE sha256 = ? ORDER BY idx", (sha,))]
                finally:
                    db.close()

        ids = await run_in_threadpool(store)
        body: dict[str, Any] = json.loads(line)
        return {"sha256": sha, "document_ids": ids, "record": body}

    @app.get("/v1/documents")
    def documents(
        number: str | None = None, issuer: str | None = None, doc_type: str | None = None,
        year: Annotated[int | None, Query(ge=1945, le=2100)] = None, q: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Documents matching every filter given; `q` matches title, issuer, number and place without diacritics."""
        where, args = [], []
        if number:
            where.append("replace(upper(number), ' ', '') = ?")
            args.append("".join(number.upper().split()))
        if issuer:
            where.append("instr(search_key(issuer), ?) > 0")
            args.append(search_key(issuer))
        if doc_type:
            where.append("search_key(doc_type) = ?")
            args.append(search_key(doc_type))
        if year:
            where.append("substr(issued_date, 1, 4) = ?")
            args.append(str(year))
        for word in search_key(q).split():
            where.append("instr(search_key(coalesce(title, '') || ' ' || coalesce(issuer, '') || ' '"
                         " || coalesce(number, '') || ' ' || coalesce(place, '')), ?) > 0")
            args.append(word)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with archive.reader() as conn:
            total = conn.execute(f"SELECT count(*) FROM documents{clause}", args).fetchone()[0]
            rows = conn.execute(f"SELECT {', '.join(_LIST_COLUMNS)} FROM documents{clause}"
                                " ORDER BY issued_date, id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return {"items": [dict(zip(_LIST_COLUMNS, r, strict=True)) for r in rows], "total": total}

    @app.get("/v1/documents/{doc_id}")
    def document(doc_id: int) -> dict[str, Any]:
        """The document's record, its file's source, and the file's normalised text (spans point into it)."""
        with archive.reader() as conn:
            _, idx, sha, record, path = _document_row(conn, doc_id)
        data = json.loads(record)
        return {"id": doc_id, "source": data["source"], "document": data["documents"][idx],
                "text": _text_of(archive, path, sha)}

    @app.get("/v1/documents/{doc_id}/lineage")
    def document_lineage(doc_id: int, depth: Annotated[int, Query(ge=1, le=20)] = 5,
                         cites: bool = False) -> dict[str, Any]:
        """Ancestors (what it implements) and descendants; edges run child → parent as stored."""
        with archive.reader() as conn:
            _document_row(conn, doc_id)
        g = archive.graph()
        with archive.reader() as conn:
            row = conn.execute("SELECT node_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None or row[0] is None:
            raise HTTPException(404, f"document {doc_id} has no lineage node")
        kinds = lineage.LINEAGE_KINDS | ({"cites"} if cites else set())
        return _lineage_view(g, row[0], depth, frozenset(kinds))

    @app.get("/v1/graph")
    def graph(format: Annotated[str, Query(pattern="^(json|graphml)$")] = "json") -> Response:
        """The whole archive's lineage graph."""
        text = lineage.export(archive.graph(), format)
        media = "application/json" if format == "json" else "application/graphml+xml"
        return Response(text, media_type=media)

    return app
