"""Word runs typed in pre-Unicode Vietnamese fonts, converted by the font each run is drawn in.

A .docx made from an old document keeps its ".VnTime" (TCVN3) or "VNI-Times" (VNI) runs as the
Windows-1252 characters of their codes ("KÕ ho¹ch", "Keá hoaïch"), next to ordinary Unicode runs.
Only the font tells them apart, so each run is converted by its own font: the run's w:rFonts, else
its character style's, else its paragraph style's (following w:basedOn), else the document default
(w:docDefaults). Characters above U+007F are drawn in the w:hAnsi font (w:ascii when it is not set).
A caps font (".VnTimeH") draws the lower-case codes as capitals.

    fonts = RunFonts.of(styles_xml, body)  # None when no run, style or default names a legacy font
    text = fonts.paragraph_text(p)         # the text of a <w:p>, each run converted by its font
    fonts.encoding(), fonts.warnings()     # what was converted, for the record
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lxml import etree

from extractor.extraction.readers.docx_xml import W_NS, parse, run_text, runs, w
from extractor.extraction.readers.legacy import LABELS, UNICODE_ONLY, Decoded, Encoding, LegacyName
from extractor.extraction.readers.vncodecs import decode_tcvn3, decode_vni
from extractor.extraction.vocab.legacy_fonts import TCVN3_CAPS_FONT, TCVN3_FONT, VNI_FONT

_RPR, _PPR = w("rPr"), w("pPr")
_RFONTS, _RSTYLE, _PSTYLE = w("rFonts"), w("rStyle"), w("pStyle")
_HANSI, _ASCII, _VAL = w("hAnsi"), w("ascii"), w("val")
_STYLE, _STYLE_ID, _BASED_ON, _TYPE, _DEFAULT = w("style"), w("styleId"), w("basedOn"), w("type"), w("default")
_DOC_DEFAULTS_FONTS = f"{w('docDefaults')}/{w('rPrDefault')}/{_RPR}/{_RFONTS}"
# Word stores a symbol-charset font's characters in the private use area (U+F020-U+F0FF).
_SYMBOL_AREA = str.maketrans({0xF000 + b: chr(b) for b in range(0x20, 0x100)})


# The quick test (compiled XPath, in C) for a w:rFonts naming a font TCVN3_FONT or VNI_FONT matches:
# anywhere in the body, and in the styles part only where fonts are set (its latent-style list is long).
_LEGACY = "[" + " or ".join(f"starts-with(translate(normalize-space(@w:{attr}), 'VNI', 'vni'), '{prefix}')"
                            for attr in ("ascii", "hAnsi") for prefix in (".vn", "vni-", "vni ")) + "]"
_BODY_NAMES_A_LEGACY_FONT = etree.XPath(f".//w:rFonts{_LEGACY}", namespaces={"w": W_NS})
_STYLES_NAME_A_LEGACY_FONT = etree.XPath(
    f"w:style/w:rPr/w:rFonts{_LEGACY} | w:docDefaults/w:rPrDefault/w:rPr/w:rFonts{_LEGACY}",
    namespaces={"w": W_NS})
# What a w:rFonts element of the raw styles part holds where its font is legacy (the XPath above, in bytes).
_LEGACY_IN_BYTES = (b".vn", b"vni-", b"vni ")


def _may_name_legacy(styles_xml: bytes) -> bool:
    """Whether a styles part can name a legacy font: one of its w:rFonts elements holds such a name
    (UTF-16 XML is parsed to tell). A few finds, where parsing Word's styles costs ~9 ms."""
    if styles_xml.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in styles_xml[:64]:
        return True
    at = styles_xml.find(b"rFonts")
    while at >= 0:
        end = styles_xml.find(b">", at)
        element = styles_xml[at:end].lower()
        if any(name in element for name in _LEGACY_IN_BYTES):
            return True
        at = styles_xml.find(b"rFonts", end) if end >= 0 else -1
    return False


def _rfonts_name(rfonts: Any) -> str | None:
    if rfonts is None:
        return None
    name = rfonts.get(_HANSI) or rfonts.get(_ASCII)
    return str(name).strip() if name else None


def _own_font(element: Any, props_tag: str = _RPR) -> str | None:
    props = element.find(props_tag)
    return None if props is None else _rfonts_name(props.find(_RFONTS))


def _kind(font: str | None) -> tuple[LegacyName, bool] | None:
    """The legacy encoding a font name stands for, and whether it is a caps font."""
    if font is None:
        return None
    if TCVN3_FONT.match(font):
        return "tcvn3", TCVN3_CAPS_FONT.match(font) is not None
    if VNI_FONT.match(font):
        return "vni", False
    return None


def _style_fonts(styles: Any) -> tuple[dict[str, str | None], str | None]:
    """Each style's font (its own, else inherited through w:basedOn) and the default paragraph style's."""
    own: dict[str, str | None] = {}
    parent: dict[str, str] = {}
    default = None
    for style in styles.iter(_STYLE):
        sid = style.get(_STYLE_ID)
        if sid is None:
            continue
        own[sid] = _own_font(style)
        based = style.find(_BASED_ON)
        if based is not None and based.get(_VAL):
            parent[sid] = based.get(_VAL)
        if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true"):
            default = sid

    def resolve(sid: str) -> str | None:
        seen = set()
        while sid not in seen:  # a basedOn cycle in a damaged file ends the walk
            seen.add(sid)
            if own.get(sid):
                return own[sid]
            if sid not in parent:
                return None
            sid = parent[sid]
        return None

    return {sid: resolve(sid) for sid in own}, default


class RunFonts:
    """The font of every run of one document, and the conversions made so far."""

    def __init__(self, styles: dict[str, str | None], default_style: str | None, default_font: str | None) -> None:
        self._styles = styles
        self._default_style = default_style
        self._default_font = default_font
        self._converted: Counter[LegacyName] = Counter()
        self._unicode = 0  # runs with non-ASCII text in a Unicode font

    @classmethod
    def of(cls, styles_xml: bytes | None, body: Any) -> RunFonts | None:
        """The resolver for a document's styles part and body, or None when they name no legacy font at all."""
        styles_root = parse(styles_xml) if styles_xml is not None and _may_name_legacy(styles_xml) else None
        if styles_root is None:  # no styles part, or none of its fonts legacy: only the runs' own fonts count
            return cls({}, None, None) if _BODY_NAMES_A_LEGACY_FONT(body) else None
        if not (_STYLES_NAME_A_LEGACY_FONT(styles_root) or _BODY_NAMES_A_LEGACY_FONT(body)):
            return None
        styles, default_style = _style_fonts(styles_root)
        return cls(styles, default_style, _rfonts_name(styles_root.find(_DOC_DEFAULTS_FONTS)))

    def _font(self, run: Any, paragraph_style: str | None) -> str | None:
        props = run.find(_RPR)
        if props is not None:
            font = _rfonts_name(props.find(_RFONTS))
            if font:
                return font
            rstyle = props.find(_RSTYLE)
            if rstyle is not None and self._styles.get(rstyle.get(_VAL) or ""):
                return self._styles[rstyle.get(_VAL)]
        style = paragraph_style or self._default_style
        return (self._styles.get(style) if style else None) or self._default_font

    def _run_text(self, run: Any, paragraph_style: str | None) -> str:
        # LibreOffice writes byte 0xAD (TCVN3's "ư") as an element of its own, <w:softHyphen/>.
        text = run_text(run, soft_hyphen=True)
        if text.isascii():
            return text
        kind = _kind(self._font(run, paragraph_style))
        if kind is None or UNICODE_ONLY.search(text):  # a font name left on text already converted
            self._unicode += any(ord(c) > 0xFF and c.isalpha() for c in text)
            return text
        name, caps = kind
        self._converted[name] += 1
        view = text.translate(_SYMBOL_AREA)
        return decode_tcvn3(view, caps) if name == "tcvn3" else decode_vni(view)

    def paragraph_text(self, p: Any) -> str:
        """The paragraph's text (its runs and its hyperlinks' runs), each run converted."""
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        style = pstyle.get(_VAL) if pstyle is not None else None
        return "".join(self._run_text(r, style) for r in runs(p))

    def result(self, text: str) -> Decoded:
        """The document's text with what was converted: one legacy encoding, "mixed", or "unicode"."""
        if not self._converted:
            return Decoded(text, "unicode")
        kinds = sorted(self._converted)
        encoding: Encoding = kinds[0] if len(kinds) == 1 and not self._unicode else "mixed"
        warnings: tuple[str, ...] = ()
        if self._unicode:
            shown = ", ".join(f"{self._converted[k]} in {LABELS[k]} fonts" for k in kinds)
            warnings = (f"part of the text converted by font: {shown}; {self._unicode} run(s) were Unicode",)
        return Decoded(text, encoding, warnings)
