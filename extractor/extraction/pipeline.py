"""From a file or a text to records: read, normalise, split into documents, extract each field family.

Pure up to `extract_text`; `extract_file` adds the reading and the file's identity (hash, format).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import regex as re

from extractor.extraction.context import DocContext, Section, find_sections, lines_between
from extractor.extraction.fields import header as header_fields
from extractor.extraction.fields import issuer as issuer_fields
from extractor.extraction.fields.awards import extract_awards, grant_unnamed
from extractor.extraction.fields.lead import complete_signer, deciding_official, describe
from extractor.extraction.fields.quotas import extract_quotas
from extractor.extraction.fields.references import extract_references
from extractor.extraction.fields.signature import extract_recipients, extract_signer
from extractor.extraction.fields.targets import extract_targets
from extractor.extraction.fields.timeline import extract_deadlines, extract_periods
from extractor.extraction.models import Document, ErrorInfo, FileRecord, Link, Organization, Source, Span
from extractor.extraction.normalize import normalize, normalize_mapped
from extractor.extraction.offsets import place_spans, spans_of
from extractor.extraction.orgs import find_locality, resolve_org
from extractor.extraction.page import Page, read_page
from extractor.extraction.pagination import describe_pages
from extractor.extraction.readers import OcrMode, ReadError, load, read_file
from extractor.extraction.segment import Segment, split_documents
from extractor.extraction.vocab.layout import APPENDIX_LINE
from extractor.paths import bytes_hex, display

# A decision's "QUYẾT ĐỊNH:" line ends its preamble like a first section does (also bare, before "Điều 1").
_DECIDES = re.compile(r"(?m)^[ \t]*QUYẾT\s+ĐỊNH\s*(?::|$(?=\s*Điều\s+1\b))")


def _preamble_end(text: str, body_start: int, end: int, sections: list[Section]) -> int:
    """Where the basis ends: the first section or numbered item ("I.", "1."), or a decision's "QUYẾT ĐỊNH:"."""
    decides = _DECIDES.search(text, body_start, end)
    first_heading = next((s.start for s in sections if s.level <= 2), end)
    return min(decides.start() if decides else end, first_heading)


def _appendix_start(text: str, after: int, end: int) -> int:
    """Where the appendix forms begin ("Phụ lục 1", "Mẫu số 02", "Biểu 1"), past the signature; else end."""
    for s, _e, line in lines_between(text, after, end):
        if APPENDIX_LINE.match(line):
            return s
    return end


def _extract_one(text: str, seg: Segment, page: Page | None = None) -> tuple[Document, str | None]:
    h = header_fields.parse_header(text, seg.start, seg.end)
    # What the header lacks, from the site's metadata block, a lead line or the naming sentence.
    described = describe(text, h, seg.start, seg.end, page)
    body = text[h.body_start : seg.end]
    names = issuer_fields.names_for_locality(h.issuer_lines)
    if described.issuer_raw:
        names.append(described.issuer_raw)
    loc = find_locality(names, h.place, body, h.issued_date)
    issuer = issuer_fields.from_header(text, h.issuer_lines, loc)
    if issuer:  # "ỦY BAN NHÂN DÂN" alone in a header cell: the body or the place line gives its locality
        issuer = issuer_fields.complete_locality(issuer, text, h.body_start, seg.end, loc)
    if issuer is None and described.issuer_raw:
        issuer = Organization(name=resolve_org(described.issuer_raw, loc), span=described.issuer_span)
    if issuer is None:
        issuer = issuer_fields.from_body(text, h.body_start, seg.end, loc)
        if issuer:  # "Ủy ban nhân dân xã Phong Hòa xây dựng Kế hoạch": the body names the commune too
            loc = find_locality([*names, issuer.name], h.place, body, h.issued_date)
    sections = find_sections(text, h.body_start, seg.end)
    ctx = DocContext(
        text=text, start=seg.start, end=seg.end, body_start=h.body_start,
        preamble_end=_preamble_end(text, h.body_start, seg.end, sections),
        issued_date=h.issued_date, title_span=h.title_span, locality=loc, sections=sections,
    )
    if issuer:
        ctx.memo["issuer"] = issuer.name  # for "… của nhà trường" in references
    # "(Ban hành kèm theo Quyết định số …)" under the title names a real document: read it too.
    references = extract_references(ctx, h.number, start=h.issued_with_at)
    if h.issued_with_at is not None:  # kept as evidence: lineage dates a plan without its own date by it
        line_end = text.find("\n", h.issued_with_at, seg.end)
        line_end = seg.end if line_end < 0 else line_end
        h.evidence["issued_with"] = Span(start=h.issued_with_at, end=line_end, raw=text[h.issued_with_at : line_end])
    awards = extract_awards(ctx)
    official = deciding_official(h, described, issuer)
    if official:  # a result decision: "Tặng Giấy khen cho 05 tập thể" is the deciding official's award
        grant_unnamed(ctx, awards, official, (seg.start, seg.end))
    signer = complete_signer(extract_signer(ctx), described)
    if issuer is None and signer and signer.on_behalf_of and signer.authority == "TM.":
        # "TM. ỦY BAN NHÂN DÂN" signs for the body of the place line's locality.
        name = signer.on_behalf_of
        unit = loc.commune_type if loc.commune and not loc.district else loc.district_type
        if unit and name == "Ủy ban nhân dân":
            name = resolve_org(f"{name} {unit}", loc)
        issuer = Organization(name=name, span=signer.span)
    if issuer and signer and signer.on_behalf_of:  # "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ X" for a bare header cell
        issuer = issuer_fields.with_signature_locality(issuer, signer.on_behalf_of)
    if issuer:
        issuer = issuer_fields.at_place_level(issuer, loc)
    if signer and issuer and signer.on_behalf_of and issuer.name.startswith(signer.on_behalf_of):
        signer.on_behalf_of = issuer.name  # "TM. ỦY BAN NHÂN DÂN" is this issuer, with its locality
    # Forms and annexes after the signature repeat the plan's figures in tables: targets are the body's.
    main_end = _appendix_start(text, signer.span.end, seg.end) if signer and signer.span else seg.end
    main = ctx if main_end == seg.end else replace(ctx, end=main_end)
    doc = Document(
        doc_type=h.doc_type, number=h.number, issued_date=h.issued_date, place=h.place, title=h.title,
        issuer=issuer, signer=signer, recipients=extract_recipients(ctx), references=references,
        targets=extract_targets(main), deadlines=extract_deadlines(ctx), periods=extract_periods(ctx),
        awards=awards, quotas=extract_quotas(ctx, awards), evidence=h.evidence,
        span=Span(start=seg.start, end=seg.end, raw=text[seg.start : min(seg.end, seg.start + 80)]),
    )
    return doc, h.issued_with


def _link(docs: list[Document], issued_with: list[str | None]) -> None:
    """A decision issues the plan after it; a letter forwards it (Nghị định 30/2020 bundles)."""
    for i in range(1, len(docs)):
        prev, cur = docs[i - 1], docs[i]
        if prev.doc_type == "Quyết định" or (issued_with[i] and issued_with[i] == prev.number):
            prev.links.append(Link(kind="issues", target=i, span=cur.span))
        elif prev.doc_type in ("Công văn", "Tờ trình", "Thông báo"):
            prev.links.append(Link(kind="forwards", target=i, span=cur.span))


def extract_documents(text: str) -> list[Document]:
    """Records of every document in an already normalised text (inside a web page: its document part)."""
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
                 ocr: OcrMode = "auto") -> FileRecord:
    """Read and extract one file; never raises for bad input (the error is in the record).

    With `timeout` (seconds) it runs under a time and memory budget (extractor.guard): past either,
    the record is a "timeout" or "too-large" error. `ocr`: read scanned pages and images by OCR where
    needed (auto), on every page (always), or never.
    """
    path = Path(path)
    if timeout is not None:
        return _guarded(path, include_text, timeout, ocr)
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


def _guarded(path: Path, include_text: bool, timeout: float, ocr: OcrMode) -> FileRecord:
    from extractor.guard import GuardError, run_guarded

    try:
        return FileRecord.model_validate_json(
            run_guarded(lambda: extract_file(path, include_text, ocr=ocr).model_dump_json(), timeout))
    except GuardError as e:
        source = Source(path=display(str(path)), sha256="", path_bytes_hex=bytes_hex(str(path)))
        return FileRecord(source=source, error=ErrorInfo(kind=e.kind, message=f"{source.path}: {e}"))
