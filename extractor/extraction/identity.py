"""Document identity: the one key that names a document across files, references, the graph and the store.

As in edXML's DocumentId (OrganId, date, số/ký hiệu) and Nghị định 30/2020 — a number/symbol is unique
per issuer and year — a document is **(canonical issuer, year, number)**:

- number: spaces and leading zeros removed, upper case, Đ read as D ('05 / KH-UBND' = '5/KH-UBND');
- year: from the issue date, else from a symbol that carries it ('91/2017/NĐ-CP');
- issuer: the body the symbol's national organ code fixes ('/QH15' Quốc hội, '-NQ/TW' the Party centre,
  '/QĐ-TTg' the Prime Minister, '/TT-BNV' Bộ Nội vụ), whatever the text calls it; else the issuer's name
  with abbreviations expanded, case and spacing folded, diacritics kept, a Party committee's standing
  board read as the committee, and a body named without a place (a school) given its managing body's.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extractor.extraction.fold import strip_marks
from extractor.extraction.orgs import expand
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import ABBREVIATION_TO_TYPE, ADMINISTRATIVE_TYPES, OTHER_TYPES
from extractor.extraction.vocab.issuers import (
    ISSUER_ALIASES,
    NATIONAL_ORGAN_CODES,
    NORMATIVE_ONLY_CODES,
    NUMBERED_CODES,
    PARTY_BOARDS,
)
from extractor.extraction.vocab.organs import ABBREVIATIONS, PARTY_COMMITTEES, UNIT_WORDS

# "91/2017/NĐ-CP", "05/2020/TT-BGDĐT": the year group of normative symbols.
_SYMBOL_YEAR = re.compile(r"^\d+[\p{L}]?/((?:19|20)\d{2})/")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s*-\s*")
_GROUP_SEP = re.compile(r"[/-]")
_LEGISLATURE = re.compile(r"^(" + "|".join(NUMBERED_CODES) + r")\d+$")
_YEAR_GROUP = re.compile(r"^(?:19|20)\d{2}$")
# Organ abbreviations as they read in a number key -> their expansion, marks stripped ('UBND' -> 'uy ban nhan dan').
_ABBREVIATED = {strip_marks(a).upper(): strip_marks(full) for a, full in ABBREVIATIONS.items()}
# Type abbreviations as they read in a number key: what is left of a symbol without them names the organ.
_TYPE_GROUPS = frozenset(strip_marks(a).upper() for a in [*ABBREVIATION_TO_TYPE, *OTHER_TYPES.values()])
# "ban thường vụ tỉnh ủy nghệ an" -> "tỉnh ủy nghệ an": the board issues under the committee's numbering.
_PARTY_BOARD = re.compile(
    "^(?:" + alternation((b.casefold() for b in PARTY_BOARDS), space=" ") + ") (?=(?:"
    + alternation((c.casefold() for c in PARTY_COMMITTEES), space=" ") + ") )"
)
# "… khóa XIII": the term a body sat in, not another body.
_TERM_SUFFIX = re.compile(r" khóa [ivxlc]+$")
# The place part of a folded issuer name: "huyện tam nông" in "phòng giáo dục và đào tạo huyện tam nông".
_LOCALITY = re.compile(r"(?:^|\s)((?:" + alternation(UNIT_WORDS, space=" ") + r")\s\S.*)$")


def _fold(name: str) -> str:
    """Abbreviations expanded, spacing, dashes and case folded: 'UBND  tỉnh' -> 'ủy ban nhân dân tỉnh'."""
    s = expand(unicodedata.normalize("NFC", name)).strip(" .,;:")
    return str(_SPACE.sub(" ", _SPACED_DASH.sub(" - ", s))).casefold()


# Folded alias -> folded canonical name.
_CANONICAL_NAME = {_fold(alias): _fold(name) for name, aliases in ISSUER_ALIASES.items() for alias in aliases}


@lru_cache(maxsize=16384)  # names and numbers recur across an archive
def number_key(number: str) -> str:
    """'05/KH-UBND', '5 / KH - UBND', '5/kh-ubnd' -> '5/KH-UBND'; 'NĐ' and 'ND' read alike."""
    s = _SPACE.sub("", number)
    return str(_LEADING_ZEROS.sub("", strip_marks(s).upper()))


def symbol_year(number: str | None) -> int | None:
    m = _SYMBOL_YEAR.match(number or "")
    return int(m.group(1)) if m else None


def year_of(date: str | None, number: str | None) -> int | None:
    """The year of a document: from its date, else from a year-bearing symbol."""
    if date and date[:4].isdigit():
        return int(date[:4])
    return symbol_year(number)


@lru_cache(maxsize=16384)  # names and numbers recur across an archive
def symbol_issuer(number: str | None) -> str | None:
    """The issuer a national organ code in the symbol fixes: '06/2022/QH15' -> 'Quốc hội'; else None.

    The organ stands last after a type ('327/QĐ-TTg', '63-NQ/TW', '05/2019/TT-BNV') and first in a Công
    văn's symbol, before the drafting unit ('1234/BGDĐT-GDTH', '56/TTg-KGVX').
    """
    groups = _GROUP_SEP.split(number_key(number or ""))
    if len(groups) < 3:  # number, type or organ, organ or unit ("63-NQ/TW", "1234/BGDĐT-GDTH")
        return None
    normative = any(_YEAR_GROUP.match(g) for g in groups[1:-1])
    letter_organ = [groups[1]] if groups[1] not in _TYPE_GROUPS and not normative else []
    for code in [groups[-1], *letter_organ]:
        legislature = _LEGISLATURE.match(code)
        code = legislature.group(1) if legislature else code
        if code in NATIONAL_ORGAN_CODES:
            return NATIONAL_ORGAN_CODES[code]
        if code in NORMATIVE_ONLY_CODES and normative:
            return NORMATIVE_ONLY_CODES[code]
    return None


def organ_codes(number: str | None) -> frozenset[str]:
    """The organ part of a symbol: {'PGDDT', 'VP'} of '310/PGDĐT-VP', {'PGDDT'} of '22/KH-PGDĐT'."""
    groups = _GROUP_SEP.split(number_key(number or ""))[1:]
    return frozenset(g for g in groups if g and not g.isdigit() and g not in _TYPE_GROUPS)


def symbol_names(number: str | None, name: str | None) -> bool:
    """Whether an organ code of the symbol abbreviates the body's name: 'UBND' in '12/KH-UBND' for
    'Ủy ban nhân dân huyện Yên Thành'."""
    folded = strip_marks(name or "")
    return any(folded.startswith(_ABBREVIATED[c]) for c in organ_codes(number) if c in _ABBREVIATED)


@lru_cache(maxsize=16384)  # names and numbers recur across an archive
def issuer_key(name: str | None) -> str | None:
    """Issuer spelling folded for identity: abbreviations expanded, case and spacing folded, a Party
    committee's standing board read as the committee, a central body's other names (ISSUER_ALIASES) and a
    term suffix ("khóa XIII") read as the body. Diacritics are kept: place names differ only by
    them (Tam Nông / Tâm Nông)."""
    if not name:
        return None
    s = _TERM_SUFFIX.sub("", _PARTY_BOARD.sub("", _fold(name)))
    return _CANONICAL_NAME.get(s, s) or None


def locality(key: str | None) -> str | None:
    """'huyện tam nông' of 'ủy ban nhân dân huyện tam nông'; None for 'trường tiểu học kim đồng'."""
    m = _LOCALITY.search(key or "")
    return str(m.group(1)) if m else None


def identity_issuer(issuer: str | None, parent: str | None, number: str | None = None) -> str | None:
    """The issuer part of a document's identity: the one the symbol fixes, else the folded name. A school
    or office named without a place ('Trường Tiểu học Kim Đồng' exists in many districts) takes the
    locality of its managing body."""
    fixed = symbol_issuer(number)
    if fixed:
        return issuer_key(fixed)
    key = issuer_key(issuer)
    if key and locality(key) is None:
        place = locality(issuer_key(parent))
        if place:
            return f"{key}, {place}"
    return key


@dataclass(frozen=True)
class Key:
    issuer: str | None
    year: int | None
    number: str

    @property
    def complete(self) -> bool:
        return self.issuer is not None and self.year is not None

    def text(self) -> str:
        """The document id: 'issuer|year|number', '?' for an unknown part."""
        return f"{self.issuer or '?'}|{self.year or '?'}|{self.number}"


def document_key(issuer: str | None, date: str | None, number: str, parent: str | None = None) -> Key:
    """The document's key. A normative symbol's year is the year it was issued in ('98/2023/NĐ-CP'), so it
    wins over a date a reference gets wrong."""
    year = symbol_year(number) or year_of(date, number)
    return Key(identity_issuer(issuer, parent, number), year, number_key(number))


def attached_number(doc_type: str | None, decision_number: str) -> str:
    """The number part of a plan without its own, issued with a decision: 'KH@2045/QD-UBND'."""
    abbr = ADMINISTRATIVE_TYPES.get(doc_type or "", doc_type or "")
    return f"{number_key(abbr)}@{number_key(decision_number)}"
