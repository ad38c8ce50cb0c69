"""Signature block (signer, authority) and recipients (Kính gửi, Nơi nhận).

Nghị định 30/2020 signature block: authority prefix (TM. body / KT. head / Q. / TL. / TUQ.),
position, (signature), full name. Under "KT. CHỦ TỊCH" the signer is a deputy: "Phó Chủ tịch".
"""

from __future__ import annotations

import itertools
import re as stdre
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fold import fold_accents
from extractor.extraction.models import Authority, Recipient, Signer, Span
from extractor.extraction.orgs import case_name, resolve_org
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.names import SURNAMES
from extractor.extraction.vocab.organs import SIGNING_POSITIONS
from extractor.extraction.vocab.signature import (
    DIGITAL_STAMP,
    NAME_PREFIXES,
    PARTY_SIGNER_PREFIXES,
    SEAL_WORDS,
    SIGN_MARK,
    SIGN_MARK_CLUE,
    SIGNER_PREFIX,
    SIGNER_PREFIXES,
)

# The pieces of a signature region are folded by several tests each (the line, its cells, then the block
# reader's position, mark and name tests, once per block tried): each distinct piece is folded once.
_folded = lru_cache(maxsize=1024)(fold_accents)

# Surnames as ASCII exports and OCR without Vietnamese write them ("Huynh Thanh An"); the name stays as written.
_FOLDED_SURNAMES = frozenset(fold_accents(s) for s in SURNAMES)

# Line openings of the two recipient lists (found by plain string search: they run on every document).
# ASCII exports and legacy-font blocks write them without marks ("Noi nhan:").
_NOI_NHAN_HEADS = ("Nơi nhận", "NƠI NHẬN", "Noi nhan", "NOI NHAN")
_KINH_GUI_HEADS = ("Kính gửi", "KÍNH GỬI", "Kinh gui", "KINH GUI")
# A cell's opening before a heading ("| Nơi nhận:"), which a recipients list may start with.
_CELL_OPEN = "| "
# The headings as a line or a table row's first cell ("| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |") open.
_NOI_NHAN_CELL = re.compile(r"(?:\|[ \t]*)?(?:Nơi|NƠI|Noi|NOI)\s+(?:nhận|NHẬN|nhan|NHAN)\s*:?")
_KINH_GUI_CELL = re.compile(r"(?:\|[ \t]*)?(?:Kính|KÍNH|Kinh|KINH)\s+(?:gửi|GỬI|gui|GUI)\s*:?")
# How far around "Nơi nhận:" the signature block may stand (flattened two-column layouts).
_BEFORE_NOI_NHAN = 900
_AFTER_NOI_NHAN = 1500
# A block spans authority, position(s), "(Đã ký)" and the name: a handful of lines, besides the
# recipients' lines a PDF's reading order interleaves with them (a long list: dozens).
_BLOCK_PIECES = 8
_MAX_INTERLEAVED = 60
_WORD = r"\p{Lu}(?:['’]?\p{L})*"
_NAME_WORDS = 6
_NAME = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{1,{_NAME_WORDS - 1}}}$")
# Words a name line can have at most, a title before the name included ("Thượng tá Lê Văn An"): a name is
# letters, apostrophes and blanks, so str.split cuts it into no more words than _NAME counts.
_NAME_LINE_WORDS = _NAME_WORDS + max(len(p.split()) for p in NAME_PREFIXES)
# What a name line may end with besides the name ("NGUYỄN VĂN AN./.").
_NAME_TAIL = " ./;,"
# Positions by their accent-folded spelling ("pho chu tich", as `fold_accents` gives "PHÓ CHỦ TỊCH" and
# "PHO CHU TICH" alike, offsets kept), longest first, to their canonical spelling.
_CANONICAL_POSITION = {fold_accents(p): p for p in SIGNING_POSITIONS}
# Positions by their own lower case: written with its marks, a position is itself even where another folds
# alike ("THỦ TRƯỞNG" is "Thủ trưởng", the head of an agency; "THỨ TRƯỞNG" a deputy minister).
_EXACT_POSITION = {p.lower(): p for p in SIGNING_POSITIONS}
_POSITION_AT = re.compile(r"(?:" + alternation(_CANONICAL_POSITION) + r")(?![\p{L}])")
_LONGEST_POSITION = max(map(len, _CANONICAL_POSITION))
# The scan looks ahead to a letter some position starts with before it tries the whole alternation at a
# word's start (a quarter faster; every alternative starts with one of them, so the matches are the same).
_POSITION_FIRST = "".join(sorted({re.escape(p[0]) for p in _CANONICAL_POSITION}))
_POSITION_SCAN = re.compile(
    rf"(?<!\S)(?=[{_POSITION_FIRST}])(?:" + alternation(_CANONICAL_POSITION) + r")(?![\p{L}])")
_POSITION_WORDS = frozenset(w for p in _CANONICAL_POSITION for w in p.split())
_AUTH_HEAD = re.compile(rf"(?<![\p{{L}}/])(?P<auth>{SIGNER_PREFIX})\s*[.:]?\s*(?<!\p{{L}})(?=\p{{Lu}})")
_ALL_PREFIXES = (*SIGNER_PREFIXES, *PARTY_SIGNER_PREFIXES)
# The letters a prefix starts with: a piece opening with none of them is no authority line (no regex call).
_AUTH_FIRST = tuple({p[0] for p in _ALL_PREFIXES})
# Every match of _AUTH_HEAD holds a prefix as written: a line with none holds no authority (a literal search).
_PREFIX_CLUE = stdre.compile("|".join(map(stdre.escape, _ALL_PREFIXES)))
# Where a flattened line breaks into the block's lines: the table cell bounds, and between the last
# capitals of a position and the name after it ("PHÓ CHỦ TỊCH Nguyễn Văn An", "BÍ THƯ Y Khu").
# A line holding only an authority prefix or the first word of a position, the rest wrapped to the next.
_WRAPPED_WORDS = ("PHÓ", "PHO", "QUYỀN", "QUYEN")
_WRAPPED_HEAD = re.compile(rf"^(?:(?:{SIGNER_PREFIX})\s*[.:]?|{alternation(_WRAPPED_WORDS)})$")
# The letters such a line starts with: a piece opening with none of them is not one (no regex call).
_WRAPPED_FIRST = tuple({w[0] for w in (*_ALL_PREFIXES, *_WRAPPED_WORDS)})
_CELL = re.compile(r"\t|\s*\|\s*")
_CAPS_THEN_NAME = re.compile(r"(?<=\p{Lu}{2}\.?)\s+(?=\p{Lu}(?:\p{Ll}|['’]\p{Lu}|\s\p{Lu}\p{Ll}))")
# Every match of _CAPS_THEN_NAME looks ahead to a small letter or an apostrophe: a line of capitals has none.
_NAME_CLUE = re.compile(r"[\p{Ll}'’]")
_HAS_CAPS_RUN = re.compile(r"\p{Lu}{2}")
# Two words in capitals: every authority line and position (all have two words or more) has them.
_CAPS_WORDS = re.compile(r"\p{Lu}{2,}[.,:]?\s+\p{Lu}{2,}")
# The dashes a list item opens with.
_DASH_CHARS = "-+•"
_LIST_ITEM = re.compile(rf"^[{_DASH_CHARS}]\s*")
# Items of a recipients cell, several when the list is flattened onto one line ("- A; - B; - Lưu: VT.").
_DASH = re.compile(rf"[{_DASH_CHARS}]\s*")
_ITEM_BREAK = re.compile(rf"(?<=[;.:])\s+(?=[{_DASH_CHARS}]\s)")
# Any dash (a literal search): a line with none after its first two characters has no _ITEM_BREAK.
_DASHES = stdre.compile(f"[{_DASH_CHARS}]")
# An item's opening dash and blank ("- Sở Nội vụ;").
_ITEM_OPENINGS = tuple(d + " " for d in _DASH_CHARS)
# "- Lưu: VT.", "Lưu VT, NV.", "- Lưu hồ sơ": the archive copy ending the list (not the surname Lưu).
_LUU = re.compile(r"(?i)^-?\s*(?:lưu|luu)\s*(?::|vt\b|văn\s+thư|van\s+thu|hồ\s+sơ|ho\s+so)")
# "- Như trên;", "- Như Kính gửi;", "- Như Điều 3;": the addressees already named, folded.
_AS_ABOVE = ("nhu tren", "nhu kinh gui", "nhu dieu")
# "- Phòng GD&ĐT (để báo cáo);": the purpose of a copy is not part of the recipient.
_PURPOSE = re.compile(r"\s*[(“\"]\s*(?P<purpose>(?:để|b/c|t/h|đ/b)[^)”\"]*)[)”\"]")
# The characters a purpose opens with (a literal search): an item with none has no purpose.
_PURPOSE_OPEN = stdre.compile(r"[(“\"]")


def _auth_head(piece: str) -> re.Match[str] | None:
    """An authority prefix opening the piece ("KT. CHỦ TỊCH")."""
    return _AUTH_HEAD.match(piece) if piece.startswith(_AUTH_FIRST) else None


def _is_mark(piece: str) -> bool:
    """A trace of the signature or seal: "(Đã ký)", "[daky]", "____", "Đã ký", a digital signature's
    stamp line ("Ký bởi: …"), or no letters at all."""
    if len(piece) > 60:
        return False  # a sentence; marks are short
    low = _folded(piece)
    return not any(c.isalpha() for c in piece) or SIGN_MARK.fullmatch(low) is not None \
        or DIGITAL_STAMP.match(low) is not None


def _position_match(piece: str, any_case: bool = False) -> re.Match[str] | None:
    """A known position opening a line of capitals ("PHÓ CHỦ TỊCH", "PHO CHU TICH", "GIÁM ĐỐC SỞ …"),
    or, with `any_case` (inside a block), a line that is nothing but a position ("Phó Chủ tịch", as some
    web copies write it; a bare "Hiệu trưởng" subheading in the body opens no block)."""
    if len(piece) > 80 or piece[-1:] in ".;:,":
        return None
    if len(piece) > _LONGEST_POSITION and not _HAS_CAPS_RUN.search(piece):
        return None  # too long to be only a position, and not in capitals
    m = _POSITION_AT.match(_folded(piece))
    return m if m and (piece.isupper() or (any_case and m.end() == len(piece))) else None


def _position_text(caps: str) -> str:
    """"PHÓ CHỦ TỊCH" -> "Phó Chủ tịch"; an unknown head keeps its words, sentence-cased."""
    s = caps.strip()
    m = _POSITION_AT.match(_folded(s))
    if m:
        written = s[: m.end()].lower()
        return (_EXACT_POSITION.get(written) or _CANONICAL_POSITION[m.group()]) + s[m.end():].lower()
    return s[:1].upper() + s[1:].lower()


def _pieces(s: int, line: str, flat: bool = True) -> list[tuple[int, int, str]]:
    """A line as the block's logical lines: table cells, authority prefixes, positions and, when `flat`,
    signature marks and the name after capitals each on their own ("TM. UBND KT. CHỦ TỊCH PHÓ CHỦ TỊCH
    (Đã ký) Lê An"). Recipients are read without `flat`: "UBND Tỉnh …" and "(b/c)" stay whole."""
    cells = "|" in line or "\t" in line  # every cell bound holds one
    marked = flat and len(line) < 80 and ("(" in line or "[" in line)  # "Nguyễn Văn An (đã ký)"
    caps = _CAPS_WORDS.search(line) is not None
    if not (cells or marked or caps):
        # A sentence or a line of the block already on its own: what _split_positions keeps of a line
        # with no cell bound and no two capital words (so no position to split at).
        stripped = line.strip(" ")
        at = s + line.find(stripped)
        return [(at, at + len(stripped), stripped)] if stripped else []
    # Each scan below runs only where its cheap clue is in the line: every match holds the clue, so a
    # line without it has no match and no cut (see the clues' comments).
    cuts = {0, len(line)}
    if cells:
        for m in _CELL.finditer(line):
            cuts.update((m.start(), m.end()))
    if _PREFIX_CLUE.search(line):
        cuts.update(m.start() for m in _AUTH_HEAD.finditer(line))
    if flat:
        low = _folded(line)
        if SIGN_MARK_CLUE.search(low):
            for m in SIGN_MARK.finditer(low):
                cuts.update((m.start(), m.end()))
        if _NAME_CLUE.search(line):
            cuts.update(m.start() for m in _CAPS_THEN_NAME.finditer(line))
    if len(cuts) == 2:  # one segment, the line itself: its two capital words are known
        return _split_positions(s, line, caps)
    bounds = sorted(cuts)
    out: list[tuple[int, int, str]] = []
    for a, b in itertools.pairwise(bounds):
        # No two capital words in the line: none in a part of it either; else each part is searched.
        out.extend(_split_positions(s + a, line[a:b], None if caps else False))
    return out


def _split_positions(s: int, cell: str, caps: bool | None = None) -> list[tuple[int, int, str]]:
    """A run of capitals split before each position after its first word ("ỦY BAN NHÂN DÂN CHỦ TỊCH",
    "CHỦ TỊCH PHÓ CHỦ TỊCH"); leading and trailing blanks and "|" dropped. `caps`: whether the cell
    holds two capital words, when the caller knows (a match starts and ends with capitals, so the strip
    keeps it); None: search."""
    stripped = cell.strip(" |\t")
    if not stripped:
        return []
    s += cell.find(stripped)
    if caps is None:
        caps = _CAPS_WORDS.search(stripped) is not None
    if not caps:
        return [(s, s + len(stripped), stripped)]
    head = _auth_head(stripped)  # "KT. CHỦ TỊCH": the head signed for stays with its prefix
    keep = head.end() if head else 0
    cuts = [0]
    for m in _POSITION_SCAN.finditer(_folded(stripped)):
        before = stripped[: m.start()].split()
        # One capital word before a position is its garbled first word ("HUYỀN CHỦ TỊCH"), not a line.
        garbled = not head and len(before) == 1 and before[0].isupper()
        lead = any(c.isalpha() for c in stripped[keep : m.start()])  # "- CHỦ TỊCH UBND …": an item's dash
        if lead and not garbled and stripped[m.start() : m.end()].isupper():
            cuts.append(m.start())
    cuts.append(len(stripped))
    return [(s + a, s + b, stripped[a:b].strip()) for a, b in itertools.pairwise(cuts) if stripped[a:b].strip()]


def _strip_prefix(line: str) -> int:
    """Length of a courtesy title or rank opening a name line ("Ông ", "Đ/c ", "Thượng tá ")."""
    if not line.startswith(NAME_PREFIXES):
        return 0  # most lines: no title, one C-level test instead of one per title
    for p in NAME_PREFIXES:
        rest = line[len(p):]
        if line.startswith(p) and rest[:1] == " " and len(rest.split()) >= 2:
            if p in ("Ông", "Bà") and rest.split()[0] not in SURNAMES:
                continue  # "Ông Văn Tùng": Ông is the surname
            return len(p) + 1
    return 0


def _name_in(s: int, e: int, line: str, need_surname: bool) -> tuple[int, int, str] | None:
    cut = _strip_prefix(line)
    line = line[cut:].rstrip(_NAME_TAIL)  # "NGUYỄN VĂN AN./." as the last line of a copy
    s, e = s + cut, s + cut + len(line)
    if not _NAME.match(line) or _is_mark(line):
        return None
    words = line.split()
    folded = _folded(line).split()
    if all(w in _POSITION_WORDS for w in folded) or (line.isupper() and (
            _position_match(line) or _POSITION_AT.search(_folded(line)) or folded[0] in SEAL_WORDS)):
        return None  # a position, a garbled one ("HUYỀN CHỦ TỊCH"), or a seal's text
    first = words[0] if not words[0].isupper() else words[0][0] + words[0][1:].lower()
    known = first in SURNAMES or _folded(first) in _FOLDED_SURNAMES
    return (s, e, line) if known or not need_surname else None


def _sentence_case(caps: str) -> str:
    return case_name(caps.title() if caps.isupper() else caps)


@cache
def _head_keys(heads: tuple[str, ...], cell: bool) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
    """Each head's lower case, with its spellings after each opening a line may have ("", or "| " with `cell`)."""
    openings = ("", _CELL_OPEN) if cell else ("",)
    return tuple((key, tuple((len(o), tuple(o + h for h in heads if h.lower() == key)) for o in openings))
                 for key in dict.fromkeys(h.lower() for h in heads))


def _head_line(ctx: Facts, heads: tuple[str, ...], start: int, cell: bool = False) -> int:
    """Start of the first line in [start, ctx.end) that begins with one of `heads` (or, with `cell`, with
    "| " and one of them), or -1. A head's spellings differ in case only, so each head is looked for once
    in the lower-cased text (the body's is made once per document) instead of once per spelling, and a
    hit counts where the text itself starts with a spelling and a line."""
    text, end, body = ctx.text, ctx.end, ctx.body_start
    parts = [(ctx.lower_body, body)]
    if start < body:  # the header lowered here, with enough of the body for a head running into it
        header_end = min(end, body + len(_CELL_OPEN) + max(map(len, heads)))
        parts.insert(0, (text[start:header_end].replace("\u0130", "I").lower(), start))
    best = -1
    for key, variants in _head_keys(heads, cell):
        for low, base in parts:  # (a hit in both parts is found twice)
            q = low.find(key, max(0, start - base))
            while q >= 0 and (best < 0 or base + q - len(_CELL_OPEN) < best):
                for shift, spellings in variants:
                    p = base + q - shift
                    if (start <= p and (best < 0 or p < best) and (p == start or text[p - 1] == "\n")
                            and text.startswith(spellings, p, end)):
                        best = p
                q = low.find(key, q + 1)
    return best


def _region(ctx: Facts) -> tuple[int, int]:
    at = _head_line(ctx, _NOI_NHAN_HEADS, ctx.body_start)
    if at >= 0:
        return max(ctx.body_start, at - _BEFORE_NOI_NHAN), min(ctx.end, at + _AFTER_NOI_NHAN)
    return max(ctx.body_start, ctx.end - 1200), ctx.end


@dataclass
class _Block:
    """A signature block being read: authority lines, position lines, then the name."""

    start: int
    authority: Authority | None = None
    on_behalf: str | None = None
    head: str | None = None  # the head signed for: "Chủ tịch" in "KT. CHỦ TỊCH"
    position: str | None = None
    name: tuple[int, int, str] | None = None

    def written_position(self) -> str | None:
        if self.authority == "KT." and self.head and not self.position:
            # "KT. CHỦ TỊCH" with no readable position line under it: the deputy signs.
            return _position_text("PHÓ " + self.head.upper())
        if self.authority == "Q." and self.head and not self.position:
            return "Quyền " + _position_text(self.head)
        return self.position or (self.head if self.authority == "TM." else None)


def _is_recipient_line(piece: str) -> bool:
    """A line of the "Nơi nhận" column, which a PDF's reading order interleaves with the signature's:
    the heading, an item, "Lưu", or an item's wrapped rest ("đoàn thể huyện;")."""
    return bool(_NOI_NHAN_CELL.match(piece) or _LIST_ITEM.match(piece) or _LUU.match(piece)
                or (len(piece) < 60 and (piece[:1].islower() or piece.endswith(";"))))


def _read_block(ctx: Facts, pieces: list[tuple[int, int, str]], i: int) -> _Block | None:
    """The block opened by piece i (an authority or position line), with the name that closes it."""
    block: _Block | None = None
    own = 0  # the block's own lines read; the recipients' interleaved lines do not count
    for s, e, piece in pieces[i : i + _MAX_INTERLEAVED]:
        if block and _is_recipient_line(piece):
            continue
        own += 1
        if own > _BLOCK_PIECES:
            break
        am = _auth_head(piece)
        am = am if am and _HAS_CAPS_RUN.search(piece) else None
        if am and piece[am.end():].isupper():
            auth, rest = am.group("auth").replace("/", "") + ".", piece[am.end():].strip()
            block = block or _Block(start=s)
            if auth == "TM.":
                block.on_behalf = resolve_org(case_name(rest), ctx.locality)
                block.authority = block.authority or "TM."
            else:
                block.authority, block.head = auth, _position_text(rest)
            continue
        if _position_match(piece, any_case=block is not None):
            block = block or _Block(start=s)
            block.position = block.position or _position_text(piece)
            continue
        if block is None:
            return None
        if _is_mark(piece) or (piece.isupper() and _POSITION_AT.search(_folded(piece))):
            continue  # "(Đã ký)", the recipients' column, or a garbled position line ("HUYỀN CHỦ TỊCH")
        block.name = _name_in(s, e, piece, need_surname=False)
        if block.name or not (piece.isupper() and _folded(piece).split()[0] in SEAL_WORDS):
            break  # the first other line closes the block; a seal's text does not
    return block


def _region_pieces(ctx: Facts) -> list[tuple[int, int, str]]:
    lo, hi = _region(ctx)
    out: list[tuple[int, int, str]] = []
    for s, _e, line in lines_between(ctx.text, lo, hi):
        for piece in _pieces(s, line):
            if out and out[-1][2].startswith(_WRAPPED_FIRST) and _WRAPPED_HEAD.match(out[-1][2]):
                # a hard wrap after the prefix or "PHÓ" ("KT.\nCHỦ TỊCH", "PHÓ\nCHỦ TỊCH"): one line
                out[-1] = (out[-1][0], piece[1], out[-1][2] + " " + piece[2])
            else:
                out.append(piece)
    return out


def extract_signer(ctx: Facts) -> Signer | None:
    pieces = _region_pieces(ctx)
    block = None
    for i, (_s, _e, piece) in enumerate(pieces):
        if not (piece.isupper() or piece.startswith(_AUTH_FIRST)):
            continue  # opens no block: _read_block reads no authority (no prefix) and no position (not capitals)
        candidate = _read_block(ctx, pieces, i)
        # A position line with no name under it (a decision's "CHỦ TỊCH UBND XÃ …" line) is not the signature.
        if candidate and (candidate.name or candidate.authority):
            block = candidate
            break
    if block is None:
        # No block: a bare name under the recipients list ("Nơi nhận: … - Lưu: VT." then the name).
        name_line = _find_name(pieces, need_surname=True)
        if name_line is None:
            return None
        block = _Block(start=name_line[0], name=name_line)
    name = None
    end = block.start
    if block.name:
        raw_name = block.name[2]
        name = _sentence_case(raw_name) if raw_name.isupper() else raw_name
        end = block.name[1]
    return Signer(name=name, position=block.written_position(), authority=block.authority,
                  on_behalf_of=block.on_behalf or block.head,
                  span=Span(start=block.start, end=end, raw=ctx.text[block.start : end]))


def _find_name(pieces: list[tuple[int, int, str]], need_surname: bool) -> tuple[int, int, str] | None:
    for s, e, piece in pieces:
        if len(piece.rstrip(_NAME_TAIL).split()) > _NAME_LINE_WORDS:
            continue  # a sentence: _name_in finds no name in it
        if _is_recipient_line(piece) or _is_mark(piece):
            continue
        name = _name_in(s, e, piece, need_surname)
        if name:
            return name
    return None


def extract_recipients(ctx: Facts) -> list[Recipient]:
    out: list[Recipient] = []
    vias: tuple[tuple[tuple[str, ...], re.Pattern[str], Literal["kinh_gui", "noi_nhan"]], ...] = (
        (_KINH_GUI_HEADS, _KINH_GUI_CELL, "kinh_gui"), (_NOI_NHAN_HEADS, _NOI_NHAN_CELL, "noi_nhan"))
    for heads, pattern, via in vias:
        at = _head_line(ctx, heads, ctx.start, cell=True)
        m = pattern.match(ctx.text, at) if at >= 0 else None
        if m:
            out.extend(_list_items(ctx, m.end(), via))
    return out


def _is_signature_piece(piece: str) -> bool:
    if piece.startswith(_ITEM_OPENINGS) and piece[2:3].isalpha():
        # "- Sở Nội vụ;": no prefix or position opens with a dash (both start with a letter), and a
        # mark never has a letter or a blank after a dash (it is all letters, a bracket, or a run).
        return False
    am = _auth_head(piece)
    return bool((am and piece[am.end():].isupper()) or _position_match(piece) or _is_mark(piece))


def _list_items(ctx: Facts, pos: int, via: Literal["kinh_gui", "noi_nhan"]) -> list[Recipient]:
    """The list's items: in a two-column layout (tab or "|" cells, or a PDF's reading order that
    alternates the columns) the recipients are the left cell and the signature's lines are passed by;
    a flattened list ("- A; - B; - Lưu: VT.") is split at its dashes. "Lưu" ends the list."""
    items: list[Recipient] = []
    for s, _e, line in lines_between(ctx.text, pos, min(ctx.end, pos + 2500)):
        pieces = _pieces(s, line, flat=False)
        if not pieces or _is_signature_piece(pieces[0][2]):
            continue  # a row of the signature's column only
        ps, _pe, left = pieces[0]
        # A break stands before a dash after the first two characters: a line without one has none.
        breaks = _ITEM_BREAK.finditer(left) if _DASHES.search(left, 2) else ()
        bounds = [0, *(m.end() for m in breaks), len(left) + 1]
        for a, b in itertools.pairwise(bounds):
            first = not items and ctx.text[pos : ps + a].strip(" |\t") == ""
            dash = _DASH.match(left, a)
            if not (first or dash):
                return items
            at = dash.end() if dash else a
            item = left[at : b - 1].strip() if b <= len(left) else left[at:].strip()
            if _LUU.match(item):
                return items
            # Every purpose opens with one of _PURPOSE_OPEN: an item without one is its name.
            purpose = _PURPOSE.search(item) if _PURPOSE_OPEN.search(item) else None
            name = (_PURPOSE.sub("", item) if purpose else item).rstrip(" ;.,")
            if not name or fold_accents(name).startswith(_AS_ABOVE):
                continue
            found = left.find(name, at)
            if found >= 0:
                start, end = ps + found, ps + found + len(name)
            else:  # the purpose stood inside the name ("A (b/c); B"): the span covers the whole item
                start, end = ps + at, ps + at + len(item.rstrip(" ;.,"))
            items.append(Recipient(name=name, via=via, purpose=purpose.group("purpose").strip() if purpose else None,
                                   span=Span(start=start, end=end, raw=ctx.text[start:end])))
    return items
