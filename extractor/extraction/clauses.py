"""Clauses: where the sentence part around a value, after a cited number or before a mention begins and ends.

One splitter with named boundary sets. The readers cut at different boundaries, each for a reason
said at its set, so the sets stand here side by side and the differences are chosen, not copied:
- VALUE_ENDS: a value's clause (`value_clause`, the `text` of targets and deadlines);
- CITATION_ENDS: the clause after a cited number, holding its date, issuer and subject (references);
- MENTION_STARTS: the start of the clause a mention stands in, read for its lead words (relation);
- SENTENCE_ENDS: the sentence an award form stands in, read for its grantor and counts (award forms);
- PHRASE_BREAKS: the phrases of one sentence, where a lead may follow an opening phrase (lead);
- TITLE_ENDS: the end of a title a lead runs on with ("… năm 2018. Theo đó, …") (lead).
"""

from __future__ import annotations

import regex as re

# ";", a line break, and a sentence's ".", "!", "?" before a space or the end. A dot after a digit numbers an
# item ("1. Mục tiêu", "đạt 95% theo mục 2. Kết quả"), so it ends no value's clause.
VALUE_ENDS = re.compile(r"[;\n]|[.!?](?=\s|$)(?<!\d[.])")
# ";", a line break, a "." before a space or the end, and " (Kèm": a citation ends at its sentence's dot even
# after a digit ("… ngày 05/3/2021."), and an attachment note after its subject is not part of the subject.
CITATION_ENDS = re.compile(r"[;\n]|\.(?=\s|$)|\s\((?=Kèm|kèm)")
# ";", a line break and ". ": the space after the dot is taken, so the clause starts at its first word.
MENTION_STARTS = re.compile(r"[;\n]|\.\s")
# A line break and a sentence's ".", "!", "?" before a space or the end, but not ";" (an award sentence lists its
# forms and counts in ";"-separated parts) nor the dot of "TP." / "TX." ("TP. Hà Nội" is an abbreviation).
SENTENCE_ENDS = re.compile(r"\n|(?<!(?<!\p{L})(?:TP|Tp|TX))[.!?](?=\s|$)")
# A comma or semicolon before a space: "Thực hiện …, ngày 10/3/2022, UBND huyện X ban hành Kế hoạch …".
PHRASE_BREAKS = re.compile(r"[,;]\s")
# A period after a word (not after "TP." or "Q.") or a digit, before a capital: inside one line of a lead.
TITLE_ENDS = re.compile(r"(?<=\p{Ll}\p{Ll}|\d)\.\s+(?=\p{Lu})")

# Characters a clause may run on either side of it: a clause is a sentence part, and one-line tables
# must not cost O(n²).
_MAX_CLAUSE = 600
# List markers a clause starts with: "- ", "+ ", "•", "a) ", "1. ", "1.1. ", "2) ".
_LIST_MARKER = re.compile(r"(?:[-+•:\s]|[a-zđ]\)(?=\s)|\d{1,2}(?:\.\d{1,2})*\s*[.)](?=\s))+")


def clause_start(text: str, lo: int, pos: int, starts: re.Pattern[str]) -> int:
    """Where the clause holding `pos` starts: after the last boundary of `starts` in text[lo:pos], else `lo`."""
    for m in starts.finditer(text, lo, pos):
        lo = m.end()
    return lo


def clause_around(text: str, start: int, end: int, floor: int, ceiling: int, ends: re.Pattern[str]) -> tuple[int, int]:
    """The clause around text[start:end] within [floor, ceiling): from the previous boundary of `ends` (or line
    start) to the next one."""
    floor, ceiling = max(floor, start - _MAX_CLAUSE), min(ceiling, end + _MAX_CLAUSE)
    lo = clause_start(text, max(floor, text.rfind("\n", floor, start) + 1), start, ends)
    m = ends.search(text, end, ceiling)
    return lo, m.start() if m else ceiling


def value_clause(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """The clause around text[start:end] within [floor, ceiling): from the previous to the next ';', '.', or
    line end, without its list marker."""
    lo, hi = clause_around(text, start, end, floor, ceiling, VALUE_ENDS)
    marker = _LIST_MARKER.match(text, lo, min(hi, start))
    return (marker.end() if marker else lo), hi
