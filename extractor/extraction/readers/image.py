"""Image files (.png, .jpg/.jpeg, .tif/.tiff, multi-page TIFF): every frame is a scanned page, read by OCR.

A camera's EXIF orientation is applied first (a phone photo is stored sideways with a note to turn it);
then each page goes through extractor.extraction.readers.ocr and the pages are laid out like a scanned PDF's.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, ImageSequence

from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.ocr import OcrPage, check_available, ocr_image
from extractor.extraction.readers.paged import OcrMode, PagedText
from extractor.extraction.readers.pdf import read_scans


def read_image(data: bytes, name: str, ocr: OcrMode = "auto") -> PagedText:
    """The OCR text of an image file's pages; ReadError when OCR is off or unavailable, or the image bad."""
    if ocr == "never":
        raise ReadError("no-text-layer", f"{name}: an image has no text layer; OCR needed (--ocr auto)")
    check_available(name)
    pages: list[OcrPage] = []
    try:
        with Image.open(io.BytesIO(data)) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                upright = ImageOps.exif_transpose(frame) or frame
                pages.append(ocr_image(upright, f"{name} page {number}"))
    except Image.DecompressionBombError as e:
        raise ReadError("too-large", f"{name}: {e}") from None
    except (OSError, SyntaxError, ValueError) as e:
        raise ReadError("corrupt", f"{name}: not a readable image ({e})") from None
    return read_scans(pages, [page.report(i) for i, page in enumerate(pages, start=1)])
