"""Faster scans of the reference and award finders give what the plain ones give.

- Reverse patterns anchored at the end ("… số" before a number) are tried with `.match`, not `.search`.
- The award forms' anchors are found in one scan (`award_forms.DisjointAnchors`), not one scan per anchor.
Each is checked on edge cases and on generated texts against the plain way.
"""

from __future__ import annotations

import random

import pytest
import regex as re

from extractor.extraction.fields import award_forms, awards, references, relation
from extractor.extraction.fields.prefilter import Literals
from tests.helpers import make_ctx

# Patterns written (?r)…\s*$ (or \s+$) and tried with `.match` where `.search` was.
_REVERSE_AT_END = [
    references._TYPE_BEFORE,
    references._SO_BEFORE,
    references._NOT_A_DOCUMENT,
    relation._IMPLEMENTS_BEFORE,
    awards._TITLE_CUE,
]
# Pieces the generated texts are made of ("|" between them): type words, "số", marks, spaces, line breaks.
_PIECES = (
    "Kế hoạch|KẾ HOẠCH|Quyết định|liên tịch|Luật|văn bản|số|Số|SỐ|:|.| |  |\n|\t|Mẫu|biểu|phụ lục|Điều|điện thoại"
    '|thực hiện|triển khai|các|danh hiệu|thi đua|“|"|x|1|/|ngày|của|Ủy ban'
).split("|")


def _generated(seed: int, count: int, pieces: list[str], most: int = 8) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most))) for _ in range(count)]


def _found(m: re.Match[str] | None) -> tuple[tuple[int, int], dict[str, str | None]] | None:
    return (m.span(), m.groupdict()) if m else None


@pytest.mark.parametrize("pattern", _REVERSE_AT_END, ids=lambda p: p.pattern[:30])
@pytest.mark.parametrize(
    "text",
    [
        "",
        "số",
        "văn bản số\n",
        "văn bản số\n\n",
        "Kế hoạch số:\n",
        "theo Mẫu số ",
        "số 1\n",
        "xsố ",
        "Điều 5 Luật số",
        "thực hiện\n",
        "đạt danh hiệu “",
        "danh hiệu thi đua:\n",
        "Kế hoạch liên tịch số",
    ],
)
def test_reverse_pattern_matched_at_the_end_as_searched(pattern: re.Pattern[str], text: str) -> None:
    assert _found(pattern.match(text)) == _found(pattern.search(text))


@pytest.mark.parametrize("pattern", _REVERSE_AT_END, ids=lambda p: p.pattern[:30])
def test_reverse_pattern_on_generated_texts(pattern: re.Pattern[str]) -> None:
    for text in _generated(8, 3000, _PIECES):
        assert _found(pattern.match(text)) == _found(pattern.search(text)), text
        lo, hi = len(text) // 3, len(text) - len(text) // 4  # a window, as `relation` reads one
        assert _found(pattern.match(text, lo, hi)) == _found(pattern.search(text, lo, hi)), (text, lo, hi)


def _overlaps(anchors: frozenset[str]) -> list[tuple[str, str, int]]:
    """(a, b, k): b can be written k characters into a and overlap it (k = 0: b starts a)."""
    return [
        (a, b, k)
        for a in anchors
        for b in anchors
        for k in range(0 if a != b else 1, len(a))
        if b.startswith(a[k:]) or a[k:].startswith(b)
    ]


def test_form_anchors_are_disjoint() -> None:
    """What one scan of the anchors relies on: no anchor starts another, and an anchor written overlapping
    another follows one of its letters, where no form can start (a form is not inside a longer word)."""
    found = _overlaps(award_forms._FORM_ANCHORS.keys_known)
    assert found  # single letters do overlap ("anh hùng" / "gia đình")
    assert [(a, b, k) for a, b, k in found if k == 0 or not a[k - 1].isalpha()] == []


def _per_literal(ctx_text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    ctx = make_ctx(ctx_text)
    every = Literals(award_forms._FORM_ANCHORS.keys_known)
    plain = award_forms.anchored(ctx, every, award_forms._FORM_ANCHORS)
    return [m.span() for m in award_forms.find_forms(ctx)], [m.span() for m in plain]


@pytest.mark.parametrize(
    "text",
    [
        "Tặng Giấy khen của Chủ tịch UBND huyện.",
        "anh hùnggia đình; huân chươnggiấy khen; giải thưởnggiải thưởng",  # overlapping anchors
        "GIẤY KHEN, Bằng khen và Cờ thi đua; Huân chương Lao động hạng Ba",
        "Giấy\nkhen; Giấy  khen; giấy khenx; xgiấy khen",  # anchors are single-spaced: the patterns decide
        "İ Kỉ niệm chương, Ky niem chuong, Tap the lao dong xuat sac, tập thể lao động tiên tiến",
        "danh hiệu “Gia đình văn hóa”, Nhà giáo Ưu tú, nghệ nhân nhân dân, Nghệ sĩ Nhân dân",
    ],
)
def test_forms_found_in_one_scan_as_literal_by_literal(text: str) -> None:
    fast, plain = _per_literal(text)
    assert fast == plain


def test_forms_found_in_one_scan_on_generated_texts() -> None:
    words = sorted({w for a in award_forms._FORM_ANCHORS.keys_known for w in a.split()})
    pieces = [*award_forms.FORMS, *words, *(w.upper() for w in words), " ", " ", ", ", "\n", "x", "ng", "1"]
    for text in _generated(10, 600, pieces, most=12):
        fast, plain = _per_literal("Kế hoạch\n" + text)
        assert fast == plain, text


# --- references: the symbol after a number, the organ after "của" --------------------------------------------------


def _symbol_as_split(raw: str) -> tuple[str, int]:
    """`references._symbol` as it was: every symbol split into its groups."""
    parts = re.split(r"(\s?[-/]\s?)", raw)
    used = len(parts[0])
    for sep, grp in zip(parts[1::2], parts[2::2], strict=False):
        if sum(c.islower() for c in grp) > 2:
            break
        used += len(sep) + len(grp)
    kept = raw[:used].rstrip(".")
    return "".join(kept.split()), len(kept)


_SYMBOL_PIECES = "KH|UBND|QĐ|TTg|NĐ|CP|2017|ĐT|GDĐT.TĐKT|Ngày|ngày|&|.|-|/| - |/ | -|x|TW|ǅ|İ|ß".split("|")


@pytest.mark.parametrize("raw", ["KH-UBND", "QĐ-TTg", "KH-UBND Ngày", "NĐ-CP.", "KH - UBND.", "KH-ǅx", "TW"])
def test_symbol_as_split(raw: str) -> None:
    assert references._symbol(raw) == _symbol_as_split(raw)


def test_symbol_on_generated_symbols() -> None:
    for raw in _generated(11, 5000, _SYMBOL_PIECES, most=7):
        if raw:
            assert references._symbol(raw) == _symbol_as_split(raw), raw


def _take_org_searching(text: str, pos: int, end: int) -> tuple[int, str]:
    """`references._take_org` as it was: each word searched for from the last one's end."""
    stop = pos
    verb = references._ISSUER_ENDS.search(text, pos, end)
    end = verb.start() if verb else end
    at, before = pos, ("", "")
    while (m := references._WORD.search(text, at, end)) is not None:
        whole = references.PUNCTUATED_NAME.match(text, m.start(), end)
        if whole:
            stop = at = whole.end()
            before = ("", "")
            continue
        word = m.group(0)
        core = word.rstrip(",;.:)")
        hyphen_pair = before[0] == "-" and before[1][:1].isupper()
        if not core or not (core[0].isupper() or core in references._ORGAN_WORDS or core[0].isdigit() or hyphen_pair):
            break
        stop = m.start() + len(core)
        if core != word:
            break
        at, before = m.end(), (before[1], core)
    raw = text[pos:stop]
    while raw.split() and raw.split()[-1] in ("-", "&", "và", "các"):
        raw = raw[: raw.rstrip().rfind(" ")].rstrip()
        stop = pos + len(raw)
    return stop, raw


_ORG_PIECES = (
    "Sở|Văn hóa, Thể thao và Du lịch|Văn hóa, Thể thao và Du lịch,|Hội đồng Thi đua - Khen thưởng|Lao động - Thương"
    " binh và Xã hội|UBND|tỉnh|huyện|về|Kế hoạch|ban hành|, |; |-|&|và|các|Ban|Phòng|Việc làm|12|x|(|)|.| |  |\n"
).split("|")


# --- awards: the official read back from "tặng" -----------------------------------------------------------------------


def _grantor_before_reading_again(text: str, lo: int, verb: int) -> tuple[int, int] | None:
    """`awards._grantor_before` as it was: the name's words read again forwards to trim it."""
    name = []
    bare = text[lo:verb].isascii()
    for t in awards._TOKEN_BACK.finditer(text, lo, verb):
        word = t.group(0)
        if word[-1] in ",;:.()" or not awards._is_name_word(word.strip('“"'), "", bare=bare):
            break
        name.append(t)
    for t in reversed(name):
        if awards._HEAD.match(text, t.start()) or (
            bare and awards._HEAD.match(awards._restored_words(text[t.start() : verb]))
        ):
            return awards._trim(text, t.start(), verb)
    return None


_GRANTOR_PIECES = (
    "Chủ tịch|UBND|huyện|tỉnh|Chu tich|tinh|Giám đốc|Sở|các|và|-|đề nghị|cho|Ủy ban nhân dân|xã, thị trấn| |  |\n|,|."
    '|“|"|(|Bộ|x|12|Hội đồng|Thi đua - Khen thưởng'
).split("|")


# Each helper against its old way at every cut of a few texts: the cut ends the organ read forwards from the start,
# and starts the stretch the official is read back in, to the text's end.
_AT_CUT = {
    "take_org": (
        lambda text, cut: references._take_org(text, 0, cut),
        lambda text, cut: _take_org_searching(text, 0, cut),
    ),
    "grantor_before": (
        lambda text, cut: awards._grantor_before(text, cut, len(text)),
        lambda text, cut: _grantor_before_reading_again(text, cut, len(text)),
    ),
}


@pytest.mark.parametrize(
    ("helper", "text"),
    [
        ("take_org", "Sở Văn hóa, Thể thao và Du lịch, UBND tỉnh"),
        ("take_org", "Sở Văn hóa, Thể thao và Du lịchX Bình"),  # a name ending inside a word
        ("take_org", "Phòng Lao động - Việc làm huyện và"),
        ("take_org", "Hội đồng Thi đua - Khen thưởng tỉnh ban hành Kế hoạch"),
        ("take_org", "Chính phủ và Quyết định số"),
        ("grantor_before", "đề nghị Chủ tịch UBND huyện "),
        ("grantor_before", "Ủy ban nhân dân các xã, thị trấn các "),
        ("grantor_before", "Chu tich UBND tinh "),
        ("grantor_before", "x Giám đốc Sở và "),
        ("grantor_before", "“Chủ tịch UBND"),
        ("grantor_before", ""),
    ],
)
def test_helper_as_before_at_every_cut(helper: str, text: str) -> None:
    fast, plain = _AT_CUT[helper]
    for cut in range(len(text) + 1):
        assert fast(text, cut) == plain(text, cut), cut


# The same on generated texts, between random bounds (the helpers read text[lo:hi]).
_BETWEEN = {
    "take_org": (references._take_org, _take_org_searching, _ORG_PIECES),
    "grantor_before": (awards._grantor_before, _grantor_before_reading_again, _GRANTOR_PIECES),
}


@pytest.mark.parametrize("helper", list(_BETWEEN))
def test_helper_as_before_on_generated_texts(helper: str) -> None:
    fast, plain, pieces = _BETWEEN[helper]
    rnd = random.Random(12)
    for text in _generated(12, 3000, pieces, most=10):
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        assert fast(text, lo, hi) == plain(text, lo, hi), (text, lo, hi)
