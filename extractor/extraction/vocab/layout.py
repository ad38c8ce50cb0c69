"""Line patterns of the formal layout (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Each pattern recognises one component of a document's first page or signature block.
They are matched against normalised lines (see extractor.extraction.normalize).
"""

from __future__ import annotations

import re as stdre

import regex as re

from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import HEADING_TYPES
from extractor.extraction.vocab.organs import ENACTING_HEADS, ENACTING_ORGANS, POSITIONS, UNIT_WORDS
from extractor.extraction.vocab.symbols import NUMBER_PART, SPACED_SYMBOL, SYMBOL_GROUP

# Quốc hiệu / tiêu ngữ (state; PDF text extraction may drop its dashes), the Party's national line and the
# Youth Union's (printed top right in their documents); found inside flattened two-column lines too.
_UNION_LINE = r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH"
MOTTO = re.compile(
    r"(?i)CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-?\s*Tự\s+do\s*-?\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|" + _UNION_LINE
)
# "Số: 05/KH-UBND", "Số 45-KH/HU", draft "Số:   /KH-UBND", "Số: 75 /KH-UBND".
NUMBER_LINE = re.compile(
    r"(?m)^[ \t]*Số\s*[:.]?\s*(?P<num>" + NUMBER_PART + r")?\s*(?P<sep>[/-])\s*(?P<sym>" + SPACED_SYMBOL + ")"
)
# "Củ Chi, ngày 05 tháng 5 năm 2020": the place is the capitalised words before ", ngày".
# A province is not written before its name there ("Quảng Ninh, ngày …"); a city, district or commune may be.
_PLACE_UNITS = [u for u in UNIT_WORDS if u != "tỉnh"]
_PLACE = r"(?:(?:TP\.?|Tp\.?|" + alternation((*_PLACE_UNITS, *(u.capitalize() for u in _PLACE_UNITS))) + r")\s+)?" \
    r"(?:\p{Lu}[\p{L}.']*|\d{1,2})(?:[ \-]+(?:\p{Lu}[\p{L}']*|\d{1,2}))*"
PLACE_DATE = re.compile(
    rf"(?P<place>{_PLACE})\s*,\s*(?P<date>ngày[\s.…]*(?:\d{{1,2}})?[\s.…]*tháng[\s.…]*(?:\d{{1,2}})?[\s.…]*năm\s*\d{{4}}"
    r"|ngày\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})"
)
# What every PLACE_DATE match holds, for a stdlib scan before it (stdlib "\s" holds every space "regex" does).
PLACE_DATE_HINT = stdre.compile(r",\s*ngày")
# Every character PLACE_DATE's place and the spaces before its comma can hold (a superset of _PLACE's).
_PLACE_CHARS = re.compile(r"[\p{L}\d.'\s\-]*")


def find_place_date(line: str, pos: int = 0) -> re.Match[str] | None:
    """PLACE_DATE.search(line, pos), tried only from where a match can start (most lines have none).

    A match's comma is followed by its date's "ngày" (PLACE_DATE_HINT), and its place holds no comma, only
    letters, digits, ". ' -" and spaces (_PLACE_CHARS): no match starts before the run of those that ends at
    the first hinted comma from `pos` (a match at a later comma starts after this one). The search from there
    finds the same leftmost match without trying every word before it.
    """
    hint = PLACE_DATE_HINT.search(line, pos)
    if hint is None:
        return None
    comma = hint.start()
    run = _PLACE_CHARS.match(line[pos:comma][::-1])  # (read backwards from the comma)
    return PLACE_DATE.search(line, comma - run.end() if run else comma)
# The caps type line that opens a document: "KẾ HOẠCH", "QUYẾT ĐỊNH" (not "QUYẾT ĐỊNH:" in a decision's body).
TYPE_LINE = re.compile(
    r"(?m)^[ \t]*(?P<type>" + alternation(HEADING_TYPES)
    + r")(?:\s+LIÊN\s+TỊCH)?[ \t]*$"
)
# A type line ending in a colon, its title on the next line ("KẾ HOẠCH:", "HƯỚNG DẪN:", "THÔNG BÁO:"), read by the
# header only. "QUYẾT ĐỊNH:" is never one: it is the enacting formula inside a decision, before "Điều 1".
ENACTING_FORMULAS = ("QUYẾT ĐỊNH",)
TYPE_LINE_COLON = re.compile(
    r"^[ \t]*(?P<type>" + alternation(t for t in HEADING_TYPES if t not in ENACTING_FORMULAS)
    + r")(?:\s+LIÊN\s+TỊCH)?[ \t]*:[ \t]*$"
)
# The type and its title on one line: "KẾ HOẠCH TỔ CHỨC HỘI THI GIÁO VIÊN GIỎI", "KẾ HOẠCH Phát động …".
TYPE_WITH_TITLE = re.compile(
    r"^[ \t]*(?P<type>" + alternation(HEADING_TYPES)
    + r")\s+(?P<title>\p{Lu}[^\n\t]{8,})$"
)
# A Công văn's title line.
VV_LINE = re.compile(r"(?m)^[ \t]*(?:V/v|v/v|V/V|Về\s+việc)\b")
# Appendix markers: forms and annexes belong to the document before them.
APPENDIX_LINE = re.compile(
    r"(?i)^[ \t(]*(?:phụ\s+lục|biểu(?:\s+mẫu)?(?:\s+số)?\s*[\dIVX]|biên\s+[IVX\d]+$|mẫu(?:\s+số)?\s*[\dIVX]"
    r"|tên\s+(?:đơn\s+vị|cơ\s+quan|trường)\b|đơn\s+vị\s*:)"
)
KEM_THEO = re.compile(r"(?i)^[ \t(]*(?:ban\s+hành\s+)?kèm\s+theo\s+(?P<type>[\p{L}]+(?:\s+[\p{L}]+)?)")
# Where the body starts: basis and purpose sentences, first section, a Kính gửi block.
BODY_START = re.compile(
    r"(?i)^[ \t]*(?:căn\s+cứ|thực\s+hiện|triển\s+khai|theo\s|thi\s+hành|nhằm|để\s|xét\s|trên\s+cơ\s+sở"
    r"|kính\s+gửi|ngày\s+\d|hôm\s+nay"
    r"|[IVX]{1,4}\s*[.:]\s|phần\s+[IVX\d]|điều\s+1\b|chương\s+[IVX\d]|1\s*[.)]\s)"
)
SEPARATOR = re.compile(r"^[ \t]*[-_=*~.]{3,}[ \t]*$")

# Signature block: a position line (authority prefixes: `extractor.extraction.vocab.signature.SIGNER_PREFIX`).
POSITION_LINE = re.compile(
    r"^(?P<pos>(?:" + alternation(p.upper() for p in POSITIONS)
    + r")(?:\s+[\p{Lu}&\-]+){0,6})$"
)
NOI_NHAN = re.compile(r"(?m)^[ \t]*Nơi\s+nhận\s*:?")
KINH_GUI = re.compile(r"(?m)^[ \t]*Kính\s+gửi\s*:?")

# --- Header layout as archives and web pages deliver it (extractor.extraction.header_layout) ---

# Fixed phrases of the first page that conversions break over lines ("CỘNG\nHÒA XÃ HỘI …", "ỦY\nBAN NHÂN
# DÂN", "KẾ\nHOẠCH", "Độc lập - Tự do -\nHạnh phúc"): two lines whose seam falls inside one are one line.
HEADER_PHRASES: tuple[str, ...] = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
    "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH",
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", *(t for t in HEADING_TYPES if " " in t),
)
# The same lines as printed in a header, to cut a flattened line at (the Party's name in a title is no motto).
# A caps title names the state or the Party after a function word ("… QUỐC KHÁNH NƯỚC CỘNG HÒA …",
# "… NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM"): no motto there.
_IN_TITLE = r"(?<!NƯỚC\s)(?<!LẬP\s)(?<!CỦA\s)(?<!VỚI\s)(?<!VỀ\s)(?<!VÀ\s)(?<!DƯỚI\s)"
MOTTO_ANCHOR = re.compile(
    _IN_TITLE + r"(?:CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|"
    + _UNION_LINE + r")|(?i:Độc\s+lập\s*-?\s*Tự\s+do\s*-?\s*Hạnh\s+phúc)"
)
# Literals one of which every MOTTO_ANCHOR match holds (compared with the lower-cased text for "độc", which
# the pattern takes in any case): a cheap test before the pattern. Keep them in step with it.
MOTTO_ANCHOR_CASED = ("CỘNG", "ĐOÀN")
MOTTO_ANCHOR_UNCASED = "độc"
# A number/symbol anywhere in a flattened header line ("… HUYỆN X Số: 12/KH-UBND X, ngày …").
NUMBER_ANCHOR = re.compile(
    r"(?<![\p{L}\d])Số\s*[:.]?\s*(?:" + NUMBER_PART + r")?\s*[/-]\s*" + SPACED_SYMBOL
)
# "Số:" alone on its line, its number on the next ("Số:\n3335/KH-UBND").
NUMBER_LEAD = re.compile(r"^Số\s*[:.]?$")
NUMBER_TAIL = re.compile(r"^(?:\d+[a-zA-Z]?\s*)?[/-]\s*[\p{Lu}\d]")
# A number wrapped after its hyphen or slash at a narrow column ("Số: 312/HD-" + "PGDĐT", "Số: 1203/" +
# "KH-UBND"): the head ends in the separator, the tail is only caps symbol groups, and the two glued
# together are one whole number/symbol.
NUMBER_CUT_HEAD = re.compile(r"^Số\s*[:.]?\s*" + NUMBER_PART + r"\s*[/-](?:" + SYMBOL_GROUP + r"[-/])*$")
NUMBER_CUT_TAIL = re.compile(r"^\p{Lu}[\p{Lu}\d&.]*(?:[-/]" + SYMBOL_GROUP + r")*$")
NUMBER_WHOLE = re.compile(
    r"^Số\s*[:.]?\s*" + NUMBER_PART + r"\s*[/-]" + SYMBOL_GROUP + r"(?:[-/]" + SYMBOL_GROUP + r")+$"
)
# The caps type word inside a flattened line (only after the number or the date: a name may hold one).
TYPE_ANCHOR = re.compile(r"(?<![\p{L}])(?:" + alternation(HEADING_TYPES) + r")(?![\p{L}])")
VV_ANCHOR = re.compile(r"(?<![\p{L}])(?:V/v|v/v|V/V)\s")
# Body openers that a flattened title runs into ("… năm 2018 Căn cứ Luật …").
BODY_OPENER = re.compile(
    r"(?<=\S\s)(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Xét\s+đề\s+nghị|(?:I|II|A|PHẦN\s+I)\s*[.:/]\s+\p{Lu}\p{Ll})"
)
# Decorations between header cells: "-------", "***", "___", a lone "*", a cell border "|" left at a cut.
DECORATION = re.compile(r"^(?:[-_=*~.|]{1,}\s*)+|(?:\s*[-_=*~.|]{1,})+$")
# A type name printed letter by letter ("Q U Y Ế T   Đ Ị N H", "K Ế  H O Ạ C H").
SPACED_LETTERS = re.compile(r"^(?:\p{Lu}\s+){3,}\p{Lu}$")
# The enacting authority of a decision, standing between its title and its basis (Nghị định 30/2020,
# Phụ lục I): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …", "GIÁM ĐỐC SỞ …", "HIỆU TRƯỞNG TRƯỜNG …".
_AUTHORITY_HEADS = tuple(h.upper() for h in ENACTING_HEADS)
_AUTHORITY_ORGANS = tuple(o.upper() for o in ENACTING_ORGANS)
# The organs a line in the standard's casing has been read for (a caps line is read for every enacting organ).
_CAPS_ONLY_ORGANS = {"Tổng cục", "Văn phòng", "Đại học", "Học viện", "Bệnh viện"}
_MIXED_AUTHORITY_ORGANS = [o for o in ENACTING_ORGANS if o not in _CAPS_ONLY_ORGANS]
AUTHORITY_LINE = re.compile(
    r"(?<![\p{L}])(?<!CỦA\s)(?<!CHO\s)(?<!VÀ\s)(?:" + alternation(_AUTHORITY_HEADS) + r")\s+(?P<organ>(?:"
    + alternation(_AUTHORITY_ORGANS) + r")(?![\p{L}])[\p{Lu}\d\s,&\-.]*)$"
)
# The same line in the standard's casing, alone on its line ("Chủ tịch Ủy ban nhân dân huyện Đông Anh").
AUTHORITY_LINE_MIXED = re.compile(
    r"^(?:" + alternation(h.capitalize() for h in _AUTHORITY_HEADS) + r")\s+(?:" + alternation(_MIXED_AUTHORITY_ORGANS)
    + r")\s[\p{L}\s,&\-.]{2,80}$"
)


# Literal tests before the line patterns the header, the splitter and the page reader try on many lines (~1 µs a
# call each; most lines hold none of what they need). Each literal is one EVERY match of its pattern holds, so a
# line without it cannot match (tests/test_header.py pins each against its pattern). NUMBER_LINE and VV_LINE are
# matched at the line's start after `[ \t]*`.
_NUMBER_HEAD = "Số"
_VV_HEADS = ("V/v", "v/v", "V/V", "Về")
# MOTTO (case-insensitive) holds "Ộ" in its first three spellings (CỘNG, Độc) and "Ồ" in the Youth Union's
# (HỒ CHÍ MINH); under the `regex` module's simple case folding each matches only itself and its lower case.
_MOTTO_MARK = stdre.compile("[ỘộỒồ]")
# Every character a line BODY_START matches can open with (its case-insensitive openers "căn cứ", "thực hiện",
# "điều 1", "II.", "1." …, the dotless "ı" and the Kelvin sign its case folding takes, and the spaces before them):
# exactly the characters it partially matches, which a test enumerates.
BODY_START_FIRSTS = frozenset("\t 1CHIKNPTVXchiknptvxĐđı\u212a")


def match_body_start(line: str) -> re.Match[str] | None:
    """BODY_START.match(line), tried only on a line opening with a character it can open with."""
    return BODY_START.match(line) if line[:1] in BODY_START_FIRSTS else None


def search_motto(line: str) -> re.Match[str] | None:
    """MOTTO.search(line), tried only on a line holding its "Ộ" or "Ồ"."""
    return MOTTO.search(line) if _MOTTO_MARK.search(line) else None


def match_number_line(line: str) -> re.Match[str] | None:
    """NUMBER_LINE.match(line), tried only on a line opening with "Số"."""
    return NUMBER_LINE.match(line) if line.lstrip(" \t").startswith(_NUMBER_HEAD) else None


def match_vv_line(line: str) -> re.Match[str] | None:
    """VV_LINE.match(line), tried only on a line opening with a V/v head."""
    return VV_LINE.match(line) if line.lstrip(" \t").startswith(_VV_HEADS) else None
