"""What a paged reader (PDF, image, OCR) returns besides the text: where pages start, what OCR said.

Kept apart from the readers so that importing extractor.extraction.readers loads neither PDFium nor Pillow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extractor.extraction.readers.legacy import Encoding

# auto: OCR where there is no text layer; always: every page; never: refuse scans.
OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
# Below this confidence an OCR page is reported as unreliable (a warning in the record) and checked for
# orientation. Clean 300 dpi scans read at 90+, skewed and noisy ones at 80+, photos at 70+.
LOW_CONFIDENCE = 60.0


@dataclass(frozen=True)
class OcrReport:
    """What OCR said of one page (1-based page number)."""

    page: int
    confidence: float | None  # Tesseract's word confidence, 0-100, over the page's characters; None: blank
    skew: float  # degrees the scan was turned to level its lines
    rotation: int  # degrees an upside-down or sideways scan was turned


@dataclass(frozen=True)
class PagedText:
    """A paged document's text, where each of its pages starts in it, the pages read by OCR, and (as
    extractor.extraction.readers.legacy.Decoded) what the text was converted from and what the reader doubts."""

    text: str
    page_starts: list[int]
    ocr: list[OcrReport]
    encoding: Encoding = "unicode"
    warnings: tuple[str, ...] = ()
