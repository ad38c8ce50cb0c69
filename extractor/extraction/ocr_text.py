"""Repair the character damage OCR engines and bad exports leave, without inventing a value.

Three small passes, each behind a cheap whole-text test so a clean text pays a few C-speed scans:

- `repair_marks` (raw text, before NFKC): decomposed text whose combining marks a space or a line
  break detached from their letter ("Pha ̂́n", "cư" + newline + "́ Kế") gets them back; a tone written
  as a spacing modifier letter ("ngaˋy") becomes the combining mark; a mark NFC cannot put on its
  letter (a doubled mark, a second tone, a tone on a consonant: "quá́", "ǹ") is dropped.
- `drop_page_furniture` (cleaned lines): a page mark ("- 2 -", "Trang 2/5") is dropped, and a bare
  page number between two halves of a sentence; the blank lines around it go too, so the wrap joiner
  joins the sentence again.
- `digit_edits` (one line): a letter read for a digit inside a token that is otherwise a number,
  date or percentage ("2O21", "31/1O/2021", "9O%", "0l", "7S%"), and a document number split by a space
  after "Số:" ("Số: 1 52/KH-UBND"). The edits go through `extractor.extraction.restore`, which records the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

from extractor.extraction.offset_map import OffsetMap, sub, unicode_form
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import RECIPIENTS
from extractor.extraction.vocab.ocr_confusions import (
    BARE_PAGE_NUMBER,
    INNER_ONLY,
    LETTER_DIGITS,
    PAGE_MARK_PATTERN,
    SPACING_TONES,
    VIETNAMESE_MARKS,
)

_COMBINING = "\u0300-\u036f"


def _consonants_with_marks() -> str:
    """Precomposed Latin letters that put a Vietnamese mark on a consonant ("ǹ", "ḿ", "ṇ"): no
    Vietnamese letter; OCR gives them for a mark that belongs to a neighbouring vowel."""
    found = []
    for cp in chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        nfd = unicodedata.normalize("NFD", chr(cp))
        if len(nfd) > 1 and nfd[0] in "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ" and set(nfd[1:]) <= VIETNAMESE_MARKS:
            found.append(chr(cp))
    return "".join(found)


_MARKED_CONSONANTS = _consonants_with_marks()
_TONE_LETTERS = "".join(SPACING_TONES)
# One scan of a clean NFC text finds none of these.
_MARK_DAMAGE = re.compile(f"[{_COMBINING}{_TONE_LETTERS}{_MARKED_CONSONANTS}]")
# A tone letter after a letter (and its marks) stands for that letter's tone.
_TONE_AFTER_LETTER = re.compile(f"(?<=[^\\W\\d_]|[{_COMBINING}])[{_TONE_LETTERS}]")
# Marks a space or a line break cut off from the letter before them.
_DETACHED = re.compile(f"(?<=[^\\W\\d_]|[{_COMBINING}])[ \t]*\n?[ \t]*(?=[{_COMBINING}])")
_LEFTOVER = re.compile(f"[{_COMBINING}{_TONE_LETTERS}]")
_STRIP_CONSONANT = {ord(c): unicodedata.normalize("NFD", c)[0] for c in _MARKED_CONSONANTS}


# UTF-8 lead bytes of the spacing modifier letters (U+02C0-U+02FF) and of the combining marks
# (U+0300-U+036F), mapped to "!": no NFC Vietnamese letter has them, so one byte translation and one
# search clear a clean text (a regex over its characters costs five times more).
_MARK_LEADS = bytes(ord("!") if b in (0xCB, 0xCC, 0xCD) else ord(".") for b in range(256))
_OTHER_MARKS = ("\u00b4", "ǹ", "Ǹ")  # the acute accent and the commonest marked consonant


def repair_marks(text: str, omap: OffsetMap | None = None) -> str:
    """Marks put back on their letters, stray marks dropped; NFC. A text without any is returned as is.
    The characters' moves are recorded in `omap`."""
    if b"!" not in text.encode("utf-8", "surrogatepass").translate(_MARK_LEADS) and not any(
        c in text for c in _OTHER_MARKS
    ):
        return text
    if not _MARK_DAMAGE.search(text):
        return text
    omap = OffsetMap() if omap is None else omap
    text = unicode_form(omap, "NFD", text)
    text = _TONE_AFTER_LETTER.sub(lambda m: SPACING_TONES[m.group()], text)  # one character for one
    text = sub(omap, _DETACHED, "", text)
    text = unicode_form(omap, "NFC", text)
    return sub(omap, _LEFTOVER, "", text).translate(_STRIP_CONSONANT)  # (one character for one)


_PAGE_MARK = re.compile(f"(?:{PAGE_MARK_PATTERN})")
_BARE_NUMBER = re.compile(BARE_PAGE_NUMBER)
_PAGE_STARTS = ("-", "Trang", "TRANG", "Page")


def _unfinished(line: str) -> bool:
    return bool(line) and line[-1] not in ".:;!?"


def drop_page_furniture(lines: list[str]) -> list[str]:
    """The lines without page marks, and without a bare page number inside a sentence."""
    found = [i for i, line in enumerate(lines) if 0 < len(line) <= 16 and (line[0].isdigit() or line.startswith(
        _PAGE_STARTS)) and (_PAGE_MARK.fullmatch(line) or _BARE_NUMBER.fullmatch(line))]
    if not found:
        return lines
    drop: set[int] = set()
    for i in found:
        before = next((j for j in range(i - 1, -1, -1) if lines[j]), -1)
        after = next((j for j in range(i + 1, len(lines)) if lines[j]), len(lines))
        if _BARE_NUMBER.fullmatch(lines[i]) and not (
            int(lines[i]) > 1 and before >= 0 and after < len(lines) and (before < i - 1 or after > i + 1)
            and "\t" not in lines[before] and _unfinished(lines[before])
            and (lines[after][0].islower() or (lines[after][0].isdigit() and lines[before][-1].isalpha()))
        ):
            continue  # a number standing alone (a table cell, a count) is text; a page number has a blank line
        if before >= 0 and after < len(lines) and _unfinished(lines[before]):
            drop.update(range(before + 1, after))  # the sentence goes on: its blank lines go too
        else:
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]


_CONFUSABLE = "".join(LETTER_DIGITS)
_CLASS = re.escape(_CONFUSABLE)
# A letter next to a digit: the whole-text test before any line is looked at.
DIGIT_CONFUSION = re.compile(f"\\d[{_CLASS}]|[{_CLASS}]\\d")
# A token of digits and confusable letters, with date/decimal separators, maybe a percent sign.
_TOKEN = re.compile(f"(?<![^\\W_])[\\d{_CLASS}]+(?:[/.,][\\d{_CLASS}]+)*%?(?![^\\W_])")
# "Số: 1 52/KH-UBND", "Số: 2 15 /KH-UBND": digit groups of one document number split by a space. (The word
# is matched and then looked behind for no letter before it, which is "\b" before it: a literal first letter
# lets the scan skip ahead, ten times faster than the lookbehinds before the digits; the digit groups are
# found where they were, and matches overlap in neither form.)
_SPLIT_NUMBER = re.compile(r"(?:Số|số|SỐ)(?<!\w..)(?::\s*|\s+)(\d{1,4}(?: \d{1,4})+)(?=\s?/)")


def _digit(token: str, i: int) -> str | None:
    """The digit letter token[i] stands for, or None when it must stay a letter."""
    c = token[i]
    if c.isdigit() or c in "/.,%":
        return c
    prev = token[i - 1] if i else ""
    nxt = token[i + 1] if i + 1 < len(token) else ""
    if c in INNER_ONLY and not (prev.isdigit() and (nxt.isdigit() or nxt == "%")):
        return None
    if c in "lI|" and not nxt and not (token[0] == "0" or "/" in token or token.endswith("%")):
        return None  # "5l" may be litres; "0l", "1l/10" are numbers
    return LETTER_DIGITS[c]


# Words after which a one-digit token is a count or a date part ("ngày O8", "không quá 0l"), and the
# award recipients before which it is a count ("cho O3 tập thể").
_COUNT_CUE = re.compile(r"(?i)(?:ngày|tháng|năm|quá|số|đa|thiểu|nhất|:)\s*$")
_COUNTED = re.compile(r"\s+(?i:" + alternation(RECIPIENTS, space=" ") + r")\b")


def _fixed_token(token: str, before: str, after: str) -> str | None:
    real = sum(c.isdigit() for c in token)
    if not real or real == len(token) or all(c.isdigit() or c in "/.,%" for c in token):
        return None
    if real < 2 and "/" not in token and "%" not in token and not (
            _COUNT_CUE.search(before) or _COUNTED.match(after)):
        return None  # "O2", "I1" alone may be a formula or a label
    digits = [_digit(token, i) for i in range(len(token))]
    if None in digits:
        return None
    fixed = "".join(d for d in digits if d is not None)
    return fixed


def digit_edits(line: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each number a letter or a space damaged in `line`."""
    edits = []
    if damaged_number(line):
        for m in _TOKEN.finditer(line):
            fixed = _fixed_token(m.group(), line[max(0, m.start() - 12) : m.start()], line[m.end() : m.end() + 16])
            if fixed:
                edits.append((m.start(), m.end(), fixed))
    if " " in line:
        for m in _SPLIT_NUMBER.finditer(line):
            if not any(s < m.end(1) and m.start(1) < e for s, e, _ in edits):
                edits.append((m.start(1), m.end(1), m.group(1).replace(" ", "")))
    return sorted(edits)


def _shadow_table() -> bytes:
    """Bytes of UTF-8 text mapped to "0" (a digit), "L" (a letter read for one), " " and "x" (anything else)."""
    table = bytearray(b"x" * 256)
    for b in b"0123456789":
        table[b] = ord("0")
    for b in _CONFUSABLE.encode("ascii"):
        table[b] = ord("L")
    table[ord(" ")] = ord(" ")
    return bytes(table)


_SHADOW = _shadow_table()


def damaged_number(text: str, encoded: bytes | None = None) -> bool:
    """Whether `text` may hold a number `digit_edits` repairs: one C-speed byte translation and three
    substring tests (a regex over every character would cost more than the whole extraction)."""
    shadow = (text.encode("utf-8") if encoded is None else encoded).translate(_SHADOW)
    return ((b"0L" in shadow or b"L0" in shadow) and bool(DIGIT_CONFUSION.search(text))) or (
        b"0 0" in shadow and bool(_SPLIT_NUMBER.search(text)))
