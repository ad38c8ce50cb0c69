"""From a file or a text to records: read, normalise, split into documents, extract each field family.

Pure up to `extract_text`; `extract_file` adds the reading and the file's identity (hash, format).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.extraction.gather import gather_facts
from extractor.extraction.models import Document, ErrorInfo, FileRecord, Link, Source, Span
from extractor.extraction.normalize import normalize, normalize_mapped
from extractor.extraction.offsets import place_spans, spans_of
from extractor.extraction.pagination import describe_pages
from extractor.extraction.readers import OcrMode, ReadError, load, read_file
from extractor.extraction.registry import extract_fields, load_extractors
from extractor.extraction.segment import Segment, split_documents
from extractor.extraction.vocab.doc_types import FORWARDING_TYPES, ISSUING_TYPE
from extractor.extraction.vocab.page_hints import page_hinted
from extractor.paths import bytes_hex, display

if TYPE_CHECKING:
    from extractor.extraction.page import Page
    from extractor.guard import Guard

    # What a guard of `file_guard` is asked: a path, include_text and the OCR mode.
    FileCall = tuple[Path, bool, OcrMode]


def _extract_one(text: str, seg: Segment, page: Page | None = None) -> tuple[Document, str | None]:
    """Phase 1 (the document's facts), then phase 2 (each registered field family from them)."""
    facts = gather_facts(text, seg, page)
    h = facts.header
    doc = Document(
        doc_type=h.doc_type, number=h.number, issued_date=h.issued_date, place=h.place, title=h.title,
        issuer=facts.issuer, signer=facts.signer, evidence=h.evidence, **extract_fields(facts),
        span=Span(start=seg.start, end=seg.end, raw=text[seg.start : min(seg.end, seg.start + 80)]),
    )
    return doc, h.issued_with


def _link(docs: list[Document], issued_with: list[str | None]) -> None:
    """A decision issues the plan after it; a letter forwards it (Nghị định 30/2020 bundles)."""
    for i in range(1, len(docs)):
        prev, cur = docs[i - 1], docs[i]
        if prev.doc_type == ISSUING_TYPE or (issued_with[i] and issued_with[i] == prev.number):
            prev.links.append(Link(kind="issues", target=i, span=cur.span))
        elif prev.doc_type in FORWARDING_TYPES:
            prev.links.append(Link(kind="forwards", target=i, span=cur.span))


def extract_documents(text: str) -> list[Document]:
    """Records of every document in an already normalised text (inside a web page: its document part)."""
    page = None
    if page_hinted(text):  # the page reader and its patterns load only for a text that can be a web page
        from extractor.extraction.page import read_page

        page = read_page(text)
    segs = split_documents(text)
    if page:  # site chrome above and the page's tail below are no document's text; spans stay file offsets
        segs = [Segment(max(s.start, page.start), min(s.end, page.end)) for s in segs]
        segs = [s for s in segs if s.start < s.end]
    pairs = [_extract_one(text, seg, page if i == 0 else None) for i, seg in enumerate(segs)]
    docs = [d for d, _ in pairs]
    _link(docs, [w for _, w in pairs])
    return docs


def extract_text(raw: str) -> tuple[str, list[Document]]:
    """Normalise a raw text and extract its documents; spans point into the returned text."""
    text = normalize(raw)
    return text, extract_documents(text)


def extract_file(path: Path, include_text: bool = False, timeout: float | None = None,
                 ocr: OcrMode = "auto", guard: Guard[FileCall, str] | None = None) -> FileRecord:
    """Read and extract one file; never raises for bad input (the error is in the record).

    With `timeout` (seconds) it runs under a time and memory budget (extractor.guard): past either,
    the record is a "timeout" or "too-large" error; with `guard` too (from `file_guard`), in that
    guard's child, which many files share (a child per file costs more than a typical file).
    `ocr`: read scanned pages and images by OCR where needed (auto), on every page (always), or never.
    """
    path = Path(path)
    if timeout is not None:
        return _guarded(path, include_text, timeout, ocr, guard)
    name = display(str(path))
    source = Source(path=name, sha256="", path_bytes_hex=bytes_hex(str(path)))
    try:
        data = load(path)
        source.sha256 = hashlib.sha256(data).hexdigest()
        result = read_file(path, data, ocr)
    except ReadError as e:
        return FileRecord(source=source, error=ErrorInfo(kind=e.kind, message=display(str(e))))
    except MemoryError:
        return FileRecord(source=source, error=ErrorInfo(kind="too-large", message=f"{name}: above the memory budget"))
    except Exception as e:  # a reader's bug on a damaged file: one error record, never an exception
        return FileRecord(source=source, error=ErrorInfo(kind="internal", message=f"{name}: {type(e).__name__}: {e}"))
    source.format, source.pages = result.format, result.pages
    source.encoding, source.warnings = result.encoding, list(result.warnings)
    try:
        text, restored, offsets = normalize_mapped(result.text)
        docs = extract_documents(text)
        describe_pages(source, result, text)
        notes = [Span(start=r.start, end=r.end, raw=r.raw) for r in restored]
        # Spans placed in the read text once, here: the extractors know the normalised text only.
        place_spans(spans_of([docs, notes]), offsets, result.page_starts, result.block_starts)
    except Exception as e:  # a bug must cost one file, not the batch
        return FileRecord(source=source, error=ErrorInfo(kind="internal", message=f"{name}: {type(e).__name__}: {e}"))
    return FileRecord(source=source, documents=docs, text=text if include_text else None, restored=notes)


def _extract_json(call: FileCall) -> str:
    path, include_text, ocr = call
    return extract_file(path, include_text, ocr=ocr).model_dump_json()


def file_guard() -> Guard[FileCall, str]:
    """A guard to pass to `extract_file` for a run of many files (close it, or use it in a `with`)."""
    from extractor.guard import Guard

    load_extractors()  # loaded once in the parent: the child (and every child after it) starts warm
    return Guard(_extract_json)


def _guarded(path: Path, include_text: bool, timeout: float, ocr: OcrMode,
             guard: Guard[FileCall, str] | None) -> FileRecord:
    from extractor.guard import GuardError

    try:
        if guard is None:  # one file: a child of its own
            with file_guard() as own:
                answer = own((path, include_text, ocr), timeout)
        else:
            answer = guard((path, include_text, ocr), timeout)
        return FileRecord.model_validate_json(answer)
    except GuardError as e:
        source = Source(path=display(str(path)), sha256="", path_bytes_hex=bytes_hex(str(path)))
        return FileRecord(source=source, error=ErrorInfo(kind=e.kind, message=f"{source.path}: {e}"))
