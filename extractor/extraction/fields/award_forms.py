"""Award forms in a document's body, shared by the award and quota extractors.

The form pattern and its canonical names, the literal-anchor search that keeps many-phrase patterns
fast, and the sentence a match stands in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import regex as re

from extractor.extraction.clauses import SENTENCE_ENDS, clause_around
from extractor.extraction.facts import Facts
from extractor.extraction.fields.prefilter import Literals, phrase_leads, search
from extractor.extraction.fold import case_fold, phrase_key
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import FORMS
from extractor.extraction.vocab.lazy import PatternsByKey


def _form_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """A form of award, case-insensitive ("giấy khen" counts), not inside a longer word."""
    return re.compile(rf"(?i)(?<![\p{{L}}\d])(?:{alternation(forms)})(?![\p{{L}}\d])")


def _anchor(form: str) -> str:
    return " ".join(form.split()[:2])


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


FORM = _form_pattern(FORMS)
# Literal anchors (a form's first two words), found in a lower-cased copy, then the pattern matched
# only there: trying the case-insensitive alternation of ~80 forms at every position of a 20 KB text
# costs ~5 ms, the anchors ~0.25 ms. Where an anchor is written only forms whose own anchor is it (or
# starts it, or starts with it) can match, so each anchor has a pattern of those few: a try of the
# whole alternation costs ~1.6 µs. An anchor's pattern is compiled when the anchor is first written
# (a plan writes few of the 35 anchors; compiling them all took ~15 ms of every start-up).
_FORM_ANCHORS = PatternsByKey(map(_anchor, FORMS), lambda a: _form_pattern(f for f in FORMS if _related(_anchor(f), a)))
_FORM_ANCHOR_LITERALS = Literals(_FORM_ANCHORS.keys_known)
_FORM_LEADS = phrase_leads(FORMS)
_FORM_LEAD_PREFIXES = tuple(_FORM_LEADS)
_LONGEST_LEAD = max(map(len, _FORM_LEADS))


def anchored(ctx: Facts, anchors: Literals, at_anchor: Mapping[str, re.Pattern[str]], starts: Iterable[int] = (),
             pattern: re.Pattern[str] | None = None, follow: tuple[str, ...] = ("",)) -> list[re.Match[str]]:
    """Matches, in order and not overlapping, of each anchor's pattern (`at_anchor`) where the anchor
    is written followed by a `follow` prefix, and of `pattern` at each of `starts`."""
    low, base = ctx.lower_body, ctx.body_start
    candidates = dict.fromkeys(starts, pattern)
    for anchor, i in anchors.each(low):
        if low.startswith(follow, i + len(anchor)):
            candidates[base + i] = at_anchor[anchor]
    found: list[re.Match[str]] = []
    for pos in sorted(candidates):
        if found and pos < found[-1].end():
            continue
        at = candidates[pos]
        m = at.match(ctx.text, pos, ctx.end) if at else None
        if m:
            found.append(m)
    return found


def find_forms(ctx: Facts) -> list[re.Match[str]]:
    """Every award form written in the body, in order (a fact of phase 1: awards and quotas both read it)."""
    return anchored(ctx, _FORM_ANCHOR_LITERALS, _FORM_ANCHORS)


def form_in(text: str) -> re.Match[str] | None:
    """The first award form in a short text (a heading, a label)."""
    return search(FORM, text, _FORM_LEADS)


def form_at(text: str, pos: int) -> re.Match[str] | None:
    """FORM.match(text, pos), tried only where a form's first word starts."""
    if not case_fold(text[pos : pos + _LONGEST_LEAD]).startswith(_FORM_LEAD_PREFIXES):
        return None
    return FORM.match(text, pos)


def sentence(ctx: Facts, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) within the body: from the previous to the next sentence end."""
    return clause_around(ctx.text, start, end, ctx.body_start, ctx.end, SENTENCE_ENDS)


def canonical(form: re.Match[str]) -> str:
    """The form's name as the vocabulary writes it ("GIẤY KHEN" -> "Giấy khen")."""
    return FORMS[phrase_key(form.group(0))]
