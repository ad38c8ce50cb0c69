"""Words that show a text is a saved web page, looked for before any page pattern is compiled.

One of them stands in a page's chrome, metadata block or tail (extractor.extraction.page reads
those, with the patterns of extractor.extraction.vocab.web). A plan without any of them never loads
those modules: `planex extract plan.txt` compiles no web-page pattern.
"""

from __future__ import annotations

# Lower case: a plain substring test (a case-insensitive regex over a whole plan costs more than the
# page reading itself).
PAGE_HINTS = (
    "trang chủ", "lượt xem", "lượt tải", "đang tải", "số hiệu:", "số hiệu\t", "số hiệu |", "loại văn bản",
    "cơ quan ban hành", "người ký:", "người ký\t", "văn bản liên quan", "văn bản cùng", "chia sẻ:", "bản quyền",
    "©", "tệp đính kèm", "đăng nhập", "ngày đăng", "tin cùng", "thuộc tính", "thông tin văn bản",
    "điện thoại:", "cơ quan chủ quản", "các tin khác", "bình luận", "facebook", "zalo",
)
# Chrome stands above the document and the tail below it: the hints are looked for in this many
# characters at either end of the text (a page's tail always ends with a footer or a list).
HINT_WINDOW = 3000


def page_hinted(text: str) -> bool:
    """Whether either end of the text holds a page hint (else it is no web page)."""
    # A text no longer than the window is both of its ends: it is looked at once (no hint holds a line break,
    # so none can be found across the break put between the two ends).
    ends = (text if len(text) <= HINT_WINDOW else text[:HINT_WINDOW] + "\n" + text[-HINT_WINDOW:]).lower()
    return any(hint in ends for hint in PAGE_HINTS)
