"""Recognise Vietnamese that is not real Unicode, and convert it (or name it, when it cannot be).

Three failures reach us as text: documents typed in the legacy 8-bit font encodings TCVN3 (ABC,
".VnTime") and VNI ("VNI-Times"), whose bytes Word and PDF exporters pass through as Windows-1252
characters ("KÕ ho¹ch", "Keá hoaïch"); UTF-8 that was once decoded as Windows-1252 ("Káº¿ hoáº¡ch");
and .txt files saved in Windows-1258, VISCII, TCVN3 or VNI. Real Vietnamese is full of letters those
views cannot produce (ă, đ, ơ, ư, U+1EA0-U+1EF9), while the broken views are full of Latin-1 symbols
and non-Vietnamese letters (¹, µ, ®, ä, ø, º, »). A line with many of the latter and few of the
former is broken.

Which conversion is right is decided by the result: every candidate decoding is scored by how many
of its words are Vietnamese syllables (one tone mark at most, an initial, a vowel group and a final
of extractor.extraction.vocab.legacy_fonts, one letter case pattern), and the best one wins. A wrong decoding
makes impossible syllables ("hoỐch", "keỏ"), so the right one stands out after a few lines.
No charset-detection library is used: none knows TCVN3 or VNI.

    decode_bytes(data)        # a .txt that is not UTF-8 -> (text, "tcvn3" | "vni" | "viscii" | "cp1258") or None
    repair_text(text, base)   # Unicode text with broken lines -> Decoded(text, encoding, warnings)
    broken_sample(text)       # the first line still broken, for the "encoding" error message
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extractor.extraction.readers.vncodecs import CODECS, decode_tcvn3, decode_vni, repair_mojibake
from extractor.extraction.vocab.legacy_fonts import FINALS, INITIALS, NUCLEI

# What `source.encoding` says: the file's Unicode encoding, the legacy encoding converted from, or
# "mixed" (Unicode and legacy text, or two legacy encodings, in one file).
Encoding = Literal["utf-8", "utf-16", "utf-32", "unicode", "tcvn3", "vni", "viscii", "cp1258", "mojibake", "mixed"]

# Latin-1 and C1 characters that Vietnamese Unicode text never needs: everything in U+0080-U+00FF
# except the Vietnamese letters (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals), NBSP, soft hyphen and
# the typography a plan may use (° ² ³ × ½).
_VIET_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
_ALLOWED_LATIN1 = _VIET_LATIN1 + "\u00a0\u00ad°²³×½"
_MARKER_CHARS = "".join(chr(c) for c in range(0x80, 0x100) if chr(c) not in _ALLOWED_LATIN1)
# Windows-1252's own letters from 0x80-0x9F ("ž" is TCVN3's "Ủ").
_MARKERS = re.compile("[" + re.escape(_MARKER_CHARS) + "ŒœŠšŸŽžƒˆ˜]")
# Letters (and combining tone marks, as Windows-1258 writes them) only real Vietnamese has.
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_LETTERS = re.compile(r"[^\W\d_]")
# A broken line has at least this many markers, at least this share of its letters.
_MIN_MARKERS = 3
_MIN_MARKER_SHARE = 0.08

# Which breakage it is, by its signature characters in the Windows-1252 view.
_SIGNATURES = (
    ("TCVN3 (ABC) legacy font encoding", re.compile("[¹µ¸¶·®«©ª¨§¬¦]")),
    ("VNI legacy font encoding", re.compile("[äøïöûëåüñÑ]")),
    ("UTF-8 decoded as Windows-1252 (mojibake)", re.compile("á[º»]|Ä[‘\u0091]|Æ[°¡¯]|Ã[\u0080-\u00bf]")),
)


def _broken(line: str) -> bool:
    markers = len(_MARKERS.findall(line))
    if markers < _MIN_MARKERS:
        return False
    letters = len(_LETTERS.findall(line))
    return markers >= _MIN_MARKER_SHARE * letters and markers > len(_VIETNAMESE.findall(line))


def broken_sample(text: str) -> str | None:
    """The first line of `text` that is legacy-encoded or mojibake, or None when the text is sound."""
    # Only lines holding a marker are examined; most texts have none, and cost one scan.
    pos = 0
    while marker := _MARKERS.search(text, pos):
        start = text.rfind("\n", 0, marker.start()) + 1
        end = text.find("\n", marker.end())
        end = len(text) if end < 0 else end
        if _broken(text[start:end]):
            return text[start:end]
        pos = end + 1
    return None


def describe(text: str) -> str:
    """Name the breakage of a line or text (in its Windows-1252 view)."""
    scores = [(len(sig.findall(text)), label) for label, sig in _SIGNATURES]
    best, label = max(scores)
    return label if best else "an 8-bit encoding that is not Unicode"


def describe_bytes(data: bytes) -> str:
    """Name the encoding of bytes that are not UTF-8 (or say that they are not recognisable)."""
    view = data.decode("cp1252", errors="replace")
    label = describe(view)
    if label.startswith(("TCVN3", "VNI")):
        return label
    as_1258 = data.decode("cp1258", errors="replace")
    letters = len(_LETTERS.findall(as_1258))
    if letters and len(_VIETNAMESE.findall(as_1258)) >= 0.03 * letters:
        return "Windows-1258 (CP1258) Vietnamese"
    return label


# --- Conversion ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decoded:
    """Text after conversion, what it was converted from, and what the user should know about it."""

    text: str
    encoding: Encoding
    warnings: tuple[str, ...] = ()
    block_starts: list[int] | None = None  # .docx: where each paragraph or cell starts in `text`


LegacyName = Literal["tcvn3", "vni", "viscii", "cp1258", "mojibake"]
LABELS: dict[LegacyName, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII",
                                 "cp1258": "Windows-1258", "mojibake": "UTF-8 read as Windows-1252"}

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SYLLABLE = re.compile(f"(?:{_alternation(INITIALS)})?(?:{_alternation(NUCLEI)})(?:{_alternation(FINALS)})?")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*")
_VOWEL = re.compile("[aeiouyAEIOUY\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd"
                    "\u00e0-\u00e3\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd"
                    "ăĂơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


@lru_cache(maxsize=16384)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable in one of the case patterns typists use (lower, Title, CAPS)."""
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in parts) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(base) is not None


def _scored_words(text: str) -> list[str]:
    """The words a decoding is judged by: those with non-ASCII letters, except abbreviations without
    a vowel ("HĐND", "ĐVT")."""
    return [w for w in _NON_ASCII_WORD.findall(text) if _VOWEL.search(w)]


def _score(text: str) -> int:
    """Words that are Vietnamese syllables, minus those that are not and minus the marker characters
    left over."""
    return sum(1 if _is_syllable(w) else -1 for w in _scored_words(text)) - len(_MARKERS.findall(text))


# Candidate decodings of a .txt file's bytes (Windows-1258 first: it also fails on undefined bytes).
_BYTE_DECODERS: tuple[tuple[LegacyName, Callable[[bytes], str | None]], ...] = tuple(
    (name, CODECS[name][1]) for name in ("cp1258", "tcvn3", "vni", "viscii"))
# Scoring reads this much of a file: enough lines to tell the encodings apart.
_SAMPLE_BYTES = 32768
# A decoding is accepted when this share of its scored words are syllables (names and foreign
# words are the rest).
_MIN_VALID_SHARE = 0.8


def _acceptable(text: str) -> bool:
    words = _scored_words(text)
    return bool(words) and sum(map(_is_syllable, words)) >= _MIN_VALID_SHARE * len(words)


def decode_bytes(data: bytes) -> tuple[str, LegacyName] | None:
    """Decode the bytes of a non-UTF-8 text file in the legacy encoding that reads best, or None."""
    sample = data[:_SAMPLE_BYTES]
    scored = []
    for name, decoder in _BYTE_DECODERS:
        text = decoder(sample)
        if text is not None and _acceptable(text):
            scored.append((_score(text), name, decoder))
    if not scored:
        return None
    _, name, decoder = max(scored, key=lambda t: t[0])
    text = decoder(data)
    return (text, name) if text is not None else None


# Conversions of a line of Unicode text that is really a Windows-1252 view.
_VIEW_DECODERS: tuple[tuple[LegacyName, Callable[[str], str | None]], ...] = (
    ("mojibake", repair_mojibake),
    ("tcvn3", decode_tcvn3),
    ("vni", decode_vni),
)
# Letters only real Unicode Vietnamese has: a line holding one is not a legacy view.
UNICODE_ONLY = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
# A line without markers is converted too, when most converted lines of the text were in one legacy
# encoding and the conversion reads at least as well ("Sè: 12" is TCVN3's "Số: 12").
_DOMINANT_SHARE = 0.5


# After this many lines in a row read well in one conversion, it is trusted for the rest of the text.
_PROVEN_LINES = 20


def _best(line: str, likely: LegacyName | None, proven: bool) -> tuple[LegacyName, str] | None:
    """The conversion of a broken line that reads best. The `likely` one (the text's conversion so
    far) is taken at once when it reads as Vietnamese, or, once `proven` on many lines, when it
    leaves fewer marker characters."""
    if likely is not None:
        converted = dict(_VIEW_DECODERS)[likely](line)
        if converted is not None and proven and len(_MARKERS.findall(converted)) < len(_MARKERS.findall(line)):
            return likely, converted
        if converted is not None and _score(converted) > max(_score(line), 0) and _acceptable(converted):
            return likely, converted
    base = _score(line)
    best: tuple[int, LegacyName, str] | None = None
    for name, decoder in _VIEW_DECODERS:
        converted = decoder(line)
        if converted is not None and converted != line:
            score = _score(converted)
            if score > max(base, 0) and (best is None or score > best[0]):
                best = (score, name, converted)
    return (best[1], best[2]) if best else None


def needs_repair(text: str) -> bool:
    """Whether `text` holds any character a broken line is made of (one scan; false for most texts)."""
    return _MARKERS.search(text) is not None


def repair_text(text: str, encoding: Encoding) -> Decoded:
    """Convert the lines of `text` that are a legacy encoding's (or mojibake's) Windows-1252 view.

    `encoding` is what the reader decoded (its file encoding, or a legacy encoding it already
    converted by font); the result says "mixed" when lines of another kind were converted too."""
    if _MARKERS.search(text) is None:
        return Decoded(text, encoding)
    lines = text.split("\n")
    done: dict[int, LegacyName] = {}
    likely: LegacyName | None = None
    streak = 0  # lines in a row that the likely conversion read as Vietnamese
    for i, line in enumerate(lines):
        if _broken(line) and (found := _best(line, likely, streak >= _PROVEN_LINES)):
            streak = streak + 1 if found[0] == likely else 0
            (likely, lines[i]) = found
            done[i] = likely
    if not done:
        return Decoded(text, encoding)
    counts = Counter(done.values())
    dominant, n = counts.most_common(1)[0]
    candidates = [i for i, line in enumerate(lines) if i not in done and _NON_ASCII.search(line)
                  and not UNICODE_ONLY.search(line)]
    if n >= _DOMINANT_SHARE * (n + len(candidates)):
        decoder = dict(_VIEW_DECODERS)[dominant]
        for i in candidates:
            converted = decoder(lines[i])
            if converted is not None and converted != lines[i] and _score(converted) >= _score(lines[i]):
                done[i], lines[i] = dominant, converted
        counts = Counter(done.values())
    kinds = set(counts)
    unicode_lines = sum(1 for i, line in enumerate(lines) if i not in done and UNICODE_ONLY.search(line))
    warnings = []
    if unicode_lines:
        shown = ", ".join(f"{counts[k]} from {LABELS[k]}" for k in sorted(kinds))
        warnings.append(f"part of the text converted: {shown}; {unicode_lines} other line(s) were Unicode")
    single = next(iter(kinds)) if len(kinds) == 1 else None
    if single is not None and not unicode_lines and encoding in ("utf-8", "utf-16", "utf-32", "unicode", single):
        result: Encoding = single
    else:
        result = "mixed"
    return Decoded("\n".join(lines), result, tuple(warnings))
