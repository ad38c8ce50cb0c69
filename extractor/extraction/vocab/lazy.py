"""Patterns compiled on first use, for patterns a typical plan never reaches.

`regex` compiles in Python (~0.5 ms a pattern), so a pattern compiled at import costs every one-file
`planex extract`, used or not. Hot paths keep module constants; a pattern of a rare path is built by a
cached getter (called once per document at most), and a family of many patterns by `PatternsByKey`,
whose lookup is a plain dict hit once the key's pattern is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import regex as re


class PatternsByKey(dict[str, "re.Pattern[str]"]):
    """One pattern per known key, built by `build(key)` on the key's first lookup."""

    def __init__(self, keys: Iterable[str], build: Callable[[str], re.Pattern[str]]) -> None:
        super().__init__()
        self.keys_known = frozenset(keys)
        self._build = build

    def __missing__(self, key: str) -> re.Pattern[str]:
        if key not in self.keys_known:
            raise KeyError(key)
        pattern = self[key] = self._build(key)
        return pattern


def on_first_use(pattern: str) -> Callable[[], re.Pattern[str]]:
    """A getter of `pattern`, compiled on the getter's first call (then a cached call, ~0.1 µs)."""
    return cache(lambda: re.compile(pattern))
