"""The parts of a .docx package the reader needs, and the text of Word runs, straight from the XML.

A .docx is a zip of XML parts found through relationship parts: `_rels/.rels` names the main document
part (word/document.xml as a rule), whose own relationships name its styles part. This module opens
those two with zipfile and lxml (python-docx's object model cost ten times the parse) and gives a run
its text as python-docx read it: w:t text, w:tab/w:ptab a tab, a line break (w:br, w:cr) a newline,
w:noBreakHyphen "-", a page or column break nothing.

    main = open_package(data)         # Package(document=<w:document root>, styles=styles.xml bytes | None)
    text = paragraph_text(p)          # the runs of a w:p and of its hyperlinks, as typed
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# As python-docx parses: an entity the file declares stays a node (never expanded: no entity bombs),
# whitespace between elements is dropped.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute ("p" -> "{…/main}p")."""
    return f"{{{W_NS}}}{name}"


_R, _HYPERLINK, _T, _BR, _TYPE, _SOFT_HYPHEN = w("r"), w("hyperlink"), w("t"), w("br"), w("type"), w("softHyphen")
# Run content that stands for a fixed character; a w:br is a newline only as a line break (its default).
_FIXED = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}


@dataclass(frozen=True)
class Package:
    document: Any  # the <w:document> root
    # The styles part unparsed (Word's is ~350 KB, 20 times the text's XML): only a legacy font needs it.
    styles: bytes | None


def parse(xml: bytes) -> Any:
    return etree.fromstring(xml, _PARSER)


def _parse(z: zipfile.ZipFile, partname: str) -> Any:
    return parse(z.read(partname.lstrip("/")))


def _related(z: zipfile.ZipFile, source: str, rel_type: str) -> str | None:
    """The part name `source`'s first internal relationship of `rel_type` points to ("/" is the package)."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{base}.rels").lstrip("/")
    if rels not in z.NameToInfo:
        return None
    for rel in _parse(z, rels).iterchildren(f"{_RELS_NS}Relationship"):
        if rel.get("Type") == _RT + rel_type and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return None


def _content_type(z: zipfile.ZipFile, partname: str) -> str:
    types = _parse(z, "[Content_Types].xml")
    for override in types.iterchildren(f"{_CT_NS}Override"):
        if override.get("PartName", "").lower() == partname.lower():
            return str(override.get("ContentType"))
    extension = posixpath.splitext(partname)[1][1:].lower()
    for default in types.iterchildren(f"{_CT_NS}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType"))
    raise KeyError(f"no content-type for partname '{partname}' in [Content_Types].xml")


def open_package(data: bytes) -> Package:
    """The main document and styles of a .docx; zipfile, lxml, KeyError or ValueError errors on a bad one."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        main = _related(z, "/", "officeDocument")
        if main is None:
            raise KeyError(f"no relationship of type '{_RT}officeDocument' in collection")
        content_type = _content_type(z, main)
        if content_type != _MAIN_TYPE:  # a macro-enabled document or a template, as python-docx refuses them
            raise ValueError(f"not a Word document, content type is '{content_type}'")
        styles = _related(z, main, "styles")
        return Package(_parse(z, main), None if styles is None else z.read(styles.lstrip("/")))


def runs(p: Any) -> Iterator[Any]:
    """A paragraph's runs: its own and its hyperlinks' (python-docx's paragraph text reads no others)."""
    for child in p.iterchildren(_R, _HYPERLINK):
        if child.tag == _R:
            yield child
        else:
            yield from child.iterchildren(_R)


def run_text(run: Any, soft_hyphen: bool = False) -> str:
    """A run's text; `soft_hyphen` keeps a <w:softHyphen/> as U+00AD (a TCVN3 "ư" that LibreOffice wrote)."""
    parts = []
    for e in run.iterchildren():
        tag = e.tag
        if tag == _T:
            parts.append(e.text or "")
        elif tag == _BR:
            parts.append("\n" if e.get(_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _FIXED:
            parts.append(_FIXED[tag])
        elif soft_hyphen and tag == _SOFT_HYPHEN:
            parts.append("\u00ad")
    return "".join(parts)


def paragraph_text(p: Any) -> str:
    return "".join(run_text(r) for r in runs(p))
