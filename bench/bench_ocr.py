"""OCR and conversion benchmark (not a test): seconds per scanned A4 page next to the bare `tesseract`
command on the same image in the same run, and LibreOffice conversion ms per .doc file.

    .venv/bin/python bench/bench_ocr.py          # 3 runs each
    .venv/bin/python bench/bench_ocr.py -n 5

Pages: page 1 of corpus/f01_*.pdf rendered at 200 and 300 dpi (gray PNG), and the same page turned
2.5 degrees (deskew path). Bare = `tesseract IMAGE stdout -l vie --psm 3 --dpi D tsv` with
OMP_THREAD_LIMIT=1 (what planex runs); planex = `extract_file(IMAGE)` end to end (load, deskew,
OCR, layout, extraction). Overhead = planex / bare - 1 (target < 15%). Times are CPU seconds (user +
system, this process and its children: one core's work), so other load on the machine does not skew them.
Conversion: `read_file(corpus/*.doc)` end to end against the bare `soffice --convert-to docx`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from extractor.extraction.pipeline import extract_file
from extractor.extraction.readers import read_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children: unlike wall time, not
    inflated by other work on a shared machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = _cpu()
        fn()
        times.append(_cpu() - start)
    return statistics.median(times)


def _pages(tmp: Path) -> list[tuple[str, Path, int]]:
    document = pdfium.PdfDocument(next(CORPUS.glob("f01_*[!.]*.pdf")))
    out = []
    for dpi in (200, 300):
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        path = tmp / f"a4_{dpi}.png"
        image.save(path)
        out.append((f"A4 {dpi} dpi", path, dpi))
        if dpi == 300:
            turned = tmp / "a4_300_skewed.png"
            image.rotate(2.5, resample=Image.Resampling.BICUBIC, fillcolor=255).save(turned)
            out.append(("A4 300 dpi, 2.5° skew", turned, dpi))
    document.close()
    return out


def bench_ocr(runs: int, tmp: Path) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    print(f"{'page':24}{'bare cpu s':>12}{'planex cpu s':>14}{'overhead':>10}")
    for label, path, dpi in _pages(tmp):
        cmd = ["tesseract", str(path), "stdout", "-l", "vie", "--psm", "3", "--dpi", str(dpi), "tsv"]
        bare = _median(lambda cmd=cmd: subprocess.run(cmd, capture_output=True, env=env, check=True), runs)
        ours = _median(lambda path=path: extract_file(path), runs)
        print(f"{label:24}{bare:>12.2f}{ours:>14.2f}{ours / bare - 1:>+10.0%}")


def bench_doc(runs: int, tmp: Path) -> None:
    soffice = shutil.which("soffice")
    print(f"\n{'file':48}{'bare cpu ms':>13}{'planex cpu ms':>15}")
    for path in sorted(CORPUS.glob("*.doc")):
        cmd = [str(soffice), f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
               "--outdir", str(tmp), str(path)]
        subprocess.run(cmd, capture_output=True, check=True)  # make the profile once, as planex does
        bare = _median(lambda cmd=cmd: subprocess.run(cmd, capture_output=True, check=True), runs)
        read_file(path)
        ours = _median(lambda path=path: read_file(path), runs)
        print(f"{path.name:48}{bare * 1000:>13.0f}{ours * 1000:>15.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        extract_file(CORPUS / "f01_xa_nghi_thuan_nong_thon_moi.txt")  # warm the imports
        bench_ocr(args.runs, Path(tmp))
        if shutil.which("soffice"):
            bench_doc(args.runs, Path(tmp))


if __name__ == "__main__":
    main()
