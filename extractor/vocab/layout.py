"""Line patterns of the formal layout (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Each pattern recognises one component of a document's first page or signature block.
They are matched against normalised lines (see extractor.normalize).
"""

from __future__ import annotations

import regex as re

from extractor.vocab import alternation
from extractor.vocab.doc_types import HEADING_TYPES
from extractor.vocab.organs import POSITIONS

# Quốc hiệu / tiêu ngữ (state) and the Party's national line; found inside flattened two-column lines too.
MOTTO = re.compile(
    r"(?i)CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
)
# "Số: 05/KH-UBND", "Số 45-KH/HU", draft "Số:   /KH-UBND", "Số: 75 /KH-UBND".
NUMBER_LINE = re.compile(
    r"(?m)^[ \t]*Số\s*[:.]?\s*(?P<num>\d+[a-zA-Z]?)?\s*(?P<sep>[/-])\s*(?P<sym>[\p{Lu}\d][\p{L}\d&.]*"
    r"(?:\s?[-/]\s?[\p{Lu}\d][\p{L}\d&.]*)*)"
)
# "Củ Chi, ngày 05 tháng 5 năm 2020": the place is the capitalised words before ", ngày".
_PLACE = r"(?:(?:[Tt]hành\s+phố|TP\.?|Tp\.?|[Tt]hị\s+xã|[Tt]hị\s+trấn|[Hh]uyện|[Qq]uận|[Xx]ã|[Pp]hường)\s+)?" \
    r"(?:\p{Lu}[\p{L}.']*|\d{1,2})(?:[ \-]+(?:\p{Lu}[\p{L}']*|\d{1,2}))*"
PLACE_DATE = re.compile(
    rf"(?P<place>{_PLACE})\s*,\s*(?P<date>ngày[\s.…]*(?:\d{{1,2}})?[\s.…]*tháng[\s.…]*(?:\d{{1,2}})?[\s.…]*năm\s*\d{{4}}"
    r"|ngày\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})"
)
# The caps type line that opens a document: "KẾ HOẠCH", "QUYẾT ĐỊNH" (not "QUYẾT ĐỊNH:" in a decision's body).
TYPE_LINE = re.compile(
    r"(?m)^[ \t]*(?P<type>" + alternation(HEADING_TYPES)
    + r")(?:\s+LIÊN\s+TỊCH)?[ \t]*$"
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

# Signature block: authority prefixes (Nghị định 30/2020, Điều 8 khoản 2 … ) and position lines.
# Party documents write "T/M", "K/T", "T/L".
AUTHORITY = re.compile(
    r"(?<![\p{L}/])(?P<auth>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*[.:]?\s*(?<![\p{L}])(?P<rest>\p{Lu}[\p{Lu}\s&,\-]*\p{Lu})"
)
POSITION_LINE = re.compile(
    r"^(?P<pos>(?:" + alternation(p.upper() for p in POSITIONS)
    + r")(?:\s+[\p{Lu}&\-]+){0,6})$"
)
NOI_NHAN = re.compile(r"(?m)^[ \t]*Nơi\s+nhận\s*:?")
KINH_GUI = re.compile(r"(?m)^[ \t]*Kính\s+gửi\s*:?")
