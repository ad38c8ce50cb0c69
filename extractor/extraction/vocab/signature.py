"""What stands in a signature block besides authority, position and name, as real copies write it.

Nghị định 30/2020 puts "(chữ ký, dấu)" between the position line and the full name. Copies from web
pages, PDF and OCR keep a trace of it ("(Đã ký)", "[đã ký]", "(signed)", an image's alt text
"[daky]", a line of underscores); some write a courtesy or rank before the name ("Ông", "Đ/c",
"Thượng tá"). Patterns are matched on the accent-folded, lower-cased text (see
`extractor.extraction.fold.fold_accents`), so "(Da ky)" from an ASCII export is the same marker.
"""

from __future__ import annotations

import re as stdre

import regex as re

from extractor.extraction.vocab import alternation

# Authority prefixes of a signature block (Nghị định 30/2020, Điều 8 khoản 2): "TM." on behalf of a body,
# "KT." standing in for its head, "TL." and "TUQ." by order or authorisation of the head, "Q." acting. The
# record keeps them with their dot (`extractor.extraction.models.Authority`).
SIGNER_PREFIXES: tuple[str, ...] = ("TM", "KT", "TL", "TUQ", "Q")
# Party documents write three of them with a slash (Hướng dẫn 36-HD/VPTW): "T/M", "K/T", "T/L", read as TM., KT., TL.
PARTY_SIGNER_PREFIXES: tuple[str, ...] = ("T/M", "K/T", "T/L")
# Either spelling, as a regex alternation (no prefix is the start of another, so any order matches alike).
SIGNER_PREFIX = alternation((*SIGNER_PREFIXES, *PARTY_SIGNER_PREFIXES))

# A trace of the signature or seal, standing alone or inside a flattened line: a short bracketed note,
# "đã ký" / "ký tên" written bare, "/s/", "signed", runs of underscores, dots or dashes.
SIGN_MARK = re.compile(
    r"[(\[][^()\[\]\n]{0,48}[)\]]"
    r"|(?<!\p{L})(?:da\s+ky|ky\s+ten|ky,?\s+dong\s+dau|signed|daky)(?!\p{L})"
    r"|/s/|[_.…\-–=*]{3,}"
)
# What every match of SIGN_MARK holds, by alternative: a bracket; "ky" (in each word form but "signed");
# "signed"; "/s/"; and in a run of three, one of the rarer run characters or two of "." and "-" side by
# side. A folded line with none of them has no mark (one literal search instead of the pattern's scan).
SIGN_MARK_CLUE = stdre.compile("|".join(map(stdre.escape, (
    "(", "[", "ky", "signed", "/s/", "_", "…", "–", "=", "*", "..", "--", ".-", "-."))))

# Lines a digital signature's stamp prints across the block in PDF copies ("Ký bởi: Ủy ban nhân dân
# tỉnh …", "Email: …", "Thời gian ký: 12.03.2021 10:20:33 +07:00"); folded, lower case.
DIGITAL_STAMP = re.compile(r"^(?:ky\s+boi|nguoi\s+ky|email|co\s+quan|thoi\s+gian\s+ky|ngay\s+ky|signed\s+by)\s*:")

# Courtesy titles and ranks written before a signer's name; kept out of the name.
NAME_PREFIXES: tuple[str, ...] = (
    "Ông", "Bà", "Đ/c", "Đ/C", "Đồng chí", "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Đại uý", "Thượng úy", "Thượng uý",
    "PGS.TS.", "PGS.TS", "GS.TS.", "TS.", "ThS.", "BS.", "KS.", "Ths.",
)

# First words of a seal's text or another organisation line standing where a name could ("ỦY BAN NHÂN
# DÂN HUYỆN …" read off the stamp); accent-folded, lower case. Words that fold like a surname
# ("ĐẢNG" and "Đặng", "TRƯỜNG" and "Trương") are left out: a name in capitals must still pass.
SEAL_WORDS: frozenset[str] = frozenset("uy ubnd so phong hoi ban bo".split())
