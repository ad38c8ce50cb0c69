"""Plain text files: UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognisably without one), and
the pre-Unicode Vietnamese encodings TCVN3, VNI, VISCII and Windows-1258.

A file that is not UTF-8 is decoded in the legacy encoding whose text reads as Vietnamese
(extractor.extraction.readers.legacy.decode_bytes); one that reads as none of them is refused with a message that
names what it looks like, because extracting from misdecoded text gives confident nonsense. UTF-8
with a few bad bytes is refused as damaged. Binary data (NUL bytes that are not UTF-16, control
bytes) is refused as "corrupt".
"""

from __future__ import annotations

import codecs

from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.legacy import Decoded, Encoding, decode_bytes, describe_bytes
from extractor.extraction.vocab.legacy_fonts import TCVN3_LOW, VISCII_LOW

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str, Encoding], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# BOM-less UTF-16 is recognised on a sample: ASCII characters put a NUL in every other byte.
_SAMPLE = 4096
_UTF16_NUL_SHARE = 0.2  # at least this share of one parity's bytes are NUL …
_UTF16_OTHER_MAX = 0.02  # … and almost none of the other parity's
# Other formats' signatures, to tell the user what a misnamed file really is.
_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (.docx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc) file"),
)
# Control bytes other than tab, newline, carriage return and form feed, and other than the codes
# TCVN3 and VISCII give to capital letters: binary data.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, *TCVN3_LOW, *VISCII_LOW))
_CONTROL_MAX_SHARE = 0.01
# A UTF-8 file with at most this many bad sequences per 1000 bytes is damaged UTF-8, not another encoding.
_STRAY_PER_1000 = 1


def _utf16_without_bom(sample: bytes) -> str | None:
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd >= _UTF16_NUL_SHARE and even <= _UTF16_OTHER_MAX:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE and odd <= _UTF16_OTHER_MAX:
        return "utf-16-be"
    return None


def _binary(name: str, data: bytes, why: str) -> ReadError:
    kind = next((what for magic, what in _MAGIC if data.startswith(magic)), None)
    hint = f"; it is {kind}, not text" if kind else ""
    return ReadError("corrupt", f"{name}: binary data, not text ({why}){hint}")


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReadError("encoding", f"{name}: invalid {encoding.upper()} at byte {e.start}") from None


def read_txt(data: bytes, name: str) -> Decoded:
    """Decode a text file's bytes; raise ReadError for unknown encodings and binary data."""
    for bom, codec, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode(name, data, codec), encoding)
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        encoding16 = _utf16_without_bom(sample[: len(sample) // 2 * 2])
        if encoding16 is None:
            raise _binary(name, data, f"NUL byte at offset {data.index(0)}")
        text = _decode(name, data, encoding16)
        if "\x00" in text:
            raise _binary(name, data, "NUL characters")
        return Decoded(text, "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        if sum(sample.count(c) for c in _CONTROL) > _CONTROL_MAX_SHARE * len(sample):
            raise _binary(name, data, "control bytes") from None
        where = f"byte 0x{data[e.start]:02X} at offset {e.start}"
        stray = data.decode("utf-8", errors="replace").count("\ufffd")
        if stray <= max(1, len(data) * _STRAY_PER_1000 // 1000):
            raise ReadError(
                "encoding", f"{name}: UTF-8 with {stray} invalid byte sequence(s), the first {where}: "
                "a damaged file or mixed encodings",
            ) from None
        legacy = decode_bytes(data)
        if legacy is not None:
            return Decoded(*legacy)
        raise ReadError(
            "encoding",
            f"{name}: not UTF-8 ({where}); it looks like {describe_bytes(data)}. "
            "Convert it to UTF-8 (Unicode) and try again.",
        ) from None
