"""Words that tell a basis from a citation in a document's preamble (Nghị định 30/2020: "căn cứ ban hành").

A preamble lists its basis as "Căn cứ …" / "Thực hiện …" clauses, or under a heading ("I. CĂN CỨ PHÁP
LÝ", "Căn cứ xây dựng kế hoạch:") as bare list items. A proposal ("Theo đề nghị của Sở Nội vụ tại Tờ
trình số …", "Xét đề nghị …") is why the signer acts, not what the document is based on: a citation.
"""

from __future__ import annotations

# Verbs that open a basis clause in the preamble.
BASIS_LEADS: list[str] = [
    "căn cứ", "thực hiện", "triển khai", "theo", "thi hành", "trên cơ sở", "cụ thể hóa",
    "để triển khai", "để thực hiện", "nhằm triển khai", "nhằm thực hiện", "nhằm cụ thể hóa",
]

# Verbs right before a mention that make it implemented by this document, wherever the sentence starts.
IMPLEMENTING_VERBS: list[str] = ["triển khai", "thực hiện", "căn cứ", "cụ thể hóa"]

# Heads of a basis heading ("CĂN CỨ PHÁP LÝ", "Cơ sở xây dựng kế hoạch") and what may follow them.
BASIS_HEADING_HEADS: list[str] = ["căn cứ", "cơ sở"]
BASIS_HEADING_QUALIFIERS: list[str] = [
    "pháp lý", "xây dựng", "để xây dựng", "ban hành", "lập", "thực hiện", "chính trị", "các văn bản",
    "vào các văn bản", "văn bản",
]
# Words a heading may open with before the head ("I. SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN").
BASIS_HEADING_OPENERS: list[str] = ["sự cần thiết và", "sự cần thiết,"]

# Leads of a proposal: the mentioned Tờ trình or Công văn is cited, not a basis.
PROPOSAL_LEADS: list[str] = [
    "theo đề nghị", "xét đề nghị", "theo đề xuất", "xét đề xuất", "xét tờ trình", "theo tờ trình",
]
