"""Cheap literal searches that spare the regex engine a scan, shared by the field extractors.

The `regex` module tries a case-insensitive alternation at every position of a text it searches
(~0.1 µs a character), but matches at a given position fast. So a pattern is matched only where
a word that every one of its matches starts with is written, found in lower-cased ("folded") text
one literal at a time. Such a word is a necessary condition of a match there, so the results are
those of the plain search, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fold import case_fold

# A fragment's leading literal word, or a leading group of literal alternatives ("(?:6|06|sáu)"),
# not made optional or repeated by a quantifier after it.
_LEAD = re.compile(r"(?:\(\?:(?P<alts>[\p{L}\d]+(?:\|[\p{L}\d]+)*)\)|(?P<word>[\p{L}\d]+))(?![?*+{])")


def _top_level_alternation(fragment: str) -> bool:
    depth, i = 0, 0
    while i < len(fragment):
        c = fragment[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i = fragment.index("]", i + 2)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def lead_words(fragments: Iterable[str]) -> frozenset[str] | None:
    """Words one of which starts every match of the fragments' alternation, lower-cased; None when a
    fragment starts otherwise (then nothing can be ruled out)."""
    words: set[str] = set()
    for fragment in fragments:
        m = _LEAD.match(fragment)
        if not m or _top_level_alternation(fragment):
            return None
        words.update(m.group("alts").split("|") if m.group("alts") else [m.group("word")])
    return frozenset(case_fold(w) for w in words)


def phrase_leads(phrases: Iterable[str]) -> frozenset[str]:
    """First words of plain phrases (as `extractor.extraction.vocab.alternation` compiles them), lower-cased."""
    return frozenset(case_fold(p.split()[0]) for p in phrases)


def lead_starts(folded: str, words: Iterable[str], base: int = 0) -> list[int]:
    """Offsets (plus base) where one of the words starts in a folded text, in order."""
    found: set[int] = set()
    for word in words:
        i = folded.find(word)
        while i >= 0:
            found.add(base + i)
            i = folded.find(word, i + 1)
    return sorted(found)


def search(pattern: re.Pattern[str], text: str, leads: frozenset[str] | None, pos: int = 0,
           endpos: int | None = None, folded: str | None = None) -> re.Match[str] | None:
    """pattern.search(text, pos, endpos) for a pattern whose every match starts with one of `leads`:
    tried only where one does (`folded`: text[pos:endpos] folded, when the caller has it). For short
    texts (a sentence, a heading); the body has `occurrences`."""
    endpos = len(text) if endpos is None else endpos
    if leads is None:
        return pattern.search(text, pos, endpos)
    for start in lead_starts(case_fold(text[pos:endpos]) if folded is None else folded, leads, pos):
        m = pattern.match(text, start, endpos)
        if m:
            return m
    return None


def finditer(pattern: re.Pattern[str], text: str, leads: frozenset[str] | None, pos: int,
             endpos: int, folded: str | None = None) -> list[re.Match[str]]:
    """pattern.finditer(text, pos, endpos) for a pattern whose every match starts with one of `leads`
    (`folded`: text[pos:endpos] folded, when the caller has it)."""
    if leads is None:
        return list(pattern.finditer(text, pos, endpos))
    folded = case_fold(text[pos:endpos]) if folded is None else folded
    return matches_at(pattern, text, lead_starts(folded, leads, pos), endpos)


# Below this many characters str.find finds a literal sooner (no regex call to set up); in a longer text the
# regex engine's search is faster for a literal of two characters or more (str.find's for one is memchr).
_SHORT_TEXT = 3000


class Literals:
    """Lower-case literals to find in a document's lower-cased body, each compiled once: the regex
    engine finds one literal in a long text faster than str.find does, and several as an alternation slowly."""

    def __init__(self, literals: Iterable[str]) -> None:
        self._finders = {w: re.compile(re.escape(w)) for w in sorted(set(literals))}

    def each(self, low: str) -> list[tuple[str, int]]:
        """Every literal in `low` with its offset, overlapping ones too (literal by literal, each in order)."""
        found: list[tuple[str, int]] = []
        short = len(low) < _SHORT_TEXT
        for literal, finder in self._finders.items():
            if short or len(literal) == 1:
                i = low.find(literal)
                while i >= 0:
                    found.append((literal, i))
                    i = low.find(literal, i + 1)
            else:
                found.extend([(literal, m.start()) for m in finder.finditer(low, overlapped=True)])
        return found


def occurrences(ctx: Facts, literals: Literals) -> list[int]:
    """Text offsets in the body where one of the literals starts, in order."""
    base = ctx.body_start
    return sorted({base + i for _, i in literals.each(ctx.lower_body)})


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int) -> list[re.Match[str]]:
    """What pattern.finditer finds, when every match can only start at one of `starts` (ascending):
    matches there, not overlapping."""
    found: list[re.Match[str]] = []
    for pos in starts:
        if found and pos < found[-1].end():
            continue
        m = pattern.match(text, pos, endpos)
        if m:
            found.append(m)
    return found
