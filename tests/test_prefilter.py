"""The literal prefilters give exactly what the plain regex searches give, only faster.

Every pattern an extractor searches through `extractor.extraction.fields.prefilter` is checked against its plain
`search` / `finditer` over every line, sentence and short window of the corpus, and over traps
(capitals, "İ", words inside longer words, overlapping literals).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields import award_forms, awards, quotas, targets, timeline
from extractor.extraction.fields.prefilter import (
    Literals,
    finditer,
    lead_starts,
    lead_words,
    matches_at,
    occurrences,
    phrase_leads,
    search,
)
from extractor.extraction.fold import case_fold
from extractor.extraction.normalize import normalize
from extractor.extraction.readers import read_file
from tests.helpers import make_ctx

CORPUS = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GIẤY KHEN", "giấy khen"),
        ("Đợt 1", "đợt 1"),
        ("İ", "i"),  # the one capital whose lower case grows: same length, as a case-insensitive pattern reads it
        ("ſơ kết", "sơ kết"),
        ("97,5%", "97,5%"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert case_fold(text) == expected
    assert len(case_fold(text)) == len(text)


@pytest.mark.parametrize(
    ("fragments", "expected"),
    [
        ((r"khen", r"trao\s+(?:tặng|thưởng)"), {"khen", "trao"}),
        ((r"(?:6|06|sáu)\s+tháng", r"Đợt\s+\d"), {"6", "06", "sáu", "đợt"}),
        ((r"khen?",), {"khe"}),  # the optional letter is not required
        ((r"khen|thưởng",), None),  # a top-level alternation: either word may start a match
        ((r"(?:khen|thưởng)?\s+giải",), None),  # an optional group
        ((r"[Tt]ừ",), None),  # a class
        ((r"\d{1,2}\s+tháng",), None),
        ((r"giải\s+(?:nhất|ba|[Kk]huyến)",), {"giải"}),
    ],
)
def test_lead_words(fragments: tuple[str, ...], expected: set[str] | None) -> None:
    assert lead_words(fragments) == (None if expected is None else frozenset(expected))


def test_phrase_leads() -> None:
    assert phrase_leads(("Giấy khen", "giấy khen cấp huyện", "Cờ thi đua", "%")) == {"giấy", "cờ", "%"}


@pytest.mark.parametrize(
    ("folded", "words", "expected"),
    [
        ("aaa", ["aa"], [0, 1]),  # overlapping occurrences count
        ("tổng kết tổ", ["tổ", "kết"], [0, 5, 9]),  # inside a longer word too
        ("không có", ["khen"], []),
    ],
)
def test_lead_starts(folded: str, words: list[str], expected: list[int]) -> None:
    assert lead_starts(folded, words) == expected
    assert lead_starts(folded, words, 10) == [10 + i for i in expected]


def test_literals_find_overlapping_occurrences() -> None:
    assert sorted(Literals(["aa", "a"]).each("aaa")) == [("a", 0), ("a", 1), ("a", 2), ("aa", 0), ("aa", 1)]


@pytest.mark.parametrize("filler", ["", "x" * 3000])  # a short text (str.find) and a long one (regex search)
def test_literals_find_the_same_in_short_and_long_texts(filler: str) -> None:
    low = "tập thể, tập tập thể %% năm 2020 2020" + filler
    found = Literals(["tập thể", "tập", "%", "20", "năm "]).each(low)
    assert found == [("%", 21), ("%", 22), ("20", 28), ("20", 30), ("20", 33), ("20", 35), ("năm ", 24),
                     ("tập", 0), ("tập", 9), ("tập", 13), ("tập thể", 0), ("tập thể", 13)]


_WORD = re.compile(r"(?i)(?<!\p{L})(?:khen\s+thưởng|tặng)(?!\p{L})")
_WORD_LEADS = frozenset({"khen", "tặng"})


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND huyện tặng Giấy khen và khen thưởng đột xuất.",
        "ĐỀ NGHỊ KHEN THƯỞNG",
        "Khen\nthưởng cuối năm",
        "không khen thưởng, không tặng",
        "tặngkhen thưởng",  # the first lead inside a longer word
        "",
    ],
)
def test_search_and_finditer_as_plain(text: str) -> None:
    for pos, endpos in ((0, len(text)), (3, len(text)), (0, max(0, len(text) - 4))):
        plain = _WORD.search(text, pos, endpos)
        fast = search(_WORD, text, _WORD_LEADS, pos, endpos)
        assert (fast and fast.span()) == (plain and plain.span())
        assert [m.span() for m in finditer(_WORD, text, _WORD_LEADS, pos, endpos)] == [
            m.span() for m in _WORD.finditer(text, pos, endpos)
        ]
    plain = _WORD.search(text)
    unfiltered = search(_WORD, text, None)  # no leads: the plain search
    assert (unfiltered and unfiltered.span()) == (plain and plain.span())


def test_matches_at_does_not_overlap() -> None:
    pattern = re.compile(r"ab+")
    assert [m.span() for m in matches_at(pattern, "abbab", [0, 1, 3], 5)] == [(0, 3), (3, 5)]


def _texts() -> list[str]:
    return [normalize(read_file(p).text) for p in CORPUS]  # read_file: some are in pre-Unicode fonts


def _spans(text: str) -> list[tuple[int, int]]:
    """Every line, every ';'/'.'-separated piece of it, and the 40 characters before each digit."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        piece = pos
        for m in re.finditer(r"[;.]", line):
            spans.append((piece, pos + m.start()))
            piece = pos + m.end()
        pos += len(line) + 1
    spans += [(max(0, m.start() - 40), m.start()) for m in re.finditer(r"\d+", text)]
    return spans


# Every (pattern, leads) the extractors search short texts with.
_SEARCHED = [
    (quotas._AWARD_CUE, quotas._AWARD_CUE_LEADS),
    (quotas._AWARD_HEADING, quotas._AWARD_HEADING_LEADS),
    (quotas._OTHER_HEADING, quotas._OTHER_HEADING_LEADS),
    (quotas._PHASE_IN, quotas._PHASE_IN_LEADS),
    (quotas._NOT_GROUP, quotas._NOT_GROUP_LEADS),
    (quotas._OP_BEFORE, quotas._OP_BEFORE_LEADS),
    (award_forms.FORM, award_forms._FORM_LEADS),
    (awards._RECIPIENT_WORDS, awards._RECIPIENT_LEADS),
    (targets._BEFORE, targets._BEFORE_LEADS),
    (targets._NOT_AIM, targets._NOT_AIM_LEADS),
    (targets._AIM, targets._AIM_LEADS),
    (targets._PAST_ANYWHERE, targets._PAST_ANYWHERE_LEADS),
    (targets._PAST_BEFORE, targets._PAST_BEFORE_LEADS),
    (timeline._YEAR_SPAN_WORD, timeline._YEAR_SPAN_LEADS),
]


@pytest.mark.parametrize(("pattern", "leads"), _SEARCHED, ids=lambda p: getattr(p, "pattern", "leads")[:30])
def test_searched_patterns_start_with_their_leads(pattern: re.Pattern[str], leads: frozenset[str] | None) -> None:
    """A vocabulary entry whose matches start otherwise than its leads say would fail here."""
    assert leads is not None
    for text in _texts():
        for lo, hi in _spans(text):
            assert [m.span() for m in finditer(pattern, text, leads, lo, hi)] == [
                m.span() for m in pattern.finditer(text, lo, hi)
            ]


def _ctx(text: str) -> Facts:
    return Facts(text=text, start=0, end=len(text), body_start=0, preamble_end=0)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (timeline._FROM, timeline._PERIOD_LEADS),
    ],
)
def test_body_patterns_found_through_literals(pattern: re.Pattern[str], literals: Literals) -> None:
    for text in [*_texts(), "TỪ NGÀY 01/6 ĐẾN 30/6; từ năm 2019-2020; Từ 2023 đến 2025; Đến từ   đây"]:
        ctx = _ctx(text)
        assert [m.span() for m in matches_at(pattern, text, occurrences(ctx, literals), len(text))] == [
            m.span() for m in pattern.finditer(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "giai đoạn 2021 - 2025; GIAI ĐOẠN 2023-2024; Giai  đoạn\n2019 đến năm 2020; từ năm 2020 tới năm 2025",
        "TỪ NĂM 2019 - 2020 - 2030; giai đoạn 2021 - 2025 - 2030; 2021 - 2025 - 2030 giai đoạn 2031 - 2035",
        "giai đoạn 1925 - 1930; giai đoạn 2025 - 2021; giai đoạn      2021 - 2025; giai đoạn 2 (2022 - 2023)",
        "xgiai đoạn 2021 - 2025; mtừ năm 2021 - 2022; từ năm2021 - 2022; giai đoạn 20215 - 2030; giai đoạn 2021-",
        "giai đoạn từ năm 2021 - 2025; từ năm giai đoạn 2021 - 2025; năm 2020 đến năm 2021 - 2022",
    ],
)
def test_year_pairs_read_after_their_words(text: str) -> None:
    """Of the body's pairs read after a year span's word, those right after one (`_YEAR_SPAN_WORD` ending
    where they start, as `_year_spans` keeps them) are those of a scan of every pair."""
    def kept(pairs: list[re.Match[str]]) -> list[tuple[int, int]]:
        word = timeline._YEAR_SPAN_WORD
        return [p.span() for p in pairs
                if search(word, p.string, timeline._YEAR_SPAN_LEADS, max(0, p.start() - 20), p.start())]

    for t in [text, *_texts()]:
        ctx = _ctx(t)
        starts = sorted({i for word, i in timeline._PERIOD_LEADS.each(ctx.lower_body)
                         if word in timeline._YEAR_SPAN_LEADS})
        assert kept(timeline._body_pairs(ctx, starts)) == kept(list(timeline._YEAR_PAIR.finditer(t)))


@pytest.mark.parametrize(
    "body",
    [
        "Đạt 97,5% và 100 % số hồ sơ; 50 phần trăm; 90 ĐIỂM trở lên; 1.000 điểm; 3,4%; 12/2023 điểm",
        "x97%, 1,25%; 1234%; 12.345 %; (80%); ≥90%; 5 %\n6 phần  trăm; ,5%; 7 điểmthi",
    ],
)
def test_values_found_from_units(body: str) -> None:
    for text in [body, *_texts()]:
        ctx = _ctx(text)
        assert [m.span() for m in targets._values(ctx)] == [m.span() for m in targets._VALUE.finditer(text)]


def test_forms_found_through_their_anchors() -> None:
    """Each anchor's own few forms find what the whole form pattern finds there."""
    whole = dict.fromkeys(award_forms._FORM_ANCHORS.keys_known, award_forms.FORM)
    texts = [*_texts(), "GIẤY KHEN của Bộ; Huân chương Lao động hạng Ba, Huân chương; Kỉ niệm chương; Giấy\nkhen"]
    for text in texts:
        ctx = _ctx(text)
        assert [m.span() for m in award_forms.find_forms(ctx)] == [
            m.span() for m in award_forms.anchored(ctx, award_forms._FORM_ANCHOR_LITERALS, whole)
        ]


@pytest.mark.parametrize(
    ("text", "pos"),
    [("tặng Giấy khen", 5), ("Huyện ủy", 0), ("HUÂN CHƯƠNG", 0), ("xã Tân Bình", 3), ("", 0)],
)
def test_form_at_as_plain_match(text: str, pos: int) -> None:
    plain = award_forms.FORM.match(text, pos)
    fast = award_forms.form_at(text, pos)
    assert (fast and fast.span()) == (plain and plain.span())


# Sentences for `_Scope.phases_in`: intro words alone name no phase; phases in capitals, brackets, "ſ".
_PHASE_SENTENCES = [
    "Khi kết thúc, trong các hội nghị tại xã, sau đó qua mỗi kỳ: 05 cá nhân",
    "Khi sơ kết 6 tháng đầu năm, tặng 02 tập thể; trong dịp TỔNG KẾT NĂM 03 cá nhân",
    "các đợt thi đua: 01 tập thể (tổng kết năm), học kỳ II 02 cá nhân, ſơ kết đợt 1",
    "",
]


def test_phases_in_a_sentence_as_plain_finditer() -> None:
    """A sentence where no phase's first word is written names no phase: the same as scanning it."""
    for text in [*_PHASE_SENTENCES, *_texts()]:
        scope = quotas._Scope(_ctx(text), [])
        for lo, hi in [(0, len(text)), *_spans(text)]:
            assert [m.span() for m in scope.phases_in(lo, hi)] == [
                m.span() for m in quotas._PHASE_IN.finditer(text, lo, hi)
            ]

def test_phase_line_before_reads_back_to_the_floor() -> None:
    ctx = make_ctx("3. Số lượng\n- Sơ kết 6 tháng:\n+ Khối xã: 01 tập thể.\n\n+ Khối phường: 02 tập thể.\n")
    scope = quotas._Scope(ctx, [])
    second = ctx.text.index("02 tập")
    assert quotas._phase_line_before(scope, second, ctx.body_start) == "sơ kết 6 tháng"
    assert quotas._phase_line_before(scope, second, ctx.text.index("+ Khối xã")) is None


# Every character there is, for the case-insensitive spellings of the body's literal leads.
_ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("lead", sorted({*timeline._YEAR_SPAN_LEADS, timeline._FROM_WORD}))
def test_lower_body_holds_every_spelling_of_the_leads(lead: str) -> None:
    """A case-insensitive match of a lead is found in `Facts.lower_body`: every character the regex engine
    takes for one of its letters lowers to that letter."""
    for letter in set(lead):
        for m in re.finditer(re.escape(letter), _ALL_CHARACTERS, re.IGNORECASE):
            assert _ctx(m.group()).lower_body == letter
