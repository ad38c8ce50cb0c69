"""Exports of an archive for other systems: tables (CSV, Parquet), a clerk's workbook (xlsx), edXML headers, JSON-LD.

    export(conn, "csv", Path("tables/"))        # one CSV per field family, keyed by document id

Every format is written from the SQLite store (`planex batch --out`), so it reflects what is stored:
- csv / parquet: one table per field family (documents, refs, targets, deadlines, periods, awards,
  quotas, recipients, links, edges, nodes), every row carrying its `document_id`;
- xlsx: the register fields of Nghị định 30/2020 (số, ký hiệu, ngày, tên loại, trích yếu, cơ quan ban
  hành, người ký, chức vụ) cut to the lengths in `REGISTER_FIELDS`, plus the reference table;
- edxml: one XML file per document with the header elements of edXML (QCVN 102:2016/BTTTT);
- jsonld: the documents and their lineage with ELI terms (`eli:based_on` for basis, `eli:cites` for cites);
- docbin: a spaCy DocBin of every readable file's normalised text with the extracted values as
  `doc.spans["planex"]` (the files are read again: the store keeps records, not texts);
- gold: one `<stem>.json` per file in the scorer's gold format, with the reviewers' corrections applied.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from extractor.extraction.normalize import normalize
from extractor.extraction.readers import ReadError, read_file

FORMATS = ("csv", "parquet", "xlsx", "edxml", "jsonld", "docbin", "gold")
# The field-family tables and the foreign key that ties each row to its document.
TABLES: dict[str, str] = {
    "documents": "id", "refs": "document_id", "targets": "document_id", "deadlines": "document_id",
    "periods": "document_id", "awards": "document_id", "quotas": "document_id", "recipients": "document_id",
    "links": "document_id", "nodes": "id", "edges": "document_id",
}
# Register columns of a document-management system (Nghị định 30/2020, Phụ lục VI), with the length each
# column holds there; a longer value is cut and marked with "…" so a clerk sees it was cut.
REGISTER_FIELDS: tuple[tuple[str, str, int], ...] = (
    ("Số", "number_no", 11),
    ("Ký hiệu", "number_symbol", 30),
    ("Ngày, tháng, năm", "issued_date", 10),
    ("Tên loại văn bản", "doc_type", 100),
    ("Trích yếu nội dung", "title", 500),
    ("Cơ quan ban hành", "issuer", 200),
    ("Người ký", "signer_name", 50),
    ("Chức vụ", "signer_position", 100),
)
# A stored content that some file still holds (files gone from disk keep their history, not their place).
_CURRENT = "status = 'ok' AND EXISTS (SELECT 1 FROM current_files f WHERE f.sha256 = c.sha256)"
EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
ELI = "http://data.europa.eu/eli/ontology#"


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    cur = conn.execute(f"SELECT * FROM {table} ORDER BY {TABLES[table]}")  # names come from TABLES only
    return [d[0] for d in cur.description], cur.fetchall()


def _split_number(number: str | None) -> tuple[str, str]:
    """'05/KH-UBND' → ('05', 'KH-UBND'); '14-KL/TW' → ('14', 'KL/TW'); the symbol is what follows the number."""
    if not number:
        return "", ""
    digits = len(number) - len(number.lstrip("0123456789"))
    return number[:digits], number[digits:].lstrip("/-")


def _cut(value: Any, limit: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    cols, rows = _rows(conn, "documents")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _csv(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        cols, rows = _rows(conn, table)
        path = dest / f"{table}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM lets Excel read Vietnamese
            w = csv.writer(fh)
            w.writerow(cols)
            w.writerows(rows)
        written.append(path)
    return written


def _parquet(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("Parquet needs pyarrow: pip install 'planex[parquet]'") from None
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        cols, rows = _rows(conn, table)
        path = dest / f"{table}.parquet"
        pq.write_table(pa.Table.from_pylist([dict(zip(cols, r, strict=True)) for r in rows],
                                            schema=None if rows else pa.schema([(c, pa.string()) for c in cols])),
                       path)
        written.append(path)
    return written


def register_row(doc: dict[str, Any]) -> list[str]:
    """One document as the register's cells, each within its column's length."""
    no, symbol = _split_number(doc.get("number"))
    values = {**doc, "number_no": no, "number_symbol": symbol}
    return [_cut(values.get(key), limit) for _, key, limit in REGISTER_FIELDS]


def _xlsx(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = "Văn bản"
    sheet.append(["Mã (planex)", *(title for title, _, _ in REGISTER_FIELDS)])
    for doc in _documents(conn):
        sheet.append([doc["id"], *register_row(doc)])
    refs = wb.create_sheet("Căn cứ, viện dẫn")
    cols, rows = _rows(conn, "refs")
    refs.append(cols)
    for r in rows:
        refs.append(list(r))
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)
    return [dest]


def edxml_header(doc: dict[str, Any], recipients: list[str]) -> ET.Element:
    """The edXML MessageHeader of one document: From, Code, PromulgationInfo, DocumentType, Subject, SignerInfo."""
    ET.register_namespace("edXML", EDXML_NS)

    def sub(parent: ET.Element, tag: str, text: Any = None) -> ET.Element:
        el = ET.SubElement(parent, f"{{{EDXML_NS}}}{tag}")
        if text is not None:
            el.text = str(text)
        return el

    head = ET.Element(f"{{{EDXML_NS}}}MessageHeader")
    sub(sub(head, "From"), "OrganName", doc.get("issuer") or "")
    to = sub(head, "To")
    for name in recipients:
        sub(to, "OrganName", name)
    no, symbol = _split_number(doc.get("number"))
    code = sub(head, "Code")
    sub(code, "CodeNumber", no)
    sub(code, "CodeNotation", symbol)
    prom = sub(head, "PromulgationInfo")
    sub(prom, "Place", doc.get("place") or "")
    sub(prom, "PromulgationDate", doc.get("issued_date") or "")
    sub(sub(head, "DocumentType"), "TypeName", doc.get("doc_type") or "")
    sub(head, "Subject", doc.get("title") or "")
    signer = sub(head, "SignerInfo")
    sub(signer, "Competence", doc.get("signer_authority") or "")
    sub(signer, "Position", doc.get("signer_position") or "")
    sub(signer, "FullName", doc.get("signer_name") or "")
    return head


def _edxml(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in _documents(conn):
        names = [r[0] for r in conn.execute("SELECT name FROM recipients WHERE document_id = ? ORDER BY id",
                                            (doc["id"],))]
        tree = ET.ElementTree(edxml_header(doc, names))
        ET.indent(tree)
        path = dest / f"document-{doc['id']}.edxml"
        tree.write(path, encoding="utf-8", xml_declaration=True)
        written.append(path)
    return written


def jsonld(conn: sqlite3.Connection) -> dict[str, Any]:
    """Lineage nodes as eli:LegalResource items; basis edges as eli:based_on, cites as eli:cites."""
    graph: dict[str, dict[str, Any]] = {}
    for node_id, kind, doc_type, number, issued, issuer, title in conn.execute(
            "SELECT id, kind, doc_type, number, issued_date, issuer, title FROM nodes ORDER BY id"):
        item: dict[str, Any] = {"@id": f"urn:planex:{node_id}", "@type": "eli:LegalResource",
                                "planex:kind": kind}
        for key, value in (("eli:type_document", doc_type), ("eli:id_local", number),
                           ("eli:date_document", issued), ("eli:passed_by", issuer), ("eli:title", title)):
            if value:
                item[key] = value
        graph[node_id] = item
    terms = {"basis": "eli:based_on", "cites": "eli:cites"}
    for source, target, kind in conn.execute("SELECT source, target, kind FROM edges ORDER BY id"):
        term = terms.get(kind, f"planex:{kind}")
        if source in graph:
            graph[source].setdefault(term, []).append({"@id": f"urn:planex:{target}"})
    return {"@context": {"eli": ELI, "planex": "urn:planex:vocab#"}, "@graph": list(graph.values())}


def _jsonld(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(jsonld(conn), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [dest]


def normalised_text(candidates: list[Path], sha256: str) -> str | None:
    """The normalised text of the first candidate file whose content still has this hash, else None."""
    for path in candidates:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != sha256:
            continue
        try:
            return normalize(read_file(path, data).text)
        except ReadError:
            return None
    return None


def _docbin(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    import spacy
    from spacy.tokens import DocBin

    from extractor.extraction.registry import labelled_spans

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    out = DocBin(attrs=[], store_user_data=True)
    for path, sha, record, kept in conn.execute(f"SELECT path, sha256, record, text FROM contents c WHERE {_CURRENT}"):
        text = kept if kept is not None else normalised_text([Path(path)], sha)
        if text is None:
            continue
        doc = nlp.make_doc(text)
        spans = [doc.char_span(start, end, label=label, alignment_mode="expand")
                 for start, end, label in labelled_spans(json.loads(record)["documents"])]
        doc.spans["planex"] = [s for s in spans if s is not None]
        doc.user_data["planex_path"] = path
        out.add(doc)
    dest.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(dest)
    return [dest]


def _gold(conn: sqlite3.Connection, dest: Path) -> list[Path]:
    from extractor.archive.corrections import corrections_of, ensure_schema, gold_record

    ensure_schema(conn)
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    rows = conn.execute(f"SELECT path, sha256, record FROM contents c WHERE {_CURRENT} ORDER BY path")
    for path, sha, record in rows:
        name = Path(path).name
        out = dest / f"{Path(name).stem}.json"
        if out in written:  # two files of one name in different folders
            out = dest / f"{Path(name).stem}-{sha[:8]}.json"
        gold = gold_record(name, json.loads(record)["documents"], corrections_of(conn, sha))
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(out)
    return written


_WRITERS: dict[str, Callable[[sqlite3.Connection, Path], list[Path]]] = {
    "csv": _csv, "parquet": _parquet, "xlsx": _xlsx, "edxml": _edxml, "jsonld": _jsonld, "docbin": _docbin,
    "gold": _gold,
}


def export(conn: sqlite3.Connection, fmt: str, dest: Path) -> list[Path]:
    """Write the archive in `fmt` to `dest` (a folder for csv/parquet/edxml, a file otherwise); the paths written."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](conn, dest)
