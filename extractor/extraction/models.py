"""The record's shape: the one source of truth for JSON output and the published JSON Schema.

Every extracted value keeps a `span` into the *normalised* text of its file (see
`extractor.extraction.normalize`), with the raw text it was read from, so a person can check it, and
(from a file) its place in the text as read: src_start/src_end, the page of a PDF, the block of a .docx.
Header scalars stay plain strings (the scoring contract) and keep their spans in `evidence`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Relation = Literal["basis", "cites"]
Authority = Literal["TM.", "KT.", "Q.", "TL.", "TUQ."]
Op = Literal["=", ">=", ">", "<=", "<"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A character range [start, end) in the normalised text, with the text it covers; from a file, also
    where it lies in the text as read from the file, to highlight it in the original."""

    start: int
    end: int
    raw: str
    src_start: int | None = Field(default=None, description="Where the range starts in the text as read from "
                                  "the file, before normalisation (set by extract_file).")
    src_end: int | None = Field(default=None, description="Where it ends there (exclusive).")
    page: int | None = Field(default=None, description="PDF or image: the 1-based page holding src_start.")
    block: int | None = Field(default=None, description=".docx: the 1-based block holding src_start, in reading "
                              "order: a body paragraph, a layout-table cell (all its paragraphs) or a data table.")


class Organization(_Model):
    name: str = Field(description="Full, expanded name with its locality: 'Ủy ban nhân dân huyện Củ Chi'.")
    parent: str | None = Field(default=None, description="The managing body named above it in the header.")
    span: Span | None = None


class Signer(_Model):
    name: str | None = None
    position: str | None = Field(default=None, description="Written out: 'Phó Chủ tịch' under 'KT. CHỦ TỊCH'.")
    authority: Authority | None = Field(default=None, description="TM./KT./Q./TL./TUQ. prefix of the signature block.")
    on_behalf_of: str | None = Field(default=None, description="The body or head the signer signs for.")
    span: Span | None = None


class Recipient(_Model):
    name: str
    via: Literal["kinh_gui", "noi_nhan"]
    purpose: str | None = Field(default=None, description="Why a copy is sent: 'b/c' (to report), 'để thực hiện' …")
    span: Span


class Reference(_Model):
    relation: Relation
    doc_type: str | None = None
    number: str = Field(description="Number/symbol as written, spaces removed: '3925/KH-UBND', '14-KL/TW'.")
    date: str | None = Field(default=None, description="ISO date of the referenced document.")
    issuer: str | None = Field(default=None, description="Issuer resolved in the document's context.")
    issuer_raw: str | None = Field(default=None, description="The issuer as written.")
    subject: str | None = Field(default=None, description="Its 'về việc …' text.")
    span: Span
    mentions: list[Span] = Field(default_factory=list, description="Later short mentions of the same document.")


class Target(_Model):
    value: float
    unit: str
    op: Op
    text: str
    measure: str | None = Field(default=None, description="What is measured, for whom, when the sentence says it.")
    span: Span


class Deadline(_Model):
    date: str
    text: str
    task: str | None = Field(default=None, description="What is due.")
    span: Span


class Period(_Model):
    start: str | None = Field(default=None, description="ISO date, month ('2020-06') or year ('2023').")
    end: str | None = None
    text: str
    label: str | None = Field(default=None, description="Phase label: 'Đợt 1', 'sơ kết', 'giai đoạn'.")
    span: Span


class Award(_Model):
    form: str = Field(description="Giấy khen, Bằng khen, Cờ thi đua, Chiến sĩ thi đua cơ sở, …")
    grantor: str | None = Field(default=None, description="Granting official or body, resolved in context.")
    recipients: list[str] = Field(default_factory=list, description="'tập thể' and/or 'cá nhân'.")
    span: Span


class Quota(_Model):
    count: int
    op: Op
    recipient: str = Field(description="'tập thể' or 'cá nhân'.")
    phase: str | None = Field(default=None, description="'sơ kết 6 tháng', 'tổng kết cuối năm', 'Đợt 1', …")
    group: str | None = Field(default=None, description="Who competes for it.")
    award: str | None = Field(default=None, description="The award form the quota belongs to.")
    span: Span


class Link(_Model):
    kind: Literal["forwards", "issues"]
    target: int = Field(description="Index of the linked document in this file's `documents`.")
    span: Span | None = None


class Document(_Model):
    doc_type: str | None = None
    number: str | None = Field(default=None, description="Null when blank as in a draft 'Số: /KH-UBND'.")
    issued_date: str | None = Field(default=None, description="ISO date; '2023-03' when the day is blank.")
    place: str | None = None
    title: str | None = None
    issuer: Organization | None = None
    signer: Signer | None = None
    recipients: list[Recipient] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    evidence: dict[str, Span] = Field(default_factory=dict, description="Spans of the header scalars.")
    span: Span | None = Field(default=None, description="The part of the text this document occupies.")


class OcrPage(_Model):
    """How one page was read by OCR (Tesseract)."""

    page: int = Field(description="1-based page number.")
    confidence: float | None = Field(description="Tesseract's word confidence 0-100 over the page's characters; "
                                                 "None: no text found.")
    skew: float = Field(description="Degrees the scan was turned to level its lines.")
    rotation: int = Field(description="Degrees an upside-down or sideways scan was turned (0, 90, 180, 270).")


class Source(_Model):
    path: str = Field(description="The file name as given; bytes that are not UTF-8 are written \\xNN.")
    sha256: str
    format: Literal["txt", "docx", "pdf", "doc", "rtf", "odt", "html", "png", "jpeg", "tiff"] | None = None
    pages: int | None = None
    page_starts: list[int] | None = Field(default=None, description="Where each page starts in the normalised text: "
                                          "page n covers [page_starts[n-1], page_starts[n]).")
    ocr: list[OcrPage] | None = Field(default=None, description="The pages read by OCR, when any were.")
    encoding: Literal[
        "utf-8", "utf-16", "utf-32", "unicode", "tcvn3", "vni", "viscii", "cp1258", "mojibake", "mixed"
    ] | None = Field(
        default=None,
        description="What the text was read as: a Unicode encoding ('unicode' inside .docx/.pdf), the "
        "pre-Unicode encoding it was converted from (tcvn3, vni, viscii, cp1258; 'mojibake' = UTF-8 "
        "once decoded as Windows-1252), or 'mixed' when only part of it was converted.",
    )
    warnings: list[str] = Field(default_factory=list, description="What the reader changed or doubts (a legacy "
                                "font converted, a page OCR read with low confidence or found blank …).")
    path_bytes_hex: str | None = Field(
        default=None, description="The file name's exact bytes (hex), only when it is not valid UTF-8."
    )


class ErrorInfo(_Model):
    kind: str = Field(
        description="unsupported-format, encoding, no-text-layer, encrypted, corrupt, empty, too-large, timeout, …"
    )
    message: str


class FileRecord(_Model):
    """One line of `planex extract --jsonl`: the documents of one file, or why it could not be read."""

    source: Source
    documents: list[Document] | None = None
    error: ErrorInfo | None = None
    text: str | None = Field(default=None, description="The normalised text all spans point into (on request).")
    restored: list[Span] = Field(default_factory=list, description=(
        "Ranges of the normalised text whose lost or broken diacritics were restored from the vocabulary;"
        " raw: the text as written there."))
