"""A spaCy pipeline component: `nlp.add_pipe("planex")` puts every extracted value on `doc.spans["planex"]`.

    import spacy
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("planex")                 # found through the `spacy_factories` entry point
    doc = nlp(text)
    doc.spans["planex"]                    # labelled spans (NUMBER, ISSUER, REFERENCES, TARGETS, QUOTAS, …)
    doc._.planex                           # the documents' records, as `planex extract` prints them

Extraction runs on the normalised text; when that differs from the Doc's text (joined wraps, removed
markdown), each span is carried back through a character alignment of the two texts.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from extractor.extraction.normalize import normalize
from extractor.extraction.pipeline import extract_documents
from extractor.extraction.registry import labelled_spans

SPAN_KEY = "planex"

if not Doc.has_extension("planex"):
    Doc.set_extension("planex", default=None)


# How far ahead in the original text a word of the normalised text is looked for before it is taken
# as changed by normalisation (NFKC digits, old tones) and skipped.
_WINDOW = 2000
_WORD = re.compile(r"\S+")


class Alignment:
    """Offsets of the normalised text carried to the original text through the words they share.

    Normalisation deletes markdown, joins wrapped lines and maps a few characters, but keeps the words
    in order: each word is found in the original after the previous one (linear time), and an offset
    between words lands just after the previous word.
    """

    def __init__(self, normalised: str, original: str) -> None:
        self.norm: list[int] = []
        self.orig: list[int] = []
        self.size: list[int] = []
        j = 0
        for m in _WORD.finditer(normalised):
            k = original.find(m.group(), j, j + _WINDOW + len(m.group()))
            if k >= 0:
                self.norm.append(m.start())
                self.orig.append(k)
                self.size.append(len(m.group()))
                j = k + len(m.group())
        self.length = len(original)

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.norm, offset) - 1
        if i < 0:
            return min(offset, self.orig[0] if self.orig else self.length)
        inside = offset - self.norm[i]
        if inside <= self.size[i]:
            return self.orig[i] + inside
        limit = self.orig[i + 1] if i + 1 < len(self.orig) else self.length
        return min(self.orig[i] + inside, limit)


class PlanexComponent:
    """Extracts the planex records of a Doc's text and exposes their spans."""

    def __call__(self, doc: Doc) -> Doc:
        text = normalize(doc.text)
        docs = extract_documents(text)
        to_doc = Alignment(text, doc.text) if text != doc.text else None
        spans = []
        records = [d.model_dump(mode="json") for d in docs]
        for start, end, label in labelled_spans(records):
            if to_doc:
                start, end = to_doc(start), to_doc(end)
            found = doc.char_span(start, end, label=label, alignment_mode="expand")
            if found is not None:
                spans.append(found)
        doc.spans[SPAN_KEY] = spans
        doc._.planex = records
        return doc


@Language.factory("planex")
def create_planex_component(nlp: Language, name: str) -> Any:
    return PlanexComponent()
