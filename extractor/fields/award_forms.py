"""Award forms in a document's body, shared by the award and quota extractors.

The form pattern and its canonical names, the literal-anchor search that keeps many-phrase patterns
fast, and the sentence a match stands in.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from extractor.context import DocContext
from extractor.vocab import alternation
from extractor.vocab.awards import FORMS

# A form of award, case-insensitive ("giấy khen" counts), not inside a longer word.
FORM = re.compile(rf"(?i)(?<![\p{{L}}\d])(?:{alternation(FORMS)})(?![\p{{L}}\d])")
# Literal anchors, found with str.find in a lower-cased copy, then the pattern matched only there:
# trying the case-insensitive alternation of ~80 forms at every position of a 20 KB text costs
# ~5 ms, the anchors ~0.2 ms.
_FORM_ANCHORS = frozenset(" ".join(f.split()[:2]) for f in FORMS)
# Sentence ends: line breaks and . ! ? before a space ("TP. Hà Nội" is an abbreviation).
_SENTENCE_END = re.compile(r"\n|(?<!(?<!\p{L})(?:TP|Tp|TX))[.!?](?=\s|$)")


def anchored(pattern: re.Pattern[str], ctx: DocContext, anchors: frozenset[str],
             starts: Iterable[int] = (), follow: tuple[str, ...] = ("",)) -> list[re.Match[str]]:
    """Matches of pattern starting where an anchor followed by a `follow` prefix (or one of `starts`)
    is, in order, not overlapping."""
    low, base = ctx.lower_body, ctx.body_start
    candidates = set(starts)
    for anchor in anchors:
        i = low.find(anchor)
        while i >= 0:
            if low.startswith(follow, i + len(anchor)):
                candidates.add(base + i)
            i = low.find(anchor, i + 1)
    found: list[re.Match[str]] = []
    for pos in sorted(candidates):
        m = pattern.match(ctx.text, pos, ctx.end) if not found or pos >= found[-1].end() else None
        if m:
            found.append(m)
    return found


def find_forms(ctx: DocContext) -> list[re.Match[str]]:
    """Every award form written in the body, in order (found once per document: awards and quotas both ask)."""
    if "award_forms" not in ctx.memo:
        ctx.memo["award_forms"] = anchored(FORM, ctx, _FORM_ANCHORS)
    forms: list[re.Match[str]] = ctx.memo["award_forms"]
    return forms


def sentence(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) within the body: from the previous to the next sentence end."""
    text = ctx.text
    lo = max(ctx.body_start, text.rfind("\n", ctx.body_start, start) + 1)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, ctx.end)
    return lo, m.start() if m else ctx.end


def canonical(form: re.Match[str]) -> str:
    """The form's name as the vocabulary writes it ("GIẤY KHEN" -> "Giấy khen")."""
    return FORMS[phrase_key(form.group(0))]


def phrase_key(phrase: str) -> str:
    """A phrase as vocabularies key it: lower case, single spaces."""
    return " ".join(phrase.lower().split())
