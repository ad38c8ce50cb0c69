"""The literal pre-checks in front of header-layout regexes accept every text the regex matches.

A pre-check that missed a match would silently change the output, so each is tried on the spellings
archives use (cases, spacing, the Party's and the Youth Union's lines) and on the corpus and its headers.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from extractor.extraction import header_layout
from extractor.extraction.vocab import layout

ROOT = Path(__file__).resolve().parent.parent

_MOTTOS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA  XÃ  HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "Độc lập - Tự do - Hạnh phúc",
    "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "Độc Lập Tự Do Hạnh Phúc", "độc lập-tự do-hạnh phúc",
    "UBND HUYỆN X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
]
_DATES = ["Củ Chi, ngày 05 tháng 5 năm 2020", "Đắk Mil ,  ngày 1/2/2023", "TP. Huế,ngày … tháng … năm 2024"]


@pytest.mark.parametrize("cell", _MOTTOS)
def test_motto_hint_admits_every_motto(cell: str) -> None:
    assert layout.MOTTO_ANCHOR.search(cell)
    assert header_layout._may_hold_motto(cell)


@pytest.mark.parametrize("cell", _DATES)
def test_place_date_hint_admits_every_place_date(cell: str) -> None:
    assert layout.PLACE_DATE.search(cell)
    assert header_layout._PLACE_DATE_HINT.search(cell)


def test_hints_admit_every_corpus_match() -> None:
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if layout.MOTTO_ANCHOR.search(line):
                assert header_layout._may_hold_motto(line), line
            if layout.PLACE_DATE.search(line):
                assert header_layout._PLACE_DATE_HINT.search(line), line


def _corpus_lines() -> list[str]:
    return [line.strip() for path in sorted((ROOT / "corpus").glob("*.txt"))
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]


def test_anchor_hint_admits_every_flattened_line() -> None:
    flattened = ["UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND Cam Lâm, ngày 3 tháng 4 năm 2021",
                 "Biên Hòa, ngày 1 tháng 2 năm 2020 KẾ HOẠCH Tổ chức hội thi",
                 "KẾ HOẠCH Tổ chức hội thi năm 2020 Căn cứ Luật", "HUYỆN ỦY ĐẮK MIL Đắk Mil, ngày 1/2/2023",
                 *_MOTTOS, *_DATES]
    for line in [*flattened, *_corpus_lines()]:
        if header_layout._anchors(line):
            assert header_layout._may_anchor(line), line
    assert all(header_layout._anchors(line) for line in flattened[:5])


@pytest.mark.parametrize(("prev", "line"), [
    ("CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"), ("ỦY", "BAN NHÂN DÂN"), ("KẾ", "HOẠCH"), ("Số:", "3335/KH-UBND"),
    ("Độc lập - Tự do -", "Hạnh phúc"), ("Số: 312/HD-", "PGDĐT"), ("Số: 1203/", "KH-UBND"),
])
def test_open_hint_admits_every_broken_pair(prev: str, line: str) -> None:
    assert header_layout._broken(prev, line) or header_layout._number_cut(prev, line)
    assert header_layout._may_open(prev)


def test_open_hint_admits_every_corpus_pair() -> None:
    lines = _corpus_lines()
    for prev, line in itertools.pairwise(lines):
        if header_layout._broken(prev, line) or header_layout._number_cut(prev, line):
            assert header_layout._may_open(prev), (prev, line)


@pytest.mark.parametrize("text", [
    "\n".join(_MOTTOS), "UBND\nCỘNG HÒA\nx\nĐộc lập - Tự do\nĐOÀN TNCS\nHỘI ĐỘNG\nỘC LẬP",
    "Ộ\nCỘ\nNG", "\n".join(_corpus_lines()),
])
def test_motto_lines_are_the_lines_holding_a_hint(text: str) -> None:
    expected = [i for i, line in enumerate(text.split("\n")) if any(h in line for h in header_layout._MOTTO_HINTS)]
    assert header_layout._motto_lines(text) == expected


def _seam_by_every_phrase(a: str, b: str) -> bool:
    """The seam test tried at every split of every phrase (what the index by seam words must agree with)."""
    ta, tb = header_layout._tokens(a), header_layout._tokens(b)
    return any(ta[-k:] == p[:k] and tb[: len(p) - k] == p[k:][: len(tb)]
               for p in header_layout._PHRASES for k in range(1, len(p)))


def test_seam_index_agrees_with_every_phrase_split() -> None:
    pairs = [(" ".join(p[:k]), " ".join(p[k:])) for p in header_layout._PHRASES for k in range(1, len(p))]
    pairs += [("UBND HUYỆN CỘNG", "HÒA"), ("Độc lập - Tự do -", "Hạnh phúc"), ("KẾ", "HOẠCH TỔ CHỨC"),
              ("ỦY BAN", "DÂN"), ("CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM")]
    lines = _corpus_lines()
    pairs += list(itertools.pairwise(lines))
    for a, b in pairs:
        assert header_layout._seam_inside_phrase(a, b) == _seam_by_every_phrase(a, b), (a, b)
    assert all(header_layout._seam_inside_phrase(a, b) for a, b in pairs[:5])
