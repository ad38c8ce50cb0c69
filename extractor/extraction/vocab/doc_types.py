"""Document types and their symbol abbreviations.

Source: Phụ lục III of Nghị định 30/2020/NĐ-CP (administrative types), the Law on
normative documents (Luật, Nghị định, Thông tư …) and Party practice (Kết luận, Thông tri).
A Công văn has no type abbreviation: its symbol is issuer + drafting unit (537/GDĐT-VP).
"""

from __future__ import annotations

from extractor.extraction.fold import phrase_key

# Full name -> abbreviation used in the number/symbol (Phụ lục III, Nghị định 30/2020).
ADMINISTRATIVE_TYPES: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
}

# Normative (legal) and Party types: their symbols carry a year or the Party form.
OTHER_TYPES: dict[str, str] = {
    "Nghị định": "NĐ",
    "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT",
    "Kết luận": "KL",
    "Thông tri": "TT",
    "Pháp lệnh": "PL",
    "Luật": "QH",
    "Lệnh": "L",
}

COMPANION_LETTER = "Công văn"

# A bundle's carriers (Nghị định 30/2020): a Quyết định issues the document after it ("Ban hành kèm theo Quyết
# định …"); a Công văn, a Tờ trình or a Thông báo forwards it to its recipients.
ISSUING_TYPE = "Quyết định"
FORWARDING_TYPES: tuple[str, ...] = (COMPANION_LETTER, "Tờ trình", "Thông báo")

# Types that are plans: a programme, a scheme or a project plan is implemented like a Kế hoạch.
PLAN_TYPES: frozenset[str] = frozenset({"Kế hoạch", "Chương trình", "Phương án", "Đề án"})

# Every type name a text may use before "số …", longest first so "Thông tư liên tịch" wins.
TYPE_NAMES: list[str] = sorted(
    [*ADMINISTRATIVE_TYPES, *OTHER_TYPES, COMPANION_LETTER, "Văn bản", "Thư công"], key=len, reverse=True
)

# Abbreviation (first symbol group) -> full type name. "TT" is read as Thông tư.
ABBREVIATION_TO_TYPE: dict[str, str] = {
    **{abbr: name for name, abbr in ADMINISTRATIVE_TYPES.items()},
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KL": "Kết luận",
    "CV": COMPANION_LETTER,
    "QĐi": "Quy định",
}

# Caps title lines that open a document ("KẾ HOẠCH") — the header types planex splits on.
HEADING_TYPES: dict[str, str] = {name.upper(): name for name in [*ADMINISTRATIVE_TYPES, *OTHER_TYPES]}


def type_from_symbol(symbol: str) -> str | None:
    """Type named by a number/symbol: 'KH-UBND' -> Kế hoạch, '2017/NĐ-CP' -> Nghị định.

    A symbol with no type abbreviation ('GDĐT-VP', 'UBND-KT') is a Công văn.
    """
    groups = [g for g in symbol.replace("/", "-").split("-") if g and not g.isdigit()]
    if not groups:
        return None
    first = groups[0]
    if first in ABBREVIATION_TO_TYPE:
        return ABBREVIATION_TO_TYPE[first]
    # Party symbols put the type after the number: "14-KL/TW" -> groups ["KL", "TW"].
    return COMPANION_LETTER


_BY_LOWER = {name.lower(): name for name in TYPE_NAMES}


def canonical_type(name: str) -> str:
    """'KẾ HOẠCH' / 'kế hoạch' -> 'Kế hoạch'; 'Văn bản' is a Công văn."""
    full = _BY_LOWER.get(phrase_key(name))
    if full is None:
        return name.strip()
    return COMPANION_LETTER if full == "Văn bản" else full
