"""The folds text is compared by, one definition each.

- `case_fold`: lower case as a case-insensitive pattern compares letters, same length (offsets kept); the
  literal prefilters (`extractor.extraction.fields.prefilter`) search it for the words a pattern starts with.
- `fold_accents`: `case_fold` without marks, same length, so ASCII exports and OCR without Vietnamese
  ("Quyet dinh") read as the words they were; the diacritic restorer, signature blocks and the archive's
  search use it.
- `strip_marks`: lower case without any combining mark, whatever the normalisation form ('Củ Chi' -> 'cu chi'):
  typos in place names and the archive's identity keys; not offset-true.
- `phrase_key`: lower case and single spaces, marks kept (Tam Nông and Tâm Nông are two places): the key
  of a vocabulary's phrases (award forms, recipients, comparators) and of place names; not offset-true.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import chain


def case_fold(text: str) -> str:
    """Lower case, same length, as a case-insensitive pattern compares letters ("İ" is "i", "ſ" is "s")."""
    return text.replace("\u0130", "I").replace("\u017f", "s").lower()


def phrase_key(phrase: str) -> str:
    """A phrase as vocabularies key it: lower case, single spaces ("Giấy  Khen" -> "giấy khen")."""
    return " ".join(phrase.lower().split())


@lru_cache(maxsize=2048)
def strip_marks(s: str) -> str:
    """'Củ Chi' -> 'cu chi': for spotting typos in place names, never for output."""
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def _mark_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table[cp] = base
    return table


# Marked Latin letter (and đ) -> its base letter, for `str.translate`: words already lower case are
# compared by their marks-free spelling with it directly.
MARKS = _mark_table()


def fold_accents(text: str) -> str:
    """`case_fold` without marks: "Quyết định" -> "quyet dinh", đ -> d; same length."""
    return case_fold(text).translate(MARKS)
