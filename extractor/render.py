"""Render a file's extracted values over its text as HTML, for a person to check them.

spaCy's displaCy draws labelled spans in manual mode: no model and no download are needed.
"""

from __future__ import annotations

from extractor.models import Document, Span

# Label shown over each highlighted span, per field family.
_LABELS: dict[str, str] = {
    "references": "REF",
    "targets": "TARGET",
    "deadlines": "DEADLINE",
    "periods": "PERIOD",
    "awards": "AWARD",
    "quotas": "QUOTA",
}


def labelled_spans(doc: Document) -> list[tuple[Span, str]]:
    out: list[tuple[Span, str]] = [(span, name.upper()) for name, span in doc.evidence.items()]
    if doc.issuer and doc.issuer.span:
        out.append((doc.issuer.span, "ISSUER"))
    if doc.signer and doc.signer.span:
        out.append((doc.signer.span, "SIGNER"))
    for field, label in _LABELS.items():
        out.extend((item.span, label) for item in getattr(doc, field))
    return out


def render_html(text: str, docs: list[Document]) -> str:
    """An HTML page with every value's span marked; overlapping spans keep the first, longest one."""
    from spacy import displacy  # imported here: spaCy costs ~1 s to import, only this command needs it

    chosen: list[tuple[int, int, str]] = []
    candidates = [(s.start, s.end, label) for d in docs for s, label in labelled_spans(d)]
    for start, end, label in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, label))
    ents = [{"start": s, "end": e, "label": label} for s, e, label in chosen]
    html: str = displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True, page=True)
    return html
