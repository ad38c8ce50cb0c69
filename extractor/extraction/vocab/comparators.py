"""How a plan bounds a quantitative target ("từ 90% trở lên", "không quá 15%", "trên 90%").

Vietnamese states the bound either before the number ("tối thiểu 80%") or after it and the
counted noun ("từ 40% số hồ sơ trở lên"). Ops are those of `extractor.extraction.models.Op`.
"""

from __future__ import annotations

from extractor.extraction.models import Op

# Words right before the number. "từ" alone is a floor ("đạt từ 80%"); "đến"/"hơn" are left out
# because "lên đến 90%" and "cao hơn 5%" are not bounds.
BEFORE: dict[str, Op] = {
    "không vượt quá": "<=",
    "không quá": "<=",
    "tối đa": "<=",
    "không cao hơn": "<=",
    "không nhiều hơn": "<=",
    "tối thiểu": ">=",
    "ít nhất": ">=",
    "không dưới": ">=",
    "không thấp hơn": ">=",
    "không ít hơn": ">=",
    "từ": ">=",
    "trên": ">",
    "dưới": "<",
}

# Mathematical signs some plans use instead of words ("≥ 90%").
SYMBOLS: dict[str, Op] = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<"}

# Words that may stand between a comparator and its number: "tối thiểu là 80%", "không dưới mức 70%".
FILLERS: tuple[str, ...] = ("là", "ở mức", "mức", "tỷ lệ", "tỉ lệ", "đạt", "bằng")

# Words after the number, possibly a few words later ("từ 40% số hồ sơ trở lên").
AFTER: dict[str, Op] = {"trở lên": ">=", "trở xuống": "<="}

# A bare share is a floor unless it is the whole: plans aim at "at least 85%" but "exactly 100%".
FULL_SHARE = 100.0
BARE_FULL: Op = "="
BARE_PARTIAL: Op = ">="

# Units besides "%" that make a number a target, only with an explicit bound ("90 điểm trở lên").
# Kept short: every unit added here lets more counts through as targets.
COUNTED_UNITS: tuple[str, ...] = ("điểm",)

# Words before a share that make it a composition or a weight, not an aim ("chiếm 30% tổng điểm").
NOT_AIMS: tuple[str, ...] = ("chiếm", "trích", "trọng số", "hệ số")

# Headings of sections whose shares are allocations, not aims ("IV. KINH PHÍ": "hỗ trợ 50% chi phí").
NOT_AIM_HEADINGS: tuple[str, ...] = ("kinh phí", "nguồn kinh phí", "dự toán")

# Words that only introduce an aim; dropped from the front and back of a target's `measure`.
AIM_LEADS: tuple[str, ...] = ("đảm bảo", "bảo đảm", "phấn đấu", "trong đó có", "trong đó", "có", "đạt")
AIM_TAILS: tuple[str, ...] = ("đạt", "là", "ở mức", "mức", "đạt tỷ lệ", "đạt tỉ lệ")
