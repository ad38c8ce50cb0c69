"""What a reviewer sees of one file: every extracted value with its family, Vietnamese label and normalised form,
and the text cut into segments at every span boundary so that overlapping values are all shown.

Pure functions over a record's documents (as JSON dicts) and the normalised text; the HTML is in
`extractor/templates/review.html`, rendered by `planex show` and by `planex serve`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from extractor.extraction.registry import FAMILIES as REGISTERED
from extractor.extraction.registry import HEADER, ISSUER, SIGNER, Shown, each_value

# How a value reads in its normalised form, from its JSON dict.
Summary = Callable[[dict[str, Any]], str]


def _ref(r: dict[str, Any]) -> str:
    rel = "căn cứ" if r.get("relation") == "basis" else "viện dẫn"
    parts = [r.get("doc_type") or "", r.get("number") or "", r.get("date") or "", r.get("issuer") or ""]
    return f"{rel}: " + " · ".join(p for p in parts if p)


def _target(t: dict[str, Any]) -> str:
    return f"{t['op']} {t['value']:g}{t['unit']}" + (f" ({t['measure']})" if t.get("measure") else "")


def _period(p: dict[str, Any]) -> str:
    return f"{p.get('start') or '…'} → {p.get('end') or '…'}" + (f" ({p['label']})" if p.get("label") else "")


def _quota(q: dict[str, Any]) -> str:
    extra = [x for x in (q.get("award"), q.get("phase"), q.get("group")) if x]
    return f"{q['op']} {q['count']} {q['recipient']}" + (f" — {', '.join(extra)}" if extra else "")


def _as_written(v: dict[str, Any]) -> str:
    return str((v.get("span") or {}).get("raw") or "")


@dataclass(frozen=True)
class Family(Shown):
    """A family as the review shows it: the registry's key, label and colour, and its reading."""

    summary: Summary


# How a value of each family reads; a family without its own reading shows the text it was read from.
_SUMMARIES: dict[str, Summary] = {
    HEADER.key: lambda v: str(v.get("value") or ""),
    ISSUER.key: lambda v: v["name"] + (f" (trực thuộc {v['parent']})" if v.get("parent") else ""),
    SIGNER.key: lambda v: " ".join(x for x in (v.get("authority"), v.get("position"), v.get("name")) if x),
    "recipients": lambda v: v["name"],
    "references": _ref,
    "targets": _target,
    "deadlines": lambda v: f"{v['date']}" + (f" — {v['task']}" if v.get("task") else ""),
    "periods": _period,
    "awards": lambda v: v["form"] + (f" — {v['grantor']}" if v.get("grantor") else ""),
    "quotas": _quota,
}
FAMILIES: tuple[Family, ...] = tuple(
    Family(f.key, f.label, f.colour, _SUMMARIES.get(f.key, _as_written)) for f in (HEADER, ISSUER, SIGNER, *REGISTERED)
)
FAMILY = {f.key: f for f in FAMILIES}
LINK_LABELS = {"issues": "ban hành kèm theo", "forwards": "chuyển"}
# Lineage edge kinds as a reader names them, seen from the child.
KIND_LABELS = {"basis": "căn cứ", "cites": "viện dẫn", **LINK_LABELS}


@dataclass
class Value:
    id: int
    doc: int
    family: str
    label: str
    summary: str
    start: int | None
    end: int | None
    raw: str
    key: str  # stable within the document: "header.title", "issuer", "targets[2]" (corrections refer to it)


@dataclass
class Segment:
    start: int
    end: int
    text: str
    values: list[int] = field(default_factory=list)  # ids of every value covering it
    document_starts: list[int] = field(default_factory=list)  # documents whose text begins here
    page: int | None = None  # a page that begins here (after a form feed)


def values_of(docs: list[dict[str, Any]]) -> list[Value]:
    out: list[Value] = []

    def add(i: int, family: str, label: str, value: dict[str, Any], key: str) -> None:
        span = value.get("span") or {}
        out.append(Value(len(out), i, family, label, FAMILY[family].summary(value), span.get("start"),
                         span.get("end"), span.get("raw") or "", key))

    for i, doc in enumerate(docs):
        for family, label, value, key in each_value(doc):
            add(i, family, label, value, key)
    return out


def segments(text: str, values: list[Value], docs: list[dict[str, Any]],
             page_starts: list[int] | None = None) -> list[Segment]:
    """The text cut at every span, document and page boundary; each piece lists the values covering it.

    Pages are the record's `source.page_starts` (PDFs, scans), else form feeds in the text."""
    cuts = {0, len(text)}
    for v in values:
        if v.start is not None and v.end is not None and 0 <= v.start < v.end <= len(text):
            cuts.update((v.start, v.end))
    doc_starts: dict[int, list[int]] = {}
    for i, d in enumerate(docs):
        start = (d.get("span") or {}).get("start", 0)
        doc_starts.setdefault(start, []).append(i)
        cuts.add(start)
    pages: dict[int, int] = {}
    if page_starts:
        for n, start in enumerate(page_starts[1:], start=2):
            pages.setdefault(start, n)
    else:
        pos = text.find("\f")
        while pos >= 0:
            pages[pos + 1] = len(pages) + 2
            pos = text.find("\f", pos + 1)
    cuts.update(pages)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    # A sweep: spans start in order; the active ones cover the whole segment, since every end is a cut.
    spans = sorted((v.start, v.end, v.id) for v in values if v.start is not None and v.end is not None)
    active: dict[int, int] = {}  # value id -> end
    nxt = 0
    out = []
    for a, b in pairwise(bounds):
        while nxt < len(spans) and spans[nxt][0] <= a:
            active[spans[nxt][2]] = spans[nxt][1]
            nxt += 1
        for vid in [vid for vid, end in active.items() if end <= a]:
            del active[vid]
        out.append(Segment(a, b, text[a:b], sorted(active), doc_starts.get(a, []), pages.get(a)))
    return out
