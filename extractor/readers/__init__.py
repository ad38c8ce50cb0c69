"""The input layer: .txt, .docx and .pdf files into one raw text (normalised later by extractor.normalize).

    from extractor.readers import read_file, ReadResult, ReadError
    result = read_file(Path("ke-hoach.pdf"))   # ReadResult(text, format="pdf", pages=3)

Every failure on bad input is a ReadError with a `kind` (see extractor.readers.errors) and a message
that names the file. Size limits keep a batch moving: a file above MAX_BYTES for its format is refused
as "too-large" before it is parsed, and so is an extracted text above MAX_TEXT_CHARS. Real plan
documents are far smaller (a 100-page plan is about 0.3 MB of text), and the whole extraction runs at
about 1.5 MB/s (bench/bench_extract.py), so the largest accepted text still takes only ~3 s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extractor.readers.errors import ReadError
from extractor.readers.legacy import Decoded, Encoding, broken_sample, describe, needs_repair, repair_text
from extractor.readers.limits import read_bounded, regular_file_size
from extractor.readers.txt import read_txt

__all__ = ["MAX_BYTES", "MAX_TEXT_CHARS", "ReadError", "ReadResult", "load", "read_file"]

Format = Literal["txt", "docx", "pdf"]

_MB = 1024 * 1024
# File size limits per format: text is all content, while .docx and .pdf carry fonts and images.
MAX_BYTES: dict[Format, int] = {"txt": 5 * _MB, "docx": 50 * _MB, "pdf": 100 * _MB}
# The extracted text of any format: about the characters of a 5 MB Vietnamese UTF-8 file.
MAX_TEXT_CHARS = 4_000_000


@dataclass(frozen=True)
class ReadResult:
    text: str
    format: Format
    pages: int | None  # PDF page count; None for .txt and .docx (pagination is the viewer's)
    encoding: Encoding = "utf-8"  # what the text was decoded or converted from (extractor.readers.legacy)
    warnings: tuple[str, ...] = ()


def _txt(data: bytes, name: str) -> tuple[Decoded, int | None]:
    return read_txt(data, name), None


# python-docx and PDFium cost ~80 ms to import: loaded on the first file that needs them.
def _docx(data: bytes, name: str) -> tuple[Decoded, int | None]:
    from extractor.readers.docx import read_docx

    return read_docx(data, name), None


def _pdf(data: bytes, name: str) -> tuple[Decoded, int | None]:
    from extractor.readers.pdf import read_pdf

    return read_pdf(data, name)


_READERS: dict[str, tuple[Format, Callable[[bytes, str], tuple[Decoded, int | None]]]] = {
    ".txt": ("txt", _txt),
    ".docx": ("docx", _docx),
    ".pdf": ("pdf", _pdf),
}


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise ReadError("too-large", f"{path}: {size / _MB:.1f} MB is above the {limit // _MB} MB limit")


def _reader(path: Path) -> tuple[Format, Callable[[bytes, str], tuple[Decoded, int | None]]]:
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise ReadError(
            "unsupported-format", f"{path}: unsupported file type ({shown}); planex reads .txt, .docx, .pdf"
        )
    return _READERS[suffix]


def load(path: Path) -> bytes:
    """The bytes of a file planex reads: a regular file of a known format, within its size limit."""
    path = Path(path)
    regular_file_size(path)  # what the path is comes first: a missing file or a folder, whatever its name
    fmt, _ = _reader(path)
    return read_bounded(path, MAX_BYTES[fmt])


def read_file(path: Path, data: bytes | None = None) -> ReadResult:
    """Read a .txt, .docx or .pdf file (or its already loaded bytes `data`) into raw text."""
    path = Path(path)
    fmt, reader = _reader(path)
    if data is None:
        data = read_bounded(path, MAX_BYTES[fmt])  # regular files only, size checked before reading
    else:
        _check_size(path, len(data), MAX_BYTES[fmt])
    decoded, pages = reader(data, str(path))
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
    return ReadResult(text=text, format=fmt, pages=pages, encoding=repaired.encoding, warnings=warnings)
