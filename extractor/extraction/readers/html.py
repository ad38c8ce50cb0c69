"""Saved web pages (.html, .htm): the page's text as a plain-text document, as the .docx reader writes one.

- Block elements (paragraphs, headings, list items, divs, <br>) end lines; inline text is joined and
  its whitespace collapsed (kept as is inside <pre>).
- Site chrome is dropped: scripts, styles, forms, navigation, and the page's own <header> and <footer>
  (not those of an <article> or <main>, which belong to the document). What the text of the document
  is, and what of the rest is page furniture, is decided later on the text.
- Tables as the .docx reader writes them: a layout table (a Nghị định 30 header or signature: the motto
  or "Nơi nhận" in its first row) cell by cell, each cell's lines apart; a data table one row per line,
  cells separated by tabs. A row of labelled cells ("Số hiệu:" | "40/KH-UBND" | "Ngày ban hành:" | …),
  as document sites show a document's metadata, becomes one "Số hiệu: 40/KH-UBND" line per pair.
- The encoding: a byte-order mark, else UTF-8, else the charset the page declares.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from extractor.extraction.readers.errors import ReadError
from extractor.extraction.readers.layout import LAYOUT_MARKERS
from extractor.extraction.readers.legacy import Decoded, Encoding

# Elements whose content is never the document's.
_DROP = frozenset({"head", "script", "style", "noscript", "template", "nav", "form", "button", "select", "iframe",
                   "svg", "object", "embed", "canvas"})
# The page's own header and footer; inside these they are the document's.
_CHROME = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main"})
# Elements that start and end a line.
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "section", "article", "main", "aside", "address", "figure", "figcaption", "center", "hr", "caption",
    "header", "footer", "body", "html", "details", "summary", "fieldset", "legend",
})
_CELLS = frozenset({"td", "th"})
# A label cell: short text ending with a colon.
_LABEL = re.compile(r"^[^:\n]{1,40}:$")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decode(data: bytes, name: str) -> tuple[str, Encoding]:
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        declared = _CHARSET.search(data[:4096])
        try:
            charset = codecs.lookup(declared.group(1).decode("ascii") if declared else "").name
            return data.decode(charset, errors="replace"), "cp1258" if charset == "cp1258" else "unicode"
        except LookupError:
            raise ReadError("encoding", f"{name}: not UTF-8 and no known charset declared") from None


class _Text:
    """Lines being written: inline text joins the current line; blocks end it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def add(self, text: str | None, pre: bool) -> None:
        if text:
            if pre:
                parts = text.split("\n")
                self.current.append(parts[0])
                for part in parts[1:]:
                    self.end()
                    self.current.append(part)
            else:
                self.current.append(_SPACE.sub(" ", text))

    def end(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def blank(self) -> None:
        self.end()
        if self.lines and self.lines[-1]:
            self.lines.append("")


def _chrome(element: etree._Element) -> bool:
    tag = element.tag
    if tag in _DROP:
        return True
    return tag in _CHROME and not any(a.tag in _CONTENT for a in element.iterancestors())


def _cell_lines(cell: etree._Element) -> list[str]:
    out = _Text()
    for child in _content(cell):
        _walk(child, out, pre=False)
    out.end()
    return [line for line in out.lines if line]


def _content(element: etree._Element) -> Iterator[etree._Element | str]:
    """An element's text and children in order (tails follow their element)."""
    if element.text:
        yield element.text
    yield from element


def _rows(table: etree._Element) -> Iterator[list[etree._Element]]:
    """The table's own rows (not those of tables nested in its cells), each as its cells."""
    for row in table.iter("tr"):
        if next(row.iterancestors("table"), None) is table:
            yield [c for c in row if isinstance(c.tag, str) and c.tag in _CELLS]


def _table(table: etree._Element, out: _Text) -> None:
    rows = [[_cell_lines(c) for c in row] for row in _rows(table)]
    rows = [row for row in rows if any(row)]
    if not rows:
        return
    out.blank()
    if LAYOUT_MARKERS.search("\n".join(line for cell in rows[0] for line in cell)):
        for row in rows:
            for cell in row:
                if cell:
                    out.lines.extend(cell)
                    out.blank()
        return
    for row in rows:
        cells = [" ".join(cell) for cell in row]
        if any(_LABEL.match(c) for c in cells):
            pairs = iter(cells)
            out.lines.extend(f"{key} {value}".strip() if _LABEL.match(key) else key
                             for key, value in zip(pairs, pairs, strict=False))
            if len(cells) % 2:
                out.lines.append(cells[-1])
        else:
            out.lines.append("\t".join(cells).rstrip("\t"))
    out.blank()


def _walk(node: etree._Element | str, out: _Text, pre: bool) -> None:
    if isinstance(node, str):
        out.add(node, pre)
        return
    if isinstance(node.tag, str) and not _chrome(node):
        tag = node.tag
        if tag == "table":
            _table(node, out)
        elif tag == "br":
            out.end()
        else:
            block = tag in _BLOCKS or tag == "tr"
            if block:
                out.end()
            for child in _content(node):
                _walk(child, out, pre or tag == "pre")
            if block:
                out.end()
            if tag in _CELLS:
                out.add("\t", pre=True)
    out.add(node.tail, pre)


def read_html(data: bytes, name: str) -> Decoded:
    """The text of a saved web page; raise ReadError for a page that cannot be parsed."""
    text, encoding = _decode(data, name)
    text = _XML_PROLOG.sub("", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ReadError("corrupt", f"{name}: not a readable web page ({e})") from None
    out = _Text()
    body = root.find("body")
    _walk(body if body is not None else root, out, pre=False)
    out.end()
    return Decoded("\n".join(out.lines).strip("\n"), encoding)
