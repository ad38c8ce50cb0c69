"""Header fields a document lacks, from what describes it: a site's metadata block, a lead line, a body sentence.

A register entry or a news lead describes the document in one sentence ("Quyết định số 12/QĐ-UBND
ngày 05/3/2021 của Chủ tịch UBND tỉnh X về việc tặng Bằng khen cho 03 tập thể …"; "Ngày 12/11/2018,
UBND huyện X ban hành Quyết định số …"); a plan without a header names itself in its first sentence
("…, Phòng GD&ĐT huyện X ban hành Kế hoạch tổ chức … như sau:"). Only fields the header left empty
are filled, each with the span it was read from; the document's own number then never counts as
one of its references.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re

from extractor.extraction.clauses import PHRASE_BREAKS, TITLE_ENDS
from extractor.extraction.dates import DATE, match_to_iso
from extractor.extraction.fields.header import Header
from extractor.extraction.fields.references import _strip_position
from extractor.extraction.models import Organization, Signer, Span
from extractor.extraction.orgs import expand
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import RESULT_TITLE_VERBS
from extractor.extraction.vocab.doc_types import COMPANION_LETTER, TYPE_NAMES, canonical_type

if TYPE_CHECKING:
    from extractor.extraction.page import Page

# The web vocabulary (extractor.extraction.vocab.web, ~30 ms of patterns to compile) is imported where a
# header lacks what a lead, heading or site block gives: most plans never need it.

# A lead line is among the first lines of a document without a header.
_LEAD_LINES = 3
# The sentence naming the document is near the start of its body.
_NAMING_WINDOW = 1500
# Where a title read from a lead ends: the reason or beneficiary clause of a result decision stays in.
_TRAILING = re.compile(r"[\s.;,]+$")
# A decision's title that gives awards.
_RESULT_TITLE = re.compile(rf"(?i)(?<!\p{{L}})(?:{alternation(RESULT_TITLE_VERBS)})(?!\p{{L}})")


@dataclass
class Described:
    """Header fields read from a description of the document, and the issuer as written (with its span)."""

    issuer_raw: str | None = None
    issuer_span: Span | None = None
    signer: Span | None = None
    author: str | None = None  # who decides, as written ("Chủ tịch UBND tỉnh Quảng Bình")


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, raw=text[start:end])


def _set(h: Header, name: str, value: str | None, span: Span) -> None:
    """Fill one header field the header left empty."""
    if value is None or getattr(h, name) is not None:
        return
    setattr(h, name, value)
    h.evidence.setdefault(name, span)
    if name == "title":
        h.title_span = (span.start, span.end)


def _iso(raw: str) -> str | None:
    m = DATE.search(raw if raw.startswith("ngày") else f"ngày {raw}")  # "02 tháng 6 năm 2016" lost its "ngày"
    return match_to_iso(m) if m else None


def _forget_site_rows(h: Header, rows: list[tuple[int, int]]) -> None:
    """Header fields read inside the site's metadata rows ("Số/Ký hiệu: …" looks like a "Số:" line)."""
    h.issuer_lines = [x for x in h.issuer_lines if not any(s <= x[0] < e for s, e in rows)]
    for name, span in list(h.evidence.items()):
        if any(s <= span.start < e for s, e in rows):
            del h.evidence[name]
            if name == "number" and "doc_type" not in h.evidence:
                h.doc_type = None  # it was read from that symbol
            if name in ("number", "issued_date", "place", "title", "doc_type"):
                setattr(h, name, None)
            if name == "title":
                h.title_span = None


def from_meta(h: Header, page: Page) -> Described:
    """Fill empty header fields from the site's metadata block."""
    from extractor.extraction.vocab.web import TYPE_FIRST, UNIT_ONLY

    out = Described()
    _forget_site_rows(h, page.meta_rows)
    for name, span in page.meta.items():
        if name == "doc_type":
            kind = canonical_type(span.raw)
            _set(h, name, kind if kind in TYPE_NAMES or kind == COMPANION_LETTER else None, span)
        elif name == "issued_date":
            _set(h, name, _iso(span.raw), span)
        elif name == "number":
            _set(h, name, "".join(span.raw.split()), span)
        elif name == "title":
            title = TYPE_FIRST.sub("", " ".join(span.raw.split()), count=1)
            _set(h, name, title[:1].upper() + title[1:], span)
        elif name == "issuer" and not UNIT_ONLY.match(span.raw):
            out.issuer_raw, out.issuer_span = span.raw, span
        elif name == "signer":
            out.signer = span
    return out


def _title_end(m: re.Match[str]) -> int:
    """Where a lead's title ends: at its sentence's end ("… năm 2018. Theo đó, …"), trailing marks dropped."""
    text: str = m.string
    stop = TITLE_ENDS.search(text, m.start("title"), m.end("title"))
    raw = text[m.start("title") : stop.start() if stop else m.end("title")]
    end: int = m.start("title") + len(_TRAILING.sub("", raw))
    return end


def _title(m: re.Match[str]) -> str:
    """The title a lead gives: a decision's "về việc …" keeps its "Về việc", a plain "về …" does not."""
    text: str = m.string
    title = text[m.start("title") : _title_end(m)]
    about = m.group("about") or ""
    if about.lower() == "về việc":
        return f"Về việc {title}"
    return title[0].upper() + title[1:]


def _lead_in(text: str, s: int, e: int) -> re.Match[str] | None:
    """The lead a line opens with, or one after a clause that says who issued what
    ("Thực hiện …, ngày 10/3/2022, UBND huyện X ban hành Kế hoạch số 45/KH-UBND về …")."""
    from extractor.extraction.vocab.web import LEAD, NAMING

    if text[s:e].rstrip().endswith(":") or NAMING.search(text, s, e):
        return None  # "Kế hoạch số 15/KH-UBND …, Trường X xây dựng kế hoạch như sau:": a body sentence citing it
    m = LEAD.match(text, s, e)
    if m:
        return m
    for comma in PHRASE_BREAKS.finditer(text, s, e):
        m = LEAD.match(text, comma.end(), e)
        if m and m.group("actor"):
            return m
    return None


def from_lead(text: str, h: Header, ranges: list[tuple[int, int]]) -> Described:
    """Fill empty header fields from the first line in `ranges` that describes a document."""
    from extractor.extraction.vocab.web import TYPE_ABBREVIATIONS

    out = Described()
    for s, e in ranges:
        m = _lead_in(text, s, e)
        if not m:
            continue
        kind = TYPE_ABBREVIATIONS.get(m.group("type")) or canonical_type(m.group("type"))
        _set(h, "doc_type", kind, _span(text, m.start("type"), m.end("type")))
        _set(h, "number", "".join(m.group("num").split()), _span(text, m.start("num"), m.end("num")))
        date = "date" if m.group("date") else "pre_date" if m.group("pre_date") else None
        if date:
            _set(h, "issued_date", _iso(m.group(date)), _span(text, m.start(date), m.end(date)))
        if m.group("title"):
            _set(h, "title", _title(m), _span(text, m.start("title"), _title_end(m)))
        # Caps lines below the lead are no header of it (a reporter's byline "THANH HÀ").
        h.issuer_lines = [x for x in h.issuer_lines if x[0] < s]
        org = "actor" if m.group("actor") else "author" if m.group("author") else None
        if org:
            raw = m.group(org)
            out.issuer_raw = _strip_position(expand(raw))
            out.issuer_span = _span(text, m.start(org), m.end(org))
            out.author = raw
        return out
    return out


def from_heading(text: str, h: Header, headings: list[tuple[int, int]]) -> None:
    """Type and title from the page heading that repeats them ("Kế hoạch tổ chức Hội thi … năm 2023")."""
    if h.doc_type and h.title:
        return
    from extractor.extraction.vocab.web import PAGE_HEADING

    for s, e in headings:
        m = PAGE_HEADING.match(text, s, e)
        if not m or (h.doc_type and canonical_type(m.group("type")) != h.doc_type):
            continue
        _set(h, "doc_type", canonical_type(m.group("type")), _span(text, m.start("type"), m.end("type")))
        _set(h, "title", _title(m), _span(text, m.start("title"), _title_end(m)))
        return


def from_naming(text: str, h: Header, start: int, end: int) -> None:
    """Type and title from the body sentence that names the document ("… ban hành Kế hoạch … như sau:")."""
    if h.doc_type and h.title:
        return
    from extractor.extraction.vocab.web import NAMING

    m = NAMING.search(text, start, min(end, start + _NAMING_WINDOW))
    if not m or (h.doc_type and canonical_type(m.group("type")) != h.doc_type):
        return
    _set(h, "doc_type", canonical_type(m.group("type")), _span(text, m.start("type"), m.end("type")))
    title = m.group("title")
    _set(h, "title", title[0].upper() + title[1:], _span(text, m.start("title"), m.end("title")))


def describe(text: str, h: Header, start: int, end: int, page: Page | None) -> Described:
    """Fill what the header lacks: from the site's metadata, a page heading or lead line, the naming sentence.

    The issuer, signer and deciding author are returned for the caller to resolve in context.
    """
    found = from_meta(h, page) if page else Described()
    if not h.number or not h.doc_type:
        from extractor.extraction.vocab.web import NAMING

        # A document that names itself ("… xây dựng Kế hoạch tổ chức … như sau:") speaks in its own voice:
        # a lead-like first line of it reports a parent ("Ngày …, UBND tỉnh ban hành Kế hoạch số …").
        own_voice = NAMING.search(text, h.body_start, min(end, h.body_start + _NAMING_WINDOW))
        first = [] if own_voice else [(s, e) for s, e, _ in lines_between(text, start, end, limit=_LEAD_LINES)]
        lead = from_lead(text, h, [*(page.headings if page else []), *first])
        if found.issuer_raw is None:
            found.issuer_raw, found.issuer_span = lead.issuer_raw, lead.issuer_span
        found.author = lead.author
    if page:
        from_heading(text, h, page.headings)
    from_naming(text, h, h.body_start, end)
    return found


def complete_signer(signer: Signer | None, found: Described) -> Signer | None:
    """The site's "Người ký:" when the text lost its signature block, or only the signer's name."""
    if found.signer is None:
        return signer
    if signer is None:
        return Signer(name=found.signer.raw, span=found.signer)
    if signer.name is None:
        signer.name = found.signer.raw
    return signer


def deciding_official(h: Header, found: Described, issuer: Organization | None) -> str | None:
    """Who grants the awards a result decision names without "của …": the official its lead names
    ("của Chủ tịch UBND tỉnh X"), else the head of its issuing People's Committee, else the issuer."""
    if h.doc_type != "Quyết định" or not h.title or not _RESULT_TITLE.search(h.title):
        return None
    if found.author:
        return found.author
    if issuer is None:
        return None
    return f"Chủ tịch {issuer.name}" if issuer.name.startswith("Ủy ban nhân dân") else issuer.name
