"""The issuing body: from the header's caps lines, else from the body or signature.

"ỦY BAN NHÂN DÂN HUYỆN CỦ CHI" over "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" is Phòng Giáo dục và Đào tạo
huyện Củ Chi with parent UBND huyện Củ Chi. Without a header the body says who acts:
"Trường Mầm non Hoa Sen xây dựng Kế hoạch …", "Ủy ban nhân dân huyện ban hành Kế hoạch …".
"""

from __future__ import annotations

import regex as re

from extractor.extraction.models import Organization, Span
from extractor.extraction.orgs import UNIT_NAME, Locality, case_name, resolve_org
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.layout import AUTHORITY_LINE
from extractor.extraction.vocab.organs import NAMED_HEADS, ORGAN_HEADS, UNIT_WORDS

# A caps line that continues the one above ("ỦY BAN NHÂN DÂN" / "HUYỆN CỦ CHI").
_UNITS = alternation(UNIT_WORDS, space=" ")
_CONTINUES = re.compile(r"(?i)^(?:" + _UNITS + r")\b(?!\s+ỦY)|^(?:VÀ|-|&)\s")
_ENDS_OPEN = re.compile(r"(?i)(?:\b(?:" + _UNITS + r")|\bVÀ|-|&)$")
# Placeholders in forms and decorations under the issuer.
# (also draft and urgency marks printed in the header: "DỰ THẢO", "MẬT", "KHẨN")
_NOT_ORGAN = re.compile(
    r"^(?:TÊN\s+(?:ĐƠN\s+VỊ|CƠ\s+QUAN)|[-_*=. ]+|(?:BẢN\s+)?DỰ\s+THẢO(?:\s+\d+)?|MẬT|KHẨN|HỎA\s+TỐC)$"
)
# The same marks flattened onto the issuer's line ("ỦY BAN NHÂN DÂN HUYỆN HOÀI ÂN DỰ THẢO").
_DRAFT_MARK = re.compile(r"(?:^|\s)(?:\(?(?:BẢN\s+)?DỰ\s+THẢO(?:\s+(?:LẦN\s+)?\d+)?\)?)$")
# "<organ> xây dựng / ban hành Kế hoạch …": the body names its own issuer.
_SELF_NAMING = re.compile(
    r"(?:^|(?<=[.;,:]\s)|(?<=\n))(?P<org>\p{Lu}[^\n.;:]{2,120}?)\s+(?:xây\s+dựng|ban\s+hành|triển\s+khai|"
    r"thông\s+báo|hướng\s+dẫn|đề\s+nghị|yêu\s+cầu)\s+(?:[Kk]ế\s+hoạch|[Hh]ướng\s+dẫn|[Cc]hương\s+trình|"
    r"[Qq]uyết\s+định|[Tt]hông\s+báo|[Pp]hương\s+án|các|[Tt]hủ\s+trưởng|[Hh]iệu\s+trưởng|như\s+sau)",
    re.MULTILINE,
)
# An organ name begins with one of these heads (the rest of a sentence does not).
# (also "Uỷ ban", the old tone placement)
_ORGAN_HEAD = re.compile(r"^(?:" + alternation((*ORGAN_HEADS, "Uỷ ban")) + r")\b")
_ORGAN_INSIDE = re.compile(r"(?:^|\s)(?=(?:Ủy ban|UBND|Phòng|Sở|Trường|Ban|Hội đồng|Chi đoàn|Chi bộ|Đảng ủy)\b)")
_CLOSING = re.compile(
    r"Trên\s+đây\s+là\s+(?:[Kk]ế\s+hoạch|[Hh]ướng\s+dẫn|[Cc]hương\s+trình)[^\n]{0,300}?\s(?:của|do)\s+"
    r"(?P<org>\p{Lu}[^\n,;]{2,100}?)(?=\s*(?:[,;]|\.(?:/\.)?\s*$|\./\.|$|\s+(?:đề\s+nghị|yêu\s+cầu|và\s)))",
    re.MULTILINE,
)
# The clause cites another document: its organ issued that one, not this ("… số 12/QĐ-UBND … của X về").
_CITING = re.compile(r"(?i)\bsố\s*\d|\d+\s*/\s*\p{Lu}|(?<!\p{L})của\s|\svề$|^(?:căn\s+cứ|thực\s+hiện|theo)\s")
_PAREN = re.compile(r"\s*\([^)]*\)")


# A column-flattened header puts the managing body and the issuer on one caps line ("UBND TỈNH NINH THUẬN SỞ
# Y TẾ", "PHÒNG GD&ĐT HUYỆN THANH OAI TRƯỜNG THCS BÍCH HÒA"): after a place name, an organ head starts the next.
_HEAD_AFTER_PLACE = (
    r"(?:SỞ|PHÒNG|VĂN\s+PHÒNG"
    r"|TRƯỜNG\s+(?:TIỂU|TRUNG|MẦM|MẪU|TH|THCS|THPT|PT|CAO|ĐẠI|CHÍNH)|BAN\s+(?!NHÂN)|TRUNG\s+TÂM|CHI\s+CỤC|CỤC"
    r"|HỘI\s+ĐỒNG|ĐẢNG\s+ỦY|CHI\s+BỘ|HUYỆN\s+ỦY|THÀNH\s+ỦY|QUẬN\s+ỦY|THỊ\s+ỦY|BỆNH\s+VIỆN|BCH|CHI\s+ĐOÀN)\s"
)
# a school under its education office, with or without the office's place ("PHÒNG GD&ĐT TRƯỜNG THCS …",
# "SỞ GD&ĐT PHÚ YÊN TRƯỜNG THPT …")
_SCHOOL_HEAD = (
    r"TRƯỜNG\s+(?:TIỂU|TRUNG|MẦM|MẪU|TH|THCS|THPT|PT|PTDT|CAO|ĐẠI"
    r"|CHÍNH|TH&THCS|THCS&THPT|TH-THCS|THCS-THPT|DÂN\s+TỘC)\b"
)
_INNER_HEAD = re.compile(
    r"(?<=(?:" + alternation(u.upper() for u in UNIT_WORDS) + rf"|^BỘ)\s+\S.*?)\s+(?={_HEAD_AFTER_PLACE})"
    rf"|(?<=^(?:PHÒNG|SỞ|UBND|ỦY\s+BAN|BỘ)\s.*?)\s+(?={_SCHOOL_HEAD})"
)
# Every _INNER_HEAD match is a space before one of its heads: a search for that alone (no lookbehind tried at
# every space) tells the lines it cannot cut, most of them ("ỦY BAN NHÂN DÂN", "HUYỆN CỦ CHI").
_INNER_HEAD_PROBE = re.compile(rf"\s(?={_HEAD_AFTER_PLACE}|{_SCHOOL_HEAD})")


def _split_organs(s: int, line: str) -> list[tuple[int, int, str]]:
    if not _INNER_HEAD_PROBE.search(line):
        return [(s, s + len(line), line)]
    parts: list[tuple[int, int, str]] = []
    start = 0
    for m in _INNER_HEAD.finditer(line):
        parts.append((s + start, s + m.start(), line[start : m.start()]))
        start = m.end()
    return [*parts, (s + start, s + len(line), line[start:])]


def header_organs(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Merge wrapped caps lines into organ names, top to bottom."""
    merged: list[tuple[int, int, str]] = []
    for s, e, line in (part for s0, _e0, raw in lines for part in _split_organs(s0, raw)):
        line = _DRAFT_MARK.sub("", line).strip(" *-_")
        if not line or _NOT_ORGAN.match(line):
            continue
        if merged and (_CONTINUES.match(line) or _ENDS_OPEN.search(merged[-1][2])
                       or not _ORGAN_HEAD.match(case_name(line))):  # "… CÁC CHƯƠNG TRÌNH" / "MỤC TIÊU QUỐC GIA"
            ps, _, prev = merged[-1]
            merged[-1] = (ps, e, f"{prev} {line}")
        else:
            merged.append((s, e, line))
    return merged


# "Huyện ủy Đức Trọng", "Đảng ủy xã An Phú": Party committees carry their place after "ủy".
_COMMITTEE_PLACE = re.compile(r"\bủy\s+\p{Lu}")


def _has_locality(name: str) -> bool:
    return bool(UNIT_NAME.search(name) or _COMMITTEE_PLACE.search(name)) or name.startswith(NAMED_HEADS)


def from_organs(text: str, organs: list[tuple[int, int, str]], loc: Locality) -> Organization | None:
    """The issuer (and its parent) the header's merged organ lines name, the last being the issuer."""
    if not organs:
        return None
    s, e, raw = organs[-1]
    name = resolve_org(case_name(raw), loc)
    parent = resolve_org(case_name(organs[-2][2]), loc) if len(organs) > 1 else None
    if parent and not _has_locality(name):
        unit = UNIT_NAME.search(parent)
        if unit:
            name = f"{name} {unit.group(0)}"
    return Organization(name=name, parent=parent, span=Span(start=s, end=e, raw=text[s:e]))


# Collective bodies printed without their place in a header cell ("ỦY BAN NHÂN DÂN" | "CỘNG HÒA …").
_PLACELESS_BODIES = ("Ủy ban nhân dân", "Hội đồng nhân dân")


def complete_locality(issuer: Organization, text: str, start: int, end: int, loc: Locality) -> Organization:
    """A header issuer without its locality takes it from a line that names the same body with it: the
    decision's enacting authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") or the body ("Ủy ban nhân dân huyện
    xây dựng Kế hoạch …")."""
    if _has_locality(issuer.name):
        return issuer
    named = _from_authority(text, issuer.span.end if issuer.span else start, end, loc)
    named = named or from_body(text, start, end, loc)
    if named and named.name.startswith(issuer.name) and _has_locality(named.name):
        return issuer.model_copy(update={"name": named.name})
    return issuer


def at_place_level(issuer: Organization, loc: Locality) -> Organization:
    """Last resort for a bare "Ủy ban nhân dân": the lowest unit the place line's locality knows."""
    if issuer.name not in _PLACELESS_BODIES:
        return issuer
    unit = loc.commune_type if loc.commune else loc.district_type if loc.district else None
    unit = unit or ("tỉnh" if loc.province and loc.province_type == "tỉnh" else None)
    if not unit:
        return issuer
    return issuer.model_copy(update={"name": resolve_org(f"{issuer.name} {unit}", loc)})


def with_signature_locality(issuer: Organization, on_behalf_of: str) -> Organization:
    """"TM. ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA" names the body a placeless header cell left bare."""
    if _has_locality(issuer.name) or not on_behalf_of.startswith(issuer.name) or not _has_locality(on_behalf_of):
        return issuer
    return issuer.model_copy(update={"name": on_behalf_of})


# The authority line stands within this many lines of the issuer (under the decision's title).
_AUTHORITY_REACH = 30


def _from_authority(text: str, start: int, end: int, loc: Locality) -> Organization | None:
    """The organ a decision's enacting-authority line names ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")."""
    for s, e, line in lines_between(text, start, end, limit=_AUTHORITY_REACH):
        m = AUTHORITY_LINE.match(line)
        if m:
            raw = m.group("organ")
            span = Span(start=s + m.start("organ"), end=e, raw=raw)
            return Organization(name=resolve_org(case_name(raw), loc), span=span)
    return None


def from_body(text: str, start: int, end: int, loc: Locality) -> Organization | None:
    """The organ that the body says issues this document, resolved in context."""
    for m in _SELF_NAMING.finditer(text, start, min(end, start + 4000)):
        group = m.group("org")
        # The organ is the last comma-separated piece: "Nhằm …, Ủy ban nhân dân huyện xây dựng".
        piece = group[group.rfind(",") + 1 :]
        inner = _ORGAN_INSIDE.search(piece)
        if not _ORGAN_HEAD.match(piece.strip()) and inner:
            piece = piece[inner.end() :]
        raw = _PAREN.sub("", piece).strip()
        if not _ORGAN_HEAD.match(raw) or len(raw.split()) > 14 or _CITING.search(group):
            continue  # "Căn cứ Quyết định số … của UBND thành phố về ban hành kế hoạch": a cited issuer
        s = m.start("org") + len(group) - len(piece) + (len(piece) - len(piece.lstrip()))
        span = Span(start=s, end=m.end("org"), raw=text[s : m.end("org")])
        return Organization(name=resolve_org(raw, loc), span=span)
    return _from_closing(text, start, end, loc)


def _from_closing(text: str, start: int, end: int, loc: Locality) -> Organization | None:
    """"Trên đây là Kế hoạch … của Trường X./." — the closing sentence names the issuer."""
    for m in _CLOSING.finditer(text, max(start, end - 6000), end):
        raw = _PAREN.sub("", m.group("org")).strip(" ./")
        if _ORGAN_HEAD.match(raw) and len(raw.split()) <= 14:
            span = Span(start=m.start("org"), end=m.end("org"), raw=m.group("org"))
            return Organization(name=resolve_org(raw, loc), span=span)
    return None


def names_for_locality(organs: list[tuple[int, int, str]]) -> list[str]:
    """The names of the header's organs (`header_organs`), in the standard's casing."""
    return [case_name(x[2]) for x in organs]
