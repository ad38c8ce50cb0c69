"""Bounded input: what any reader may cost in memory, checked before the cost is paid.

- A path is opened only if it is a regular file (a FIFO, device or socket named like a document
  would block a read forever), and read only up to its format's size limit.
- A zip package (.docx) is streamed entry by entry before it is parsed, counting the bytes that
  really come out: sizes written in the archive can be forged, the stream cannot.
- A PDF's Flate streams (page content, fonts, object streams; images are not decoded to read text)
  are inflated in small pieces and counted the same way, and its page count is capped.

The caps hold the memory of one reader under ~500 MB for any input (see docs/notes/trust.md); a
worker process also gets an address-space limit as a backstop (`cap_memory`).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import resource
import stat
import zipfile
import zlib
from pathlib import Path

from extractor.extraction.readers.errors import ReadError

_MB = 1024 * 1024
# A .docx: all parts together, and the XML parts (parsed into a tree about ten times their size).
MAX_UNZIPPED = 150 * _MB
MAX_UNZIPPED_XML = 30 * _MB
# A PDF: one inflated stream, all of them together, and the pages (a 100-page plan is typical).
MAX_PDF_STREAM = 64 * _MB
MAX_PDF_INFLATED = 512 * _MB
MAX_PDF_PAGES = 3000
_CHUNK = 1 * _MB
# "stream" after an object's dictionary; the dictionary is in the bytes just before it.
_STREAM = re.compile(rb"stream\r?\n")
_ENDSTREAM = b"endstream"
_DICT_WINDOW = 1024
# An address-space backstop above what a worker has mapped at start (libraries included).
MEMORY_HEADROOM = 1024 * _MB


def regular_file_size(path: Path) -> int:
    """The size of a regular file; ReadError for a missing, unreadable or non-regular path (never opened)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("not-found", f"{path}: no such file") from None
    except OSError as e:
        raise ReadError("unreadable", f"{path}: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("not-a-file", f"{path}: a folder, not a file (planex batch reads folders)")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("not-a-file", f"{path}: not a regular file (a pipe, device or socket)")
    return st.st_size


def read_bounded(path: Path, limit: int) -> bytes:
    """A regular file's bytes, refused as too-large above `limit` before anything is read.

    Opened without blocking and checked again on the open descriptor, so a path swapped for a FIFO
    between the check and the open still cannot block.
    """
    size = regular_file_size(path)
    if size > limit:
        raise ReadError("too-large", f"{path}: {size / _MB:.1f} MB is above the {limit // _MB} MB limit")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError("not-found", f"{path}: no such file") from None
    except OSError as e:
        raise ReadError("unreadable", f"{path}: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError("not-a-file", f"{path}: not a regular file")
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew since the check
        raise ReadError("too-large", f"{path}: above the {limit // _MB} MB limit")
    return data


def check_zip(data: bytes, name: str) -> None:
    """Stream every entry of a zip package, refusing it once the real unpacked bytes pass the caps."""
    total = xml = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            is_xml = info.filename.endswith((".xml", ".rels"))
            with z.open(info) as entry:
                while chunk := entry.read(_CHUNK):
                    total += len(chunk)
                    xml += len(chunk) if is_xml else 0
                    if total > MAX_UNZIPPED or xml > MAX_UNZIPPED_XML:
                        raise ReadError(
                            "too-large",
                            f"{name}: unpacks to more than {MAX_UNZIPPED >> 20} MB"
                            f" ({MAX_UNZIPPED_XML >> 20} MB of XML)",
                        )


def _inflated_size(data: bytes, start: int, end: int, cap: int) -> int:
    """How many bytes a Flate stream inflates to, stopping just past `cap` (0: not a Flate stream)."""
    inflater = zlib.decompressobj()
    size = 0
    pending = data[start:end]
    try:
        while pending and size <= cap:
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return size
    return size


def check_pdf(data: bytes, name: str) -> None:
    """Inflate every non-image stream in pieces and refuse the PDF once one or all of them pass the caps."""
    total = 0
    for m in _STREAM.finditer(data):
        end = data.find(_ENDSTREAM, m.end())
        if end < 0:
            break
        head = data[max(0, m.start() - _DICT_WINDOW) : m.start()]
        head = head[head.rfind(b"obj") + 3 :]  # this object's dictionary
        if b"/Image" in head or b"/FlateDecode" not in head:
            continue
        size = _inflated_size(data, m.end(), end, MAX_PDF_STREAM)
        total += size
        if size > MAX_PDF_STREAM or total > MAX_PDF_INFLATED:
            raise ReadError(
                "too-large", f"{name}: its streams inflate to more than {MAX_PDF_STREAM >> 20} MB (one)"
                f" or {MAX_PDF_INFLATED >> 20} MB (all)"
            )


def check_pages(count: int, name: str) -> None:
    if count > MAX_PDF_PAGES:
        raise ReadError("too-large", f"{name}: {count:,} pages, above the {MAX_PDF_PAGES:,} page limit")


def _mapped_bytes() -> int:
    """The address space this process has mapped now (Linux), or 0 when unknown."""
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    return 0


def cap_memory(headroom: int = MEMORY_HEADROOM) -> None:
    """Limit this process's address space to what it maps now plus `headroom` (a MemoryError past it).

    For worker processes only: the readers' caps are the bound, this is the backstop for a case they
    miss. Does nothing where the limit cannot be read or set.
    """
    mapped = _mapped_bytes()
    if not mapped:
        return
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = mapped + headroom
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
