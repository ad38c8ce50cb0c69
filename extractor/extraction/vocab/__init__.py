"""Named vocabularies of Vietnamese administrative writing, kept as data; `alternation` compiles them."""

from __future__ import annotations

from collections.abc import Iterable

import regex as re


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces matching the space between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
