"""Make the corpus's scanned, photographed, legacy-Word and web-page copies of its own documents.

    .venv/bin/python tools/make_scans.py

Each copy is `corpus/<stem>.<variant>.<ext>` and shares the document's `<stem>.expected.json`:
    f01 .scan.pdf     the .pdf's pages scanned at 300 dpi, black and white (a clean office scan)
    f02 .scan150.pdf  scanned at 150 dpi in gray, JPEG (a low-resolution scan)
    f03 .skewed.pdf   scanned at 200 dpi in gray, turned 2.5 degrees, with noise and specks, JPEG
    f02 .mixed.pdf    page 1 the born-digital page (text layer), page 2 scanned at 200 dpi
    f04 .photo.tif    both pages photographed: perspective, blur, uneven light (a two-page TIFF)
    f04 .doc .rtf .odt, f01 .doc   the .docx converted by LibreOffice (needs soffice)
    f03 .html         the document as a saved web page: site chrome, a metadata table, the text
The output is the same on every run (fixed noise seed, fixed PDF dates).
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_formats import parse, write_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
F01 = "f01_xa_nghi_thuan_nong_thon_moi"
F02 = "f02_so_gddt_binh_dinh_doi_moi_day_hoc"
F03 = "f03_thcs_anh_duong_chuyen_doi_so"
F04 = "f04_cv_huyen_uy_duc_trong_thi_dua"
_CREATED = datetime(2024, 1, 1, tzinfo=UTC)
_A4_MM = (210.0, 297.0)


def _pages(pdf: Path, dpi: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


def _jpeg(image: Image.Image, quality: int) -> io.BytesIO:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    out.seek(0)
    return out


def _png(image: Image.Image) -> io.BytesIO:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    out.seek(0)
    return out


def _image_pdf(pages: list[io.BytesIO]) -> bytes:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(_CREATED)
    pdf.set_margins(0, 0, 0)
    pdf.set_auto_page_break(False)
    for page in pages:
        pdf.add_page()
        pdf.image(page, x=0, y=0, w=_A4_MM[0], h=_A4_MM[1])
    return bytes(pdf.output())


def _noisy(image: Image.Image, rng: np.random.Generator, angle: float) -> Image.Image:
    """A gray scan: turned, paper grain, dark specks."""
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(turned, dtype=np.float64)
    pixels = pixels * 0.92 + 10 + rng.normal(0, 3, pixels.shape)
    specks = rng.random(pixels.shape) < 0.0015
    pixels[specks] = rng.uniform(0, 90, int(specks.sum()))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _photo(image: Image.Image, rng: np.random.Generator, tilt: float) -> Image.Image:
    """A phone photo of a page on a desk: perspective, soft focus, light falling off across the page."""
    w, h = image.size
    pad = w // 12
    desk = Image.new("L", (w + 2 * pad, h + 2 * pad), 70)
    desk.paste(image, (pad, pad))
    W, H = desk.size
    d = tilt * w
    # The source quadrilateral (upper-left, lower-left, lower-right, upper-right) seen as the photo.
    quad = (pad * 0.6 - d, pad * 0.5, pad * 0.4, H - pad * 0.6,
            W - pad * 0.5, H - pad * 0.4, W - pad * 0.6 + d, pad * 0.7)
    photo = desk.transform((W, H), Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC)
    photo = photo.filter(ImageFilter.GaussianBlur(1.1))
    light = np.linspace(1.0, 0.72, W)[None, :] * np.linspace(1.0, 0.88, H)[:, None]
    pixels = np.asarray(photo, dtype=np.float64) * light + rng.normal(0, 2, (H, W))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _soffice(source: Path, target: str, out: Path) -> None:
    binary = shutil.which("soffice")
    if binary is None:
        raise SystemExit("LibreOffice (soffice) is needed: tools/setup.sh installs it")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([binary, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", target,
                        "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=120)
        shutil.copyfile(Path(tmp, source.stem + "." + target.split(":")[0]), out)


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: serif; }} .nav a {{ margin: 0 1em; }}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div>
<nav class="nav"><a href="/">Trang chủ</a><a href="/van-ban">Văn bản</a><a href="/tin-tuc">Tin tức</a></nav></header>
<main><article>
<h1 class="doc-title">{title}</h1>
<table class="thuoc-tinh">
<tr><td>Số ký hiệu:</td><td>{number}</td><td>Ngày ban hành:</td><td>{date}</td></tr>
<tr><td>Loại văn bản:</td><td>{kind}</td><td>Cơ quan ban hành:</td><td>{issuer}</td></tr>
</table>
<div class="noi-dung">
<table style="border:none"><tr><td>{left}</td><td>{right}</td></tr></table>
{body}
<table style="border:none"><tr><td>{recipients}</td><td>{signer}</td></tr></table>
</div>
</article></main>
<footer><p>Bản quyền thuộc Cổng thông tin điện tử. Địa chỉ: số 1, đường Trung tâm.</p></footer>
</body></html>
"""


def _lines(lines: list[str]) -> str:
    return "<br>\n".join(f"<b>{html.escape(x)}</b>" if x.isupper() else html.escape(x) for x in lines)


def write_html(text_path: Path, out: Path, number: str, date: str, kind: str, issuer: str) -> None:
    layout = parse(text_path.read_text(encoding="utf-8"))
    body = [f'<p style="text-align:center"><b>{html.escape(line)}</b></p>' for line in layout.title]
    for para in layout.body:
        if isinstance(para, list):
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in para)
            body.append(f'<table border="1">\n{rows}</table>')
        else:
            body.append(f"<p>{html.escape(para)}</p>")
    page = _PAGE.format(
        title=html.escape(" ".join(layout.title[1:]) or kind), number=number, date=date, kind=kind,
        issuer=html.escape(issuer), left=_lines(layout.header_left), right=_lines(layout.header_right),
        body="\n".join(body), recipients=_lines(layout.recipients), signer=_lines(layout.signature))
    out.write_text(page, encoding="utf-8")


def main() -> None:
    rng = np.random.default_rng(7)
    # Clean office scan: 300 dpi, black and white.
    bw = [_png(p.point(lambda v: 255 if v > 160 else 0).convert("1")) for p in _pages(CORPUS / f"{F01}.pdf", 300)]
    (CORPUS / f"{F01}.scan.pdf").write_bytes(_image_pdf(bw))
    # Low resolution gray scan.
    gray = [_jpeg(p, 35) for p in _pages(CORPUS / f"{F02}.pdf", 150)]
    (CORPUS / f"{F02}.scan150.pdf").write_bytes(_image_pdf(gray))
    # Skewed and noisy.
    skewed = [_jpeg(_noisy(p, rng, 2.5), 30) for p in _pages(CORPUS / f"{F03}.pdf", 200)]
    (CORPUS / f"{F03}.skewed.pdf").write_bytes(_image_pdf(skewed))
    # Mixed: the born-digital first page, a scanned second page.
    scanned = pdfium.PdfDocument(_image_pdf([_jpeg(_noisy(_pages(CORPUS / f"{F02}.pdf", 200)[1], rng, -0.8), 40)]))
    mixed = pdfium.PdfDocument(CORPUS / f"{F02}.pdf")
    mixed.del_page(1)
    mixed.import_pages(scanned)
    buffer = io.BytesIO()
    mixed.save(buffer)
    (CORPUS / f"{F02}.mixed.pdf").write_bytes(buffer.getvalue())
    # Photos of both pages of a Công văn, as a two-page TIFF.
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp, "f04.pdf")
        write_pdf(parse((CORPUS / f"{F04}.txt").read_text(encoding="utf-8")), pdf)
        photos = [_photo(p, rng, tilt) for p, tilt in zip(_pages(pdf, 150), (0.025, -0.02), strict=True)]
    photos[0].save(CORPUS / f"{F04}.photo.tif", save_all=True, append_images=photos[1:], compression="jpeg",
                   quality=40)
    # Legacy containers, converted by LibreOffice from the .docx.
    for target in ("doc:MS Word 97", "rtf", "odt"):
        _soffice(CORPUS / f"{F04}.docx", target, CORPUS / f"{F04}.{target.split(':')[0]}")
    _soffice(CORPUS / f"{F01}.docx", "doc:MS Word 97", CORPUS / f"{F01}.doc")
    # A saved web page.
    write_html(CORPUS / f"{F03}.txt", CORPUS / f"{F03}.html", "17/KH-THCSAD", "08/01/2024", "Kế hoạch",
               "Trường THCS Ánh Dương")


if __name__ == "__main__":
    main()
