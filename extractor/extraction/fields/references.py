"""References to other numbered documents: basis (Căn cứ / Thực hiện … in the preamble) and cites.

Each is resolved to type, number/symbol, date and issuer in the document's context. A later
short mention ("Kế hoạch số 12/KH-UBND nêu trên") is folded into its first full mention.
"""

from __future__ import annotations

import regex as re

from extractor.extraction.clauses import CITATION_ENDS
from extractor.extraction.dates import DATE, match_to_iso
from extractor.extraction.facts import Facts
from extractor.extraction.fields.relation import basis_layout, listed_with, relation
from extractor.extraction.identity import issuer_key
from extractor.extraction.models import Reference, Relation, Span
from extractor.extraction.orgs import PUNCTUATED_NAME, UNIT_NAME, expand, resolve_org
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import ABBREVIATION_TO_TYPE, TYPE_NAMES, canonical_type, type_from_symbol
from extractor.extraction.vocab.lazy import on_first_use
from extractor.extraction.vocab.organs import CANONICAL_PHRASES, MEETING_BODIES, MEETINGS, POSITIONS, UNIT_WORDS
from extractor.extraction.vocab.symbol_issuers import issuer_from_symbol
from extractor.extraction.vocab.symbols import SYMBOL_CHARS, SYMBOL_GROUP

# Number/symbol: "3925/KH-UBND", "91/2017/NĐ-CP", "14-KL/TW", "537/GDĐT-VP", "718/KH-PGDĐT.TĐKT".
NUMBER = re.compile(
    r"(?<![\p{L}\d/])(?P<num>\d{1,5}[a-zA-Z]?)\s?(?P<sep>[/-])\s?"
    r"(?P<sym>(?:\d{4}/)?[\p{Lu}]" + SYMBOL_CHARS + r"(?:(?:\s?[-/]|[-/]\s?)" + SYMBOL_GROUP + r")*)"
)
# What stands before a number: "Kế hoạch số", "Quyết định liên tịch số", "văn bản số", or just "số".
# (?r): searched backwards from the number, 25x faster than trying the alternation at every position.
# These "… before" patterns are reverse and end in `\s*$` (or `\s+$`), and are tried with `.match`, which anchors a
# reverse pattern at the end of the text: the first place `.search` tries, so where a match ends there both return
# it. `$` also holds before a final "\n", but a match ending there goes on through that "\n" by its last `\s*`, so
# it ends at the end too: where `.match` finds nothing `.search` finds nothing either, after ~120 failing tries.
_TYPE_BEFORE = re.compile(
    r"(?ri)(?P<type>" + alternation(TYPE_NAMES, space=" ") + r")(?:\s+liên\s+tịch)??\s*(?:số\s*[:.]?\s*)?$"
)
_SO_BEFORE = re.compile(r"(?ri)\bsố\s*[:.]?\s*$")
# A law's name stands between its type and "số": "Luật Thi đua, khen thưởng số 06/2022/QH15".
_NAMED_LAW_BEFORE = re.compile(r"(?P<type>Bộ\s+luật|Luật|Pháp\s+lệnh)\s+\p{Lu}[\p{L}\s,\-]{0,80}?\s+số\s*$")
# The issuer named before the type: "đề nghị của Sở Nội vụ tại Công văn số …".
_ISSUER_BEFORE = re.compile(r"(?:của|do)\s+(?P<org>\p{Lu}[^\n;:,]{2,80}?)\s+(?:tại|theo|ở)\s*$")
# Numbered things that are not documents: forms, annexes, articles ("Biểu số 01/TĐKT", "Mẫu 02/BC").
_NOT_A_DOCUMENT = re.compile(
    r"(?ri)(?:mẫu|biểu|phụ\s+lục|điều|khoản|mục|trang|phiếu|điện\s+thoại)\s*(?:số\s*[:.]?\s*)?$"
)
# The document's own body named in words ("của nhà trường", "của đơn vị"): its issuer.
_OWN_BODY = re.compile(r"(?:nhà\s+trường|đơn\s+vị|cơ\s+quan)(?=\s*[,;.\n]|\s+về\s|$)")
_OF = re.compile(r"[\s,]*(?:do\s+|của\s+)")
# A meeting before its body, with or without "của": "của Hội nghị lần thứ sáu Ban Chấp hành Trung ương".
_ORDINAL = r"(?:lần\s+)?thứ\s+(?:mười(?:\s+\p{Ll}+)?|[\p{L}\d]+)"  # "lần thứ 5", "thứ mười hai"
_MEETING = re.compile(rf"[\s,]*(?:(?:do|của)\s+)?(?:{alternation(MEETINGS)})(?:\s+{_ORDINAL})?\s+")
# After the body, the meeting's ordinal and term ("lần thứ 5", "khóa XII", "Trung ương 6") before the subject.
_MEETING_TAIL = on_first_use(rf"(?:\s+(?:{_ORDINAL}|khóa\s+[IVXLC\d]+))+")
_MEETING_NUMBER = re.compile(r"\s+\d{1,2}$")
_SUBJECT_LEAD = re.compile(r"(?i)^[\s,]*(?:về\s+việc|về|v/v|V/v)\s+")
# A line that stops on a connector is wrapped inside a name: "Hội đồng Thi đua -" / "Khen thưởng tỉnh".
_DANGLING = re.compile(r"\s(?:[-–&]|và|của)[ \t]*$")
_MAX_WRAPS = 3
# Words that may continue an organ name in lower case ("Ủy ban nhân dân huyện …").
_ORGAN_WORDS = frozenset(
    w for phrase in [*CANONICAL_PHRASES, *POSITIONS, *UNIT_WORDS, "các"] for w in phrase.split() if w.islower()
) | {"-", "&", "và"}
# Verbs that end an issuer's name even when capitalised words follow them.
_ISSUER_ENDS = re.compile(
    r"\s(?:ban\s+hành|quy\s+định|phê\s+duyệt|hướng\s+dẫn|triển\s+khai|thực\s+hiện|về|gửi|giao)\s"
    r"|\s(?:và|,)\s+(?i:" + alternation(TYPE_NAMES, space=" ") + r")\b"  # "… của Chính phủ và Quyết định số …"
)
_TYPE_ABBREVIATIONS = frozenset(ABBREVIATION_TO_TYPE)
_SYMBOL_OF = re.compile(r"^\d+[a-zA-Z]?[/-]")  # the number before the symbol
_SYMBOL_GROUPS = re.compile(r"[/-]")
_LEADING_POSITION = re.compile("(?:" + alternation(POSITIONS) + ") ")
_SYMBOL_SEP = re.compile(r"(\s?[-/]\s?)")
_WORD = re.compile(r"\S+")
_TWO_CAPITALS = re.compile(r"\p{Lu}.*\p{Lu}|\p{Lu}{2}")
_BEFORE_DATE = re.compile(r"[\s,]*(?:ban\s+hành\s+)?")
# Symbol groups are short codes; a group with several lower-case letters is a word ("Ngày").
_MAX_LOWER_IN_GROUP = 2


def _symbol(raw: str) -> tuple[str, int]:
    """The symbol without spaces, and how many characters of `raw` it used."""
    if raw.isupper():  # no lower-case letter at all ("KH-UBND"): no group is a word, all of it is used
        kept = raw.rstrip(".")
        return "".join(kept.split()), len(kept)
    parts = _SYMBOL_SEP.split(raw)
    used = len(parts[0])
    for sep, grp in zip(parts[1::2], parts[2::2], strict=False):
        if sum(c.islower() for c in grp) > _MAX_LOWER_IN_GROUP:
            break
        used += len(sep) + len(grp)
    kept = raw[:used].rstrip(".")
    return "".join(kept.split()), len(kept)


def _take_org(text: str, pos: int, end: int) -> tuple[int, str]:
    """The organ name starting at pos: capitalised words and organ words, up to punctuation.

    A known name with a comma or hyphen inside ("Sở Văn hóa, Thể thao và Du lịch") is taken whole, and the
    syllable after a hyphenated capitalised word belongs to it ("Phòng Lao động - Việc làm").
    """
    stop = pos
    verb = _ISSUER_ENDS.search(text, pos, end)  # "của Chính phủ ban hành Chương trình …"
    end = verb.start() if verb else end
    before = ("", "")
    words = _WORD.finditer(text, pos, end)  # the words one after another, as a search from each word's end finds them
    while (m := next(words, None)) is not None:
        whole = PUNCTUATED_NAME.match(text, m.start(), end)
        if whole:
            stop = whole.end()
            before = ("", "")
            words = _WORD.finditer(text, stop, end)  # on from the name's end, maybe inside a word ("lịch,")
            continue
        word = m.group(0)
        core = word.rstrip(",;.:)")
        hyphen_pair = before[0] == "-" and before[1][:1].isupper()
        if not core or not (core[0].isupper() or core in _ORGAN_WORDS or core[0].isdigit() or hyphen_pair):
            break
        stop = m.start() + len(core)
        if core != word:
            break
        before = (before[1], core)
    raw = text[pos:stop]
    while raw.split() and raw.split()[-1] in ("-", "&", "và", "các"):
        raw = raw[: raw.rstrip().rfind(" ")].rstrip()
        stop = pos + len(raw)
    return stop, raw


def _strip_position(name: str) -> str:
    """A document is issued by the body, not its head: "Chủ tịch UBND tỉnh" -> "UBND tỉnh"."""
    if name.startswith("Thủ tướng Chính phủ"):
        return name
    m = _LEADING_POSITION.match(name)
    if not m:
        return name
    rest = name[m.end() :]
    # "Trưởng phòng Nội vụ huyện" heads the Phòng Nội vụ; "Trưởng ban Tuyên giáo" the Ban Tuyên giáo.
    for office in ("phòng", "ban"):
        if m.group(0).strip().lower().endswith(office) and not rest.lower().startswith(office):
            return f"{office.capitalize()} {rest}"
    return rest


def extract_references(ctx: Facts, own_number: str | None,
                       start: int | None = None) -> tuple[list[Reference], list[tuple[int, int]]]:
    """Numbered documents mentioned from `start` (default: the body) to the end of the document, and the
    spans of their titles and subjects (cited: values there are the cited document's, not this one's)."""
    text = ctx.text
    refs: list[Reference] = []
    cited: list[tuple[int, int]] = []
    by_number: dict[str, list[Reference]] = {}  # upper-cased number -> its documents: no rescan per mention
    own = (own_number or "").upper()
    layout = basis_layout(ctx)
    prev: Reference | None = None  # the last mention read: a list goes on from it, a nested one sits in it
    group: list[Reference] = []  # the references listed together with the last one
    for m in NUMBER.finditer(text, ctx.body_start if start is None else start, ctx.end):
        sym, used = _symbol(m.group("sym"))
        if not _TWO_CAPITALS.search(sym) and "/" not in sym:
            continue
        number = f"{m.group('num')}{m.group('sep')}{sym}"
        left = text[max(ctx.start, m.start() - 120) : m.start()]
        tm = _TYPE_BEFORE.match(left) or _NAMED_LAW_BEFORE.search(left)
        if (not tm and not _SO_BEFORE.match(left)) or _NOT_A_DOCUMENT.match(left):
            continue
        begin = m.start() - (len(left) - tm.start()) if tm else m.start()
        inside = prev is not None and prev.span.start < begin < prev.span.end
        listed = prev is not None and inside and listed_with(prev, text, begin)
        rel: Relation = (prev.relation if prev and listed else "cites") if inside else relation(ctx, begin, layout)
        hidden = len(cited)
        ref = _build(ctx, number, sym, tm.group("type") if tm else None, begin, m.start("sym") + used, rel, cited)
        if number.upper() == own and _is_self(ctx, ref):
            del cited[hidden:]  # its own subject line holds its own awards and counts: not hidden
            continue
        before = _ISSUER_BEFORE.search(text, max(ctx.start, begin - 100), begin) if not ref.issuer else None
        if before:
            _, raw = _take_org(text, before.start("org"), before.end("org"))
            ref.issuer, ref.issuer_raw = resolve_org(_strip_position(expand(raw)), ctx.locality), raw
        first = _first_mention(by_number.get(ref.number.upper(), []), ref)
        if first is None:
            refs.append(ref)
            by_number.setdefault(ref.number.upper(), []).append(ref)
        else:
            first.mentions.append(ctx.span(ref.span.start, ref.span.end))
            first.date = first.date or ref.date
            first.issuer, first.issuer_raw = first.issuer or ref.issuer, first.issuer_raw or ref.issuer_raw
            first.relation = "basis" if ref.relation == "basis" else first.relation
        if not listed:
            group = []
        group.append(first or ref)
        _share_issuer(group)
        prev = ref
    for r in refs:  # "Quyết định số 12/QĐ-TTg" with no "của …": the symbol names the issuer
        r.issuer = r.issuer or issuer_from_symbol(_SYMBOL_OF.sub("", r.number), _TYPE_ABBREVIATIONS)
    return refs, cited


def found_references(ctx: Facts) -> list[Reference]:
    """The references phase 1 found: their cited titles are facts the other families read."""
    return list(ctx.references)


def _share_issuer(group: list[Reference]) -> None:
    """One issuer said once for a list ("Quyết định số a và số b của UBND tỉnh") goes to every item.

    Only items of the same kind share it: same type and the same symbol apart from number and year.
    """
    last = group[-1]
    if last.issuer is None:
        return
    for r in group[:-1]:
        if r.issuer is None and r.doc_type == last.doc_type and _symbol_key(r.number) == _symbol_key(last.number):
            r.issuer, r.issuer_raw = last.issuer, last.issuer_raw


def _symbol_key(number: str) -> list[str]:
    return [g for g in _SYMBOL_GROUPS.split(_SYMBOL_OF.sub("", number).upper()) if g and not g.isdigit()]


def _is_self(ctx: Facts, ref: Reference) -> bool:
    """The document's own number is itself unless the mention names another year or another issuer:
    "Kế hoạch số 15/KH-UBND ngày 12/01/2023 của UBND tỉnh" in the province's 2024 plan 15/KH-UBND.
    An issuer spelled shorter or longer than the header's (one name a prefix of the other) is the same."""
    if ref.date and ctx.issued_date and ref.date[:4] != ctx.issued_date[:4]:
        return False
    theirs, mine = issuer_key(ref.issuer), issuer_key(ctx.header_issuer)
    if not theirs or not mine:
        return True
    shorter, longer = sorted((theirs, mine), key=len)
    return longer == shorter or longer.startswith(shorter + " ")


def _first_mention(refs: list[Reference], new: Reference) -> Reference | None:
    """The earlier mention of the same document among `refs` (those of its number): no conflicting date.

    Numbers restart every year and per issuer, so "12/KH-UBND" of 2020 and of 2021 are two documents.
    """
    for r in refs:
        if not r.date or not new.date or r.date == new.date:
            return r
    return None


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the clause after a number ends; a line wrapped after a connector ("Thi đua -", "… của") goes on."""
    for _ in range(_MAX_WRAPS):
        m = CITATION_ENDS.search(text, pos, end)
        if m is None:
            return end
        stop: int = m.start()
        if m.group(0) != "\n" or not _DANGLING.search(text, max(pos, stop - 8), stop):
            return stop
        pos = m.end()
    return pos - 1


def _meeting_body(raw: str) -> str:
    """The body holding a meeting, as issuer: "Trung ương 6" (its sixth plenum) -> "Ban Chấp hành Trung ương"."""
    body = _MEETING_NUMBER.sub("", raw)
    named: str = MEETING_BODIES.get(body, body)
    return named


def _build(
    ctx: Facts, number: str, sym: str, type_word: str | None, start: int, end: int, rel: Relation,
    cited: list[tuple[int, int]],
) -> Reference:
    text = ctx.text
    clause_end = _clause_end(text, end, ctx.end)
    pos = end
    date = None
    dm = _BEFORE_DATE.match(text, pos)
    after = dm.end() if dm else pos
    dmatch = DATE.match(text, after)
    if dmatch and dmatch.start() - pos < 20:
        date = match_to_iso(dmatch)
        pos = dmatch.end()
    issuer_raw = None
    meeting = _MEETING.match(text, pos)
    om = meeting or _OF.match(text, pos)
    own = None
    if om and om.end() < clause_end:
        org_end, issuer_raw = _take_org(text, om.end(), clause_end)
        if issuer_raw:
            tail = _MEETING_TAIL().match(text, org_end, clause_end) if meeting else None
            pos = tail.end() if tail else org_end
        elif not meeting and (ownm := _OWN_BODY.match(text, om.end())) and ctx.header_issuer:
            own, issuer_raw, pos = ctx.header_issuer, ownm.group(0), ownm.end()  # "… của nhà trường"
    subject = None
    sm = _SUBJECT_LEAD.match(text[pos:clause_end])
    if sm:
        subject = " ".join(text[pos + sm.end() : clause_end].split()).strip(" ,") or None
    if subject or issuer_raw:
        cited.append((end, clause_end))
    name = _meeting_body(issuer_raw) if meeting and issuer_raw else issuer_raw
    issuer = own or (resolve_org(_strip_position(expand(name)), ctx.locality) if name else None)
    mine = ctx.header_issuer
    if issuer and mine and mine.startswith(issuer + " ") and not UNIT_NAME.search(issuer):
        issuer = mine  # "của Trưởng Ban Chỉ đạo" in the committee's own plan: that committee
    doc_type = canonical_type(type_word) if type_word else type_from_symbol(sym)
    return Reference(
        relation=rel,
        doc_type=doc_type,
        number=number,
        date=date,
        issuer=issuer,
        issuer_raw=issuer_raw or None,
        subject=subject,
        span=Span(start=start, end=clause_end, raw=text[start:clause_end]),
    )
