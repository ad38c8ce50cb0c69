"""Named vocabularies of Vietnamese administrative writing, kept as data; `alternation` compiles them."""

from __future__ import annotations

from collections.abc import Iterable

import regex as re


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation of phrases, longest first, any run of spaces matching the space between words.

    `space=" "` matches one space only, for names and lines whose spaces are already single (an issuer's
    name, a caps header line, a folded key) and for patterns that must not reach across a line break."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))
