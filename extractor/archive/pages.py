"""HTML pages for people: the archive index, a document's review page and its lineage view.

Rendered from Jinja2 templates (`extractor/templates/`) with the CSS and scripts inlined or served from
`extractor/static/`; `planex show` writes the review page of one file, `planex serve` serves all three.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from extractor.archive.corrections import CONTRACT, Correction, disagreements
from extractor.archive.review import FAMILIES, FAMILY, KIND_LABELS, LINK_LABELS, Value, segments, values_of


@cache
def _env() -> Environment:
    return Environment(loader=PackageLoader("extractor.archive", "templates"), autoescape=select_autoescape(["html"]),
                       trim_blocks=False, lstrip_blocks=False)


@cache
def static_text(name: str) -> str:
    return resources.files("extractor.archive").joinpath(f"static/{name}").read_text(encoding="utf-8")


@cache
def _css() -> str:
    """The stylesheet plus one colour rule per field family (the families table is the one source)."""
    rules = [f"mark.v.{f.key} {{ background: {f.colour}; }} .values li.{f.key} {{ border-left-color: {f.colour}; }}"
             for f in FAMILIES]
    return static_text("planex.css") + "\n".join(rules)


def _fields(doc: dict[str, Any], v: Value) -> Any:
    """The value's editable fields: text for a header scalar, an object of contract fields otherwise."""
    if v.family == "header":
        return doc.get(v.key.removeprefix("header."))
    if v.family in ("issuer", "signer"):
        item = doc.get(v.family) or {}
        return {k: item.get(k) for k in (("name",) if v.family == "issuer" else ("name", "position"))}
    family, index = v.key.rstrip("]").split("[")
    item = doc[family][int(index)]
    return {k: item.get(k) for k in CONTRACT[family] if k in item}


def _doc_title(doc: dict[str, Any]) -> str:
    parts = [doc.get("doc_type") or "Văn bản", doc.get("number") or "", doc.get("title") or ""]
    return " ".join(p for p in parts if p)


def review_page(text: str, record: dict[str, Any], *, doc_id: int | None = None, editable: bool = False,
                corrections: list[Correction] | None = None, original: str | None = None,
                lineage: str | None = None, root: str = "./") -> str:
    """The review page of one file: highlighted text, legend, and the panel of values (with corrections)."""
    docs = record.get("documents") or []
    values = values_of(docs)
    segs = segments(text, values, docs, (record.get("source") or {}).get("page_starts"))
    family_of = {v.id: v.family for v in values}
    titles = {v.id: f"{v.label}: {v.summary}" for v in values}
    starts_at: dict[int, list[int]] = {}
    for v in values:
        if v.start is not None:
            starts_at.setdefault(v.start, []).append(v.id)
    corrections = corrections or []
    disagree = disagreements(docs, corrections)
    by_value: dict[int, list[dict[str, Any]]] = {}
    removed = set()
    key_to_id = {(v.doc, v.key): v.id for v in values}
    for c in corrections:
        vid = key_to_id.get((c.doc, c.key or ""))
        if vid is None:
            continue
        if c.action == "remove":
            removed.add(vid)
        by_value.setdefault(vid, []).append({**asdict(c), "new": _show(c.new), "disagrees": c.id in disagree,
                                             "current": disagree.get(c.id)})
    docs_view = []
    for i, doc in enumerate(docs):
        mine = [v for v in values if v.doc == i]
        groups = [(f, [v for v in mine if v.family == f.key]) for f in FAMILIES]
        docs_view.append({
            "index": i, "title": _doc_title(doc),
            "links": [{"label": LINK_LABELS[ln["kind"]], "target": ln["target"]} for ln in doc.get("links") or []],
            "groups": [(f, items) for f, items in groups if items],
            "added": [{**asdict(c), "new": _show(c.new), "family_label": FAMILY[c.family].label}
                      for c in corrections if c.action == "add" and c.doc == i],
        })
    seg_view = [{
        "start": s.start, "text": s.text, "ids": s.values, "document_starts": s.document_starts, "page": s.page,
        "family": family_of[s.values[0]] if s.values else "", "title": " | ".join(titles[v] for v in s.values),
        "anchors": [vid for vid in starts_at.get(s.start, []) if vid in s.values],
    } for s in segs]
    value_json = json.dumps([{**asdict(v), "fields": _fields(docs[v.doc], v)} for v in values],
                            ensure_ascii=False).replace("</", "<\\/")
    source = record.get("source") or {}
    heading = _doc_title(docs[0]) if docs else source.get("path", "")
    return _env().get_template("review.html").render(
        css=_css(), js=static_text("review.js"), root=root, heading=heading, source=source, families=FAMILIES,
        segments=seg_view, doc_titles=[_doc_title(d) for d in docs], docs_view=docs_view, corrections=by_value,
        removed=removed, corrections_enabled=editable and doc_id is not None, doc_id=doc_id,
        original=original, lineage=lineage, value_json=value_json,
    )


def _show(new: Any) -> str:
    if new is None:
        return ""
    return new if isinstance(new, str) else ", ".join(f"{k}: {v}" for k, v in new.items())


def index_page(documents: list[dict[str, Any]], errors: list[dict[str, Any]], counts: dict[str, int],
               doc_types: list[str], query: dict[str, Any], root: str = "./") -> str:
    return _env().get_template("index.html").render(css=_css(), root=root, documents=documents, errors=errors,
                                                    counts=counts, doc_types=doc_types, query=query)


def _tree(view: dict[str, Any], up: bool) -> list[dict[str, Any]]:
    """The lineage as nested items from the root, upwards (what it implements) or downwards."""
    nodes = {n["id"]: n for n in view["nodes"]}
    step: dict[str, list[tuple[str, str]]] = {}
    for e in view["edges"]:
        child, parent = (e["source"], e["target"]) if e["kind"] in ("basis", "cites") else (e["target"], e["source"])
        a, b = (child, parent) if up else (parent, child)
        step.setdefault(a, []).append((b, e["kind"]))
    seen = {view["root"]}

    def grow(n: str) -> list[dict[str, Any]]:
        out = []
        for other, kind in step.get(n, []):
            if other in seen:
                continue
            seen.add(other)
            out.append({"node": nodes[other], "kind": kind, "children": grow(other)})
        return out

    return grow(view["root"])


def _vendor(standalone: bool) -> str | None:
    """Cytoscape.js inlined into a page written to a file (no server to fetch it from), else None."""
    return static_text("vendor/cytoscape.min.js") if standalone else None


def lineage_page(view: dict[str, Any], caption: str, root: str = "./", standalone: bool = False) -> str:
    """One document's ancestors and descendants: an interactive graph and the same lineage as a text list."""
    data = json.dumps(view, ensure_ascii=False).replace("</", "<\\/")
    return _env().get_template("lineage.html").render(
        css=_css(), root=root, caption=caption, data=data, js=static_text("lineage.js"), vendor=_vendor(standalone),
        up=_tree(view, up=True), down=_tree(view, up=False), kinds=KIND_LABELS)


def archive_graph_page(data: str, root: str = "./", standalone: bool = False) -> str:
    """The whole archive's lineage with one node per issuer, readable at thousands of documents."""
    return _env().get_template("archive_graph.html").render(css=_css(), root=root, data=data,
                                                            js=static_text("archive_graph.js"),
                                                            vendor=_vendor(standalone))
