"""The input layer: every file format into one raw text (normalised later by extractor.extraction.normalize).

    from extractor.extraction.readers import read_file, ReadResult, ReadError
    result = read_file(Path("ke-hoach.pdf"))   # ReadResult(text, format="pdf", pages=3, page_starts=[…])

.txt, .docx and .pdf (text layer) are read in-process; scanned PDF pages and images (.png, .jpg, .tif)
by Tesseract OCR (readers.ocr); .doc, .rtf and .odt through LibreOffice (readers.office);
saved web pages by extractor.extraction.readers.html.

Every failure on bad input is a ReadError with a `kind` (see extractor.extraction.readers.errors) and a message
that names the file. Size limits keep a batch moving: a file above MAX_BYTES for its format is refused
as "too-large" before it is parsed, and so is an extracted text above MAX_TEXT_CHARS. Real plan
documents are far smaller (a 100-page plan is about 0.3 MB of text), and the whole extraction runs at
about 1.5 MB/s (bench/bench_extract.py), so the largest accepted text still takes only ~3 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.legacy import Decoded, Encoding, broken_sample, describe, needs_repair, repair_text
from extractor.extraction.readers.limits import read_bounded, regular_file_size
from extractor.extraction.readers.paged import OCR_MODES, OcrMode, OcrReport, PagedText
from extractor.extraction.readers.txt import read_txt

__all__ = ["MAX_BYTES", "MAX_TEXT_CHARS", "OCR_MODES", "OcrMode", "OcrReport", "ReadError", "ReadResult", "load",
           "read_file"]

Format = Literal["txt", "docx", "pdf", "doc", "rtf", "odt", "html", "png", "jpeg", "tiff"]

_MB = 1024 * 1024
# File size limits per format: text is all content, while the others carry fonts and images (a
# scanned page is 0.1-1 MB, a phone photo 2-5 MB).
MAX_BYTES: dict[Format, int] = {
    "txt": 5 * _MB, "html": 20 * _MB,
    "docx": 50 * _MB, "doc": 50 * _MB, "rtf": 50 * _MB, "odt": 50 * _MB,
    "pdf": 100 * _MB, "png": 50 * _MB, "jpeg": 50 * _MB, "tiff": 100 * _MB,
}
# The extracted text of any format: about the characters of a 5 MB Vietnamese UTF-8 file.
MAX_TEXT_CHARS = 4_000_000


@dataclass(frozen=True)
class ReadResult:
    text: str
    format: Format
    pages: int | None  # page count of a PDF or image file; None where pagination is the viewer's
    encoding: Encoding = "utf-8"  # what the text was decoded or converted from (extractor.extraction.readers.legacy)
    warnings: tuple[str, ...] = ()
    page_starts: list[int] | None = None  # where each page starts in `text`
    ocr: list[OcrReport] = field(default_factory=list)  # the pages read by OCR
    block_starts: list[int] | None = None  # .docx: where each paragraph or cell starts in `text`


_Read = Decoded | PagedText
_Reader = Callable[[bytes, str, OcrMode], _Read]


def _txt(data: bytes, name: str, ocr: OcrMode) -> _Read:
    return read_txt(data, name)


# lxml, PDFium and Pillow cost ~80 ms to import: loaded on the first file that needs them.
def _docx(data: bytes, name: str, ocr: OcrMode) -> _Read:
    from extractor.extraction.readers.docx import read_docx

    return read_docx(data, name)


def _pdf(data: bytes, name: str, ocr: OcrMode) -> _Read:
    from extractor.extraction.readers.pdf import read_pdf

    return read_pdf(data, name, ocr)


def _image(data: bytes, name: str, ocr: OcrMode) -> _Read:
    from extractor.extraction.readers.image import read_image

    return read_image(data, name, ocr)


def _office(data: bytes, name: str, ocr: OcrMode) -> _Read:
    from extractor.extraction.readers.office import read_office

    return read_office(data, name)


def _html(data: bytes, name: str, ocr: OcrMode) -> _Read:
    from extractor.extraction.readers.html import read_html

    return read_html(data, name)


_READERS: dict[str, tuple[Format, _Reader]] = {
    ".txt": ("txt", _txt),
    ".docx": ("docx", _docx),
    ".pdf": ("pdf", _pdf),
    ".doc": ("doc", _office),
    ".rtf": ("rtf", _office),
    ".odt": ("odt", _office),
    ".html": ("html", _html),
    ".htm": ("html", _html),
    ".png": ("png", _image),
    ".jpg": ("jpeg", _image),
    ".jpeg": ("jpeg", _image),
    ".tif": ("tiff", _image),
    ".tiff": ("tiff", _image),
}
# The file suffixes planex reads (batch takes these from a folder, with the document formats it cannot read).
SUFFIXES = frozenset(_READERS)
_KNOWN = ", ".join(_READERS)


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise ReadError("too-large", f"{path}: {size / _MB:.1f} MB is above the {limit // _MB} MB limit")


def _reader(path: Path) -> tuple[Format, _Reader]:
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise ReadError(
            "unsupported-format", f"{path}: unsupported file type ({shown}); planex reads {_KNOWN}"
        )
    return _READERS[suffix]


def load(path: Path) -> bytes:
    """The bytes of a file planex reads: a regular file of a known format, within its size limit."""
    path = Path(path)
    regular_file_size(path)  # what the path is comes first: a missing file or a folder, whatever its name
    fmt, _ = _reader(path)
    return read_bounded(path, MAX_BYTES[fmt])


def read_file(path: Path, data: bytes | None = None, ocr: OcrMode = "auto") -> ReadResult:
    """Read a file (or its already loaded bytes `data`) into raw text; `ocr` says when scans are OCR'd."""
    path = Path(path)
    fmt, reader = _reader(path)
    if data is None:
        data = read_bounded(path, MAX_BYTES[fmt])  # regular files only, size checked before reading
    else:
        _check_size(path, len(data), MAX_BYTES[fmt])
    read = reader(data, str(path), ocr)
    decoded = read if isinstance(read, Decoded) else Decoded(read.text, read.encoding, read.warnings)
    # Lines in a legacy encoding's Windows-1252 view (a PDF text layer, a .txt converted by a tool
    # that did not know the font, a Word run whose font is not named) are converted here.
    clean = not needs_repair(decoded.text)
    repaired = decoded if clean else repair_text(decoded.text, decoded.encoding)
    text = repaired.text
    if not text.strip():
        raise ReadError("empty", f"{path}: no text (empty or whitespace only)")
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError("too-large", f"{path}: {len(text):,} characters of text, above the {MAX_TEXT_CHARS:,} limit")
    sample = None if clean else broken_sample(text)
    if sample is not None:
        example = sample.strip()[:60]
        raise ReadError("encoding", f"{path}: text in {describe(sample)}, e.g. {example!r}; convert it to Unicode")
    warnings = decoded.warnings if clean else decoded.warnings + repaired.warnings
    if isinstance(read, Decoded):
        return ReadResult(text=text, format=fmt, pages=None, encoding=repaired.encoding, warnings=warnings,
                          block_starts=read.block_starts)
    return ReadResult(text, fmt, len(read.page_starts), repaired.encoding, warnings, read.page_starts, read.ocr)
