"""Raw offsets: every span of a file's record placed in the text as read (src_start/src_end), with its PDF
page and its .docx block; the offset map normalisation returns behind them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.extraction.fold import fold_accents
from extractor.extraction.models import Document, Organization, Reference, Span
from extractor.extraction.normalize import normalize, normalize_mapped
from extractor.extraction.offset_map import Step, align_lines
from extractor.extraction.offsets import spans_of
from extractor.extraction.pipeline import extract_file
from extractor.extraction.readers import read_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# What normalisation drops or turns into something else besides letters' marks: whitespace, markdown
# emphasis and bullets, table bars, dash variants.
_LAYOUT = re.compile(r"[\s*_#|•\-–—]+")


def _letters(text: str) -> str:
    return _LAYOUT.sub("", fold_accents(unicodedata.normalize("NFKC", text)))


def _placed(read: str, span: Span) -> bool:
    """Whether the read text at the span's source range holds what the span holds, modulo layout and marks
    (a document's own span shows only its first 80 characters)."""
    assert span.src_start is not None and span.src_end is not None
    got, want = _letters(read[span.src_start : span.src_end]), _letters(span.raw)
    return (got.startswith(want) if len(span.raw) < span.end - span.start else got == want)


@pytest.mark.parametrize(
    ("out", "src", "start", "end", "expected"),
    [
        # "a**b" -> "ab": a range ending before the dropped "**" stops there, one starting after it skips it
        ([0, 1], [0, 3], 0, 1, (0, 1)),
        ([0, 1], [0, 3], 1, 2, (3, 4)),
        # "…" -> "...": the inserted characters map to the end of what they replace
        ([0, 5], [0, 3], 2, 5, (2, 3)),
        ([0, 5], [0, 3], 5, 6, (3, 4)),
        # no anchor: 1:1
        ([0], [0], 4, 9, (4, 9)),
    ],
)
def test_step_maps_ranges_across_dropped_and_inserted_text(
    out: list[int], src: list[int], start: int, end: int, expected: tuple[int, int]
) -> None:
    step = Step(out, src)
    assert (step.start(start), step.end(end)) == expected


@pytest.mark.parametrize(
    ("raw", "value", "source"),
    [
        ("Kế hoạch số **12/KH-UBND** ngày 5", "12/KH-UBND", "12/KH-UBND"),
        ("Căn cứ Quyết định\nsố 12/QĐ-UBND của UBND huyện", "số 12/QĐ-UBND", "số 12/QĐ-UBND"),
        ("Ủy ban nhân dân xã Hoà Bình", "Hòa Bình", "Hoà Bình"),
        ("Thực hiện Ke hoach so 5 của Uy ban", "Ke hoach", "Ke hoach"),
        ("Số: 5\r\nKẾ HOẠCH\r\nPhát động", "Phát động", "Phát động"),
        ("giai  đoạn\t\t2021 – 2025", "2021 - 2025", "2021 – 2025"),
        ("văn hóa".replace("ó", "o\u0301") + " và thể thao", "thể thao", "thể thao"),
        ("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| HUYỆN A | Độc lập |",
         "HUYỆN A", "HUYỆN A"),
        ("K Ế  H O Ạ C H\nThi đua", "KẾ HOẠCH", "K Ế  H O Ạ C H"),
        ("Tài liệu… xem thêm", "xem", "xem"),
        # decomposed accents: the line is mapped letter by letter (with its marks) when asked
        (unicodedata.normalize("NFD", "Thực hiện kế hoạch năm 2021"), "kế hoạch",
         unicodedata.normalize("NFD", "kế hoạch")),
    ],
)
def test_a_value_maps_back_to_where_it_was_read(raw: str, value: str, source: str) -> None:
    text, _, offsets = normalize_mapped(raw)
    start = text.index(value)
    src_start, src_end = offsets.to_source(start, start + len(value))
    assert raw[src_start:src_end] == source


def test_bug_a_split_year_is_not_matched_to_a_later_year() -> None:
    # "năm 20 20" restored to "năm 2020": the word is found spread where it stands, not at the title's
    # "2020" two lines down (which threw every later offset of the header off)
    raw = "Mường Tè, ngày 17 tháng 4 năm 20 20\n\nKẾ HOẠCH\nThi đua năm 2020\n"
    text, restored, offsets = normalize_mapped(raw)
    assert [r.raw for r in restored] == ["20 20"]
    at = text.index("2020")
    assert raw[slice(*offsets.to_source(at, at + 4))] == "20 20"
    at = text.index("KẾ HOẠCH")
    assert raw[slice(*offsets.to_source(at, at + 8))] == "KẾ HOẠCH"


def test_bug_words_restored_in_place_keep_their_own_offsets() -> None:
    # every word of a line without marks is rewritten; each maps onto its own letters, not all onto one point
    raw = "DANG BO HUYEN PHUOC HOA\nCan cu Quyet dinh so 12/QD-UBND ngay 05/3/2021 cua UBND tinh\n"
    text, _, offsets = normalize_mapped(raw)
    for m in re.finditer(r"\S+", text):
        assert _letters(raw[slice(*offsets.to_source(m.start(), m.end()))]) == _letters(m.group())


_HEAD = "ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
_TAIL = "\nThực hiện Kế hoạch số 19/KH-UBND ngày 02 tháng 3 năm 2012 của Ủy ban nhân dân huyện về thi đua.\n" * 3


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (_HEAD + _TAIL, _HEAD + _TAIL),  # nothing changed
        (_HEAD + "Phát động phong trào\nthi đua\n" + _TAIL, _HEAD + "Phát động phong trào thi đua\n" + _TAIL),
        (_HEAD + "| a | b |\n|---|---|\n\n- 2 -\n" + _TAIL, _HEAD + "a b\n" + _TAIL),  # the tail shifted back
        ("  " + _HEAD + "Can cu\n" + _TAIL, _HEAD + "Căn cứ\n" + _TAIL),  # the read text starts with spaces
        ("  " + _HEAD + "Can cu\n" + _TAIL, "  " + _HEAD + "Căn cứ\n" + _TAIL),  # and so does the result
        (_HEAD + "Quyet\n   Số: 12\n" + _TAIL, _HEAD + "Quyết\n   Số: 12\n" + _TAIL),  # so does one of the same tail
        (_HEAD + "\n\n\n" + _TAIL + "\n\n", _HEAD + "\n" + _TAIL),
    ],
)
def test_the_lines_the_line_passes_left_as_they_were_map_one_to_one(before: str, after: str) -> None:
    # the unchanged head and tail are skipped, not read line by line: every word still maps onto its letters
    step = align_lines(before, after)
    for m in re.finditer(r"\S+", after):
        assert _letters(before[step.start(m.start()) : step.end(m.end())]) == _letters(m.group()), m.group()
    assert before != after or (step.out, step.src) == ([0], [0])


def test_spans_of_finds_the_spans_of_every_field_that_can_hold_one() -> None:
    # the walk passes by the string fields: a span nested in a model, a list, a dict and at the top is found
    spans = [Span(start=i, end=i + 1, raw=str(i)) for i in range(5)]
    doc = Document(title="Kế hoạch", issuer=Organization(name="UBND", span=spans[0]), evidence={"number": spans[1]},
                   references=[Reference(relation="basis", number="1/KH", span=spans[2], mentions=[spans[3]])],
                   span=spans[4])
    assert sorted(s.start for s in spans_of([[doc], []])) == [0, 1, 2, 3, 4]


# Pieces of plan text and what archives do to them: hard wraps, markdown, decomposed accents, old tone
# placement, header tables, spaced type names, extra spaces, Windows line ends, page marks.
_SENTENCES = [
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 20/01/2016 của Ủy ban nhân dân tỉnh về thi đua,",
    "Phấn đấu 100% hồ sơ được giải quyết trước ngày 15/11/2016.",
    "Tặng Giấy khen của Chủ tịch UBND huyện cho không quá 05 tập thể và 10 cá nhân;",
    "Ủy ban nhân dân xã Hòa Bình xây dựng Kế hoạch thực hiện phong trào thi đua như sau:",
    "giai đoạn 2021 - 2025 tổ chức sơ kết vào tháng 6 và tổng kết vào cuối năm",
]
_HEADERS = [
    "ỦY BAN NHÂN DÂN\nHUYỆN LẠC DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n| HUYỆN LẠC DƯƠNG | Độc lập - Tự do |\n",
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\tLạc Dương, ngày 02 tháng 3 năm 2016\n",
    "K Ế  H O Ạ C H\n",
]


def _wrap(sentence: str, width: int) -> str:
    words, lines, line = sentence.split(" "), [], ""
    for w in words:
        if line and len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    return "\n".join([*lines, line])


@st.composite
def _damaged(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(_HEADERS))]
    for sentence in draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5)):
        words = sentence.split(" ")
        if draw(st.booleans()):  # markdown emphasis on one word
            i = draw(st.integers(0, len(words) - 1))
            words[i] = f"**{words[i]}**"
        if draw(st.booleans()):  # old tone placement, decomposed accents
            words = [w.replace("òa", "oà").replace("ủy", "uỷ") for w in words]
        if draw(st.booleans()):
            words = [unicodedata.normalize("NFD", w) for w in words]
        elif draw(st.booleans()):  # an ASCII export: every mark lost (restored from the vocabulary)
            words = ["".join(c for c in unicodedata.normalize("NFD", w.replace("đ", "d").replace("Đ", "D"))
                             if c.isascii()) for w in words]
        text = draw(st.sampled_from([" ", "  ", " \t "])).join(words)
        if draw(st.booleans()):
            text = _wrap(text, draw(st.integers(20, 60)))
        parts.append(draw(st.sampled_from(["", "* ", "  ", "# "])) + text)
        parts.append(draw(st.sampled_from(["\n", "\n\n", "\n\n- 2 -\n\n", "\r\n", "\n\n\n\n", " \n"])))
    return "".join(parts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_damaged())
def test_every_word_of_the_normalised_text_maps_onto_its_letters_in_the_raw_text(raw: str) -> None:
    text, _, offsets = normalize_mapped(raw)
    assert text == normalize(raw)
    for m in re.finditer(r"\S+", text):
        start, end = offsets.to_source(m.start(), m.end())
        assert 0 <= start <= end <= len(raw)
        assert _letters(raw[start:end]) == _letters(m.group()), (m.group(), raw[start:end])


@pytest.mark.parametrize("name", ["c01_xa_quynh_thach_nong_thon_moi.txt", "f01_xa_nghi_thuan_nong_thon_moi.pdf",
                                  "f01_xa_nghi_thuan_nong_thon_moi.docx", "c04_tinh_quang_ninh_cchc_2021_2025.txt"])
def test_every_span_of_a_file_is_placed_in_the_text_as_read(name: str) -> None:
    record = extract_file(CORPUS / name)
    read = read_file(CORPUS / name).text
    spans = list(spans_of([record.documents, record.restored]))
    assert len(spans) > 10
    assert [s for s in spans if not _placed(read, s)] == []


def test_a_pdf_span_carries_its_page() -> None:
    path = CORPUS / "f01_xa_nghi_thuan_nong_thon_moi.pdf"
    record, read = extract_file(path), read_file(path)
    assert read.page_starts is not None and record.documents
    (doc,) = record.documents
    pages = {s.page for s in spans_of(doc)}
    assert pages == {1, 2}
    for span in spans_of(doc):
        assert span.page is not None and span.src_start is not None and span.block is None
        assert read.page_starts[span.page - 1] <= span.src_start
        assert span.page == len(read.page_starts) or span.src_start < read.page_starts[span.page]
    assert doc.issuer is not None and doc.issuer.span is not None and doc.issuer.span.page == 1


def test_a_docx_span_carries_its_paragraph_or_cell() -> None:
    path = CORPUS / "f01_xa_nghi_thuan_nong_thon_moi.docx"
    record, read = extract_file(path), read_file(path)
    starts = read.block_starts
    assert starts is not None and record.documents
    (doc,) = record.documents

    def block_text(n: int) -> str:
        return read.text[starts[n - 1] : starts[n] if n < len(starts) else len(read.text)]

    # the header's left cell (its two paragraphs), then body paragraphs each on their own
    assert doc.issuer is not None and doc.issuer.span is not None
    assert doc.issuer.span.block == 1 and block_text(1).startswith("ỦY BAN NHÂN DÂN\nXÃ NGHI THUẬN")
    assert doc.references
    ref = doc.references[0].span
    assert ref.block is not None and ref.page is None and ref.src_start is not None
    assert block_text(ref.block).find(doc.references[0].number) >= 0
    for span in spans_of(doc):
        assert span.block is not None and span.src_start is not None
        assert starts[span.block - 1] <= span.src_start


def test_a_text_record_has_no_page_or_block_and_extract_text_leaves_spans_unplaced() -> None:
    record = extract_file(CORPUS / "c01_xa_quynh_thach_nong_thon_moi.txt")
    spans = list(spans_of(record.documents))
    assert all(s.page is None and s.block is None and s.src_start is not None for s in spans)
    from extractor.extraction.pipeline import extract_text

    _, docs = extract_text("Số: 5/KH-UBND\nKẾ HOẠCH\nPhấn đấu 100% hồ sơ trực tuyến.\n")
    assert all(s.src_start is None and s.src_end is None for s in spans_of(docs))
