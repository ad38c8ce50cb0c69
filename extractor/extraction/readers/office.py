"""Legacy Word (.doc), .rtf and OpenDocument (.odt) files: LibreOffice converts them to .docx, which
extractor.extraction.readers.docx reads (header and signature tables included).

LibreOffice is the well-kept converter that reads all three exactly, tables and legacy-font (.VnTime)
runs included: antiword loses text and catdoc drops TCVN3's "ư" (docs/notes/ocr.md has the comparison).
It runs headless, one process per file, with its own user profile (-env:UserInstallation) per worker
process, so parallel batch workers never share (and lock) one profile; the profile is made on the first
file (~0.3 s) and removed when the process exits. A conversion that hangs is killed after CONVERT_TIMEOUT.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

from extractor.extraction.readers.docx import read_docx
from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.legacy import Decoded

PACKAGE = "libreoffice-writer-nogui"
CONVERT_TIMEOUT = 60.0
# What the file's bytes say it is; LibreOffice reads all of these whatever the extension.
_SIGNATURES = (b"\xd0\xcf\x11\xe0", b"{\\rtf", b"PK\x03\x04")


@lru_cache(maxsize=1)
def _profile() -> Path:
    """This process's LibreOffice user profile folder (removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix=f"planex-soffice-{os.getpid()}-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _soffice(name: str) -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        suffix = Path(name).suffix or "this format"
        raise ReadError("missing-tool", f"{name}: reading {suffix} needs LibreOffice, which is not installed; "
                        f"install the Debian package {PACKAGE} (tools/setup.sh does)")
    return binary


def convert(data: bytes, name: str, target: str = "docx") -> bytes:
    """The file converted by LibreOffice to `target` (an extension LibreOffice exports to)."""
    if not data.startswith(_SIGNATURES):
        raise ReadError("corrupt", f"{name}: not a Word, RTF or OpenDocument file")
    binary = _soffice(name)
    with tempfile.TemporaryDirectory(prefix="planex-office-") as tmp:
        source = Path(tmp, "document" + Path(name).suffix.lower())
        source.write_bytes(data)
        cmd = [binary, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", target, "--outdir", tmp, str(source)]
        # Its own process group: on a timeout, LibreOffice's helper processes are killed with it.
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              start_new_session=True) as proc:
            try:
                _, err = proc.communicate(timeout=CONVERT_TIMEOUT)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                why = f"LibreOffice took over {CONVERT_TIMEOUT:g} s to convert it"
                raise ReadError("timeout", f"{name}: {why}") from None
        out = source.with_suffix("." + target)
        if not out.exists():
            said = err.decode(errors="replace").strip().splitlines() or ["no output"]
            raise ReadError("corrupt", f"{name}: LibreOffice could not convert it ({said[-1]})")
        return out.read_bytes()


def read_office(data: bytes, name: str) -> Decoded:
    """The text of a .doc, .rtf or .odt file, read as the .docx LibreOffice makes of it."""
    return read_docx(convert(data, name), name)
