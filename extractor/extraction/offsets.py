"""Every span of a record placed in the text as read from its file: src_start/src_end, the page of a PDF
or image, the block (paragraph or table cell) of a .docx.

Field extractors work on the normalised text only; the pipeline places their spans once, at the end,
through normalisation's offset map (extractor.extraction.offset_map).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from extractor.extraction.models import Span
from extractor.extraction.offset_map import OffsetMap
from extractor.extraction.pagination import page_of


def spans_of(value: object) -> list[Span]:
    """Every Span inside a model, a list or a dict of them, at any depth (one flat walk: the field
    families are many, a record's spans a few dozen)."""
    found: list[Span] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            found.append(item)
        elif isinstance(item, list):
            stack += item
        elif isinstance(item, dict):
            stack += item.values()
        elif isinstance(item, BaseModel):  # (only the fields that can hold a span, and those set)
            fields = item.__dict__
            stack += [v for name in _span_fields(type(item)) if (v := fields[name]) is not None]
    return found


@cache
def _span_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model whose type can hold a Span: most of a record's fields are strings, dates and
    lists of strings, which the walk passes by."""
    return tuple(name for name, info in model.model_fields.items() if _holds_spans(info.annotation))


def _holds_spans(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation is Span or bool(_span_fields(annotation))
    return annotation is Any or annotation is object or any(_holds_spans(a) for a in get_args(annotation))


def place_spans(spans: Iterable[Span], offsets: OffsetMap, page_starts: list[int] | None = None,
                block_starts: list[int] | None = None) -> None:
    """Set each span's src_start/src_end from `offsets`, and its 1-based page and block from where the
    reader says pages and blocks start in the read text (left None for a format without them)."""
    for span in spans:
        span.src_start, span.src_end = offsets.to_source(span.start, span.end)
        if page_starts is not None:
            span.page = page_of(page_starts, span.src_start)
        if block_starts is not None:  # (a block's number is found as a page's is)
            span.block = page_of(block_starts, span.src_start)
