"""Pre-Unicode Vietnamese encodings and fonts, as data (the codecs are in extractor.extraction.readers.vncodecs).

Sources, checked by tests/test_legacy_fonts.py:
- TCVN3 (ABC): the tables of TCVN 5712:1993 as glibc iconv ("TCVN5712-1") and UniKey decode them. The
  ".VnTime" family ("VN3") uses the lower-case half plus Ă Â Ê Ô Ơ Ư Đ; the full table (VN1) also puts
  the toned capitals at 0x80-0x9F, in gaps of the upper half and on C0 control codes, where iconv
  writes them, so it decodes both. The caps fonts (".VnTimeH") have no codes of their own: they draw
  the lower-case codes as capitals.
- VISCII (RFC 1456), as glibc iconv decodes it: 134 letters on 0x80-0xFF and six C0 control codes.
- VNI-Windows ("VNI-Times"): a base letter followed by one mark byte (tone, hat, or hat and tone
  together), plus single bytes for đ, ơ, ư and the toned i and ỵ; written here as the Windows-1252
  characters of those bytes, which is how Word and PDF text layers show them. As UniKey's VNI-WIN table.
- Windows-1258 is Python's "cp1258" codec: precomposed hats, tones as combining marks (NFC after it).
"""

from __future__ import annotations

import re

# --- TCVN3 / TCVN 5712:1993 ------------------------------------------------------------------------

# Bytes 0x80-0xFF in order (0xB0-0xB4 are combining tone marks, 0xA0 a no-break space).
TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x80
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xA0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"  # 0xC0
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"  # 0xE0
)
# Toned capitals on C0 control codes.
TCVN3_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ",
             0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}
# PDF producers name two .VnTime glyphs after symbols: the text layer shows "ư" (0xAD) as a minus sign
# and "ã" (0xB7, a middle dot in Windows-1252) as a bullet operator.
TCVN3_PDF_GLYPHS = {"\u2212": 0xAD, "\u2219": 0xB7}

# --- VISCII ----------------------------------------------------------------------------------------

VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x80
    "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xA0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xC0
    "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"  # 0xE0
)
VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# --- VNI-Windows (Windows-1252 view of the bytes) ---------------------------------------------------

# Tone marks (as Unicode combining marks) -> the VNI mark after a plain vowel: lower-case, capital.
VNI_TONE = {"\u0301": "ùÙ", "\u0300": "øØ", "\u0309": "ûÛ", "\u0303": "õÕ", "\u0323": "ïÏ"}
# After a, e, o: the circumflex alone ("") or with a tone.
VNI_CIRCUMFLEX = {"": "âÂ", "\u0301": "áÁ", "\u0300": "àÀ", "\u0309": "åÅ", "\u0303": "ãÃ", "\u0323": "äÄ"}
# After a: the breve alone or with a tone.
VNI_BREVE = {"": "êÊ", "\u0301": "éÉ", "\u0300": "èÈ", "\u0309": "úÚ", "\u0303": "üÜ", "\u0323": "ëË"}
# Letters VNI writes as one byte: đ, ơ and ư (which take tones like a plain vowel), the toned i, and ỵ.
VNI_SINGLE = {"đ": "ñ", "Đ": "Ñ", "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö",
              "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "ỉ": "æ", "Ỉ": "Æ", "ĩ": "ó", "Ĩ": "Ó", "ị": "ò", "Ị": "Ò",
              "ỵ": "î", "Ỵ": "Î"}

# --- Font names in Word documents (w:rFonts) --------------------------------------------------------

# The ABC fonts: ".VnTime", ".VnArial", ".VnCentury Schoolbook" …; a final "H" names the caps font.
TCVN3_FONT = re.compile(r"^\.Vn", re.IGNORECASE)
TCVN3_CAPS_FONT = re.compile(r"^\.Vn.*H$")
# The same caps fonts as a PDF names them: a subset prefix ("ABCDEF+"), perhaps no dot, and a style
# suffix (".VnTimeH,Bold", "VnArialH-Italic").
TCVN3_CAPS_PDF_FONT = re.compile(r"^(?:[A-Z]{6}\+)?\.?Vn[\w-]*?H(?:[,-][A-Za-z]+)?$")
# "VNI-Times", "VNI-Helve", "VNI-Aptima" …
VNI_FONT = re.compile(r"^VNI[- ]", re.IGNORECASE)

# --- What a Vietnamese syllable looks like (to tell a right decoding from a wrong one) --------------

# Initial consonants, longest first; "gi" and "qu" count as initials.
INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
# Vowel groups of a syllable, without tone marks.
NUCLEI = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
          "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
          "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
          "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu")
FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
