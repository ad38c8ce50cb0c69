"""Character damage OCR engines and bad exports leave, as named data for `extractor.extraction.ocr_text`.

Every entry is a confusion seen in scanned Vietnamese administrative documents: a letter read for a
digit inside a number ("2O21", "9O%", "0l"), a tone written as a spacing modifier letter instead of a
combining mark ("ngaˋy"), a page's furniture left between two halves of a sentence ("- 2 -",
"Trang 2/5"). Only the shapes below are repaired; anything else is left as written.
"""

from __future__ import annotations

# Letters an OCR engine reads for a digit. O/o for 0 and l/I/| for 1 look alike in every office font;
# S for 5 only between digits ("2S0", "7S%"), since "5S" (the workplace method) is a word.
LETTER_DIGITS: dict[str, str] = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"}
# Letters read for a digit only with a digit on both sides ("1o0", "2S0"), or before "%".
INNER_ONLY: frozenset[str] = frozenset("oS")

# Spacing modifier letters used for a tone (an old keyboard driver's or a PDF font's), and the combining
# mark each stands for. NFKC would turn ˜ and ´ into a space plus a mark, detaching it from its letter.
SPACING_TONES: dict[str, str] = {
    "\u02cb": "\u0300",  # ˋ MODIFIER LETTER GRAVE ACCENT -> huyền
    "\u02ca": "\u0301",  # ˊ MODIFIER LETTER ACUTE ACCENT -> sắc
    "\u00b4": "\u0301",  # ´ ACUTE ACCENT -> sắc
    "\u02dc": "\u0303",  # ˜ SMALL TILDE -> ngã
    "\u02c0": "\u0309",  # ˀ MODIFIER LETTER GLOTTAL STOP (a hook's look-alike) -> hỏi
}

# The tone and vowel marks of Vietnamese (NFD): a stray one on a consonant is dropped.
VIETNAMESE_MARKS: frozenset[str] = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")

# Lines that are a page's furniture, not text: "- 2 -", "-2-", "Trang 2", "Trang 2/5", "Page 2 of 5".
PAGE_MARK_PATTERN = r"-\s*\d{1,3}\s*-|(?:Trang|TRANG|Page)\s+\d{1,3}(?:\s*(?:/|trên|of)\s*\d{1,3})?"
# A bare page number ("3") is furniture only between two halves of a sentence.
BARE_PAGE_NUMBER = r"\d{1,3}"

# Cue words of the number and date lines an OCR engine misreads with a wrong tone or hat ("Sô:",
# "thảng", "nám"); only these single words are re-read, and only before a number (extractor.extraction.restore).
# ("đạt" is not among them: "đất 500 m2" is land, not a target.)
REREAD_CUES: tuple[str, ...] = ("số", "ngày", "tháng", "năm")
