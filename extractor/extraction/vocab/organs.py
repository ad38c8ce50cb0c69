"""Organ (issuing body) vocabulary: abbreviations, canonical spellings, locality words.

Built from the reference facts (Nghị định 30/2020 header practice; common abbreviations in
agency symbols and bodies). Names are written the way the standard writes them: the organ
phrase in sentence case with capitalised proper parts ("Phòng Giáo dục và Đào tạo"),
locality words in lower case ("huyện"), place names capitalised ("Củ Chi").
"""

from __future__ import annotations

# Abbreviations expanded inside organ names. Longest first when compiled.
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng",
    "HĐTĐ-KT": "Hội đồng Thi đua - Khen thưởng",
    "TĐKT": "Thi đua - Khen thưởng",
    "TĐ-KT": "Thi đua - Khen thưởng",
    "PGDĐT": "Phòng Giáo dục và Đào tạo",
    "PGD&ĐT": "Phòng Giáo dục và Đào tạo",
    "SGDĐT": "Sở Giáo dục và Đào tạo",
    "SGD&ĐT": "Sở Giáo dục và Đào tạo",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "GD-ĐT": "Giáo dục và Đào tạo",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "VH&TT": "Văn hóa và Thông tin",
    "VHTT": "Văn hóa và Thông tin",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "KH&CN": "Khoa học và Công nghệ",
    "GTVT": "Giao thông vận tải",
    "BCH": "Ban Chấp hành",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "LHPN": "Liên hiệp Phụ nữ",
    "ĐTNCS": "Đoàn Thanh niên Cộng sản",
    "ĐTN": "Đoàn Thanh niên",
    "HCCB": "Hội Cựu chiến binh",
    "HND": "Hội Nông dân",
    "LĐLĐ": "Liên đoàn Lao động",
    "BCĐ": "Ban Chỉ đạo",
    "MTQG": "mục tiêu quốc gia",
    "SNV": "Sở Nội vụ",
    "BNV": "Bộ Nội vụ",
    "TW": "Trung ương",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP. HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP.": "Thành phố",
    "TP": "Thành phố",
    "Tp.": "Thành phố",
    "TX.": "thị xã",
    "Chủ UBND": "Chủ tịch Ủy ban nhân dân",  # a frequent typo ("Chủ UBND huyện")
}

# Party committees of a locality or a body, as their names begin ("Tỉnh ủy Bình Định", "Đảng ủy xã …").
PARTY_COMMITTEES: tuple[str, ...] = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy")
# Bodies every province, district or commune has one of: named with no place after them, they could be any.
LOCAL_BODIES: tuple[str, ...] = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    *PARTY_COMMITTEES,
)
# Kinds of department or agency, as their names begin ("Phòng Nội vụ", "Sở Y tế", "Ban Dân vận", "Trung tâm
# Y tế", "Văn phòng HĐND và UBND", "Chi cục Thuế").
AGENCY_KINDS: tuple[str, ...] = ("Phòng", "Sở", "Ban", "Trung tâm", "Văn phòng", "Chi cục")

# Heads an organ's name begins with ("Phòng Nội vụ", "Chi đoàn …", "BCH Đoàn …"); the rest of a sentence does not.
ORGAN_HEADS: tuple[str, ...] = (
    "Ủy ban", "UBND", "Hội đồng", "HĐND", "Phòng", "Sở", "Bộ", "Ban", "Trường", "Văn phòng",
    *PARTY_COMMITTEES, "Chi bộ", "Công đoàn", "Đoàn", "Hội", "Trung tâm", "Công an",
    "Chi cục", "Cục", "Nhà trẻ", "Liên đoàn", "Mặt trận", "Ủy ban Mặt trận", "Bảo hiểm", "Kho bạc", "Chi đoàn",
    "Đoàn trường", "Liên đội", "Chi hội", "Tổ chuyên môn", "Thành đoàn", "Huyện đoàn", "Tỉnh đoàn", "Đảng bộ", "Viện",
    "Tòa án", "Tổng cục", "Học viện", "Đại học", "Bệnh viện", "BCĐ", "BCH", "BTV", "Thanh tra",
)

# Organ phrases with their canonical casing, recognised case-insensitively in caps headers.
CANONICAL_PHRASES: list[str] = [
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc",
    "Hội đồng Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng", "Thi đua - Khen thưởng",
    "Giáo dục và Đào tạo", "Văn hóa và Thông tin", "Văn hóa, Thể thao và Du lịch",
    "Lao động - Thương binh và Xã hội", "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư",
    "Nông nghiệp và Phát triển nông thôn", "Thông tin và Truyền thông", "Khoa học và Công nghệ",
    "Giao thông vận tải", "Tài chính - Kế hoạch", "Nội vụ", "Tư pháp", "Y tế", "Tài chính", "Kinh tế",
    "Kinh tế và Hạ tầng", "Quản lý đô thị", "Thanh tra", "Văn phòng", "Công an", "Xây dựng", "Công Thương",
    "Chính phủ", "Thủ tướng Chính phủ", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương",
    "Trung ương", "Đảng bộ", "Chi bộ", *PARTY_COMMITTEES,
    "Ban Thường vụ", "Ban Chỉ đạo", "Chương trình mục tiêu quốc gia", "Ban Tuyên giáo", "Ban Dân vận",
    "Ban Tổ chức", "Liên đoàn Lao động",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ",
    "Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh",
    "Bảo hiểm xã hội", "Kho bạc Nhà nước", "Trung tâm Y tế", "Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự",
    "Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường Trung học phổ thông",
    "Trường Phổ thông Dân tộc nội trú", "Trường Phổ thông Dân tộc bán trú", "Trường Mẫu giáo",
    "Nhà trẻ",
]

# Heads whose remainder is a proper name ("TRƯỜNG MẦM NON SƠN CA" -> "... Sơn Ca").
NAMED_HEADS: tuple[str, ...] = (
    "Trường Mầm non", "Trường Mẫu giáo", "Trường Tiểu học", "Trường Trung học cơ sở",
    "Trường Trung học phổ thông", "Trường Phổ thông Dân tộc nội trú", "Trường Phổ thông Dân tộc bán trú",
    "Nhà trẻ", "Trường",
)

# School-level abbreviations kept in capitals inside names ("Trường TH&THCS Phú Xuân").
KEEP_UPPER: frozenset[str] = frozenset({
    "TH", "THCS", "THPT", "TH&THCS", "THCS&THPT", "TH-THCS", "THCS-THPT", "PTDTNT", "PTDTBT", "MN", "MG",
    "GDTX", "GDNN-GDTX", "TW", "VN", "CNTT", "CCHC", "TTHC", "II", "III", "IV", "XI", "XII", "XIII",
})

# Locality words of the administrative hierarchy, in lower case as written inside names.
UNIT_WORDS: tuple[str, ...] = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
DISTRICT_UNITS: frozenset[str] = frozenset({"huyện", "quận", "thị xã", "thành phố"})
COMMUNE_UNITS: frozenset[str] = frozenset({"xã", "phường", "thị trấn"})

# Position titles that may precede an organ ("Chủ tịch UBND huyện"): an official grantor.
POSITIONS: list[str] = [
    "Phó Chủ tịch", "Chủ tịch", "Phó Giám đốc", "Giám đốc", "Phó Trưởng ban", "Trưởng ban",
    "Phó Trưởng phòng", "Trưởng phòng", "Phó Hiệu trưởng", "Hiệu trưởng", "Thủ trưởng", "Bộ trưởng",
    "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Bí thư",
    "Phó Bí thư", "Tổng Giám đốc", "Cục trưởng", "Chi cục trưởng", "Chủ nhiệm",
]
# Signing positions of less common heads: a signature block reads them besides POSITIONS.
EXTRA_POSITIONS: tuple[str, ...] = (
    "Phó Cục trưởng", "Phó Chi cục trưởng", "Phó Chủ nhiệm", "Chánh Thanh tra", "Phó Chánh Thanh tra",
    "Viện trưởng", "Phó Viện trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng", "Phó Tổng Giám đốc",
    "Trưởng đoàn", "Giám đốc Sở", "Trưởng khoa", "Chủ nhiệm Ủy ban Kiểm tra",
)
SIGNING_POSITIONS: tuple[str, ...] = (*POSITIONS, *EXTRA_POSITIONS)
# Organs whose head enacts a decision (the line "<head> <organ> …", see ENACTING_HEADS).
ENACTING_ORGANS: tuple[str, ...] = (
    "Ủy ban nhân dân", "UBND", "Hội đồng", "Bộ", "Sở", "Ban", "Phòng", "Trường", "Cục", "Chi cục",
    "Tổng cục", "Viện", "Văn phòng", "Trung tâm", "Đại học", "Học viện", "Bệnh viện",
)
# Heads that enact a decision in their own name, the line between its title and its basis (Nghị định
# 30/2020, Phụ lục I): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "GIÁM ĐỐC SỞ …". One of SIGNING_POSITIONS each.
ENACTING_HEADS: tuple[str, ...] = (
    "Chủ tịch", "Bộ trưởng", "Giám đốc", "Hiệu trưởng", "Trưởng ban", "Trưởng phòng", "Cục trưởng",
    "Chi cục trưởng", "Tổng cục trưởng", "Viện trưởng", "Chánh Văn phòng", "Thủ trưởng", "Tổng Giám đốc",
)

# Meetings that adopt a resolution on behalf of the body holding them: "Nghị quyết … của Hội nghị lần
# thứ sáu Ban Chấp hành Trung ương …" is issued by the Ban Chấp hành, "… của Kỳ họp thứ 5 HĐND tỉnh"
# by the Hội đồng nhân dân. The meeting and its ordinal ("lần thứ 5", "thứ mười hai") are not the issuer.
MEETINGS: tuple[str, ...] = ("Hội nghị", "Kỳ họp")
# The body holding a meeting, named the way the expected records name the issuer: the Party's Central
# Committee is "Ban Chấp hành Trung ương" ("Hội nghị Trung ương 6" is its sixth plenum).
MEETING_BODIES: dict[str, str] = {
    "Trung ương": "Ban Chấp hành Trung ương",
    "Trung ương Đảng": "Ban Chấp hành Trung ương",
    "Ban Chấp hành Trung ương Đảng": "Ban Chấp hành Trung ương",
}
