"""How a record is compared with an expected one: lenient on spelling, strict on values.

Header strings compare after folding case, diacritics and common abbreviations (UBND, GD&ĐT);
list fields compare as multisets of their value keys, like the project's scoring contract.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Abbreviations a person writes either way; folded to the long form before comparing.
_ABBREVIATIONS = [
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bgd ?dt\b", "giao duc va dao tao"),
    (r"\bgd va dt\b", "giao duc va dao tao"),
    (r"\bthcs\b", "trung hoc co so"),
    (r"\bthpt\b", "trung hoc pho thong"),
    (r"\bmttq\b", "mat tran to quoc"),
    (r"\btp\b", "thanh pho"),
]


def fold(s: Any) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").lower()
    s = re.sub(r"\s+", " ", re.sub(r"[^\w]+", " ", s.replace("&", " va "))).strip()
    for pattern, repl in _ABBREVIATIONS:
        s = re.sub(pattern, repl, s)
    return s


def _org(v: Any) -> str:
    return fold(v.get("name") if isinstance(v, dict) else v)


def _phase(s: Any) -> str:
    f = fold(s)
    return "so ket" if "so ket" in f else "tong ket" if "tong ket" in f else f


def _recipient(s: Any) -> str:
    f = fold(s)
    return "tap the" if "tap the" in f else "ca nhan" if "ca nhan" in f else f


def header(doc: dict[str, Any]) -> dict[str, Any]:
    signer = doc.get("signer") or {}
    return {
        "doc_type": fold(doc.get("doc_type")),
        "number": fold(doc.get("number")).replace(" ", ""),
        "issued_date": doc.get("issued_date"),
        "place": fold(doc.get("place")),
        "issuer": _org(doc.get("issuer")),
        "title": fold(re.sub(r"^[Vv]/[Vv]\s*", "", doc.get("title") or "")),
        "signer_name": fold(signer.get("name")),
        "signer_position": fold(signer.get("position")),
    }


def lists(doc: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    def keys(field: str, make: Any) -> list[tuple[Any, ...]]:
        return sorted((make(x) for x in doc.get(field) or []), key=str)

    return {
        "references": keys("references", lambda r: (
            fold(r["number"]).replace(" ", ""), r["relation"], fold(r.get("doc_type")), r.get("date"),
            _org(r.get("issuer")))),
        "targets": keys("targets", lambda t: (round(float(t["value"]), 3), fold(t["unit"]), t["op"])),
        "deadlines": sorted({(d["date"],) for d in doc.get("deadlines") or []}),
        "periods": sorted({(p.get("start"), p.get("end")) for p in doc.get("periods") or []}, key=str),
        "awards": sorted({(fold(a["form"]), _org(a.get("grantor"))) for a in doc.get("awards") or []}),
        "quotas": keys("quotas", lambda q: (
            int(q["count"]), q["op"], _recipient(q["recipient"]), _phase(q.get("phase")))),
    }
