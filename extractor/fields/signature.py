"""Signature block (signer, authority) and recipients (Kính gửi, Nơi nhận).

Nghị định 30/2020 signature block: authority prefix (TM. body / KT. head / Q. / TL. / TUQ.),
position, (signature), full name. Under "KT. CHỦ TỊCH" the signer is a deputy: "Phó Chủ tịch".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex as re

from extractor.context import DocContext, find_line, lines_between
from extractor.models import Authority, Recipient, Signer, Span
from extractor.orgs import case_name, resolve_org
from extractor.restore import fold_accents
from extractor.vocab.layout import AUTHORITY, KINH_GUI, NOI_NHAN, POSITION_LINE
from extractor.vocab.names import SURNAMES
from extractor.vocab.organs import POSITIONS

# Surnames as ASCII exports and OCR without Vietnamese write them ("Huynh Thanh An"); the name stays as written.
_FOLDED_SURNAMES = frozenset(fold_accents(s) for s in SURNAMES)

# Line openings of the two recipient lists (found by plain string search: they run on every document).
_NOI_NHAN_HEADS = ("Nơi nhận", "NƠI NHẬN")
_KINH_GUI_HEADS = ("Kính gửi", "KÍNH GỬI")
# How far around "Nơi nhận:" the signature block may stand (flattened two-column layouts).
_BEFORE_NOI_NHAN = 900
_AFTER_NOI_NHAN = 1500
# A block spans authority, position(s), "(Đã ký)" and the name: a handful of lines.
_BLOCK_LINES = 7
# Lines of a signature that are not the name.
_SKIP = re.compile(r"(?i)^(?:\(?(?:đã\s+ký|ký(?:\s+tên)?[^)]*)\)?|/s/|\[.*\]|\(.*\))$")
_NAME = re.compile(r"^(?:\p{Lu}\p{Ll}*|\p{Lu}+)(?:\s+(?:\p{Lu}\p{Ll}*|\p{Lu}+)){1,5}$")
_POSITION_WORDS = frozenset(w.upper() for p in POSITIONS for w in p.split())
# A garbled position line ("HUYỀN CHỦ TỊCH" for "PHÓ CHỦ TỊCH") is still not a name.
_POSITION_INSIDE = re.compile("|".join(re.escape(p.upper()) for p in POSITIONS if " " in p))
_LIST_ITEM = re.compile(r"^[-+•]\s*")
_AUTHORITY_INSIDE = re.compile(r"\s(?=(?:TM|KT|TL|TUQ|Q)\.\s)")
_HAS_CAPS_RUN = re.compile(r"\p{Lu}{2}")
_TAIL_CAPS = re.compile(r"(?:^|[;:,.]\s*|\s)(\p{Lu}+(?:\s+\p{Lu}+)*)$")
_LUU = re.compile(r"(?i)^-?\s*lưu\b")
# "- Phòng GD&ĐT (để báo cáo);": the purpose of a copy is not part of the recipient.
_PURPOSE = re.compile(r"\s*[(“\"]\s*(?P<purpose>(?:để|b/c|t/h|đ/b)[^)”\"]*)[)”\"]")


def _is_name(line: str, need_surname: bool) -> bool:
    if not _NAME.match(line) or _SKIP.match(line):
        return False
    words = line.split()
    if all(w.upper() in _POSITION_WORDS for w in words) or _POSITION_INSIDE.search(line.upper()):
        return False
    first = words[0] if not words[0].isupper() else words[0][0] + words[0][1:].lower()
    return first in SURNAMES or fold_accents(first) in _FOLDED_SURNAMES or not need_surname


def _sentence_case(caps: str) -> str:
    return case_name(caps.title() if caps.isupper() else caps)


_POSITIONS_LONGEST_FIRST = tuple(sorted(POSITIONS, key=len, reverse=True))


def _position_text(caps: str) -> str:
    s = caps.strip().lower()
    for p in _POSITIONS_LONGEST_FIRST:
        if s.startswith(p.lower()):
            return p + s[len(p):]
    return s[:1].upper() + s[1:]


def _region(ctx: DocContext) -> tuple[int, int]:
    at = find_line(ctx.text, _NOI_NHAN_HEADS, ctx.body_start, ctx.end)
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


def _read_block(ctx: DocContext, lines: list[tuple[int, int, str]], i: int) -> _Block | None:
    """The block opened by line i (an authority or position line), with the name that closes it."""
    block: _Block | None = None
    for s, _e, line in lines[i : i + _BLOCK_LINES]:
        matches = list(AUTHORITY.finditer(line)) if _HAS_CAPS_RUN.search(line) else []
        for am in matches:
            auth, rest = am.group("auth").replace("/", "") + ".", am.group("rest").strip()
            block = block or _Block(start=s + am.start())
            if auth == "TM.":
                block.on_behalf = resolve_org(case_name(rest), ctx.locality)
                block.authority = block.authority or "TM."
            else:
                block.authority, block.head = auth, _position_text(rest)
        if matches:
            continue
        pm = POSITION_LINE.match(_tail_caps(line))
        if pm:
            block = block or _Block(start=s)
            block.position = block.position or _position_text(pm.group("pos"))
            continue
        if block is None:
            return None
        if _SKIP.match(line) or (line.isupper() and _POSITION_INSIDE.search(line)):
            continue  # "(Đã ký)", or a garbled position line ("HUYỀN CHỦ TỊCH")
        if _is_name(line, need_surname=False):
            block.name = (s, _e, line)
        break  # the first other line closes the block
    return block


def extract_signer(ctx: DocContext) -> Signer | None:
    lo, hi = _region(ctx)
    lines = lines_between(ctx.text, lo, hi)
    block = None
    for i in range(len(lines)):
        candidate = _read_block(ctx, lines, i)
        # A position line with no name under it (a decision's "CHỦ TỊCH UBND XÃ …" line) is not the signature.
        if candidate and (candidate.name or candidate.authority):
            block = candidate
            break
    if block is None:
        # No block: a bare name under the recipients list ("Nơi nhận: … - Lưu: VT." then the name).
        name_line = _find_name(lines, 0, need_surname=True)
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


def _tail_caps(line: str) -> str:
    """The caps words ending a flattened line ("- Như trên; CHỦ TỊCH" -> "CHỦ TỊCH")."""
    if not line[-1:].isupper():
        return line
    m = _TAIL_CAPS.search(line)
    return m.group(1).strip() if m else line


def _find_name(lines: list[tuple[int, int, str]], start: int, need_surname: bool) -> tuple[int, int, str] | None:
    for s, e, line in lines[start:]:
        if NOI_NHAN.match(line) or _LIST_ITEM.match(line) or _LUU.match(line) or _SKIP.match(line):
            continue
        if _is_name(line, need_surname):
            return s, e, line
        if not need_surname and len(line) > 60:
            return None
    return None


def extract_recipients(ctx: DocContext) -> list[Recipient]:
    out: list[Recipient] = []
    vias: tuple[tuple[tuple[str, ...], re.Pattern[str], Literal["kinh_gui", "noi_nhan"]], ...] = (
        (_KINH_GUI_HEADS, KINH_GUI, "kinh_gui"), (_NOI_NHAN_HEADS, NOI_NHAN, "noi_nhan"))
    for heads, pattern, via in vias:
        at = find_line(ctx.text, heads, ctx.start, ctx.end)
        m = pattern.match(ctx.text, at) if at >= 0 else None
        if m:
            out.extend(_list_items(ctx, m.end(), via))
    return out


def _list_items(ctx: DocContext, pos: int, via: Literal["kinh_gui", "noi_nhan"]) -> list[Recipient]:
    items: list[Recipient] = []
    for s, _e, line in lines_between(ctx.text, pos, min(ctx.end, pos + 2500)):
        line = line.split("\t")[0]  # a flattened two-column block: recipients are the left cell
        s, line = s + len(line) - len(line.lstrip()), line.strip()  # the first may follow "Kính gửi:"
        if not line:
            continue
        first = not items and ctx.text[pos:s].strip() == ""
        if not (first or _LIST_ITEM.match(line)) or AUTHORITY.match(line):
            break
        item = _LIST_ITEM.sub("", line)
        purpose = _PURPOSE.search(item)
        name = _PURPOSE.sub("", item).rstrip(" ;.,")
        name = _AUTHORITY_INSIDE.split(name)[0].strip()
        if not name or _LUU.match(name) or name.lower().startswith(("như trên", "như kính gửi", "như điều")):
            continue
        at = line.find(name)
        if at >= 0:
            start, end = s + at, s + at + len(name)
        else:  # the purpose stood inside the name ("A (b/c); B"): the span covers the whole item
            start = s + len(line) - len(item)
            end = start + len(item.rstrip(" ;.,"))
        items.append(Recipient(name=name, via=via, purpose=purpose.group("purpose").strip() if purpose else None,
                               span=Span(start=start, end=end, raw=ctx.text[start:end])))
    return items
