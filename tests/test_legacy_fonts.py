"""Pre-Unicode Vietnamese: the tables (round trips, independent sources), detection, and conversion
in .txt files, Unicode text, and Word runs by their font."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from extractor.extraction.readers import ReadError, read_file
from extractor.extraction.readers.legacy import decode_bytes, repair_text
from extractor.extraction.readers.vncodecs import (
    CODECS,
    bytes_view,
    decode_cp1258,
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    repair_mojibake,
)

# The 67 Vietnamese letters with a tone, a hat, a horn or a breve (and đ), then their capitals: 134.
_LOWER = [unicodedata.normalize("NFC", base + tone)
          for base in "aăâeêioôơuưy" for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")]
LETTERS = [c for c in _LOWER if c not in "aeiouy"] + ["đ"]
LETTERS += [c.upper() for c in LETTERS]

# Our own sentences, for detection (several lines, as a real file has).
PARAGRAPH = (
    "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n"
    "Số: 27/KH-UBND\n"
    "KẾ HOẠCH\n"
    "Tổ chức phong trào thi đua xây dựng đường làng ngõ xóm sáng, xanh, sạch, đẹp năm 2021\n"
    "Các thôn đăng ký nội dung thi đua và gửi về Ủy ban nhân dân xã trước ngày 15 tháng 4 năm 2021.\n"
    "Phấn đấu 100% hộ gia đình được dùng nước hợp vệ sinh; ít nhất 85% tuyến đường có đèn chiếu sáng.\n"
)




def test_there_are_134_letters() -> None:
    assert len(set(LETTERS)) == 134


# TCVN3 capitals on the codes of Windows-1252 quotes, dashes and bullets, read as letters only
# between two letters (see test_tcvn3_punctuation_codes_are_letters_only_inside_words).
_ON_PUNCTUATION = set("ẶỊÒỎÕÓỌỘ")


@pytest.mark.parametrize("name", sorted(CODECS))
def test_every_letter_round_trips(name: str) -> None:
    encode, decode = CODECS[name]
    for letter in LETTERS:
        alone = name != "tcvn3" or letter not in _ON_PUNCTUATION
        inside = f"x{letter}x" if letter.islower() else f"X{letter}X"  # a lower-case word, a capital word
        for text in (inside, *((letter, f"Ông {letter}a") if alone else ())):
            assert decode(encode(text)) == text, (name, letter, text)


@pytest.mark.parametrize(
    ("view", "text"),
    [("H—I §åNG", "HỘI ĐỒNG"), ("“n«ng th«n míi” – 2019…", "“nông thôn mới” – 2019…"), ("• Gi÷a", "• Giữa")],
)
def test_tcvn3_punctuation_codes_are_letters_only_inside_words(view: str, text: str) -> None:
    assert decode_tcvn3(view) == text


def test_tcvn3_caps_font_draws_the_lower_case_codes_as_capitals() -> None:
    for capital in (c for c in LETTERS if c.isupper()):
        view = bytes_view(encode_tcvn3(capital.lower()))
        assert decode_tcvn3(view, caps=True) == capital


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("KẾ HOẠCH", "KÕ HO¹CH"),
        ("TM. ỦY BAN NHÂN DÂN", "TM. ñY BAN NH¢N D¢N"),
        ("HỘI ĐỒNG THI ĐUA", "HéI §åNG THI §UA"),
        ("UỶ BAN NHÂN DÂN", "Uû BAN NH¢N D¢N"),  # the old tone placement the ABC fonts made common
        # Traps: a one-capital word stays as typed next to an abbreviation or alone.
        ("Số: 12/KH-UBND", "Sè: 12/KH-UBND"),
        ("STT Tổ chuyên môn", "STT Tæ chuyªn m«n"),
        ("Đã có Uỷ ban", "§· cã Uû ban"),
    ],
)
def test_tcvn3_words_typed_with_caps_lock_in_an_abc_font(text: str, typed: str) -> None:
    assert bytes_view(encode_tcvn3(text, abc=True)) == typed
    assert decode_tcvn3(typed) == text


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv is the independent source")
@pytest.mark.parametrize(("name", "iconv_name"), [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_tables_agree_with_glibc_iconv(name: str, iconv_name: str) -> None:
    decode = CODECS[name][1]
    for byte in (*range(0x01, 0x20), *range(0x80, 0x100)):
        if byte in (0x09, 0x0A, 0x0D):
            continue
        data = bytes([0x78, byte, 0x78])  # between two letters, as a letter code always is
        done = subprocess.run(["iconv", "-f", iconv_name, "-t", "UTF-8"], input=data, capture_output=True,
                              check=True)
        want = unicodedata.normalize("NFC", done.stdout.decode())
        got = decode(data)
        assert got is not None and unicodedata.normalize("NFC", got) == want, hex(byte)


@pytest.mark.parametrize(
    ("vni", "text"),
    [
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),  # the vietnamese-conversion package's example
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Keá hoaïch thöïc hieän phong traøo thi ñua", "Kế hoạch thực hiện phong trào thi đua"),
        ("KEÁ HOAÏCH", "KẾ HOẠCH"),
        ("Ñaék Laék, ngaøy 05 thaùng 3 naêm 2020", "Đắk Lắk, ngày 05 tháng 3 năm 2020"),
        # UniKey's VNI-WIN table (viparse differs on these): ì 0xEC, í 0xED, ỵ 0xEE.
        ("ì í î", "ì í ỵ"),
    ],
)
def test_vni_against_published_spellings(vni: str, text: str) -> None:
    assert decode_vni(vni) == text
    assert encode_vni(text) == vni.encode("cp1252")


def test_cp1258_is_pythons_codec_then_nfc() -> None:
    data = encode_cp1258(PARAGRAPH)
    assert b"\xec" in data  # a combining acute: tones are separate bytes
    assert decode_cp1258(data) == PARAGRAPH == unicodedata.normalize("NFC", data.decode("cp1258"))


# --- detection in .txt bytes ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CODECS))
def test_txt_bytes_are_detected_and_converted(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CODECS[name][0](PARAGRAPH))
    assert decode_bytes(path.read_bytes()) == (PARAGRAPH, name)
    result = read_file(path)
    assert (result.text, result.encoding, result.warnings) == (PARAGRAPH, name, ())


def test_bug_tcvn3_capitals_on_control_codes_are_not_binary(tmp_path: Path) -> None:
    # TCVN 5712 puts Ứ, Ự, Ý … on C0 control codes, which the binary check counted as data.
    text = "ỨNG DỤNG THỰC HIỆN; TỪ NGÀY 01/3 ĐẾN HẾT NGÀY 31/3; Ý KIẾN CỦA CÁC XÃ\n" * 3
    data = encode_tcvn3(text)
    assert b"\x11" in data and b"\x12" in data
    path = tmp_path / "caps.txt"
    path.write_bytes(data)
    assert read_file(path).text == text


@pytest.mark.parametrize(
    "data",
    [
        "Le café du théâtre était très élégant, à côté de l'église.\n".encode("cp1252") * 5,  # French
        bytes(range(128, 256)) * 4,
    ],
    ids=["french-cp1252", "high-bytes"],
)
def test_non_vietnamese_8_bit_text_is_still_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "other.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.kind in ("encoding", "corrupt")


# --- lines of Unicode text ------------------------------------------------------------------------

def test_mojibake_is_repaired_line_by_line() -> None:
    broken = bytes_view(PARAGRAPH.encode("utf-8"))  # as browsers decode Windows-1252: no byte lost
    assert repair_mojibake("Káº¿ hoáº¡ch") == "Kế hoạch"
    repaired = repair_text(broken, "utf-8")
    assert (repaired.text, repaired.encoding) == (PARAGRAPH, "mojibake")


def test_a_text_with_unicode_and_tcvn3_lines_is_mixed_with_a_warning() -> None:
    lines = PARAGRAPH.splitlines()
    tcvn3 = [bytes_view(encode_tcvn3(line)) for line in lines[3:]]
    repaired = repair_text("\n".join(lines[:3] + tcvn3), "utf-8")
    assert repaired.text == "\n".join(lines)
    assert repaired.encoding == "mixed"
    assert repaired.warnings == ("part of the text converted: 3 from TCVN3 (ABC); 3 other line(s) were Unicode",)


def test_sound_unicode_text_is_left_alone() -> None:
    text = "Nhiệt độ 25°C, «Gia đình văn hóa», ông Jürgen Müller, Ø 20 mm.\n" + PARAGRAPH
    assert repair_text(text, "utf-8").text == text


# --- Word runs by their font ----------------------------------------------------------------------

def _tcvn3_view(text: str) -> str:
    return bytes_view(encode_tcvn3(text))


def _vni_view(text: str) -> str:
    return bytes_view(encode_vni(text))


def _font(run: object, name: str) -> None:
    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.makeelement(qn("w:rFonts"), {qn("w:ascii"): name, qn("w:hAnsi"): name})
    rpr.insert(0, rfonts)


def _read(doc: DocxDocument, tmp_path: Path) -> tuple[str, str, tuple[str, ...]]:
    buffer = io.BytesIO()
    doc.save(buffer)
    path = tmp_path / "a.docx"
    path.write_bytes(buffer.getvalue())
    result = read_file(path)
    return result.text, result.encoding, result.warnings


def test_docx_runs_convert_by_their_own_font(tmp_path: Path) -> None:
    doc = Document()
    title = doc.add_paragraph()
    _font(title.add_run(_tcvn3_view("kế hoạch")), ".VnTimeH")  # a caps font: drawn as capitals
    body = doc.add_paragraph()
    _font(body.add_run(_tcvn3_view("Tổ chức thi đua trong ")), ".VnTime")
    _font(body.add_run(_tcvn3_view("trường")), ".VnArial")
    _font(body.add_run(_vni_view(" và các thôn")), "VNI-Times")
    assert _read(doc, tmp_path) == ("KẾ HOẠCH\nTổ chức thi đua trong trường và các thôn", "mixed", ())


def test_bug_tcvn3_u_horn_is_a_soft_hyphen_and_survives(tmp_path: Path) -> None:
    # TCVN3's "ư" is byte 0xAD, a soft hyphen in Windows-1252, which normalisation removes:
    # the run must be converted by its font first.
    doc = Document()
    run = doc.add_paragraph().add_run("Tr\u00adêng häc")
    _font(run, ".VnTime")
    assert _read(doc, tmp_path) == ("Trường học", "tcvn3", ())


def test_bug_libreoffice_writes_the_tcvn3_u_horn_as_a_soft_hyphen_element(tmp_path: Path) -> None:
    # A .doc converted to .docx by LibreOffice keeps byte 0xAD as <w:softHyphen/>, which python-docx
    # does not read as text: "trường" came out as "trờng".
    doc = Document()
    run = doc.add_paragraph().add_run("tr")
    _font(run, ".VnTime")
    run._r.append(run._r.makeelement(qn("w:softHyphen"), {}))
    text = run._r.makeelement(qn("w:t"), {})
    text.text = "êng häc"
    run._r.append(text)
    assert _read(doc, tmp_path) == ("trường học", "tcvn3", ())


def test_bug_unicode_text_left_in_a_vntime_font_is_not_converted_again(tmp_path: Path) -> None:
    # Converters (UniKey's toolkit) change the text and often leave the font name: "Kế hoạch" in a
    # .VnTime run must not be read as TCVN3 codes ("à" is TCVN3's "Ổ").
    doc = Document()
    _font(doc.add_paragraph().add_run("Kế hoạch phát động thi đua năm 2019"), ".VnTime")
    assert _read(doc, tmp_path) == ("Kế hoạch phát động thi đua năm 2019", "unicode", ())


def test_docx_fonts_inherited_from_styles_and_defaults(tmp_path: Path) -> None:
    doc = Document()
    # The document default (w:docDefaults) is VNI; a paragraph style based on Normal says .VnTime.
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = defaults.find(qn("w:rFonts"))
    rfonts.attrib.clear()  # no theme fonts: an old document names its font
    rfonts.set(qn("w:ascii"), "VNI-Times")
    rfonts.set(qn("w:hAnsi"), "VNI-Times")
    base = doc.styles.add_style("Old body", WD_STYLE_TYPE.PARAGRAPH)
    base.font.name = ".VnTime"
    derived = doc.styles.add_style("Old item", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    doc.add_paragraph(_vni_view("Đợt 1: từ tháng 3"))
    doc.add_paragraph(_tcvn3_view("Đợt 2: đến tháng 9"), style="Old item")
    unicode_run = doc.add_paragraph().add_run("Nơi nhận: Ủy ban nhân dân xã")
    _font(unicode_run, "Times New Roman")
    text, encoding, warnings = _read(doc, tmp_path)
    assert text == "Đợt 1: từ tháng 3\nĐợt 2: đến tháng 9\nNơi nhận: Ủy ban nhân dân xã"
    assert encoding == "mixed"
    assert warnings == ("part of the text converted by font: 1 in TCVN3 (ABC) fonts, 1 in VNI fonts; "
                        "1 run(s) were Unicode",)


def test_docx_layout_table_in_a_legacy_font_is_still_a_header(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (["UBND XÃ TÂN PHÚ", "Số: 27/KH-UBND"],
                                                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
                           strict=True):
        cell.text = ""
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            caps = line.isupper()
            _font(p.add_run(_tcvn3_view(line.lower() if caps else line)), ".VnTimeH" if caps else ".VnTime")
    text, encoding, _ = _read(doc, tmp_path)
    # Cell by cell (a layout table), not row by row with tabs (a data table).
    assert text == "UBND XÃ TÂN PHÚ\nSố: 27/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert encoding == "tcvn3"


# --- PDF text layers ------------------------------------------------------------------------------

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _renamed_font(tmp_path: Path, name: str) -> Path:
    """DejaVu Sans under an ABC font's name, as a PDF made from a .VnTime document names its fonts."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(_DEJAVU))
    table = font["name"]
    table.names = [r for r in table.names if r.nameID not in (2, 16, 17, 21, 22)]
    for record in table.names:
        if record.nameID in (1, 3, 4, 6):
            record.string = name
    path = tmp_path / f"{name.strip('.')}.ttf"
    font.save(str(path))
    return path


@pytest.mark.skipif(not _DEJAVU.exists(), reason="needs DejaVu Sans (fonts-dejavu-core) to draw the PDF")
def test_pdf_lines_in_a_caps_font_are_capitals(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("body", "", str(_renamed_font(tmp_path, ".VnTime")))
    pdf.add_font("caps", "", str(_renamed_font(tmp_path, ".VnTimeH")))
    pdf.add_page()
    glyphs = str.maketrans({"\u00ad": "\u2212", "\u00b7": "\u2219"})  # how producers name two glyphs
    lines = [("caps", "kế hoạch"), ("body", "Tổ chức phong trào thi đua xây dựng đường làng ngõ xóm năm 2021"),
             ("body", "Các thôn đăng ký nội dung thi đua và gửi về xã trước ngày 15 tháng 4 năm 2021."),
             ("body", "Phấn đấu 100% hộ gia đình được dùng nước hợp vệ sinh; ít nhất 85% tuyến đường có đèn."),
             ("caps", "ủy ban nhân dân xã tân phú")]
    for font, line in lines:
        pdf.set_font(font, size=12)
        pdf.cell(0, 8, _tcvn3_view(line).translate(glyphs), new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "old.pdf"
    path.write_bytes(bytes(pdf.output()))
    result = read_file(path)
    assert result.text.split("\n") == ["KẾ HOẠCH", *(line for _, line in lines[1:4]), "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"]
    assert result.encoding == "tcvn3"
