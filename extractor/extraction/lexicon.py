"""Words of the Vietnamese language, to tell a valid spelling from an OCR misread.

"môi trường" and "mỗi trường" fold alike and both are Vietnamese; "ĐẲNG CỘNG SẢN" and "Chú tịch" are
not words. The list is underthesea's Viet74K word list (a dependency already, for old tone marks),
read from its package directory without importing the package (that costs about a second) and
only when a text has a vocabulary phrase with unexpected marks.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import cache
from pathlib import Path


@cache
def _words() -> frozenset[str]:
    spec = importlib.util.find_spec("underthesea")
    roots = list(spec.submodule_search_locations or ()) if spec else []
    for root in roots:
        path = Path(root) / "corpus" / "data" / "Viet74K.txt"
        if path.exists():
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower()
            return frozenset(text.split("\n"))
    return frozenset()


def is_word(phrase: str) -> bool:
    """Whether `phrase` (lower case, words separated by one space) is a word of the list."""
    return phrase in _words()
