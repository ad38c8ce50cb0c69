"""The HTTP API (`planex serve`): extract a file, ingest it into an archive, query documents and lineage.

    from extractor.archive.server import create_app
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from extractor.archive import db
from extractor.archive.batch import DB_NAME
from extractor.archive.corrections import CorrectionError, add_correction, corrections_of, ensure_schema
from extractor.archive.export import normalised_text
from extractor.archive.graph_views import clusters_json, neighbourhood
from extractor.archive.lineage import formats, sql, traverse
from extractor.archive.pages import archive_graph_page, index_page, lineage_page, review_page
from extractor.archive.store import Store
from extractor.extraction.fold import fold_accents
from extractor.extraction.models import FileRecord
from extractor.extraction.pipeline import extract_file
from extractor.jsonl import record_line

API_VERSION = "1"
# An upload above this many bytes is refused (413) before it is read whole.
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
# Seconds one extraction may take before the request answers 504.
DEFAULT_TIMEOUT = 60.0
_CHUNK = 1024 * 1024
_UPLOADS = "uploads"


def search_key(text: str | None) -> str:
    """Lower case without tone marks or hats, đ as d, spaces folded: "Đắk Mil" and "dak  mil" meet."""
    return " ".join(fold_accents(text).split()) if text else ""


class _Archive:
    """The served folder (uploads), its database (a SQLite file in it, or a PostgreSQL URL), the writers' lock."""

    def __init__(self, out: Path, db_url: str | None = None) -> None:
        self.out = out
        self.db_path: Path | str = db_url or out / DB_NAME
        self.write_lock = threading.Lock()
        out.mkdir(parents=True, exist_ok=True)
        store = Store(self.db_path)  # create the schema once, so readers find the tables
        try:
            ensure_schema(store.conn)
        finally:
            store.close()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        conn = db.connect(self.db_path)
        conn.create_function("search_key", 1, search_key, deterministic=True)
        try:
            yield conn
        finally:
            conn.close()

    def graph(self) -> Any:
        """The lineage graph, rebuilt first when documents changed since it was last built."""
        with self.write_lock:
            store = Store(self.db_path)
            try:
                if store.lineage_stale():
                    sql.rebuild(store.conn)
                return sql.load_graph(store.conn)
            finally:
                store.close()


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


async def _extract(path: Path, name: str, timeout: float, include_text: bool = False) -> FileRecord:
    try:
        record = await asyncio.wait_for(run_in_threadpool(extract_file, path, include_text), timeout)
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


@dataclass(frozen=True)
class Filters:
    number: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    year: int | None = None
    q: str | None = None
    place: str | None = None


def query_documents(conn: sqlite3.Connection, f: Filters, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """(a page of matching documents, how many match); every filter given must hold."""
    where, args = [], []
    if f.number:
        where.append("replace(upper(number), ' ', '') = ?")
        args.append("".join(f.number.upper().split()))
    for column, value in (("issuer", f.issuer), ("place", f.place)):
        if value:
            where.append(f"instr(search_key({column}), ?) > 0")
            args.append(search_key(value))
    if f.doc_type:
        where.append("search_key(doc_type) = ?")
        args.append(search_key(f.doc_type))
    if f.year:
        where.append("substr(issued_date, 1, 4) = ?")
        args.append(str(f.year))
    for word in search_key(f.q).split():
        where.append("instr(search_key(coalesce(title, '') || ' ' || coalesce(issuer, '') || ' '"
                     " || coalesce(number, '') || ' ' || coalesce(place, '')), ?) > 0")
        args.append(word)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(conn.execute(f"SELECT count(*) FROM documents{clause}", args).fetchone()[0])
    rows = conn.execute(f"SELECT {', '.join(_LIST_COLUMNS)} FROM documents{clause}"
                        " ORDER BY issued_date, id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return [dict(zip(_LIST_COLUMNS, r, strict=True)) for r in rows], total


def _candidates(archive: _Archive, path: str, sha256: str) -> list[Path]:
    """Where a stored file's bytes may be: its kept upload, else its archived path."""
    return [archive.out / _UPLOADS / f"{sha256}{Path(path).suffix.lower()}", Path(path)]


def _text_of(archive: _Archive, conn: sqlite3.Connection, path: str, sha256: str) -> str | None:
    """The normalised text of a stored file: kept in the store, else read again from its unchanged bytes."""
    row = conn.execute("SELECT text FROM contents WHERE sha256 = ?", (sha256,)).fetchone()
    if row and row[0] is not None:
        return str(row[0])
    return normalised_text(_candidates(archive, path, sha256), sha256)


def create_app(out: Path, token: str | None = None, max_upload: int = DEFAULT_MAX_UPLOAD,
               timeout: float = DEFAULT_TIMEOUT, db_url: str | None = None) -> FastAPI:
    """The API over the archive folder `out` (its database, or `db_url`); `token`, when set, guards ingestion."""
    archive = _Archive(Path(out), db_url)
    app = FastAPI(title="planex", version=API_VERSION,
                  description="Structured, linked data from Vietnamese government plan documents.")

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            return
        given = (authorization or "").removeprefix("Bearer ").encode()
        if not hmac.compare_digest(given, token.encode()):
            raise HTTPException(401, "a valid token is needed: 'Authorization: Bearer <token>'")

    static = resources.files("extractor.archive").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

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
        record = await _extract(kept, name, timeout, include_text=True)
        text, record.text = record.text, None
        line = record_line(record)

        def store() -> list[int]:
            with archive.write_lock:
                store = Store(archive.db_path)
                try:
                    store.begin()
                    run = store.start_run(0)
                    store.put_record(name, size, line, run, sha, text)
                    store.finish_run(run, "done", {"files": 1, "extracted": 1,
                                                "documents": len(record.documents or []),
                                                "errors": int(record.error is not None)})
                    store.commit()
                    return [r[0] for r in store.conn.execute(
                        "SELECT id FROM documents WHERE sha256 = ? ORDER BY idx", (sha,))]
                finally:
                    store.close()

        ids = await run_in_threadpool(store)
        body: dict[str, Any] = json.loads(line)
        return {"sha256": sha, "document_ids": ids, "record": body}

    @app.get("/v1/documents")
    def documents(
        number: str | None = None, issuer: str | None = None, doc_type: str | None = None,
        year: Annotated[int | None, Query(ge=1945, le=2100)] = None, q: str | None = None,
        place: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Documents matching every filter given; `q` matches title, issuer, number and place without diacritics."""
        with archive.reader() as conn:
            items, total = query_documents(conn, Filters(number, issuer, doc_type, year, q, place), limit, offset)
        return {"items": items, "total": total}

    @app.get("/v1/documents/{doc_id}")
    def document(doc_id: int) -> dict[str, Any]:
        """The document's record, its file's source, and the file's normalised text (spans point into it)."""
        with archive.reader() as conn:
            _, idx, sha, record, path = _document_row(conn, doc_id)
            text = _text_of(archive, conn, path, sha)
        data = json.loads(record)
        return {"id": doc_id, "source": data["source"], "document": data["documents"][idx], "text": text}

    def lineage_of(doc_id: int, depth: int, cites: bool) -> dict[str, Any]:
        with archive.reader() as conn:
            _document_row(conn, doc_id)
        g = archive.graph()
        with archive.reader() as conn:
            row = conn.execute("SELECT node_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
            documents: dict[str, list[int]] = {}
            for d, n in conn.execute("SELECT id, node_id FROM documents WHERE node_id IS NOT NULL ORDER BY id"):
                documents.setdefault(n, []).append(d)
        if row is None or row[0] is None:
            raise HTTPException(404, f"document {doc_id} has no lineage node")
        kinds = traverse.LINEAGE_KINDS | ({"cites"} if cites else set())
        return neighbourhood(g, row[0], depth, frozenset(kinds), documents)

    @app.get("/v1/documents/{doc_id}/lineage")
    def document_lineage(doc_id: int, depth: Annotated[int, Query(ge=1, le=20)] = 5,
                         cites: bool = False) -> dict[str, Any]:
        """Ancestors (what it implements) and descendants; edges run child → parent as stored."""
        return lineage_of(doc_id, depth, cites)

    @app.get("/v1/documents/{doc_id}/corrections")
    def list_corrections(doc_id: int) -> list[dict[str, Any]]:
        """The reviewers' corrections of the document's file, oldest first."""
        with archive.reader() as conn:
            _, _, sha, _, _ = _document_row(conn, doc_id)
            return [asdict(c) for c in corrections_of(conn, sha)]

    @app.post("/v1/documents/{doc_id}/corrections", dependencies=[Depends(authorised)], status_code=201)
    def correct(doc_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """Fix, remove or add one value: {"action", "key", "doc", "new", "span", "who"}; kept across re-extraction."""
        who = str(body.get("who") or "").strip() or "người rà soát"
        with archive.write_lock, archive.reader() as conn:
            _, idx, sha, record, _ = _document_row(conn, doc_id)
            docs = json.loads(record)["documents"]
            body = {**body, "doc": body.get("doc", idx)}
            try:
                cid = add_correction(conn, sha, docs, body, who)
            except CorrectionError as e:
                raise HTTPException(422, str(e)) from None
        return {"id": cid}

    # --- pages for people -------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(q: str | None = None, issuer: str | None = None, doc_type: str | None = None,
              year: str | None = None, place: str | None = None) -> str:
        year_n = int(year) if year and year.isdigit() else None
        with archive.reader() as conn:
            items, _ = query_documents(conn, Filters(None, issuer, doc_type, year_n, q, place), 500, 0)
            reviewed = {(sha, i): n for sha, i, n in conn.execute(
                "SELECT sha256, doc_idx, count(*) FROM corrections GROUP BY sha256, doc_idx")}
            keys = {d: (sha, i) for d, sha, i in conn.execute("SELECT id, sha256, idx FROM documents")}
            for item in items:
                item["corrections"] = reviewed.get(keys[item["id"]], 0)
            errors = [{"path": p, "kind": k, "message": m} for p, k, m in
                      conn.execute("SELECT path, kind, message FROM errors"
                                   " WHERE path IN (SELECT path FROM current_files) ORDER BY path")]
            counts = {"documents": len(keys), "files": conn.execute("SELECT count(*) FROM current_files").fetchone()[0],
                      "errors": len({e["path"] for e in errors}), "reviewed": len(reviewed)}
            types = [r[0] for r in conn.execute(
                "SELECT DISTINCT doc_type FROM documents WHERE doc_type IS NOT NULL ORDER BY doc_type")]
        query = {"q": q, "issuer": issuer, "doc_type": doc_type, "year": year, "place": place}
        return index_page(items, errors, counts, types, query, root="/")

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def review(doc_id: int) -> str:
        with archive.reader() as conn:
            _, _, sha, record, path = _document_row(conn, doc_id)
            fixes = corrections_of(conn, sha)
            text = _text_of(archive, conn, path, sha)
        if text is None:
            raise HTTPException(410, f"the file of document {doc_id} is no longer readable at {path}")
        return review_page(text, json.loads(record), doc_id=doc_id, corrections=fixes,
                           original=f"/documents/{doc_id}/original", lineage=f"/documents/{doc_id}/lineage",
                           root="/", editable=True)

    @app.get("/documents/{doc_id}/original", include_in_schema=False)
    def original(doc_id: int) -> FileResponse:
        with archive.reader() as conn:
            _, _, sha, _, path = _document_row(conn, doc_id)
        for candidate in _candidates(archive, path, sha):
            if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).hexdigest() == sha:
                return FileResponse(candidate, filename=Path(path).name)
        raise HTTPException(410, f"the original file of document {doc_id} is gone")

    @app.get("/documents/{doc_id}/lineage", response_class=HTMLResponse, include_in_schema=False)
    def lineage_view(doc_id: int, depth: int = 5, cites: bool = False) -> str:
        view = lineage_of(doc_id, max(1, min(depth, 20)), cites)
        root_node = next(n for n in view["nodes"] if n["id"] == view["root"])
        caption = " · ".join(str(x) for x in (root_node.get("label"), root_node.get("issuer")) if x)
        return lineage_page(view, caption, root="/")

    @app.get("/graph", response_class=HTMLResponse, include_in_schema=False)
    def archive_graph() -> str:
        return archive_graph_page(clusters_json(archive.graph()), root="/")

    @app.get("/v1/graph")
    def graph(format: Annotated[str, Query(pattern="^(json|graphml)$")] = "json") -> Response:
        """The whole archive's lineage graph."""
        text = formats.export(archive.graph(), format)
        media = "application/json" if format == "json" else "application/graphml+xml"
        return Response(text, media_type=media)

    return app
