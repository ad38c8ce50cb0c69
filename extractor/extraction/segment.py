"""Split one file's text into its documents.

A file may hold a cover letter followed by the plan it forwards, or a decision followed by the
plan it issues. Each document opens with a header cluster (issuer, motto, "Số:", place/date, type
line or "V/v"). Appendix forms ("Biểu 1", "Phụ lục", "(Kèm theo Kế hoạch số …)") also carry
header-like lines but belong to the document before them.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass

import regex as re

from extractor.extraction.sections import lines_between
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import FORWARDING_TYPES, ISSUING_TYPE
from extractor.extraction.vocab.layout import (
    APPENDIX_LINE,
    KEM_THEO,
    MOTTO,
    POSITION_LINE,
    SEPARATOR,
    TYPE_LINE,
    find_place_date,
    match_number_line,
    match_vv_line,
)
from extractor.extraction.vocab.names import SURNAMES
from extractor.extraction.vocab.signature import SIGNER_PREFIXES

# Header component lines are short; a longer line is body text (a flattened row of two cells stays under it).
_MAX_MARKER_LINE = 200
# Markers closer than this many non-blank lines belong to one header cluster.
_CLUSTER_GAP = 6
# A document needs this many body lines before a new header can start another one.
_MIN_BODY_LINES = 4
# Documents that issue or forward the next one; a plan only ever has appendices.
_ISSUING_TYPES = tuple(t.lower() for t in (ISSUING_TYPE, *FORWARDING_TYPES, "Văn bản"))  # a Văn bản is a Công văn


# Words one of which every motto line holds, in the cases archives use (a cheap test before MOTTO). They are
# looked for in the whole text, one `str.find` scan each (a regex search per line costs several times more);
# none holds a line break, so each is found inside the one line that holds it.
_MOTTO_HINTS = ("CỘNG", "Cộng", "cộng", "ộc lập", "ỘC LẬP", "TNCS")
# A signature line above a new header opens with a state prefix and its dot ("KT. CHỦ TỊCH"), narrower than the
# signature reader's `SIGNER_PREFIX`: the walk back over a header's caps lines stops only there, and the
# Party spellings ("T/M") have not been seen above a new header (adding them would move segment bounds).
_SIGNATURE_PREFIX = re.compile(r"^(?:" + alternation(SIGNER_PREFIXES) + r")\.")
_FIRST_ARTICLE = re.compile(r"^Điều\s+1\b")
# Cheap tests before the appendix patterns: the letter APPENDIX_LINE's words open with after "[ \t(]*" ("phụ lục",
# "biểu", "biên", "mẫu", "tên", "đơn vị"), and the "è" of KEM_THEO's "kèm" (each case-insensitive letter of
# theirs matches its two cases only). Keep them in step with the patterns.
_APPENDIX_HEADS = tuple("pPbBmMtTđĐ")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int


# A non-blank line: (start, end, text), as `lines_between` gives it (a named tuple made for every line of
# every file cost a tenth of the splitting).
_Line = tuple[int, int, str]


def _lines(text: str) -> list[_Line]:
    return lines_between(text, 0, len(text))


def _motto_hinted(lines: list[_Line], text: str) -> set[int]:
    """Indexes of the lines that hold a motto hint (`text` holds the lines, each at its start)."""
    starts = [start for start, _e, _t in lines]
    found: set[int] = set()
    for hint in _MOTTO_HINTS:
        at = text.find(hint)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = text.find(hint, at + 1)
    return found


def _marker(line: str, motto_hint: bool) -> str | None:
    """The kind of header component `line` is, if any (`motto_hint`: whether it holds a motto hint)."""
    # Cheap string tests first: this runs on every line of every file.
    if len(line) > _MAX_MARKER_LINE:
        return None
    if len(line) < 40 and line.isupper() and TYPE_LINE.match(line):
        return "type"
    if match_number_line(line):
        return "number"
    if len(line) < 200 and match_vv_line(line):
        return "vv"
    if motto_hint and MOTTO.search(line):
        return "motto"
    if len(line) < 120 and find_place_date(line):
        return "date"
    return None


def _clusters(lines: list[_Line], text: str) -> list[tuple[int, int, set[str]]]:
    """(first line index, last line index, marker kinds) of each header cluster."""
    clusters: list[tuple[int, int, set[str]]] = []
    hinted = _motto_hinted(lines, text)
    for i, (_s, _e, line) in enumerate(lines):
        kind = _marker(line, i in hinted)
        if not kind or (kind == "type" and i + 1 < len(lines) and _FIRST_ARTICLE.match(lines[i + 1][2])):
            continue  # a decision's bare "QUYẾT ĐỊNH" before "Điều 1" is its enacting formula, not a header
        if clusters and i - clusters[-1][1] <= _CLUSTER_GAP:
            first, _, kinds = clusters[-1]
            clusters[-1] = (first, i, kinds | {kind})
        else:
            clusters.append((i, i, {kind}))
    return clusters


def _is_appendix(lines: list[_Line], first: int, last: int) -> bool:
    window = lines[max(0, first - 3) : last + 4]
    if any(line.lstrip(" \t(").startswith(_APPENDIX_HEADS) and APPENDIX_LINE.match(line) for _s, _e, line in window):
        return True
    for _s, _e, line in window:
        m = KEM_THEO.match(line) if "è" in line or "È" in line else None
        if m and not m.group("type").lower().startswith(_ISSUING_TYPES):
            return True
    return False


def _opens_document(kinds: set[str], lines: list[_Line], first: int, last: int) -> bool:
    if "type" not in kinds and "vv" not in kinds:
        number = next((m for _s, _e, x in lines[first : last + 1] if (m := match_number_line(x))), None)
        if not (number and number.group("num")):
            return False
    return not _is_appendix(lines, first, last)


def _extend_up(lines: list[_Line], first: int, floor: int) -> int:
    """Include the issuer's caps lines standing just above the first marker, and the rule drawn under them."""
    i = j = first
    while j - 1 > floor and i - first > -3:
        t = lines[j - 1][2]
        j -= 1
        if SEPARATOR.match(t) or t == "*":  # the rule typed under the issuer's name (a Party header's "*")
            continue
        if not (t.isupper() and len(t) < 90) or _ends_signature(t):
            break
        i = j
    return i


def _ends_signature(line: str) -> bool:
    """The previous document's signature block in capitals: "KT. CHỦ TỊCH", "TRƯỞNG PHÒNG", "NGUYỄN VĂN AN"."""
    first = line.split()[0].capitalize() if line.split() else ""
    return bool(_SIGNATURE_PREFIX.match(line) or POSITION_LINE.match(line) or first in SURNAMES)


def split_documents(text: str) -> list[Segment]:
    """The documents of a normalised text, in order; a text without headers is one document."""
    lines = _lines(text)
    starts: list[int] = []  # line indexes where documents start
    body_since = 0
    for first, last, kinds in _clusters(lines, text):
        if not _opens_document(kinds, lines, first, last):
            continue
        if starts and first - body_since < _MIN_BODY_LINES:
            continue
        start = _extend_up(lines, first, starts[-1] if starts else -1)
        starts.append(start)
        body_since = last
    if not starts:
        return [Segment(0, len(text))]
    bounds = [0] + [lines[i][0] for i in starts[1:]] + [len(text)]
    return [Segment(a, b) for a, b in itertools.pairwise(bounds)]
