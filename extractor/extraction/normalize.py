"""Text normalisation: one canonical text that every span of the record points into.

Archives arrive with every kind of noise: NFD accents, superscript digits from PDF
export, old tone placement ("Uỷ", "hoà"), markdown emphasis from converters, literal
"\\r\\n", and hard line wraps inside sentences and header lines. Extraction rules are
written against the normalised form only.
"""

from __future__ import annotations

import re as stdre
import unicodedata
from functools import lru_cache

import regex as re

from extractor.extraction import ocr_text, restore
from extractor.extraction.header_layout import repair_lines, split_flattened
from extractor.extraction.offset_map import OffsetMap, Step, sub, unicode_form
from extractor.extraction.restore import Restoration
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.organs import UNIT_WORDS

# Whole-text passes use stdlib `re` where it is faster (plain classes); `regex` where it is (the
# emphasis pattern's lookarounds: 1.4 ms in `re`, 0.07 ms in `regex` on 20 KB).
# Literal escape sequences left by bad exports ("...năm 2020\r\nKẾ HOẠCH" as 4 visible chars).
_LITERAL_NEWLINE = stdre.compile(r"\\r\\n|\\n")
_CR = stdre.compile(r"\r\n?")  # Windows and old Mac line ends
_INVISIBLE = stdre.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# All dash variants become "-": symbols ("GDĐT–VP") and ranges ("2023 – 2025") then match one way.
_DASHES = stdre.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
# Converter artefacts: "[bookmark: loai_1]" anchors and "[footnoteRef:1]" markers.
_ARTEFACTS = stdre.compile(r"\[(?:bookmark:[^\]\n]*|footnoteRef:\d+)\]")
# Markdown: bullets "* x", headings "# x", emphasis "**x**", "*x*", "__x__", escapes "1\.".
_MD_BULLET = stdre.compile(r"(?m)^[ \t]*[*•●▪◦][ \t]+")
_MD_HEADING = stdre.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_MD_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<!\w)_{1,2}(?=[^\s_])|(?<=[^\s_])_{1,2}(?!\w)")
_MD_ESCAPE = stdre.compile(r"\\([.\-*_()\[\]#+])")
# Whitespace runs (after NFKC every exotic space is a plain one); tabs separate table cells.
_TAB_RUN = stdre.compile(r" *\t[ \t]*")
_SPACES = stdre.compile(r"  +")
# Old tone placement ("hoà", "Uỷ"): only open syllables ending o/u + toned a/e/y are candidates.
# The cheap two-letter probe runs first; the whole word is taken only around a hit. A closed syllable
# ("hoàn", "toán": every final consonant is an ASCII letter) is rejected inside the scan by the lookahead;
# the rarer letters after a hit are still tested in Python. One probe per first letter: a literal first
# character lets `re` skip to it (twice as fast over a text as the class "[oOuU]"); their hits never overlap.
_OLD_TONE_PROBES = tuple(stdre.compile(o + r"[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![a-zA-Z])") for o in "oOuU")

# Line-wrap joining. A wrapped line ends mid-sentence; the next one starts in lower case
# and is not a list item ("a) …", "- …", "+ …").
_LIST_ITEM = re.compile(r"^(?:\p{Ll}[).]|[ivx]{1,4}[.)]\s)")
# "Thành phố Hồ Chí" + "Minh, ngày 05 tháng …": a place name wrapped before its date.
_PLACE_TAIL = re.compile(r"^\p{Lu}[\p{L} ]{0,30},\s*ngày\b")
# (not after an issuer in capitals or a letter's title: the date line is the next header component)
_TITLE_LEADS = ("V/v", "v/v", "V/V")
_ENDS_CAPITALISED_WORD = re.compile(r"(?r)(?:^|\s)\p{Lu}\p{Ll}*$")
# "… của Chủ tịch Ủy ban nhân dân" + "Thành phố. Mỗi đơn vị …": an organ name wrapped before its unit.
_ENDS_ORGAN = re.compile(r"(?ri)(?:nhân\s+dân|Ủy\s+ban|Hội\s+đồng|Chủ\s+tịch|Giám\s+đốc)$")
# Words a sentence cannot end on: a line ending with one was wrapped mid-phrase.
_OPEN_ENDINGS = (" và", " của", " các", " số", " tại", " theo", " cho", " với", " ngày", " tháng", " năm")
# "… chuyển đổi số" ends a title or a sentence; only "số" before a digit ("Kế hoạch số" + "09/KH-TH") is open.
_DIGITAL = re.compile(r" số[^\d/]$")
_LIST_START = re.compile(r"^(?:[-+•]|\d{1,2}[.)]\s|[IVX]{1,4}\.\s|\p{Ll}\)\s)")
_UNIT_STARTS = ("Thành", "Tỉnh", "Huyện", "Quận", "Thị", "Xã", "Phường")
_STARTS_UNIT = re.compile(r"^(?:" + alternation(u.capitalize() for u in UNIT_WORDS) + r")\b(?!\s+ủy)")


# The compatibility characters archives actually contain, mapped as NFKC maps them.
_COMPATIBILITY: dict[str, str] = {
        **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # fullwidth ASCII
        **dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789", strict=True)),
        "\u00a0": " ", "\u202f": " ", "\u3000": " ", "…": "...",
        **{chr(c): " " for c in range(0x2000, 0x200B)},
}
# (a regex over the rare characters: str.translate with a dict walks every character in Python)
_COMPATIBILITY_RE = stdre.compile("[" + stdre.escape("".join(_COMPATIBILITY)) + "]")
_PASSES: tuple[tuple[str, stdre.Pattern[str] | re.Pattern[str], str], ...] = (
    ("\u200b\u200c\u200d\u2060\ufeff\u00ad", _INVISIBLE, ""),
    ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d", _DASHES, "-"),
    ("[", _ARTEFACTS, ""),
    ("\\", _MD_ESCAPE, r"\1"),
    ("*•●▪◦", _MD_BULLET, "- "),
    ("#", _MD_HEADING, ""),
    ("*_", _MD_EMPHASIS, ""),
)


@lru_cache(maxsize=4096)
def _modern_tone(word: str) -> str:
    # underthesea's token table knows which old-style spellings map to which modern ones
    # (and leaves "quý", "khuya" alone); importing it costs ~0.4 s, so only when needed.
    lower = word.lower()
    if len(lower) == 3 and lower.startswith("qu"):
        return word  # "quả", "quá", "quý", "quỹ": "qu" is the initial, the tone is where it belongs
    from underthesea.pipeline.text_normalize.token_normalize import token_normalize

    fixed: str = token_normalize(lower)
    if fixed == lower:
        return word
    if word.isupper():
        return fixed.upper()
    if word[0].isupper():
        return fixed[0].upper() + fixed[1:]
    return fixed


def _fix_tones(text: str, omap: OffsetMap) -> str:
    parts: list[str] = []
    step = Step()
    done = size = 0
    for m in sorted((m for probe in _OLD_TONE_PROBES for m in probe.finditer(text)), key=stdre.Match.start):
        end = m.end()
        if end < len(text) and text[end].isalpha():
            continue  # "hoàn": a closed syllable keeps its tone where it is
        start = m.start()
        while start > done and text[start - 1].isalpha():
            start -= 1
        parts += [text[done:start], _modern_tone(text[start:end])]
        size += start - done + len(parts[-1])
        done = end
        step.add(size, done)
    omap.record(step)
    return "".join(parts) + text[done:] if parts else text


def _clean_lines(text: str) -> list[str]:
    # String methods first: a regex over every character costs more than the whole extraction. A line
    # holds a tab or a double space only when the text does (stripping and tab runs make none).
    lines = [line.strip() for line in text.split("\n")]
    if "\t" in text:
        lines = [_TAB_RUN.sub("\t", line) if "\t" in line else line for line in lines]
    if "  " in text:
        lines = [_SPACES.sub(" ", line) if "  " in line else line for line in lines]
    return lines


def _joinable(prev: str, nxt: str, gap: int) -> bool:
    # A finished sentence is not continued (the commonest answer, so tested before the tabs of table cells).
    if not prev or not nxt or prev[-1] in ".:;!?" or "\t" in prev or "\t" in nxt:
        return False
    if not nxt[0].islower():  # the common case, decided by string tests before any regex
        if gap:
            return False
        if prev.endswith(_OPEN_ENDINGS) and not _LIST_START.match(nxt) and not _DIGITAL.search(prev + nxt[:1]):
            return True  # "… Sở Giáo dục và" + "Đào tạo tỉnh …", "Kế hoạch số" + "09/KH-TH": no line ends so
        if not nxt[0].isupper():
            return False
        if ("ngày" in nxt[:40] and _PLACE_TAIL.match(nxt) and _ENDS_CAPITALISED_WORD.search(prev)
                and not prev.isupper() and not prev.startswith(_TITLE_LEADS)):
            return True
        return bool(nxt.startswith(_UNIT_STARTS) and _ENDS_ORGAN.search(prev) and _STARTS_UNIT.match(nxt)
                    and not prev.isupper())
    # A caps heading is not continued; nor is a list item.
    if prev.isupper() or _LIST_ITEM.match(nxt):
        return False
    # Across a blank line only a comma or an unfinished phrase continues (page-break wraps).
    return gap == 0 or prev.endswith(",") or prev[-1].isalpha()


def _join_wraps(lines: list[str]) -> str:
    out: list[str] = []
    blank_run = 0
    for line in lines:
        if not line:
            blank_run += 1
            continue
        if out and blank_run <= 1 and _joinable(out[-1], line, blank_run):
            out[-1] = out[-1] + " " + line
        else:
            if blank_run and out:  # (at most two blank lines kept; most lines follow no blank one)
                out.extend([""] * min(blank_run, 2))
            out.append(line)
        blank_run = 0
    return "\n".join(out) + "\n"


def normalize(text: str) -> str:
    """Return the canonical form of a document text (idempotent)."""
    return normalize_mapped(text)[0]


def normalize_noted(text: str) -> tuple[str, list[Restoration]]:
    """`normalize`, with the ranges of the result whose lost diacritics were restored (and their raw text)."""
    return normalize_mapped(text)[:2]


def normalize_mapped(text: str) -> tuple[str, list[Restoration], OffsetMap]:
    """`normalize_noted`, with the map from positions of the result to positions of `text`."""
    omap = OffsetMap()
    # A stray literal "\r\n" is always an export artefact; a literal "\n" only when it stands for every line.
    if "\\r\\n" in text or ("\\n" in text and text.count("\n") < text.count("\\n")):
        text = sub(omap, _LITERAL_NEWLINE, "\n", text)
    if "\r" in text:
        text = sub(omap, _CR, "\n", text)
    text = ocr_text.repair_marks(text, omap)  # before NFKC, which would detach a spacing tone from its letter
    # NFKC: composed accents, and "⁵³⁷" / fullwidth digits become plain digits.
    if not unicodedata.is_normalized("NFKC", text):
        # NFKC over a whole file is slow; most texts are NFC with a few compatibility characters.
        if unicodedata.is_normalized("NFC", text):
            text = sub(omap, _COMPATIBILITY_RE, lambda m: _COMPATIBILITY[m.group(0)], text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicode_form(omap, "NFKC", text)
    # Each pass runs only when its trigger character occurs: most texts need few of them.
    for triggers, pattern, repl in _PASSES:
        if any(c in text for c in triggers):
            text = sub(omap, pattern, repl, text)
    text = _fix_tones(text, omap)
    # The header's table cells and broken phrases are repaired before wraps are joined, its flattened
    # components cut apart after (a wrapped date must be whole to be recognised).
    # A page's furniture between two halves of a sentence goes first, so the halves are joined.
    lines = repair_lines(ocr_text.drop_page_furniture(_clean_lines(text)))
    out, restored = restore.restored(lines, lambda lines: split_flattened(_join_wraps(lines)))
    omap.defer_lines(text, out)
    return out, restored, omap
