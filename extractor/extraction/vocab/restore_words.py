"""What `extractor.extraction.restore` may give back its diacritics when a text has lost them.

ASCII exports, OCR engines without Vietnamese and broken font maps turn "Căn cứ Quyết định số"
into "Can cu Quyet dinh so". Only words whose accent-folded form names one known spelling are
restored: the phrases of the other vocabularies (document types, organs, positions, award forms,
comparators, time words), the cue words below, and place names (extractor/data/admin_units.json).
A folded form shared by two spellings ("so": số/sở, "nam": năm/Nam) is restored only where its
context decides it. Person names and free text keep what is written.
"""

from __future__ import annotations

from enum import Enum

from extractor.extraction.vocab.awards import (
    CUE_FORMS,
    FORM_VARIANTS,
    GROUP_LEADS,
    NOT_NUMBER_BEFORE,
    OPS_AFTER,
    OPS_BEFORE,
    PHASE_FILLERS,
    PHASE_INTROS,
    PLAIN_FORMS,
    RECIPIENTS,
)
from extractor.extraction.vocab.comparators import AFTER, BEFORE, FILLERS
from extractor.extraction.vocab.doc_types import ABBREVIATION_TO_TYPE, TYPE_NAMES
from extractor.extraction.vocab.organs import ABBREVIATIONS, AGENCY_KINDS, CANONICAL_PHRASES, POSITIONS, UNIT_WORDS
from extractor.extraction.vocab.time_words import (
    DEADLINE_LEADS,
    ISSUE_NOUNS,
    NOW_WORDS,
    PAST_HEADINGS,
    REVIEW_PHASES,
    TIME_HEADINGS,
    YEAR_SPANS,
)


class Context(Enum):
    """Where a word whose folded form is ambiguous is restored."""

    ANYWHERE = "anywhere"
    BEFORE_NUMBER = "before a number"  # "so 12/QD" -> số, "ngay 05" -> ngày, "nam 2019" -> năm, "duoi 12%" -> dưới
    BEFORE_NAME = "before a capitalised word"  # "tinh Ca Mau" -> tỉnh, "cua UBND" -> của
    UPPER = "written in capitals"  # symbols: "QD-UBND" -> QĐ-UBND, "HDND" -> HĐND
    LINE = "alone on its line"  # a signature's position line: "THU TRUONG" -> THỨ TRƯỞNG, not Thủ trưởng


# Phrases of the layout and of plan sections that no other vocabulary lists.
LAYOUT_PHRASES: tuple[str, ...] = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "Đảng Cộng sản Việt Nam",
    "Việt Nam", "Căn cứ", "Thực hiện", "Triển khai", "Trên cơ sở", "Theo đề nghị", "về việc", "Về việc",
    "Nơi nhận", "Kính gửi", "Như trên", "Lưu", "ban hành", "như sau", "nêu trên", "Trên đây là",
    "Mục đích", "Yêu cầu", "Mục tiêu", "Nội dung", "Nhiệm vụ", "Giải pháp", "Tổ chức thực hiện",
    "Khen thưởng", "Hình thức khen thưởng", "Chỉ tiêu", "Chỉ tiêu thi đua", "Đối tượng", "Kinh phí",
    "thi đua", "phong trào thi đua", "tập thể", "cá nhân", "đề nghị", "năm học", "Đợt", "Giai đoạn",
    "Dự thảo", "trở lên", "Số lượng", "danh hiệu", "Danh hiệu", "Hội nghị",
    # a document site's metadata block, secondary evidence when the header is damaged
    "Số hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành", "Ngày hiệu lực",
    "Lĩnh vực", "Trang chủ", "kèm theo", "Ban hành kèm theo", "Quốc hội",
)

# Organ names built from a head and a field ("Phòng Nội vụ", "Sở Giáo dục và Đào tạo", "Bộ Y tế").
FIELD_HEADS: tuple[str, ...] = (*(k for k in AGENCY_KINDS if k != "Văn phòng"), "Bộ", "Cục")
ORGAN_FIELDS: tuple[str, ...] = (
    "Giáo dục và Đào tạo", "Nội vụ", "Tư pháp", "Y tế", "Tài chính", "Tài chính - Kế hoạch",
    "Văn hóa và Thông tin", "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội",
    "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư", "Nông nghiệp và Phát triển nông thôn",
    "Thông tin và Truyền thông", "Khoa học và Công nghệ", "Giao thông vận tải", "Kinh tế",
    "Kinh tế và Hạ tầng", "Quản lý đô thị", "Xây dựng", "Công Thương", "Dân tộc", "Thanh tra",
    "Tuyên giáo", "Dân vận", "Tổ chức", "Thi đua - Khen thưởng",
)

# Single words with one spelling in administrative writing, restored wherever a poor text has them.
# Words that also spell something else are restored only in the context that decides them (and a
# phrase whose folded form is another phrase's, in its own context).
CUE_WORDS: dict[str, Context] = {
    "huyện": Context.ANYWHERE,
    "và": Context.ANYWHERE,  # lists of references and recipients chain on it ("… và Công văn số …")
    "các": Context.ANYWHERE,
    "với": Context.ANYWHERE,
    "được": Context.ANYWHERE,
    "Luật": Context.ANYWHERE,
    "trước": Context.ANYWHERE,
    "trên": Context.ANYWHERE,
    "việc": Context.ANYWHERE,
    "Điều": Context.BEFORE_NUMBER,
    "số": Context.BEFORE_NUMBER,
    "ngày": Context.BEFORE_NUMBER,
    "tháng": Context.BEFORE_NUMBER,
    "năm": Context.BEFORE_NUMBER,
    "từ": Context.BEFORE_NUMBER,
    "dưới": Context.BEFORE_NUMBER,
    "đạt": Context.BEFORE_NUMBER,
    "tỉnh": Context.BEFORE_NAME,
    "xã": Context.BEFORE_NAME,
    "phường": Context.BEFORE_NAME,
    "quận": Context.BEFORE_NAME,
    "của": Context.BEFORE_NAME,
    "Phòng": Context.BEFORE_NAME,
    "Sở": Context.BEFORE_NAME,
    "Bộ": Context.BEFORE_NAME,
    "Trường": Context.BEFORE_NAME,
    "tặng": Context.BEFORE_NAME,
    "tại": Context.BEFORE_NAME,
    "về": Context.ANYWHERE,
    "Thứ trưởng": Context.LINE,  # a Thủ trưởng heads "các cơ quan"; alone under "KT. BỘ TRƯỞNG" is the deputy
}

# Phrases in which an ambiguous word is decided by its neighbour.
CONTEXT_PHRASES: tuple[str, ...] = (
    *(f"{prefix} {unit}" for prefix in ("cấp", "các", "toàn", "địa bàn", "Ủy ban nhân dân", "Hội đồng nhân dân",
                                         "UBND", "HĐND", "Sở Nội vụ", "Đảng ủy", "Đảng bộ") for unit in UNIT_WORDS),
    *(f"mỗi {who}" for who in (*RECIPIENTS, *UNIT_WORDS, "sở", "ngành", "đơn vị", "cơ quan")),
    *(f"từ {word}" for word in (*ISSUE_NOUNS, *NOW_WORDS)), "ký ban hành",
    "của các", "của Bộ", "từ ngày", "đến ngày", "đến hết ngày", "trước ngày", "chậm nhất ngày", "đạt từ",
    "ít nhất", "không dưới", "sơ kết", "tổng kết", "hằng năm", "hàng năm",
)

# Symbols in capitals that keep their Đ ("QĐ-UBND", "NĐ-CP", "12-KH/ĐU"); an ASCII form that is also
# another symbol ("HD": Hướng dẫn / HĐ: Hợp đồng, "DA": Dự án / ĐA: Đề án) is left as written.
EXTRA_SYMBOLS: tuple[str, ...] = ("ĐU", "ĐTN", "HĐ", "ĐA", "PGDĐT", "SGDĐT", "BGDĐT", "ĐHĐ", "BCĐ")


def _symbols() -> tuple[str, ...]:
    written = {*ABBREVIATIONS, *ABBREVIATION_TO_TYPE, *EXTRA_SYMBOLS}
    ascii_forms = {s for s in written if s.isascii()}
    return tuple(s for s in sorted(written) if "Đ" in s and s.replace("Đ", "D") not in ascii_forms)


SYMBOLS: tuple[str, ...] = _symbols()

# Every phrase restored anywhere: the other vocabularies' phrases of two words or more.
PHRASES: tuple[str, ...] = tuple(sorted({
    p for p in (
        *LAYOUT_PHRASES, *CONTEXT_PHRASES, *TYPE_NAMES, *CANONICAL_PHRASES, *ABBREVIATIONS.values(), *POSITIONS,
        *PLAIN_FORMS, *FORM_VARIANTS, *CUE_FORMS, *BEFORE, *AFTER, *FILLERS, *DEADLINE_LEADS, *TIME_HEADINGS,
        *YEAR_SPANS, *REVIEW_PHASES, *PAST_HEADINGS, *UNIT_WORDS, *ABBREVIATIONS, *RECIPIENTS, *OPS_BEFORE,
        *OPS_AFTER, *PHASE_INTROS, *PHASE_FILLERS, *GROUP_LEADS, *NOT_NUMBER_BEFORE,
        *(f"{head} {field}" for head in FIELD_HEADS for field in ORGAN_FIELDS),
    ) if len(p.split()) >= 2
}))

# Unmarked spellings of two words every plan writes many times ("ngày", "của"): a line that has one lost
# marks, whatever else it kept (OCR output mixes marked and unmarked words).
UNMARKED_CUES: tuple[str, ...] = (" ngay ", " cua ")

# Look-alike code points some PDF font maps give for Vietnamese letters: never Vietnamese themselves, so
# they are always put right ("Trƣờng" with U+01A3 LATIN SMALL LETTER OI, "ÐẢNG" with the Icelandic Eth).
GLYPH_FIXES: dict[str, str] = {"ƣ": "ư", "Ƣ": "Ư", "ð": "đ", "Ð": "Đ"}
