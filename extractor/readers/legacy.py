"""Recognise Vietnamese that is not real Unicode, so it is refused instead of extracted as mojibake.

Three failures reach us as text: documents typed in the legacy 8-bit font encodings TCVN3 (ABC,
".VnTime") and VNI ("VNI-Times"), whose bytes Word and PDF exporters pass through as Windows-1252
characters ("KÕ ho¹ch", "Keá hoaïch"); UTF-8 that was once decoded as Windows-1252 ("Káº¿ hoáº¡ch");
and .txt files saved in Windows-1258. Real Vietnamese is full of letters those views cannot produce
(ă, đ, ơ, ư, U+1EA0-U+1EF9), while the broken views are full of Latin-1 symbols and non-Vietnamese
letters (¹, µ, ®, ä, ø, º, »). A line with many of the latter and few of the former is broken.
No charset-detection library is used: none knows TCVN3 or VNI, and these few counts do the job.
"""

from __future__ import annotations

import re

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
