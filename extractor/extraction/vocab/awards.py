"""Award vocabulary: forms of commendation, emulation titles, and the words of award quotas.

Built from Luật Thi đua, khen thưởng 2022 (in force 01/01/2024) and the 2003 law it replaced,
which archived plans still follow: orders (Huân chương, several with hạng Nhất/Nhì/Ba), medals,
State honorary titles, the Hồ Chí Minh and State prizes, Kỷ niệm chương, Bằng khen, Giấy khen,
Cờ thi đua, and the emulation titles (danh hiệu thi đua) of individuals, collectives, households
and villages. Every written variant maps to one canonical spelling, so a form is deduplicated
however a document spells it.
"""

from __future__ import annotations

from extractor.extraction.models import Op
from extractor.extraction.vocab.organs import CANONICAL_PHRASES, PARTY_COMMITTEES, POSITIONS, UNIT_WORDS

# Orders (Huân chương) and whether they come in classes ("Huân chương Lao động hạng Ba").
# "Chiến sĩ vẻ vang" was dropped by the 2022 law but older plans still offer it.
ORDERS: dict[str, bool] = {
    "Sao vàng": False,
    "Hồ Chí Minh": False,
    "Độc lập": True,
    "Quân công": True,
    "Lao động": True,
    "Bảo vệ Tổ quốc": True,
    "Chiến công": True,
    "Chiến sĩ vẻ vang": True,
    "Đại đoàn kết dân tộc": False,
    "Dũng cảm": False,
    "Hữu nghị": False,
}
# The class of an order is part of the form, not a time unit.
ORDER_CLASSES: tuple[str, ...] = ("Nhất", "Nhì", "Ba")

# Medals: only the named State medals; a bare "huy chương vàng" is a sports prize.
MEDALS: tuple[str, ...] = (
    "Huy chương Quân kỳ quyết thắng",
    "Huy chương Vì an ninh Tổ quốc",
    "Huy chương Chiến sĩ vẻ vang",
    "Huy chương Hữu nghị",
)

# Forms that are unambiguous wherever they are written, in any case ("giấy khen" counts).
PLAIN_FORMS: tuple[str, ...] = (
    "Giấy khen",
    "Bằng khen",
    "Cờ thi đua",
    "Kỷ niệm chương",
    "Giải thưởng Hồ Chí Minh",
    "Giải thưởng Nhà nước",
    "Danh hiệu vinh dự Nhà nước",
    "Chiến sĩ thi đua toàn quốc",
    "Chiến sĩ thi đua cơ sở",
    "Chiến sĩ thi đua cấp tỉnh",
    "Chiến sĩ thi đua cấp thành phố",
    "Chiến sĩ thi đua cấp bộ",
    "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "Chiến sĩ thi đua",
)

# Other spellings of a form -> its canonical name (the law's name where it has one).
FORM_VARIANTS: dict[str, str] = {
    "Chiến sĩ thi đua cấp cơ sở": "Chiến sĩ thi đua cơ sở",
    "Chiến sĩ thi đua tỉnh": "Chiến sĩ thi đua cấp tỉnh",
    "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh": "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "Chiến sĩ thi đua cấp bộ, ngành, tỉnh": "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "Chiến sĩ thi đua bộ, ngành, tỉnh": "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    "Kỉ niệm chương": "Kỷ niệm chương",
    # Exports and OCR that lost every diacritic ("Tang Bang khen cua Chu tich UBND tinh"): a form's
    # accent-free spelling is still only that form.
    "Giay khen": "Giấy khen",
    "Bang khen": "Bằng khen",
    "Co thi dua": "Cờ thi đua",
    "Ky niem chuong": "Kỷ niệm chương",
    "Chien si thi dua co so": "Chiến sĩ thi đua cơ sở",
    "Chien si thi dua cap co so": "Chiến sĩ thi đua cơ sở",
    "Lao dong tien tien": "Lao động tiên tiến",
    "Tap the lao dong xuat sac": "Tập thể lao động xuất sắc",
    "Tap the lao dong tien tien": "Tập thể lao động tiên tiến",
}

# Titles that are also everyday phrases ("các đơn vị tiên tiến", "xây dựng gia đình văn hóa"):
# they count only after "danh hiệu" or when written capitalised, as a title is.
CUE_FORMS: tuple[str, ...] = (
    # emulation titles of individuals and collectives (Chiến sĩ / Đơn vị … in the armed forces)
    "Lao động tiên tiến",
    "Chiến sĩ tiên tiến",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
    "Đơn vị quyết thắng",
    "Đơn vị tiên tiến",
    # households and residential areas
    "Gia đình văn hóa",
    "Thôn văn hóa",
    "Tổ dân phố văn hóa",
    "Ấp văn hóa",
    "Khu phố văn hóa",
    "Làng văn hóa",
    "Bản văn hóa",
    "Buôn văn hóa",
    "Khu dân cư văn hóa",
    # State honorary titles
    "Anh hùng Lao động",
    "Anh hùng Lực lượng vũ trang nhân dân",
    "Bà mẹ Việt Nam anh hùng",
    "Nhà giáo Nhân dân",
    "Nhà giáo Ưu tú",
    "Thầy thuốc Nhân dân",
    "Thầy thuốc Ưu tú",
    "Nghệ sĩ Nhân dân",
    "Nghệ sĩ Ưu tú",
    "Nghệ nhân Nhân dân",
    "Nghệ nhân Ưu tú",
)


def _order_forms() -> list[str]:
    forms = ["Huân chương"]
    for name, has_classes in ORDERS.items():
        forms.append(f"Huân chương {name}")
        if has_classes:
            forms += [f"Huân chương {name} hạng {c}" for c in ORDER_CLASSES]
    return forms


# Every written form (lower-cased, single-spaced) -> canonical name.
FORMS: dict[str, str] = {
    **{f.lower(): f for f in (*_order_forms(), *MEDALS, *PLAIN_FORMS, *CUE_FORMS)},
    **{v.lower(): c for v, c in FORM_VARIANTS.items()},
}

# A grantor named by its level only: "Giấy khen cấp huyện" is given by that level's People's Committee.
LEVEL_GRANTOR = "Ủy ban nhân dân {unit}"

# Offices that grant in their own name besides the officials of POSITIONS ("Giấy khen UBND huyện").
GRANTING_OFFICES: tuple[str, ...] = ("Ủy ban nhân dân", "UBND", "Chủ UBND", "Chính phủ", "Chủ tịch nước")
# Heads that open an official or body granting an award ("đề nghị Chủ tịch UBND huyện tặng …").
BODY_HEADS: tuple[str, ...] = (
    *GRANTING_OFFICES, "Hội đồng", "Thủ tướng", "Bộ", "Sở",
    "Phòng", "Ban", "Trường", "Liên đoàn", "Công đoàn", "Đoàn", "Hội", "Trung tâm", "Tổng cục", "Cục", "Chi cục",
    "Ủy ban", "Mặt trận", *PARTY_COMMITTEES, "Công an",
)
GRANTOR_HEADS: tuple[str, ...] = (*POSITIONS, *BODY_HEADS)
# Heads that may follow a form with no "của" ("Bằng khen Thủ tướng Chính phủ"); a bare body
# there is more often the recipient ("tặng Giấy khen Trường Tiểu học A"), so officials only.
DIRECT_GRANTOR_HEADS: tuple[str, ...] = (*POSITIONS, *GRANTING_OFFICES)
# Lower-case words that may continue an organ or official name ("Ủy ban nhân dân các xã, thị trấn"):
# those written in lower case inside the standard names, plus joiners and "Thủ trưởng cơ quan, đơn vị".
GRANTOR_WORDS: frozenset[str] = frozenset(
    w for phrase in (*CANONICAL_PHRASES, *GRANTOR_HEADS, *UNIT_WORDS) for w in phrase.split() if w.islower()
) | {"các", "và", "-", "&", "cơ", "quan", "đơn", "vị", "cấp", "nhà", "trường"}

# An official named by the head of a kind of body without the body ("Giám đốc Sở tặng Giấy khen",
# "Giấy khen của Trưởng phòng") in a plan that body issues is the head of the issuer itself.
OWN_BODY_HEADS: dict[str, tuple[str, ...]] = {
    "Giám đốc": ("Sở", "Trung tâm", "Bệnh viện", "Ban quản lý", "Đài", "Công ty"),
    "Phó Giám đốc": ("Sở", "Trung tâm", "Bệnh viện", "Ban quản lý", "Đài", "Công ty"),
    "Trưởng phòng": ("Phòng",),
    "Phó Trưởng phòng": ("Phòng",),
    "Trưởng ban": ("Ban",),
    "Hiệu trưởng": ("Trường",),
    "Phó Hiệu trưởng": ("Trường",),
    "Cục trưởng": ("Cục",),
    "Chi cục trưởng": ("Chi cục",),
    "Bộ trưởng": ("Bộ",),
    "Chủ tịch": ("Ủy ban nhân dân", "Hội đồng", "Hội", "Liên đoàn", "Công đoàn"),
}

# A head of whichever body the reader belongs to names no body ("Giấy khen của Thủ trưởng cơ quan,
# đơn vị"): its grantor is unknown (null), not a body called "cơ quan".
UNNAMED_HEADS: tuple[str, ...] = ("Thủ trưởng",)
UNNAMED_BODIES: tuple[str, ...] = ("cơ quan", "đơn vị", "tổ chức", "địa phương", "doanh nghiệp")

# Heads of a school named without it: "Giấy khen của Hiệu trưởng" in a school's own plan is its
# principal's, so the grantor is completed with the school like an issuer ("Hiệu trưởng Trường …").
SCHOOL_HEADS: tuple[str, ...] = ("Hiệu trưởng", "Phó Hiệu trưởng")

# Words that end a grantor's name even when capitalised, as in a caps heading
# ("GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN CHO CÁC TẬP THỂ").
GRANTOR_STOPS: frozenset[str] = frozenset({
    "cho", "xét", "tặng", "đối", "về", "năm", "có", "được", "trong", "theo", "tại", "để", "khi", "đã", "đạt",
    "với", "nhằm", "gồm", "là", "thuộc",
})

# --- quotas -------------------------------------------------------------------------------------

# Numbers written in words ("hai tập thể"); a quota is rarely above ten when spelt out.
NUMBER_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}
# Words before a number that make it a date, an ordinal or a time phrase, not a count:
# "ngày 15 tổ chức …" (on the 15th, organise …), "trong năm cá nhân …" ("in the year").
NOT_NUMBER_BEFORE: tuple[str, ...] = (
    "ngày", "tháng", "năm", "quý", "đợt", "lần", "số", "mẫu", "biểu", "điều", "khoản", "mục", "phụ lục", "khóa",
    "trong", "cuối", "đầu", "giữa", "hằng", "hàng", "mỗi", "cả", "từng", "của", "sau", "trước", "các",
)

# Comparison words before the count.
OPS_BEFORE: dict[str, Op] = {
    "không quá": "<=",
    "không vượt quá": "<=",
    "tối đa": "<=",
    "nhiều nhất": "<=",
    "ít nhất": ">=",
    "tối thiểu": ">=",
    "không dưới": ">=",
    "không ít hơn": ">=",
    "trên": ">",
    "hơn": ">",
    "dưới": "<",
}
# Comparison words after the recipient ("03 tập thể trở lên").
OPS_AFTER: dict[str, Op] = {"trở lên": ">=", "trở xuống": "<="}

# Who a quota counts, normalised. Bodies count as collectives and people as individuals (the
# scoring contract has only "tập thể" / "cá nhân"); households and prizes are kept as written.
RECIPIENTS: dict[str, str] = {
    "tập thể": "tập thể",
    "đơn vị": "tập thể",
    "tổ chức": "tập thể",
    "cơ quan": "tập thể",
    "địa phương": "tập thể",
    "cá nhân": "cá nhân",
    "đồng chí": "cá nhân",
    "tác giả": "cá nhân",
    "cán bộ": "cá nhân",
    "công chức": "cá nhân",
    "viên chức": "cá nhân",
    "giáo viên": "cá nhân",
    "học sinh": "cá nhân",
    "đoàn viên": "cá nhân",
    "hội viên": "cá nhân",
    "đảng viên": "cá nhân",
    # written without diacritics (ASCII exports)
    "tap the": "tập thể",
    "ca nhan": "cá nhân",
    # collectives named by what they are (counted only in an award context, like every quota)
    "xã": "tập thể",
    "phường": "tập thể",
    "thị trấn": "tập thể",
    "ấp": "tập thể",
    "thôn": "tập thể",
    "khu phố": "tập thể",
    "tổ dân phố": "tập thể",
    "trường": "tập thể",
    "lớp": "tập thể",
    "chi đoàn": "tập thể",
    "chi bộ": "tập thể",
    "hộ gia đình": "hộ gia đình",
    "gia đình": "gia đình",
    "hộ": "hộ",
    "giải nhất": "giải Nhất",
    "giải nhì": "giải Nhì",
    "giải ba": "giải Ba",
    "giải khuyến khích": "giải Khuyến khích",
    "giải đặc biệt": "giải Đặc biệt",
}

# A sentence is about awards when it names a form or one of these (regex fragments).
AWARD_CUES: tuple[str, ...] = (
    r"khen", r"tặng", r"trao\s+(?:tặng|thưởng|giải)", r"giải\s+(?:thưởng|nhất|nhì|ba|khuyến\s+khích|đặc\s+biệt)",
)
# Participation counts are not quotas: "mỗi trường cử từ 01 đến 03 cá nhân tham gia Hội thi",
# "mỗi chi đoàn cử 01 đoàn viên dự thi". A sending verb before the count and a taking-part verb after it.
PARTICIPATION_SENDS: tuple[str, ...] = ("cử", "chọn cử", "lựa chọn", "chọn", "giới thiệu", "đăng ký", "huy động")
# "cử" right before the count sends people even with no taking part written after it.
PARTICIPATION_SENT: tuple[str, ...] = ("cử", "cử ra")
PARTICIPATION_TAKES: tuple[str, ...] = ("tham gia", "tham dự", "dự thi", "thi đấu", "dự hội", "làm thành viên")
# A result decision's title says it gives awards ("Về việc tặng Giấy khen …", "khen thưởng …",
# "công nhận danh hiệu …"): awards it names without "của …" are the deciding official's.
RESULT_TITLE_VERBS: tuple[str, ...] = ("tặng", "tặng thưởng", "truy tặng", "khen thưởng", "công nhận danh hiệu")
# Section headings about awards ("3. Số lượng khen thưởng", "Cơ cấu giải") and about other
# topics ("1. Đối tượng thi đua"); the innermost heading that names either decides.
AWARD_HEADINGS: tuple[str, ...] = (
    r"khen\s+thưởng", r"số\s+lượng", r"cơ\s+cấu\s+giải", r"giải\s+thưởng", r"danh\s+hiệu", r"hình\s+thức",
)
OTHER_HEADINGS: tuple[str, ...] = (
    r"đối\s+tượng", r"nội\s+dung", r"chỉ\s+tiêu", r"tiêu\s+chí", r"tiêu\s+chuẩn", r"thời\s+gian", r"mục\s+đích",
    r"yêu\s+cầu", r"tổ\s+chức\s+thực\s+hiện", r"kinh\s+phí", r"hồ\s+sơ", r"giải\s+pháp",
)

# Review phases ("sơ kết 6 tháng", "tổng kết cuối năm", "Đợt 1"), named in the quota's sentence,
# on a line of their own ("- Sơ kết 6 tháng:") or in its heading ("2. Số lượng (tổng kết năm 2024)").
# A filler word may sit inside ("tổng kết phong trào cuối năm") and is dropped from the phase.
_FILLER = r"(?:\s+(?:phong\s+trào|thi\s+đua|công\s+tác))?"
PHASES: tuple[str, ...] = (
    rf"sơ\s+kết{_FILLER}(?:\s+(?:\d{{1,2}}\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?|giữa\s+(?:kỳ|năm)"
    r"|học\s+kỳ\s+(?:I{1,2}|\d)|năm(?:\s+\d{4})?|đợt(?:\s+\d{1,2})?|giai\s+đoạn(?:\s+\d)?))?",
    rf"tổng\s+kết{_FILLER}(?:\s+(?:cuối\s+năm|năm\s+học(?:\s+\d{{4}}\s*-\s*\d{{4}})?|năm(?:\s+\d{{4}})?"
    r"|đợt(?:\s+\d{1,2})?|giai\s+đoạn(?:\s+\d{4}\s*-\s*\d{4})?|\d{1,2}\s+năm|toàn\s+đợt))?",
    r"đợt\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba)(?!\p{L})",
    r"(?:6|06|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm",
    r"cuối\s+năm",
    r"học\s+kỳ\s+(?:I{1,2}|\d)(?!\p{L})",
)
PHASE_FILLERS: tuple[str, ...] = ("phong trào", "thi đua", "công tác")
# Phases that only label a block of lines ("- Năm 2024: 02 tập thể"); in a sentence or a heading
# a year or a stage is just a date ("Chỉ tiêu năm 2024").
PHASE_LABELS: tuple[str, ...] = (
    r"năm\s+\d{4}",
    r"giai\s+đoạn\s+(?:\d|[IVX]{1,3})(?![\p{L}\d])",
)
# Words that introduce a phase and are not part of it ("Khi sơ kết …", "Tại hội nghị tổng kết …").
PHASE_INTROS: tuple[str, ...] = (
    "khi", "dịp", "vào dịp", "trong", "tại", "tại hội nghị", "trong dịp", "sau", "qua", "vào",
)
# Words naming which occurrence of a phase, after an intro or alone: "… 05 cá nhân trong mỗi đợt sơ
# kết", "… 02 tập thể sau các đợt sơ kết", "… 01 tập thể mỗi kỳ tổng kết". Not part of the phase.
PHASE_QUALIFIERS: tuple[str, ...] = ("mỗi đợt", "các đợt", "đợt", "mỗi kỳ", "các kỳ", "kỳ", "mỗi lần")
# What joins phases named together ("Khi sơ kết, tổng kết phong trào, …"): one quota, of the first.
PHASE_JOINS: tuple[str, ...] = (",", "và", "hoặc", "/", "-")

# Text before ':' that names no competitors ("- Số lượng: 03 tập thể", "Cá nhân: 05 cá nhân").
NOT_GROUPS: tuple[str, ...] = (
    r"khen", r"tặng", r"giải", r"số\s+lượng", r"cơ\s+cấu", r"đối\s+tượng", r"chỉ\s+tiêu",
    r"tập\s+thể", r"cá\s+nhân",
)
# Lead words of a group that are not part of its name ("Đối với các xã: 01 tập thể").
GROUP_LEADS: tuple[str, ...] = ("đối với", "riêng")
