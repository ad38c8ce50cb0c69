"""File names as text, losslessly: a name that is not valid UTF-8 must not crash a record or the store.

Python hands such a name over with its bad bytes as lone surrogates (os.fsdecode, "surrogateescape"),
which neither JSON nor SQLite accept. A record carries the name as text with each bad byte written
`\\xNN` (`display`), and the exact bytes in hexadecimal (`path_bytes_hex`) only for such names.
"""

from __future__ import annotations

import os


def display(text: str) -> str:
    """The text with every byte that is not UTF-8 written as \\xNN (plain UTF-8 text is unchanged)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def bytes_hex(path: str) -> str | None:
    """The name's bytes in hexadecimal when it is not valid UTF-8, else None."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        return os.fsencode(path).hex()
