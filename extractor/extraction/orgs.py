"""Organ names: casing of caps headers, abbreviation expansion, and resolution in context.

"của Ủy ban nhân dân huyện" inside a Củ Chi document is UBND huyện Củ Chi; "Ủy ban nhân dân
Thành phố" inside a district of Hồ Chí Minh City is UBND Thành phố Hồ Chí Minh. The document's
`Locality` (found from its header, place line and body) supplies the missing names.
"""

from __future__ import annotations

import itertools
import re as stdre
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from extractor.extraction import admin
from extractor.extraction.fold import strip_marks
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.organs import (
    ABBREVIATIONS,
    CANONICAL_PHRASES,
    COMMUNE_UNITS,
    DISTRICT_UNITS,
    KEEP_UPPER,
    NAMED_HEADS,
    PARTY_COMMITTEES,
    UNIT_WORDS,
)


@dataclass(frozen=True)
class Locality:
    """Where a document's issuer sits: the names that bare unit words refer to."""

    province: str | None = None
    province_type: str | None = None  # "tỉnh" | "Thành phố"
    district: str | None = None
    district_type: str | None = None  # "huyện" | "quận" | "thị xã" | "thành phố"
    commune: str | None = None
    commune_type: str | None = None  # "xã" | "phường" | "thị trấn"


_ABBR_RE = re.compile(
    r"(?<![\p{L}\d&])(?:" + alternation(ABBREVIATIONS)
    + r")(?![\p{L}\d&])"
)
_PHRASE_RE = re.compile(
    r"(?i)(?<!\p{L})(?:" + alternation(CANONICAL_PHRASES)
    + r")(?!\p{L})"
)
_CANONICAL = {p.lower(): p for p in CANONICAL_PHRASES}
_UNITS = alternation(UNIT_WORDS, space=" ")
# A proper name: capitalised syllables ("Củ Chi", "Hồ Chí Minh") or a number ("Quận 1").
PROPER = r"(?:\p{Lu}[\p{L}']*(?:[ \-]\p{Lu}[\p{L}']*)*|\d{1,2}(?!\d))"
UNIT_NAME = re.compile(rf"(?i:(?<!\p{{L}})({_UNITS}))\s+({PROPER})")
# A unit word with no name after it ("của UBND huyện"); "Tỉnh ủy", "Huyện đoàn" are bodies, not units.
_BARE_UNIT = re.compile(rf"(?i:(?<!\p{{L}})({_UNITS}))(?!\s+{PROPER})(?!\p{{L}})(?!\s+(?:ủy|đoàn|hội)\b)")
_COMMUNE_UNITS = alternation(COMMUNE_UNITS, space=" ")
_UNIT_LIST = re.compile(rf"(?i)\b({_COMMUNE_UNITS})(?:\s*(?:,|và)\s*(?:{_COMMUNE_UNITS}))+")
# In a caps header line everything after the last unit word is the place name ("HUYỆN CỦ CHI").
_LAST_UNIT = re.compile(
    rf"(?i)(?<!\p{{L}})(?:{_UNITS}|đảng)(?:\s+(?:ủy|đoàn))?\s+(?!ủy\b|đoàn\b|hội\b)((?:(?!(?<!\p{{L}})(?:{_UNITS})\s).)+)$"
)
# "Huyện ủy" / "Tỉnh ủy" with no place after it.
# (a committee named by its locality's level, not a body's "Đảng ủy")
_LEVEL_COMMITTEES = alternation(c.split()[0] for c in PARTY_COMMITTEES if c != "Đảng ủy")
_BARE_COMMITTEE = re.compile(rf"(?<!\p{{L}})({_LEVEL_COMMITTEES})\s+ủy(?!\s+{PROPER})(?!\p{{L}})")
_VOWEL = re.compile(r"[aeiouy]")
_PLACE_UNIT = re.compile(r"(?i)^(?:tp\.?|" + alternation(DISTRICT_UNITS, space=" ") + r")\s*")
# Lower-case unit words in running text ("trên địa bàn huyện Nhà Bè"): the document's own area.
_UNIT_WORD_PROBE = stdre.compile(f"(?:{_UNITS}) ")  # stdlib: a fast literal scan first
_BODY_UNIT_NAME = re.compile(rf"(?<!\p{{L}})({_UNITS})\s+({PROPER})")
# "UBND các xã, thị trấn" -> "UBND xã": a plural of units; "Ban Chỉ đạo các Chương trình …" keeps its "các".
_CAC = re.compile(
    rf"(?i)(?<!\p{{L}})(?:các|những)\s+(?=(?:{_UNITS}|phòng|ban|ngành|sở|trường|đơn\s+vị|cơ\s+quan)(?!\p{{L}}))"
)
_NAMED_HEAD_RE = re.compile(
    r"(?i)^(?:" + alternation(NAMED_HEADS, space=" ") + r")\s+"
)
# Organ heads that are followed directly by a place name ("Phòng GD&ĐT Tam Nông").
_HEAD_THEN_PLACE = re.compile(rf"^((?:Phòng|Sở|Ủy ban nhân dân|Hội đồng nhân dân)\b.*?)\s+({PROPER})$")


# Departments named without a place: a Sở is provincial, a Phòng is of a district (before 2025).
_PROVINCE_DEPT = re.compile(r"^Sở [\p{L} ,&\-]+$")
_DISTRICT_DEPT = re.compile(r"^Phòng [\p{L} ,&\-]+$")
_ENDS_PROPER = re.compile(rf"\s{PROPER}$")
# Organ names with a comma or a hyphen inside ("Sở Văn hóa, Thể thao và Du lịch"), which would otherwise
# end a name read word by word at that comma: an issuer's or a grantor's name takes them whole.
PUNCTUATED_NAME = re.compile(alternation(p for p in CANONICAL_PHRASES if "," in p or " - " in p))


@lru_cache(maxsize=4096)
def expand(raw: str) -> str:
    """Expand organ abbreviations: 'Chủ tịch UBND huyện' -> 'Chủ tịch Ủy ban nhân dân huyện'."""
    s = _ABBR_RE.sub(lambda m: ABBREVIATIONS[" ".join(m.group(0).split())], raw)
    return " ".join(s.split())


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


@lru_cache(maxsize=4096)
def case_name(s: str) -> str:
    """A caps header line in the standard's casing: 'ỦY BAN NHÂN DÂN HUYỆN CỦ CHI' ->
    'Ủy ban nhân dân huyện Củ Chi'. Lines already in mixed case are kept."""
    s = " ".join(s.split())
    if not _is_caps(s):
        return s
    words = [w if w in KEEP_UPPER or w in ABBREVIATIONS or "&" in w or _is_acronym(w) else w.lower() for w in s.split()]
    s = " ".join(words)
    s = _PHRASE_RE.sub(lambda m: _CANONICAL[" ".join(m.group(0).split()).lower()], s)
    # After a unit word or a school head, the rest of a header line is a proper name.
    m = _LAST_UNIT.search(s)
    if m:
        s = s[: m.start(1)] + _title(s[m.start(1):])
    else:
        head = _NAMED_HEAD_RE.match(s)
        if head:
            s = s[: head.end()] + _title(s[head.end():])
    return s[:1].upper() + s[1:]


def _is_acronym(word: str) -> bool:
    """A caps token with no vowel is an acronym ("LHPN", "BCH"), not a Vietnamese syllable."""
    return len(word) > 1 and word.isupper() and not _VOWEL.search(strip_marks(word))


def _title(s: str) -> str:
    return " ".join(w if w in KEEP_UPPER or "&" in w else w[:1].upper() + w[1:].lower() for w in s.split())


def _fill_unit(unit: str, loc: Locality) -> str:
    low = unit.lower()
    if low == "thành phố":
        if loc.district_type == "thành phố" and loc.province_type != "Thành phố" and loc.district:
            return f"thành phố {loc.district}"
        if loc.province and loc.province_type == "Thành phố":
            return f"Thành phố {loc.province}"
        return unit
    if low in DISTRICT_UNITS and loc.district:
        return f"{low} {loc.district}"
    if low == "tỉnh" and loc.province:
        return f"tỉnh {loc.province}"
    if low in COMMUNE_UNITS and loc.commune:
        return f"{low} {loc.commune}"
    return low


def _unit_case(unit: str, name: str) -> str:
    province = admin.province_named(name)
    if unit.lower() == "thành phố" and province and province[1] == "Thành phố":
        return "Thành phố"
    return unit.lower()


@lru_cache(maxsize=4096)  # pure, and the same names recur in every document of an archive
def resolve_org(raw: str, loc: Locality) -> str:
    """Full organ name in context: expand abbreviations, fill bare unit words from `loc`."""
    s = expand(raw)
    s = _CAC.sub("", s)
    s = _UNIT_LIST.sub(lambda m: m.group(1), s)
    s = s.strip(" ,;:.-")
    s = UNIT_NAME.sub(lambda m: f"{_unit_case(m.group(1), m.group(2))} {_repair(m.group(2), loc)}", s)
    s = _BARE_UNIT.sub(lambda m: _fill_unit(m.group(1), loc), s)
    m = _HEAD_THEN_PLACE.match(s)
    if m and not UNIT_NAME.search(s):
        unit = _unit_of_place(m.group(2), loc, provincial=m.group(1).startswith("Sở"))
        if unit:
            s = f"{m.group(1)} {unit} {m.group(2)}"
    if not UNIT_NAME.search(s) and not _ENDS_PROPER.search(s):
        s = _add_locality(s, loc)
    named: str = _BARE_COMMITTEE.sub(lambda m: _committee_place(m, loc), s)
    return named


def _committee_place(m: re.Match[str], loc: Locality) -> str:
    """A Party committee named without its place takes the document's ("Ban Thường vụ Huyện ủy" in a
    Đắk Mil document is "… Huyện ủy Đắk Mil")."""
    kind = m.group(1)
    place = loc.province if kind == "Tỉnh" else loc.district
    if kind == "Thành":  # a city's committee: the province-level city, or a city in a province
        place = loc.district if loc.district_type == "thành phố" else loc.province
    return f"{m.group(0)} {place}" if place else m.group(0)


def _add_locality(name: str, loc: Locality) -> str:
    """A bare "Sở Nội vụ" belongs to the document's province, a bare "Phòng Nội vụ" to its district."""
    if _PROVINCE_DEPT.match(name) and loc.province and loc.province_type:
        return f"{name} {loc.province_type} {loc.province}"
    if _DISTRICT_DEPT.match(name) and loc.district and loc.district_type:
        return f"{name} {loc.district_type} {loc.district}"
    if _DISTRICT_DEPT.match(name) and loc.commune and not loc.district and admin.communes_named(loc.commune):
        return f"{name} {loc.commune_type} {loc.commune}"  # from July 2025 a commune has its own Phòng
    return name


def _repair(name: str, loc: Locality) -> str:
    """A place name misspelt in one spot ('CỬ CHI') takes the spelling the document uses elsewhere."""
    for known in (loc.district, loc.province, loc.commune):
        if known and known != name and strip_marks(known) == strip_marks(name):
            return known
    return name


def _unit_of_place(name: str, loc: Locality, provincial: bool) -> str | None:
    """The unit word for a bare place after an organ: a Sở is of a province, a Phòng of a district."""
    province = admin.province_named(name)
    if provincial and province:
        return province[1]
    if loc.district and name == loc.district and loc.district_type:
        return loc.district_type
    districts = admin.districts_named(name)
    if districts:
        return districts[0].type
    return province[1] if province else None


# The 2025 reform: from 1 July 2025 there is no district level, and places are the new communes/wards.
REFORM_MONTH = "2025-07"


def find_locality(names: list[str], place: str | None, body: str, date: str | None = None) -> Locality:
    """The locality of a document from its issuer/parent names, its place line and its text, read as of
    its date (a place line "Rạch Giá" is a district-level city before July 2025, a ward after it)."""
    after_reform = bool(date) and (date or "")[:7] >= REFORM_MONTH
    loc = Locality()
    for name in names:
        for m in UNIT_NAME.finditer(expand(name)):
            loc = _with_unit(loc, m.group(1).lower(), m.group(2))
    if loc.district and not admin.districts_named(loc.district):
        loc = replace(loc, district=_known_spelling(loc.district, place, body))
    if place and not loc.district:
        p = _PLACE_UNIT.sub("", place).strip()
        if admin.province_named(p) and not loc.province:
            name, kind = admin.province_named(p) or (p, "tỉnh")
            loc = replace(loc, province=name, province_type=kind)
        elif after_reform and admin.communes_named(p) and not loc.commune:
            c = admin.communes_named(p)[0]
            loc = replace(loc, commune=c.name, commune_type=c.type)
        elif not after_reform and admin.districts_named(p):
            d = admin.districts_named(p)[0]
            loc = replace(loc, district=d.name, district_type=d.type)
    if loc.district and not loc.province:
        loc = _province_of_unit(loc, body)  # a known district usually settles it without reading the body
    if not loc.district or not loc.province:
        counts = Counter(
            (m.group(1), m.group(2))
            for hit in _UNIT_WORD_PROBE.finditer(body)
            if (m := _BODY_UNIT_NAME.match(body, hit.start()))
        )
        for (unit, name), _ in counts.most_common():
            new_district = unit in DISTRICT_UNITS - {"thành phố"} and not loc.district
            new_province = unit in {"tỉnh", "thành phố"} and not loc.province and admin.province_named(name)
            if new_district or new_province:
                loc = _with_unit(loc, unit, name)
    if not loc.province and (loc.district or loc.commune):
        loc = _province_of_unit(loc, body)
    return loc


def _known_spelling(name: str, place: str | None, body: str) -> str:
    """'Cử Chi' in a header whose place line says 'Củ Chi': take the spelling that is a real district."""
    key = strip_marks(name)
    # (the body's names read only while the place line has not settled it: the first that fits wins)
    body_names: Iterator[str] = (m.group(2) for m in UNIT_NAME.finditer(body))
    candidates = itertools.chain([place or ""], body_names)
    for c in candidates:
        if c and strip_marks(c) == key and admin.districts_named(c):
            return c
    return name


def _with_unit(loc: Locality, unit: str, name: str) -> Locality:
    province = admin.province_named(name)
    if unit in ("tỉnh", "thành phố") and province and not loc.province:
        return replace(loc, province=province[0], province_type=province[1])
    if unit in DISTRICT_UNITS and not loc.district:
        return replace(loc, district=name, district_type=unit)
    if unit in COMMUNE_UNITS and not loc.commune:
        return replace(loc, commune=name, commune_type=unit)
    return loc


def _province_of_unit(loc: Locality, body: str) -> Locality:
    """The province of the document's district (before 2025) or, with no district, of its commune (after)."""
    if loc.district:
        found, kind = admin.districts_named(loc.district), loc.district_type
    else:
        found, kind = admin.communes_named(loc.commune or ""), loc.commune_type
    candidates = [d for d in found if d.type == kind] or list(found)
    if len(candidates) > 1:  # "Tam Nông": keep the province the text names, if any
        candidates = [d for d in candidates if d.province in body] or []
    if len(candidates) != 1:
        return loc
    name, kind = admin.province_named(candidates[0].province) or (candidates[0].province, "tỉnh")
    return replace(loc, province=name, province_type=kind)
