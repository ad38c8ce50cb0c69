"""The canonical issuer table: which body a document's identity names, whatever spelling the text uses.

Two sources fix an issuer:
- the organ code of a national number/symbol (Nghị định 30/2020 Phụ lục III; Luật Ban hành văn bản quy
  phạm pháp luật for normative symbols; Hướng dẫn 36-HD/VPTW for the Party's). These codes are unique in
  the country, so "06/2022/QH15" is the Quốc hội's law whether a text adds "của Quốc hội" or not, and
  "63-NQ/TW" is the Party centre's resolution whether it says "Ban Chấp hành Trung ương" or "… Đảng".
- aliases of the same body: a Party committee's standing board and the committee itself share the
  committee's numbering ("118-KH/TU" of the Ban Thường vụ Tỉnh ủy is a Tỉnh ủy document); central bodies
  have short and long names (ISSUER_ALIASES); a term suffix ("khóa XIII") names no other body.
"""

from __future__ import annotations

# Organ code (last symbol group, marks stripped, upper case) -> canonical issuer. Codes that carry a
# legislature number ("QH15", "UBTVQH14") are matched without it. The Party centre's bodies (Ban Chấp hành
# Trung ương, Bộ Chính trị, Ban Bí thư) number their documents in one series under "TW".
NATIONAL_ORGAN_CODES: dict[str, str] = {
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "TW": "Trung ương Đảng",
    "BNV": "Bộ Nội vụ",
    "BGDDT": "Bộ Giáo dục và Đào tạo",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BLDTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHDT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BGTVT": "Bộ Giao thông vận tải",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "UBDT": "Ủy ban Dân tộc",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TTCP": "Thanh tra Chính phủ",
}
# Three-letter ministry codes that a local body's initials can also spell ("KH-BTC" of a Ban Tổ chức):
# they fix the issuer only in a normative symbol, which carries its year ("15/2020/TT-BTC").
NORMATIVE_ONLY_CODES: dict[str, str] = {
    "BTC": "Bộ Tài chính",
    "BCT": "Bộ Công Thương",
    "BYT": "Bộ Y tế",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BXD": "Bộ Xây dựng",
    "BTP": "Bộ Tư pháp",
    "BNG": "Bộ Ngoại giao",
}
# Codes followed by a legislature number.
NUMBERED_CODES: tuple[str, ...] = ("UBTVQH", "QH")

# Boards of a Party committee that issue under the committee's own symbol and number series.
PARTY_BOARDS: tuple[str, ...] = ("Ban Thường vụ", "Thường trực", "Ban Chấp hành")

# Canonical name -> other names of the same central body (compared after abbreviations are expanded and
# case is folded).
ISSUER_ALIASES: dict[str, tuple[str, ...]] = {
    "Thủ tướng Chính phủ": ("Thủ tướng",),
    "Ban Chấp hành Trung ương Đảng": ("Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"),
    "Quốc hội": ("Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Quốc hội Việt Nam"),
    "Chính phủ": ("Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam",),
    "Ban Bí thư": ("Ban Bí thư Trung ương Đảng", "Ban Bí thư Trung ương"),
    "Bộ Chính trị": ("Bộ Chính trị Ban Chấp hành Trung ương Đảng",),
}
