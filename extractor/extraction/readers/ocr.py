"""Scanned pages to text: Tesseract (`tesseract` binary, Vietnamese model `vie`) through a thin subprocess.

One page image in, an `OcrPage` out: its lines and words with their boxes in PDF points (the page is
scaled to an A4 width of 595 pt, so that extractor.extraction.readers.pdf's layout rules, written in points, apply
to scans too), and a confidence figure. Per page:
- the image is made grayscale and deskewed when its text lines lean: a projection profile (the angle
  at which the rows of dark pixels are most sharply separated) on a reduced copy, cheap next to OCR
  (measured in bench/bench_ocr.py). Tesseract's own layout analysis copes with a degree or so, not more;
- Tesseract reads it once (`--psm 3`, TSV output: words with boxes and confidences, so no second pass
  for the text). A page that reads badly is checked for orientation (`--psm 0`, OSD, ~0.6 s, so only
  then): an upside-down or sideways scan is turned and read again, and the better reading is kept;
- the confidence is Tesseract's word confidence (0-100), averaged over the page's characters.
One Tesseract thread per call (OMP_THREAD_LIMIT=1, unless the caller set it): a batch runs one worker
per core, and Tesseract's own threads would only oversubscribe them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.paged import LOW_CONFIDENCE, OcrReport

LANGUAGE = "vie"
PACKAGES = "tesseract-ocr tesseract-ocr-vie"
A4_WIDTH_POINTS = 595.0
A4_WIDTH_INCHES = 8.27
# Seconds one Tesseract call may take: a dense A4 page takes 1-2 s, a noisy photo a few more.
PAGE_TIMEOUT = 60.0
# Words Tesseract itself doubts this much and that hold no letter or digit are specks of noise.
_NOISE_CONFIDENCE = 50.0
# Deskew: angles tried (degrees), on a copy about this wide; leans under _MIN_SKEW are left as they are.
# Straightening costs ~0.1 s a page, and pays even at 0.8 degrees (corpus f02 .mixed.pdf: without it
# Tesseract misreads "phản ánh" and an award's grantor).
_MAX_SKEW = 8.0
_COARSE_STEP = 0.5
_FINE_STEP = 0.1
_SKEW_WIDTH = 800
_MIN_SKEW = 0.3
_DARK = 128  # gray level below which a pixel is ink
# OSD answers below this orientation confidence are not trusted.
_MIN_OSD_CONFIDENCE = 2.0


@dataclass(frozen=True)
class OcrWord:
    text: str
    x0: float
    x1: float
    top: float  # points down from the top edge, as pdfplumber measures
    bottom: float
    confidence: float


@dataclass(frozen=True)
class OcrPage:
    lines: list[list[OcrWord]]  # in Tesseract's reading order (block by block)
    width: float  # points
    height: float
    confidence: float | None  # None: no text found (a blank page)
    skew: float  # degrees the image was turned to straighten its lines
    rotation: int  # degrees (0, 90, 180, 270) an upside-down or sideways scan was turned

    def report(self, number: int) -> OcrReport:
        return OcrReport(number, self.confidence, self.skew, self.rotation)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


@lru_cache(maxsize=1)
def _missing() -> str | None:
    """Why OCR cannot run here (None: it can)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return "the tesseract program is not installed"
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env())
    except (OSError, subprocess.SubprocessError) as e:
        return f"tesseract does not run ({e})"
    if LANGUAGE not in out.stdout.split():
        return f"Tesseract's Vietnamese model ({LANGUAGE}) is not installed"
    return None


def check_available(name: str) -> None:
    """Raise a ReadError naming the Debian packages to install when Tesseract or its model is missing."""
    why = _missing()
    if why:
        raise ReadError(
            "missing-tool", f"{name}: OCR needed but {why}; install the Debian packages {PACKAGES} "
            "(tools/setup.sh does)",
        )


def _tesseract(image: Image.Image, dpi: int, name: str, *args: str) -> str:
    """Run Tesseract on an 8-bit gray image and return its stdout. The image goes as an uncompressed PGM
    file: no encoding cost, and Tesseract reads a file for ~10% less CPU than the same image on stdin."""
    with tempfile.NamedTemporaryFile(suffix=".pgm", prefix="planex-ocr-") as page:
        page.write(f"P5 {image.width} {image.height} 255\n".encode())
        page.write(image.tobytes())
        page.flush()
        cmd = ["tesseract", page.name, "stdout", "--dpi", str(dpi), *args]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT, env=_env(), check=False)
        except subprocess.TimeoutExpired:
            raise ReadError("timeout", f"{name}: OCR of a page took over {PAGE_TIMEOUT:g} s") from None
        except OSError as e:
            raise ReadError("missing-tool", f"{name}: cannot run tesseract ({e}); install {PACKAGES}") from None
    if done.returncode != 0:
        err = done.stderr.decode(errors="replace").strip().splitlines() or [str(done.returncode)]
        raise ReadError("corrupt", f"{name}: Tesseract failed on a page ({err[-1]})")
    return done.stdout.decode("utf-8", errors="replace")


def skew_angle(image: Image.Image) -> float:
    """How far (degrees, counter-clockwise) the text lines lean: the angle along which the ink's row
    profile is most peaked (lines and gaps sharply apart). Turning the image back by it levels them."""
    small = image.reduce(max(1, image.width // _SKEW_WIDTH))  # box averaging: 3 ms, a resize takes 30
    ys, xs = np.nonzero(np.asarray(small) < _DARK)
    if len(xs) < 2:
        return 0.0
    xs = xs - xs.mean()

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.square(counts, dtype=np.float64).sum())

    def best(angles: np.ndarray[Any, Any]) -> float:
        return float(max(angles, key=sharpness))

    coarse = best(np.arange(-_MAX_SKEW, _MAX_SKEW + _COARSE_STEP / 2, _COARSE_STEP))
    return best(np.arange(coarse - _COARSE_STEP, coarse + _COARSE_STEP + _FINE_STEP / 2, _FINE_STEP))


def _words(tsv: str, scale: float) -> list[list[OcrWord]]:
    """Tesseract's TSV rows into lines of words (level 5 rows are words; block/par/line number a line)."""
    lines: dict[tuple[str, str, str], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        text, conf = cols[11].strip(), float(cols[10])
        if conf < _NOISE_CONFIDENCE and not any(c.isalnum() for c in text):
            continue
        left, top, width, height = (int(c) * scale for c in cols[6:10])
        lines.setdefault((cols[2], cols[3], cols[4]), []).append(
            OcrWord(text, left, left + width, top, top + height, conf))
    return list(lines.values())


def _confidence(lines: list[list[OcrWord]]) -> float | None:
    words = [w for line in lines for w in line if w.confidence >= 0]
    chars = sum(len(w.text) for w in words)
    return round(sum(w.confidence * len(w.text) for w in words) / chars, 1) if chars else None


def _read(image: Image.Image, name: str) -> tuple[list[list[OcrWord]], float | None]:
    dpi = max(70, min(1200, round(image.width / A4_WIDTH_INCHES)))
    lines = _words(_tesseract(image, dpi, name, "-l", LANGUAGE, "--psm", "3", "tsv"), A4_WIDTH_POINTS / image.width)
    return lines, _confidence(lines)


def _orientation(image: Image.Image, name: str) -> int:
    """Degrees to turn the image counter-clockwise so its text stands upright (Tesseract OSD)."""
    dpi = max(70, min(1200, round(image.width / A4_WIDTH_INCHES)))
    try:
        out = _tesseract(image, dpi, name, "--psm", "0")
    except ReadError:
        return 0  # too little text to tell: leave the page as it is
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    try:
        rotate, confidence = int(fields["Rotate"]), float(fields["Orientation confidence"])
    except (KeyError, ValueError):
        return 0
    return rotate if confidence >= _MIN_OSD_CONFIDENCE else 0


def ocr_image(image: Image.Image, name: str) -> OcrPage:
    """Read one page image (any mode, any size) with Tesseract."""
    gray = image.convert("L")
    skew = skew_angle(gray)
    if abs(skew) >= _MIN_SKEW:
        # bilinear (90 ms a 300 dpi page): nearest-neighbour (20 ms) made Tesseract misread corpus f02 .mixed.pdf
        gray = gray.rotate(-skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    else:
        skew = 0.0
    lines, confidence = _read(gray, name)
    rotation = 0
    if confidence is None or confidence < LOW_CONFIDENCE:
        turn = _orientation(gray, name)
        if turn:
            turned = gray.rotate(-turn, expand=True, fillcolor=255)
            lines2, confidence2 = _read(turned, name)
            if (confidence2 or 0.0) > (confidence or 0.0):
                gray, lines, confidence, rotation = turned, lines2, confidence2, turn
    width = A4_WIDTH_POINTS
    return OcrPage(lines, width, gray.height * width / gray.width, confidence, round(skew, 1), rotation)
