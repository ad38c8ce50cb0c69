"""Phase 1: read one document's facts — header, issuer and signer, locality, sections, cited spans, award forms.

Each fact is found once, in the order the facts need each other (references are read against the
issuer the header names; the signature completes the issuer after them), and the result is a
frozen `Facts` the field extractors of phase 2 only read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields import header as header_fields
from extractor.extraction.fields import issuer as issuer_fields
from extractor.extraction.fields.award_forms import find_forms
from extractor.extraction.fields.awards import find_mentions
from extractor.extraction.fields.lead import complete_signer, deciding_official, describe
from extractor.extraction.fields.references import extract_references
from extractor.extraction.fields.signature import extract_signer
from extractor.extraction.models import Organization, Signer, Span
from extractor.extraction.orgs import Locality, find_locality, resolve_org
from extractor.extraction.sections import Section, find_sections, lines_between
from extractor.extraction.segment import Segment
from extractor.extraction.vocab.layout import APPENDIX_LINE

if TYPE_CHECKING:  # the web-page reader loads only for a text with page hints (pipeline)
    from extractor.extraction.page import Page

# A decision's "QUYẾT ĐỊNH:" line ends its preamble like a first section does (also bare, before "Điều 1").
_DECIDES = re.compile(r"(?m)^[ \t]*QUYẾT\s+ĐỊNH\s*(?::|$(?=\s*Điều\s+1\b))")


def _preamble_end(text: str, body_start: int, end: int, sections: tuple[Section, ...]) -> int:
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


def gather_facts(text: str, seg: Segment, page: Page | None = None) -> Facts:
    """The facts of the document in text[seg.start:seg.end] (`page`: the web page it was read from)."""
    h = header_fields.parse_header(text, seg.start, seg.end)
    # What the header lacks, from the site's metadata block, a lead line or the naming sentence.
    described = describe(text, h, seg.start, seg.end, page)
    body = text[h.body_start : seg.end]
    organs = issuer_fields.header_organs(h.issuer_lines)  # merged once: the locality and the issuer read them
    names = issuer_fields.names_for_locality(organs)
    if described.issuer_raw:
        names.append(described.issuer_raw)
    loc = find_locality(names, h.place, body, h.issued_date)
    issuer = issuer_fields.from_organs(text, organs, loc)
    if issuer:  # "ỦY BAN NHÂN DÂN" alone in a header cell: the body or the place line gives its locality
        issuer = issuer_fields.complete_locality(issuer, text, h.body_start, seg.end, loc)
    if issuer is None and described.issuer_raw:
        issuer = Organization(name=resolve_org(described.issuer_raw, loc), span=described.issuer_span)
    if issuer is None:
        issuer = issuer_fields.from_body(text, h.body_start, seg.end, loc)
        if issuer:  # "Ủy ban nhân dân xã Phong Hòa xây dựng Kế hoạch": the body names the commune too
            loc = find_locality([*names, issuer.name], h.place, body, h.issued_date)
    if h.issued_with_at is not None:  # kept as evidence: lineage dates a plan without its own date by it
        line_end = text.find("\n", h.issued_with_at, seg.end)
        line_end = seg.end if line_end < 0 else line_end
        h.evidence["issued_with"] = Span(start=h.issued_with_at, end=line_end, raw=text[h.issued_with_at : line_end])
    sections = tuple(find_sections(text, h.body_start, seg.end))
    facts = Facts(
        text=text, start=seg.start, end=seg.end, body_start=h.body_start,
        preamble_end=_preamble_end(text, h.body_start, seg.end, sections),
        header=h, locality=loc, sections=sections, header_issuer=issuer.name if issuer else None,
    )
    # "(Ban hành kèm theo Quyết định số …)" under the title names a real document: read it too.
    references, cited = extract_references(facts, h.number, start=h.issued_with_at)
    # A result decision: "Tặng Giấy khen cho 05 tập thể" is the deciding official's award.
    official = deciding_official(h, described, issuer)
    signer = complete_signer(extract_signer(facts), described)
    issuer = _signed_issuer(issuer, signer, loc)
    # Forms and annexes after the signature repeat the plan's figures in tables: targets are the body's.
    main_end = _appendix_start(text, signer.span.end, seg.end) if signer and signer.span else seg.end
    facts = facts.evolve(issuer=issuer, signer=signer, official=official, main_end=main_end,
                         references=tuple(references), cited=tuple(cited))
    return with_award_forms(facts)


def _signed_issuer(issuer: Organization | None, signer: Signer | None, loc: Locality) -> Organization | None:
    """The issuer as the signature completes it (and the signer's "TM." body as that issuer)."""
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
    return issuer


def with_award_forms(facts: Facts) -> Facts:
    """The facts with the award forms written in the body and the mentions of them that offer an award."""
    forms = tuple(find_forms(facts))
    return facts.evolve(award_forms=forms, award_mentions=tuple(find_mentions(facts, forms)))
