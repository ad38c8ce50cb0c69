"""Why a file could not be read: one exception type with a machine-readable kind."""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal[
    "unsupported-format",  # an extension planex does not read (.xls, .ppt, …)
    "encoding",  # text that is not UTF-8/UTF-16, or Vietnamese in a legacy font encoding
    "empty",  # nothing but whitespace
    "too-large",  # above the size limits of extractor.extraction.readers.MAX_BYTES / MAX_TEXT_CHARS
    "corrupt",  # damaged, truncated, or not what its extension says
    "encrypted",  # needs a password
    "no-text-layer",  # a scanned PDF or an image, with OCR turned off
    "missing-tool",  # a system program a format needs (tesseract, soffice) is not installed
    "timeout",  # a system program (OCR of a page, a document conversion) ran past its time limit
    "not-found",  # no such path
    "unreadable",  # the path exists but cannot be read (permission denied, I/O error)
    "not-a-file",  # a folder, pipe, device or socket: never opened
]


class ReadError(Exception):
    """A file planex cannot turn into text; `str(e)` is the message, which names the file."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
