"""Shared test builders: a field extractor's Facts from a few lines of raw text."""

from __future__ import annotations

from collections.abc import Iterable

from extractor.extraction.facts import Facts
from extractor.extraction.fields.header import Header
from extractor.extraction.gather import with_award_forms
from extractor.extraction.normalize import normalize
from extractor.extraction.orgs import Locality
from extractor.extraction.sections import find_sections

# Districts the field tests resolve bare "huyện", "tỉnh", "Thành phố" in: one of a province, one of a
# centrally run city.
LONG_THANH = Locality(province="Đồng Nai", province_type="tỉnh", district="Long Thành", district_type="huyện")
GIA_LAM = Locality(province="Hà Nội", province_type="Thành phố", district="Gia Lâm", district_type="huyện")


def make_ctx(body: str, *, head: str = "", title: str | None = None, locality: Locality | None = None,
             issued_date: str | None = None, preamble_until: str | None = None,
             excluded: Iterable[str | tuple[str, str]] = (), issuer: str | None = None) -> Facts:
    """A Facts over the whole normalised text `head` + `title` line + `body`, the body after them.

    `preamble_until`: the preamble runs to the first occurrence of this marker (to the text's end when
    it is absent); without it the body has none. `excluded`: a phrase, or (first, last) for the stretch
    from `first` to the end of the next `last` (a cited title). `issuer`: the issuer the header names.
    """
    top = head + (f"{title}\n" if title else "")
    text = normalize(top + body)
    body_start = len(top)
    preamble_end = body_start
    if preamble_until is not None:
        cut = text.find(preamble_until)
        preamble_end = cut if cut >= 0 else len(text)
    spans = []
    for item in excluded:
        first, last = (item, item) if isinstance(item, str) else item
        lo = text.index(first)
        spans.append((lo, text.index(last, lo) + len(last)))
    return with_award_forms(Facts(
        text=text, start=0, end=len(text), body_start=body_start, preamble_end=preamble_end,
        header=Header(issued_date=issued_date, title_span=(len(head), body_start - 1) if title else None),
        locality=locality or Locality(), cited=tuple(spans), sections=tuple(find_sections(text, body_start, len(text))),
        header_issuer=issuer,
    ))
