"""Pages in the normalised text: where each page of a paged file (PDF, image) starts, so that every
span's page is known (`page_of`).

Readers report where pages start in the raw text; normalisation moves offsets (joined wraps, collapsed
spaces, composed accents). Each page's start is found again in the normalised text by its first line,
normalised alone, searched from the previous page's start: normalisation works line by line, so that
line is in the text as it is, at its place or (a wrap joined across the page break) at the end of
the line before. Cost: one search per page.
"""

from __future__ import annotations

from bisect import bisect_right

from extractor.extraction.models import OcrPage, Source
from extractor.extraction.normalize import normalize
from extractor.extraction.readers import ReadResult
from extractor.extraction.readers.paged import LOW_CONFIDENCE

# The first normalised line of a page's opening characters is the anchor searched for.
_ANCHOR_CHARS = 300


def locate_pages(raw: str, raw_starts: list[int], text: str) -> list[int]:
    """The offsets in `text` (= normalize(raw)) where the pages starting at `raw_starts` in `raw` start."""
    out: list[int] = []
    pos = 0
    for start in raw_starts:
        anchor = normalize(raw[start : start + _ANCHOR_CHARS]).split("\n", 1)[0] if start < len(raw) else ""
        found = text.find(anchor, pos) if anchor else -1
        if found < 0:  # an empty page, or a line changed by its neighbours: measure the text before it
            found = max(pos, min(len(text), len(normalize(raw[:start]).rstrip("\n"))))
        out.append(found)
        pos = found
    return out


def page_of(page_starts: list[int], offset: int) -> int:
    """The 1-based page that holds `offset`."""
    return max(1, bisect_right(page_starts, offset))


def describe_pages(source: Source, result: ReadResult, text: str) -> None:
    """Fill the source's page offsets into `text` (the normalised result.text), its OCR pages, and a
    warning for each OCR page that is blank or read with low confidence (values there are not guessed
    at: they may be missing or misread)."""
    if result.page_starts is None:
        return
    source.page_starts = locate_pages(result.text, result.page_starts, text)
    if not result.ocr:
        return
    source.ocr = [OcrPage(page=r.page, confidence=r.confidence, skew=r.skew, rotation=r.rotation) for r in result.ocr]
    for r in result.ocr:
        if r.confidence is None:
            source.warnings.append(f"page {r.page}: OCR found no text (a blank page?)")
        elif r.confidence < LOW_CONFIDENCE:
            source.warnings.append(f"page {r.page}: OCR confidence {r.confidence:g} is below {LOW_CONFIDENCE:g}; "
                                   "values on this page may be missing or misread")
