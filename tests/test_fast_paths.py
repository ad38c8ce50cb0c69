"""Fast paths of normalisation and splitting agree with the slower forms they replace.

Each fast path (a pattern rewritten so its scan can skip ahead, a pass skipped when a cheap test proves it
changes nothing) is pinned here against the plain form, on the edge cases its proof rests on.
"""

from __future__ import annotations

import re

import pytest

from extractor.extraction import ocr_text

# The split-number pattern as first written: the word looked behind for before the digits.
_SPLIT_NUMBER_LOOKBEHIND = re.compile(r"(?:(?<=\bSố)|(?<=\bsố)|(?<=\bSỐ))(?::\s*|\s+)(\d{1,4}(?: \d{1,4})+)(?=\s?/)")


@pytest.mark.parametrize("text", [
    "Số: 1 52/KH-UBND", "Số: 2 15 /KH-UBND", "số 1 2/", "SỐ:  12 3 /QĐ", "Số 1 2 3/x",  # split numbers
    "aSố 1 2/", "ĐSố: 1 2/", "_Số 1 2/", "1Số 1 2/",  # a word character before the word: no "\b"
    " Số 1 2/", "(Số: 1 2/", "-Số 1 2/", "\nSố\t1 2/",  # a non-word character or a line before it
    "Số:1 2/", "Số1 2/", "Số: 12/", "Số: 1 2", "Số: 1 2 /", "Số: 1 2  /",  # colon, no space, no slash
    "Số: 1 2/ Số: 3 4/", "Số Số 1 2/", "SốSố 1 2/", "Số: 12345 6/", "Số: 1 23456/",  # repeats, long groups
    "SỐ 1 2/", "sỐ 1 2/", "Sô 1 2/", "ngày 1 2/3", "",
])
def test_split_number_scan_finds_what_the_lookbehind_form_finds(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
        return [(m.start(1), m.end(1), m.group(1)) for m in pattern.finditer(text)]

    assert found(ocr_text._SPLIT_NUMBER) == found(_SPLIT_NUMBER_LOOKBEHIND)


def test_split_number_scan_finds_the_number_groups() -> None:
    assert [m.group(1) for m in ocr_text._SPLIT_NUMBER.finditer("Số: 1 52/KH và số 2 15 /KH, aSố 3 4/")] == [
        "1 52", "2 15"]
