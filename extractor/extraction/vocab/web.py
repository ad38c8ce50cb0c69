"""What web pages wrap around a document: site chrome, the site's metadata block, lead lines.

Document-sharing sites, legal-text libraries and government or school portals put the document
between a menu, a breadcrumb, counters and share buttons above, and related-document lists, comment
boxes and a footer below; many show a metadata block ("Số hiệu:", "Loại văn bản:", "Người ký:") as
"Key: Value" lines, tab-separated rows or pipe tables, before or after the text. Patterns are matched
against normalised lines (see extractor.extraction.normalize).
"""

from __future__ import annotations

import regex as re

from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import ABBREVIATION_TO_TYPE, TYPE_NAMES
from extractor.extraction.vocab.organs import UNIT_WORDS
from extractor.extraction.vocab.symbols import NUMBER_PART, SYMBOL_GROUP

# Metadata labels of the site's block -> the header field they give (None: recognised, not used).
# "Nơi ban hành" names a province or district, not the issuing organ, so it gives nothing.
META_KEYS: dict[str, str | None] = {
    "Số hiệu": "number",
    "Số ký hiệu": "number",
    "Số/Ký hiệu": "number",
    "Số, ký hiệu": "number",
    "Ký hiệu": "number",
    "Loại văn bản": "doc_type",
    "Cơ quan ban hành": "issuer",
    "Đơn vị ban hành": "issuer",
    "Người ký": "signer",
    "Ngày ban hành": "issued_date",
    "Ngày ký": "issued_date",
    "Ngày văn bản": "issued_date",
    "Trích yếu": "title",
    "Trích yếu nội dung": "title",
    "Nơi ban hành": None,
    "Ngày hiệu lực": None,
    "Ngày có hiệu lực": None,
    "Ngày hết hiệu lực": None,
    "Hết hiệu lực": None,
    "Áp dụng": None,
    "Ngày công báo": None,
    "Ngày đăng công báo": None,
    "Số công báo": None,
    "Lĩnh vực": None,
    "Tình trạng": None,
    "Tình trạng hiệu lực": None,
    "Chức vụ": None,
    "Hiệu lực": None,
}
_KEY_ALT = alternation(META_KEYS)
# A label with its separator: "Số hiệu:", "| Số hiệu: |", "Số hiệu<TAB>".
META_KEY = re.compile(rf"(?i)(?<![\p{{L}}/])(?P<key>{_KEY_ALT})[ ]*(?::[ ]*\|?|\t|\|)")
# A metadata line starts with a label (after a table's "|").
META_LINE = re.compile(rf"(?i)^[|\s]*(?:{_KEY_ALT})[ ]*(?::|\t|\||$)")
# A label alone on its line, its value on the next (an HTML table copied one cell a line).
META_LABEL_ONLY = re.compile(rf"(?i)^[|\s]*(?P<key>{_KEY_ALT})[ ]*:?[ |]*$")
# Headings of a metadata block ("Thuộc tính văn bản", "Thông tin văn bản").
META_HEADING = re.compile(r"(?i)^(?:thuộc\s+tính|thông\s+tin)(?:\s+văn\s+bản)?\s*:?$")
# Values a site shows when it knows nothing.
META_EMPTY = re.compile(r"(?i)^(?:đang\s+cập\s+nh[ậấ]t|đã\s+biết|không\s+xác\s+định|chưa\s+xác\s+định|[-.…_ ]*)$")

# "Cơ quan ban hành: Tỉnh Bắc Ninh": a place, not an organ (the UBND and the HĐND both sit there).
UNIT_ONLY = re.compile(r"(?i)^(?:" + alternation(UNIT_WORDS) + r")\s")

# Site chrome lines above or inside the page (menu, breadcrumb, counters, buttons, log-in prompts).
_CHROME = (
    r"trang\s+chủ\b",  # breadcrumb / menu
    r"(?:đang\s+tải|loading)\b",
    r"lượt\s+(?:xem|tải|truy\s+cập|thích)\b",
    r"(?:chia\s+sẻ|share)\s*(?:[:|]|bài|văn\s+bản|$)",
    r"in\s+(?:bài|trang|văn\s+bản)\b",
    r"cỡ\s+chữ\b",
    r"gửi\s+(?:email|bài\s+viết)\b",
    r"đăng\s+(?:nhập|ký)\b",
    r"bạn\s+(?:cần|phải|chưa)\s+đăng\s+nhập\b",
    r"quên\s+mật\s+khẩu\b",
    r"(?:vì\s+)?(?:bạn\s+)?chưa\s+(?:đăng\s+nhập|xem\s+được)\b",
    r"(?:nếu\s+chưa\s+là|mời\s+bạn|đăng\s+ký)\s+thành\s+viên\b",
    r"(?:tác\s+giả|người\s+đăng|người\s+viết|biên\s+tập)\s*:",
    r"tìm\s+kiếm\b",
    r"(?:sign\s+in|bản\s+in|lược\s+đồ)\s*$",
    r"tra\s+cứu\b",
    r"(?:tải\s+về|download)\b",
    r"tệp\s+(?:đính\s+kèm|tin)\b",
    r"file\s+đính\s+kèm\b",
    r"(?:ngày\s+đăng|đăng\s+lúc|đăng\s+ngày|cập\s+nhật|ngày\s+cập\s+nhật)\s*:",
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*\d{1,2}/\d{1,2}/\d{4}",
    r"\d{1,2}:\d{2}(?:\s*(?:AM|PM))?\s*[|,-]?\s*\d{1,2}/\d{1,2}/\d{4}\s*$",
    r"(?:nội\s+dung\s+văn\s+bản|toàn\s+văn|văn\s+bản\s+gốc|tóm\s+tắt)\s*:?$",
    r"nội\s+dung\s+(?:toàn\s+văn|chi\s+tiết|văn\s+bản)\b",  # "Nội dung toàn văn Quyết định 708/QĐ-UBND …"
    r"(?:xem|tải)\s+(?:văn\s+bản|quyết\s+định|chi\s+tiết|thêm)\b",
    r"(?:facebook|zalo|twitter)\b",
)
CHROME_LINE = re.compile(r"(?i)^[|\s»>]*(?:" + "|".join(_CHROME) + ")")
# The chrome a page shows again under the text: counters, share and print buttons, attachments.
_TAIL_CHROME = (
    r"lượt\s+(?:xem|tải|truy\s+cập|thích)\s*:",
    r"(?:chia\s+sẻ|share)\s*(?:[:|]|bài|văn\s+bản|$)",
    r"in\s+(?:bài|trang|văn\s+bản)\s*(?:[:|]|$)",
    r"(?:tải\s+về|download)\s*(?:[:(|]|$|văn\s+bản|tệp|file|bản)",
    r"tệp\s+(?:đính\s+kèm|tin)\s*:",
    r"file\s+đính\s+kèm\b",
    r"(?:facebook|zalo|twitter)\b",
    r"(?:ngày\s+đăng|đăng\s+lúc|đăng\s+ngày|ngày\s+cập\s+nhật)\s*:",
    r"(?:tải\s+|xem\s+)?văn\s+bản\s+(?:gốc|tiếng\s+anh|pdf)\b",
    r"(?:tác\s+giả|người\s+đăng|người\s+viết|biên\s+tập)\s*:",
)
TAIL_CHROME = re.compile(r"(?i)^[|\s]*(?:" + "|".join(_TAIL_CHROME) + ")")
# Breadcrumbs: short pieces joined by "»", ">", "/" or "›" ("Trang chủ » Văn bản » …").
BREADCRUMB = re.compile(r"^[^\n]{1,60}(?:\s[»>›/]\s[^\n]{1,80}){2,}$")
# A menu bar: short items joined by "|" ("Trang chủ | Giới thiệu | Tin tức").
MENU_BAR = re.compile(r"^(?:[^|\n]{1,30}\|){2,}[^|\n]{0,30}$")

# Where the page's tail begins: related lists, comments, footers.
# (each is a whole short line, a list's heading, or a footer mark: a body line may start with the same
# words, "Văn bản liên quan đến thi đua gửi về …", "Bình luận văn học", "Cơ quan chủ quản có trách nhiệm")
_HEAD_END = r"\s*(?:\(\d+\))?\s*:?\s*$"
_TAIL = (
    r"văn\s+bản\s+(?:liên\s+quan|cùng\s+lĩnh\s+vực|cùng\s+cơ\s+quan(?:\s+ban\s+hành)?|cùng\s+loại|mới(?:\s+nhất)?"
    r"|khác|được\s+hướng\s+dẫn|bị\s+thay\s+thế|thay\s+thế|sửa\s+đổi(?:,\s+bổ\s+sung)?)" + _HEAD_END,
    r"(?:tin|bài\s+viết|bài|tin\s+tức)\s+(?:liên\s+quan|cùng\s+chuyên\s+mục|khác|mới(?:\s+nhất)?|đọc\s+nhiều)"
    + _HEAD_END,
    r"các\s+(?:tin|bài|văn\s+bản)\s+(?:khác|liên\s+quan|mới)" + _HEAD_END,
    r"bình\s+luận" + _HEAD_END,
    r"ý\s+kiến\s+(?:bạn\s+đọc|của\s+bạn)" + _HEAD_END,
    r"bản\s+quyền\s+(?:thuộc|©|\(c\)|\d{4})",
    r"bản\s+quyền" + _HEAD_END,
    r"©",
    r"copyright\b",
    r"cơ\s+quan\s+chủ\s+quản\s*:",
    r"giấy\s+phép\s+(?:thiết\s+lập|số\s+\S+/GP-)",
    r"chịu\s+trách\s+nhiệm\s+(?:chính|nội\s+dung|xuất\s+bản)\s*:",
    r"ghi\s+rõ\s+nguồn\b",
    r"từ\s+khóa\s*:",
    # "Quyết định khen thưởng khác", "Văn bản cùng loại": the list of other entries
    r"(?:quyết\s+định|văn\s+bản|thông\s+báo|kế\s+hoạch|tin|bài|tin\s+tức|bài\s+viết)(?:\s+[\p{L}-]+){0,3}"
    r"\s+(?:khác|liên\s+quan|cùng\s+loại)\s*:?$",
    r"(?:tin|bài)\s+(?:mới\s+hơn|cũ\s+hơn|trước|sau)\s*:?$",
    r"xem\s+thêm\s*:?$",
)
TAIL_LINE = re.compile(r"(?i)^[|\s]*(?:" + "|".join(_TAIL) + ")")
# Footer contact lines; two in a row near the end of the page end the document (a plan's own contact
# block, "Địa chỉ: … / Điện thoại: …" of its organising committee, stands above its signature).
FOOTER_LINE = re.compile(r"(?i)^[|\s]*(?:địa\s+chỉ|điện\s+thoại|đt|fax|e-?mail|hotline|website)\s*:")

# A lead line or heading that describes a document: "Quyết định số 12/QĐ-UBND ngày 05/3/2021 của …",
# "Kế hoạch 86/KH-UBND năm 2019 về …", "Ngày 12/11/2018, UBND huyện X ban hành Quyết định số …".
TYPE_ALT = alternation(TYPE_NAMES)
# How a news lead dates its story when it gives no full date ("Hôm qua 12.5, …", "Ngày 5/3, …").
NEWS_TIMES = ("Ngày", "Hôm qua", "Hôm nay", "Sáng", "Chiều", "Tối", "Vừa qua", "Mới đây", "Cuối tuần", "Đầu tuần")
# Type abbreviations a register or a news lead writes before "số" ("QĐ số 12/QĐ-UBND").
TYPE_ABBREVIATIONS = {a: ABBREVIATION_TO_TYPE[a] for a in ("QĐ", "KH", "HD", "TB", "CV", "NQ", "CT", "TTr")}
# What a decision does, when a lead gives its subject without "về việc" ("… của Chủ tịch UBND tỉnh tặng …").
DECISION_VERBS = (
    "tặng", "tặng thưởng", "truy tặng", "công nhận", "khen thưởng", "phê duyệt", "ban hành", "thành lập",
    "kiện toàn", "giao", "phân bổ", "bổ nhiệm", "điều chỉnh", "triển khai", "tổ chức", "thực hiện",
)
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
NUMBER = NUMBER_PART + r"(?:[/-]" + SYMBOL_GROUP + r")+"
LEAD = re.compile(
    rf"(?:^|(?<=[,;]\s))(?:\([^()\n]{{2,40}}\)\s*-?\s*)?"  # a news source: "(QNO) - "
    rf"(?:(?:[Nn]gày\s+(?P<pre_date>{_DATE})|(?:{alternation(NEWS_TIMES)})[^,\n]{{0,30}})\s*,\s*)?"
    rf"(?:(?P<actor>\p{{Lu}}[^\n,;:]{{2,120}}?)\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ban\s+hành|ký(?:\s+ban\s+hành)?)\s+)?"
    rf"(?P<type>(?i:{TYPE_ALT})|{alternation(TYPE_ABBREVIATIONS)})\s+(?:số\s*:?\s*)?(?P<num>{NUMBER})"
    rf"(?:\s+(?:ngày\s+(?P<date>{_DATE})"
    rf"|\s+năm\s+\d{{4}}))?"
    rf"(?:\s+(?:của|do)\s+(?P<author>\p{{Lu}}[^\n,;]{{2,120}}?))?"
    rf"(?:\s+(?:(?P<about>[Vv]ề\s+việc|V/v|[Vv]ề)\s+|(?=(?:{alternation(DECISION_VERBS)})\s))"
    rf"(?P<title>[^\n]{{5,400}}?))?\s*[.;]?\s*$",
    re.MULTILINE,
)
# A site's trích yếu often repeats the type first ("Kế hoạch tổ chức Hội trại …"): the title is the rest.
TYPE_FIRST = re.compile(rf"^(?:{TYPE_ALT})\s+(?=\p{{L}})")
# A body sentence naming the document: "…, Phòng GD&ĐT huyện X ban hành Kế hoạch tổ chức … như sau:".
NAMING = re.compile(
    rf"(?:^|[,;]\s+)(?P<actor>\p{{Lu}}[^\n,;:]{{2,120}}?)\s+(?:xây\s+dựng|ban\s+hành)\s+"
    rf"(?P<type>{alternation(('Kế hoạch', 'Hướng dẫn', 'Chương trình', 'Phương án', 'Đề án', 'Quy chế'))}"
    rf"|{alternation(('kế hoạch', 'hướng dẫn', 'chương trình', 'phương án', 'đề án', 'quy chế'))})"
    rf"\s+(?P<title>[^\n:]{{5,300}}?)\s*,?\s*(?:với\s+(?:các|những)\s+nội\s+dung\s+(?:cụ\s+thể\s+)?"
    rf"(?:như\s+)?sau(?:\s+đây)?|(?:cụ\s+thể\s+)?(?:như\s+sau|sau\s+đây))\s*:?\s*$",
    re.MULTILINE,
)
# A page heading that repeats the document's type and title ("Kế hoạch tổ chức Hội thi … năm 2023",
# "Kế hoạch 86/KH-UBND năm 2019 về …"); read only above the document, when its header lacks them.
PAGE_HEADING = re.compile(
    rf"^(?P<type>{alternation(TYPE_NAMES)})(?:\s+(?:số\s*:?\s*)?{NUMBER})?(?:\s+năm\s+\d{{4}})?"
    rf"\s+(?:(?P<about>[Vv]ề\s+việc|V/v|[Vv]ề)\s+)?(?P<title>\p{{L}}[^\n]{{8,300}}?)\s*$",
    re.MULTILINE,
)
# Button words a page shows one per line ("Lưu trữ", "Ghi chú", "Ý kiến", "Facebook", "In"); two in a
# row under the text start its tail (one alone may be a document's own line).
BUTTON_LINE = re.compile(
    r"(?i)^(?:lưu\s+trữ|ghi\s+chú|ý\s+kiến|facebook|zalo|twitter|email|e-mail|in|in\s+bài|chia\s+sẻ|bình\s+luận"
    r"|tải\s+về|báo\s+lỗi|góp\s+ý|theo\s+dõi|đặt\s+mua|lên\s+đầu\s+trang|quay\s+lại|trở\s+về)\s*$"
)
