"""Regex fragments of a number/symbol ("Số: 05/KH-UBND", "91/2017/NĐ-CP", "718/KH-PGDĐT.TĐKT").

Nghị định 30/2020 Phụ lục III: the number, then the symbol, groups of type and organ codes joined by
"/" or "-". Every pattern that reads one (the header's "Số:" line, a flattened header, a web page's
list, a cited document) builds on these, so a code the standard allows is read alike everywhere.
"""

from __future__ import annotations

# A document's number, with a letter after it sometimes ("12a/KH-UBND").
NUMBER_PART = r"\d+[a-zA-Z]?"
# What may follow a symbol group's first character: letters, digits, "&" and "." ("GD&ĐT", "PGDĐT.TĐKT").
SYMBOL_CHARS = r"[\p{L}\d&.]*"
# One group of a symbol: a capital or a digit first ("KH", "UBND", "2017", "QH15").
SYMBOL_GROUP = r"[\p{Lu}\d]" + SYMBOL_CHARS
# A whole symbol as a header prints it, a space allowed around each separator ("KH - UBND").
SPACED_SYMBOL = SYMBOL_GROUP + r"(?:\s?[-/]\s?" + SYMBOL_GROUP + r")*"
