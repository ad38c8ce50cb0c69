"""Make the corpus's pre-Unicode font files (corpus/f05_*) from Unicode corpus documents.

    .venv/bin/python tools/make_legacy_corpus.py

Each source .txt is re-encoded faithfully, the way the old tools wrote it:
- TCVN3 (.txt bytes with TCVN 5712 capitals; a .docx whose runs are in ".VnTime", with capitals the
  ABC fonts lack in ".VnTimeH" runs, whole capital lines in ".VnTimeH"; a .pdf whose text layer shows
  the codes as a PDF of a .VnTime document does: capital words typed with caps lock (ASCII capitals,
  lower-case codes for the toned letters), other capitals on their TCVN 5712 codes, "ư" as U+2212 and
  "ã" as U+2219);
- VNI (.txt bytes; a .docx whose Normal style is "VNI-Times", so the runs inherit the font, while
  the header table is typed in Times New Roman Unicode: a "mixed" document);
- Windows-1258 (.txt, tones as combining marks) and VISCII (.txt).
The .docx and .pdf layouts are tools/render_formats.py's. Each file's expected record is the source
document's, with "file" changed. Every file is checked to read back as its source text, and the
outputs are byte-for-byte the same on every run.
"""

from __future__ import annotations

import copy
import io
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_formats import Layout, _fixed_zip_times, parse, write_docx, write_pdf

from extractor.extraction.readers.vncodecs import CODECS, bytes_view, encode_tcvn3, encode_vni

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# (source stem, encoding, formats)
SPECS = (
    ("f01_xa_nghi_thuan_nong_thon_moi", "tcvn3", ("txt", "docx")),
    # A PDF text layer cannot show the capitals a .VnTime document draws in a caps font (".VnTimeH")
    # except as lower-case codes, so its source is one whose toned capitals are all in capital words.
    ("f03_thcs_anh_duong_chuyen_doi_so", "tcvn3", ("txt", "pdf")),
    ("f02_so_gddt_binh_dinh_doi_moi_day_hoc", "vni", ("txt", "docx")),
    ("f03_thcs_anh_duong_chuyen_doi_so", "cp1258", ("txt",)),
    ("f04_cv_huyen_uy_duc_trong_thi_dua", "viscii", ("txt",)),
)
_RFONTS, _RPR = qn("w:rFonts"), qn("w:rPr")


def _tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(font, view) pieces of one run: ".VnTime", and ".VnTimeH" for capital lines and for the toned
    capitals the ABC fonts have no code for (written with the lower-case code)."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return [(".VnTimeH", bytes_view(encode_tcvn3(text.lower())))]
    pieces: list[tuple[str, str]] = []
    for ch in text:
        caps = ch.isupper() and not ch.isascii() and ch not in "ĂÂÊÔƠƯĐ"
        font = ".VnTimeH" if caps else ".VnTime"
        view = bytes_view(encode_tcvn3(ch.lower() if caps else ch))
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + view)
        else:
            pieces.append((font, view))
    return pieces


def _set_font(run: object, font: str) -> None:
    r = run._r  # type: ignore[attr-defined]
    rpr = r.get_or_add_rPr()
    rfonts = rpr.find(_RFONTS)
    if rfonts is None:
        rfonts = rpr.makeelement(_RFONTS, {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), font)


def _all_runs(document: object) -> list[object]:
    from docx.text.run import Run

    body = document.element.body  # type: ignore[attr-defined]
    return [Run(r, None) for r in body.iter(qn("w:r"))]  # type: ignore[arg-type]


def _docx_tcvn3(source: Path) -> bytes:
    document = _render_docx(parse(source.read_text(encoding="utf-8")))
    for run in _all_runs(document):
        text = run.text  # type: ignore[attr-defined]
        if text.isascii():
            _set_font(run, ".VnTime")
            continue
        pieces = _tcvn3_runs(text)
        run.text = pieces[0][1]  # type: ignore[attr-defined]
        _set_font(run, pieces[0][0])
        anchor = run._r  # type: ignore[attr-defined]
        for font, view in pieces[1:]:
            new = copy.deepcopy(run._r)  # type: ignore[attr-defined]
            anchor.addnext(new)
            anchor = new
            from docx.text.run import Run

            piece = Run(new, None)  # type: ignore[arg-type]
            piece.text = view
            _set_font(piece, font)
    return _save(document)


def _docx_vni(source: Path) -> bytes:
    document = _render_docx(parse(source.read_text(encoding="utf-8")))
    normal = document.styles["Normal"]
    normal.font.name = "VNI-Times"
    rfonts = normal.element.find(_RPR).find(_RFONTS)
    rfonts.set(qn("w:hAnsi"), "VNI-Times")
    header = document.element.body.find(qn("w:tbl"))
    header_runs = set(header.iter(qn("w:r")))
    for run in _all_runs(document):
        if run._r in header_runs:  # type: ignore[attr-defined]
            _set_font(run, "Times New Roman")  # typed in Unicode: stays as it is
        else:
            run.text = bytes_view(encode_vni(run.text))  # type: ignore[attr-defined]
    return _save(document)


def _render_docx(layout: Layout) -> object:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "render.docx"
        write_docx(layout, path)
        return Document(io.BytesIO(path.read_bytes()))


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return _fixed_zip_times(buffer.getvalue())


# What a PDF producer shows for two .VnTime glyphs (see extractor.extraction.vocab.legacy_fonts).
_PDF_GLYPHS = str.maketrans({"\u00ad": "\u2212", "\u00b7": "\u2219"})


def _pdf_tcvn3(source: Path, out: Path) -> None:
    def word(token: str) -> str:
        letters = [c for c in token if c.isalpha()]
        caps_lock = len(letters) > 1 and all(c.isupper() for c in letters)
        return bytes_view(encode_tcvn3(token, abc=caps_lock))

    def view(line: str) -> str:
        return " ".join(word(t) for t in line.split(" ")).translate(_PDF_GLYPHS)

    layout = parse(source.read_text(encoding="utf-8"))
    legacy = Layout(
        [view(x) for x in layout.header_left], [view(x) for x in layout.header_right],
        [view(x) for x in layout.subject], [view(x) for x in layout.title],
        [view(x) if isinstance(x, str) else [[view(c) for c in row] for row in x] for x in layout.body],
        [view(x) for x in layout.recipients], [view(x) for x in layout.signature],
    )
    write_pdf(legacy, out)


def _check(path: Path, want: str) -> None:
    from extractor.extraction.pipeline import extract_file
    from extractor.extraction.readers import read_file

    result = read_file(path)
    if path.suffix == ".txt" and result.text != want:
        raise SystemExit(f"{path.name}: does not read back as its source")
    record = extract_file(path)
    if record.error is not None:
        raise SystemExit(f"{path.name}: {record.error.message}")
    print(f"{path.name}: {result.encoding} {list(result.warnings)}")


def main() -> None:
    for stem, encoding, formats in SPECS:
        source = CORPUS / f"{stem}.txt"
        text = source.read_text(encoding="utf-8")
        target = f"f05_{encoding}_{stem.split('_', 1)[1]}"
        for fmt in formats:
            out = CORPUS / f"{target}.{fmt}"
            if fmt == "txt":
                out.write_bytes(CODECS[encoding][0](text))
            elif fmt == "docx":
                out.write_bytes(_docx_tcvn3(source) if encoding == "tcvn3" else _docx_vni(source))
            else:
                _pdf_tcvn3(source, out)
            _check(out, text)
        expected = (CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8")
        old = f'"file": "{stem}.txt"'
        assert old in expected, f"{stem}.expected.json names another file"
        (CORPUS / f"{target}.expected.json").write_text(expected.replace(old, f'"file": "{target}.txt"'),
                                                         encoding="utf-8")


if __name__ == "__main__":
    main()
