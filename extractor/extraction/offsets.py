"""Every span of a record placed in the text as read from its file: src_start/src_end, the page of a PDF
or image, the block (paragraph or table cell) of a .docx.

Field extractors work on the normalised text only; the pipeline places their spans once, at the end,
through normalisation's offset map (extractor.extraction.offset_map).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from extractor.extraction.models import Span
from extractor.extraction.offset_map import OffsetMap


def spans_of(value: object) -> Iterator[Span]:
    """Every Span inside a model, a list or a dict of them, at any depth."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from spans_of(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from spans_of(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from spans_of(item)


def _ordinal(starts: list[int] | None, offset: int) -> int | None:
    """The 1-based page or block of `starts` (where each begins) holding `offset`."""
    return None if starts is None else max(1, bisect_right(starts, offset))


def place_spans(spans: Iterable[Span], offsets: OffsetMap, page_starts: list[int] | None = None,
                block_starts: list[int] | None = None) -> None:
    """Set each span's src_start/src_end from `offsets`, and its page and block from where the reader
    says pages and blocks start in the read text."""
    for span in spans:
        span.src_start, span.src_end = offsets.to_source(span.start, span.end)
        span.page = _ordinal(page_starts, span.src_start)
        span.block = _ordinal(block_starts, span.src_start)
