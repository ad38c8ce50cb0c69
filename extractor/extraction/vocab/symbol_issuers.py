"""Issuers a number/symbol names by itself, for references whose text does not say who issued them.

Source: Nghị định 30/2020/NĐ-CP (Phụ lục III: the symbol is type + issuer abbreviation), the Law on
normative documents (Luật ban hành văn bản quy phạm pháp luật: Nghị định of the Chính phủ, Quyết định
and Chỉ thị of the Thủ tướng, Nghị quyết of the Quốc hội "…/QH15", Thông tư of a Bộ "…/TT-BGDĐT") and
Party practice (Quy định 66-QĐ/TW: "-NQ/TW", "-CT/TW", "-KL/TW"). Only codes that name one central body
everywhere are listed: a Sở or a Phòng code ("SNV", "PGDĐT") needs the province, so it is not here.
"""

from __future__ import annotations

# Issuer code (the symbol group after the type abbreviation) -> the body it names.
CENTRAL_BODIES: dict[str, str] = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BTĐKT": "Ban Thi đua - Khen thưởng Trung ương",
    "BTCTW": "Ban Tổ chức Trung ương",
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "BDVTW": "Ban Dân vận Trung ương",
    "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",
    "VPTW": "Văn phòng Trung ương Đảng",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "KTNN": "Kiểm toán nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    # Ministries by their code ("…/TT-BNV", "…/KH-BGDĐT").
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BGD&ĐT": "Bộ Giáo dục và Đào tạo",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNN": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",  # from 1 March 2025
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BYT": "Bộ Y tế",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BCT": "Bộ Công Thương",
    "BTP": "Bộ Tư pháp",
    "BNG": "Bộ Ngoại giao",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",  # from 1 March 2025
    "UBDT": "Ủy ban Dân tộc",
    "TTCP": "Thanh tra Chính phủ",
}

# The National Assembly's laws and resolutions carry its term: "06/2022/QH15", "…/UBTVQH14".
LEGISLATURE_PREFIXES: dict[str, str] = {
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "QH": "Quốc hội",
}

# Party Central ("…/TW") by the type abbreviation before it. A resolution numbered "-NQ/TW" is the
# Central Committee's (its plenums); directives, conclusions and regulations are the Politburo's —
# the convention the expected records follow when the text does not name the body.
PARTY_CENTRAL = "TW"
PARTY_CENTRAL_BY_TYPE: dict[str, str] = {
    "NQ": "Ban Chấp hành Trung ương",
    "CT": "Bộ Chính trị",
    "KL": "Bộ Chính trị",
    "QĐ": "Bộ Chính trị",
}


def issuer_from_symbol(symbol: str, type_abbreviations: frozenset[str]) -> str | None:
    """The central body a symbol names: 'QĐ-TTg' -> Thủ tướng Chính phủ, '2022/QH15' -> Quốc hội, 'NQ/TW' -> …

    The issuer code follows the type abbreviation ('TT-BNV'); a Công văn's symbol starts with it.
    """
    groups = [g for g in symbol.replace("/", "-").split("-") if g and not g.isdigit()]
    if not groups:
        return None
    typed = groups[0] in type_abbreviations and len(groups) > 1
    code = groups[1] if typed else groups[0]
    if code == PARTY_CENTRAL:
        return PARTY_CENTRAL_BY_TYPE.get(groups[0]) if typed else None
    if code in CENTRAL_BODIES:
        return CENTRAL_BODIES[code]
    for prefix, body in LEGISLATURE_PREFIXES.items():
        if code.startswith(prefix) and code[len(prefix) :].isdigit():
            return body
    return None
