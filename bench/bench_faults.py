"""Hostile inputs (not a test): peak memory and time of `extract_file` on each, in a fresh process.

Generates the inputs in a temporary folder (sparse files, bombs made of zeros): a 2 GB sparse .txt, a
.docx whose XML unpacks to 40 MB and one with a forged entry size, a PDF Flate bomb (80 MB of content),
a 1,000-page PDF, a one-line table of 300,000 percentages and 30,000 distinct references. Prints the
kind of record, seconds, and the peak resident memory of the process that read it.

    .venv/bin/python bench/bench_faults.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

CHILD = """
import resource, sys, time
from pathlib import Path
from extractor.extraction.pipeline import extract_file
t = time.perf_counter()
r = extract_file(Path(sys.argv[1]))
kind = r.error.kind if r.error else f"{len(r.documents or [])} documents"
print(f"{kind}|{time.perf_counter() - t:.2f}|{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
"""


def _docx(extra: tuple[str, bytes] | None = None, forge: int | None = None) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    buf = io.BytesIO()
    doc.save(buf)
    if extra is None:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(*extra)
    data = out.getvalue()
    return data if forge is None else data.replace(len(extra[1]).to_bytes(4, "little"), forge.to_bytes(4, "little"))


def _pdf_bomb() -> bytes:
    stream = zlib.compress(b" " * (80 * 1024 * 1024), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _pages(n: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for i in range(n):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Trang {i}. Cac don vi to chuc thuc hien ke hoach va bao cao ket qua " * 10)
    return bytes(pdf.output())


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    cases: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        cases[name] = folder / name

    with open(folder / "sparse-2GB.txt", "wb") as fh:
        fh.truncate(2 * 1024**3)
    cases["sparse-2GB.txt"] = folder / "sparse-2GB.txt"
    put("xml-bomb.docx", _docx(("word/bomb.xml", b" " * (40 * 1024 * 1024))))
    put("forged-size.docx", _docx(("word/media/bomb.bin", b"\0" * (170 * 1024 * 1024)), forge=1000))
    put("flate-bomb.pdf", _pdf_bomb())
    put("1000-pages.pdf", _pages(1000))
    put("dense-targets.txt", ("1% " * 300_000).encode())
    put("distinct-refs.txt", "".join(f"Số: {i}/KH-UBND\n" for i in range(30_000)).encode())
    print(f"{'input':20s} {'file MB':>8s}  {'record':22s} {'seconds':>8s} {'peak MB':>8s}")
    for name, path in cases.items():
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
        kind, seconds, peak = out.stdout.strip().split("|")
        size = path.stat().st_blocks * 512 / 2**20
        print(f"{name:20s} {size:8.1f}  {kind:22s} {seconds:>8s} {peak:>8s}")


if __name__ == "__main__":
    main()
