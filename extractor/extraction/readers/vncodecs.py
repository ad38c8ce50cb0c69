"""Codecs for the pre-Unicode Vietnamese encodings whose tables are in extractor.extraction.vocab.legacy_fonts.

Legacy text reaches planex in two shapes: raw bytes (a .txt file), and the Windows-1252 "view" of the
bytes (a Word run in a legacy font, a PDF text layer, a .txt already converted to UTF-8 by a tool that
did not know the font). Every decoder here works on the view: bytes are first read as that view.

    decode_tcvn3(view, caps=False)   # ".VnTime" text; caps=True for ".VnTimeH" (lower-case codes drawn as capitals)
    decode_vni(view)                 # "VNI-Times" text
    decode_viscii(view)
    decode_cp1258(data)              # bytes -> NFC text, or None when they are not Windows-1258
    repair_mojibake(text)            # UTF-8 read as Windows-1252 ("Káº¿ hoáº¡ch") -> text, or None
    bytes_view(data)                 # bytes -> the Windows-1252 view (Latin-1 where 1252 has a gap)

The encoders (`encode_*`) make test data and corpus files; they write what a typist's tools wrote:
TCVN3 capitals of the full TCVN 5712 table (as `iconv -t TCVN5712-1`), VNI base letter plus mark byte.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from extractor.extraction.vocab.legacy_fonts import (
    TCVN3_HIGH,
    TCVN3_LOW,
    TCVN3_PDF_GLYPHS,
    VISCII_HIGH,
    VISCII_LOW,
    VNI_BREVE,
    VNI_CIRCUMFLEX,
    VNI_SINGLE,
    VNI_TONE,
)

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_COMBINING = re.compile("[" + _TONES + "]")


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character in Windows-1252
        return chr(byte)


_VIEW = {byte: _cp1252_char(byte) for byte in range(256)}
# The view's character -> its byte (both the Windows-1252 and the Latin-1 reading of 0x80-0x9F).
_BYTE_OF = {**{chr(b): b for b in range(256)}, **{ch: b for b, ch in _VIEW.items()}}
_TO_LATIN1 = str.maketrans({ch: chr(b) for b, ch in _VIEW.items() if chr(b) != ch})
# Byte <-> view through the C charmap codec: str.translate with a dict costs ~0.2 s per MB.
_VIEW_DECODING = "".join(_VIEW[b] for b in range(256))
_VIEW_ENCODING = codecs.charmap_build(_VIEW_DECODING)


def bytes_view(data: bytes) -> str:
    """How Word and most tools show 8-bit text: Windows-1252, with Latin-1 in 1252's five gaps."""
    return codecs.charmap_decode(data, "strict", _VIEW_DECODING)[0]


def _view_bytes(view: str) -> bytes | None:
    """The bytes behind a view, or None when it holds other characters."""
    try:
        return codecs.charmap_encode(view, "strict", _VIEW_ENCODING)[0]
    except UnicodeEncodeError:
        return None


def _table(high: str, low: dict[int, str], extra: dict[str, int] | None = None) -> dict[int, str]:
    """A str.translate table from view characters (either reading of a byte) to the letters."""
    letters = {**{b: ch for b, ch in low.items()}, **{0x80 + i: ch for i, ch in enumerate(high)}}
    table = {}
    for ch, byte in {**_BYTE_OF, **(extra or {})}.items():
        if byte in letters and letters[byte] != ch:
            table[ord(ch)] = letters[byte]
    return table


def _charmap(table: dict[int, str]) -> str:
    """The same mapping as a 256-character decoding table of the bytes."""
    return "".join(table.get(ord(_VIEW[b]), _VIEW[b]) for b in range(256))


def _translate(view: str, table: dict[int, str], decoding: str) -> str:
    data = _view_bytes(view)
    return view.translate(table) if data is None else codecs.charmap_decode(data, "strict", decoding)[0]


# --- TCVN3 -----------------------------------------------------------------------------------------

# Windows-1252 punctuation in 0x80-0x9F that documents typed in the ABC fonts keep as punctuation (the
# fonts draw quotes, dashes and bullets there); TCVN 5712 puts toned capitals on the same codes, which
# are read only between two letters ("H—I" is "HỘI").
_TCVN3_PUNCTUATION = "“”‘’–—…•"
_TCVN3 = _table(TCVN3_HIGH, TCVN3_LOW, TCVN3_PDF_GLYPHS)
_TCVN3_PLAIN = {k: v for k, v in _TCVN3.items() if chr(k) not in _TCVN3_PUNCTUATION}
_TCVN3_DECODING = _charmap(_TCVN3_PLAIN)
_TCVN3_PUNCTUATION_CHAR = re.compile(f"[{_TCVN3_PUNCTUATION}]")


def decode_tcvn3(view: str, caps: bool = False) -> str:
    """TCVN3 (ABC, ".VnTime") text in its Windows-1252 view; `caps` for a caps font (".VnTimeH")."""
    text = _translate(view, _TCVN3_PLAIN, _TCVN3_DECODING)
    if _TCVN3_PUNCTUATION_CHAR.search(text):
        text = _TCVN3_PUNCTUATION_CHAR.sub(_tcvn3_inner_capital, text)
    if _COMBINING.search(text):
        text = unicodedata.normalize("NFC", text)
    return text.upper() if caps else _caps_words(text)


def _tcvn3_inner_capital(m: re.Match[str]) -> str:
    """A punctuation code between two letters is the capital TCVN 5712 puts there."""
    text, i = m.string, m.start()
    inside = 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
    return _TCVN3[ord(m.group())] if inside else m.group()


# Typed with caps lock in an ABC font, a capital word mixes ASCII capitals with the lower-case codes
# of its toned letters ("KÕ HO¹CH" reads "KẾ HOạCH"): the font shown was a caps font.
_VN_LOWER = "".join(sorted({c for c in TCVN3_HIGH + VISCII_HIGH if c.islower()}))
_VN_UPPER = "A-Z" + "".join(sorted({c for c in TCVN3_HIGH + VISCII_HIGH if c.isupper()}))
# Lines worth a look: a word with a toned lower-case code next to a capital and another capital, a
# lower-case code before a capital ("ñY"), or a capitalised word with one next to a capital word.
_U, _L = f"[{_VN_UPPER}]", f"[{_VN_LOWER}]"
_CAPS_PROBE = re.compile(f"{_U}(?:{_U}+{_L}|{_L}+(?:{_U}|[ .]+{_U}{{2}}))|{_L}{_U}|{_U}{{2}}[ .]+{_U}{_L}")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _caps_kind(token: str) -> int:
    """2 for a word typed with caps lock (toned letters on lower-case codes among two capitals, or a
    capital after a lower-case letter), 1 for a capitalised word with toned letters, else 0 (words
    with ASCII lower case, and ASCII-only words such as "UBND", which need no change)."""
    word = _EDGE_PUNCTUATION.sub("", token)
    if not word.isalpha() or word.isascii() or any("a" <= c <= "z" for c in word):
        return 0
    capitals = sum(c.isupper() for c in word)
    if capitals == 0:
        return 0
    late_capital = any(a.islower() and b.isupper() for a, b in pairwise(word))
    return 2 if capitals >= 2 or late_capital else 1


def _caps_words(text: str) -> str:
    """Upper-case such words: those with two capitals, and a one-capital word ("Sè" is "Số" or "SỐ")
    only next to one of them ("CHñ TÞCH" is "CHỦ TỊCH") or in a line of capitals."""
    if not _CAPS_PROBE.search(text):
        return text
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for i in sorted({bisect_right(starts, m.start()) - 1 for m in _CAPS_PROBE.finditer(text)}):
        lines[i] = _caps_line(lines[i])
    return "\n".join(lines)


def _caps_line(line: str) -> str:
    tokens = line.split(" ")
    kinds = [_caps_kind(t) for t in tokens]
    # A line without ASCII lower case that holds a caps-lock word is a capital line ("Uû BAN NH¢N D¢N").
    capital_line = 2 in kinds and not any("a" <= c <= "z" for c in line)
    for i, kind in enumerate(kinds):
        near = capital_line or (i > 0 and kinds[i - 1] == 2) or (i + 1 < len(kinds) and kinds[i + 1] == 2)
        if kind == 2 or (kind == 1 and near):
            tokens[i] = tokens[i].upper()
    return " ".join(tokens)


def encode_tcvn3(text: str, abc: bool = False) -> bytes:
    """Unicode -> TCVN3 bytes: toned capitals on their TCVN 5712 codes (as `iconv -t TCVN5712-1`
    writes them), or with `abc` on the lower-case codes, as typed in the ABC fonts with caps lock
    (which a caps font draws as capitals). Quotes, dashes and bullets keep their Windows-1252 bytes.
    Raises ValueError on other characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if abc and ch not in _TCVN3_ABC_CAPITALS and ch.lower() != ch and ch.lower() in _TCVN3_BYTES:
            ch = ch.lower()
        out.append(_TCVN3_BYTES[ch] if ch in _TCVN3_BYTES else _BYTE_OF[ch] if ch in _TCVN3_PUNCTUATION else _ascii(ch))
    return bytes(out)


_TCVN3_BYTES = {ch: b for b, ch in {**TCVN3_LOW, **{0x80 + i: c for i, c in enumerate(TCVN3_HIGH)}}.items()
                if not unicodedata.combining(ch)}
_TCVN3_ABC_CAPITALS = "ĂÂÊÔƠƯĐ"  # the capitals the ABC fonts have codes for (0xA1-0xA7)


def _ascii(ch: str) -> int:
    if ord(ch) >= 0x80:
        raise ValueError(f"{ch!r} has no code in this encoding")
    return ord(ch)


# --- VISCII ----------------------------------------------------------------------------------------

_VISCII = _table(VISCII_HIGH, VISCII_LOW)
_VISCII_DECODING = _charmap(_VISCII)
_VISCII_BYTES = {ch: b for b, ch in {**VISCII_LOW, **{0x80 + i: c for i, c in enumerate(VISCII_HIGH)}}.items()}


def decode_viscii(view: str) -> str:
    return _translate(view, _VISCII, _VISCII_DECODING)


def encode_viscii(text: str) -> bytes:
    return bytes(_VISCII_BYTES[ch] if ch in _VISCII_BYTES else _ascii(ch) for ch in unicodedata.normalize("NFC", text))


# --- VNI-Windows -----------------------------------------------------------------------------------

def _vni_letters() -> dict[str, str]:
    """Every Vietnamese letter (NFC) -> its VNI spelling in the Windows-1252 view."""
    out: dict[str, str] = dict(VNI_SINGLE)
    for base in "aeouyAEOUY" + "ơưƠƯ":
        upper = base.isupper()
        spelled = VNI_SINGLE.get(base, base)
        for tone, marks in VNI_TONE.items():
            out.setdefault(unicodedata.normalize("NFC", base + tone), spelled + marks[upper])
        if base in "aeoAEO":
            for tone, marks in VNI_CIRCUMFLEX.items():
                out[unicodedata.normalize("NFC", base + "\u0302" + tone)] = base + marks[upper]
        if base in "aA":
            for tone, marks in VNI_BREVE.items():
                out[unicodedata.normalize("NFC", base + "\u0306" + tone)] = base + marks[upper]
    return {k: v for k, v in out.items() if k != v}


_VNI_ENCODE = _vni_letters()
# Decoding also accepts a mark byte of the other case ("Keá" in a title-case word, "KEÁ" in caps).
_VNI_DECODE = {**{v: k for k, v in _VNI_ENCODE.items()},
               **{v[0] + v[1].swapcase(): k for k, v in _VNI_ENCODE.items() if len(v) == 2}}
_VNI_MARKS = "".join(sorted({v[1] for v in _VNI_DECODE if len(v) == 2}))
_VNI_BASES = "".join(sorted({v[0] for v in _VNI_DECODE if len(v) == 2}))
_VNI_SEQUENCE = re.compile(f"[{_VNI_BASES}][{_VNI_MARKS}]|[{''.join(v for v in _VNI_DECODE if len(v) == 1)}]")


def decode_vni(view: str) -> str:
    """VNI-Windows ("VNI-Times") text in its Windows-1252 view."""
    return _VNI_SEQUENCE.sub(_vni_letter, view)


def _vni_letter(m: re.Match[str]) -> str:
    found = m.group()
    if found in _VNI_DECODE:
        return _VNI_DECODE[found]
    return _VNI_DECODE.get(found[0], found[0]) + found[1:]  # a single-byte letter before a stray mark


def encode_vni(text: str) -> bytes:
    view = "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    return view.translate(_TO_LATIN1).encode("latin-1")


# --- Windows-1258 ----------------------------------------------------------------------------------

def decode_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows itself writes it: â/ê/ô/ă/ơ/ư/đ precomposed, tones as combining marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


# --- UTF-8 read as Windows-1252 --------------------------------------------------------------------

def repair_mojibake(text: str) -> str | None:
    """Undo one wrong Windows-1252 (or Latin-1) decoding of UTF-8; None when `text` is not that."""
    try:
        data = _view_bytes(text)
        return (text.translate(_TO_LATIN1).encode("latin-1") if data is None else data).decode("utf-8")
    except UnicodeError:
        return None


# Each byte encoding: encode (Unicode -> bytes) and decode (bytes -> Unicode, or None), by name.
CODECS: dict[str, tuple[Callable[[str], bytes], Callable[[bytes], str | None]]] = {
    "tcvn3": (encode_tcvn3, lambda data: decode_tcvn3(bytes_view(data))),
    "vni": (encode_vni, lambda data: decode_vni(bytes_view(data))),
    "viscii": (encode_viscii, lambda data: decode_viscii(bytes_view(data))),
    "cp1258": (encode_cp1258, decode_cp1258),
}
