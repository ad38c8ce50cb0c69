"""Award forms a plan offers (Giấy khen, Bằng khen, Cờ thi đua, danh hiệu …) and its award quotas.

An award is a form with its grantor: the official or body after "của" ("Giấy khen của Chủ tịch
UBND huyện"), or the official before "tặng" ("đề nghị Chủ tịch UBND huyện tặng Giấy khen"),
resolved in the document's locality. A quota is a count of recipients in an award context
("cho 03 tập thể", "Không quá 05 cá nhân"), with the review phase and competing group it is for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex as re

from extractor.context import DocContext
from extractor.models import Award, Op, Quota
from extractor.orgs import resolve_org
from extractor.vocab.awards import (
    AWARD_CUES,
    AWARD_HEADINGS,
    CUE_FORMS,
    DIRECT_GRANTOR_HEADS,
    FORMS,
    GRANTOR_HEADS,
    GRANTOR_WORDS,
    GROUP_LEADS,
    LEVEL_GRANTOR,
    NOT_GROUPS,
    NOT_NUMBER_BEFORE,
    NUMBER_WORDS,
    OPS_AFTER,
    OPS_BEFORE,
    OTHER_HEADINGS,
    PHASE_INTROS,
    PHASES,
    RECIPIENTS,
)
from extractor.vocab.organs import UNIT_WORDS


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex alternation, longest first, any run of spaces between words."""
    words = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in words)


def _any(patterns: tuple[str, ...]) -> str:
    return "|".join(patterns)


_UNITS = _alternation(UNIT_WORDS)
# A form of award, case-insensitive ("giấy khen" counts), not inside a longer word.
_FORM = re.compile(rf"(?i)(?<![\p{{L}}\d])(?:{_alternation(FORMS)})(?![\p{{L}}\d])")
_CUE_FORMS = frozenset(CUE_FORMS)
# A title written in lower case counts after "danh hiệu" ("đạt danh hiệu “lao động tiên tiến”").
_TITLE_CUE = re.compile(r"(?i)danh\s+hiệu(?:\s+thi\s+đua)?\s*[:\"“]?\s*$")
# An earlier achievement, not an offer ("đã được tặng Giấy khen", "02 năm liên tục đạt …").
_PRIOR = re.compile(
    r"(?i)(?:đã|liên\s+tục|liền|lần)\s+(?:được\s+)?(?:tặng|trao\s+tặng|đạt|công\s+nhận)"
    r"(?:\s+danh\s+hiệu)?\s*[\"“]?\s*$"
)
# What joins the form to a grantor named after it.
_OF = re.compile(r"[ \t]*(?:của|do)[ \t]+")
_LEVEL = re.compile(rf"(?i)[ \t]*cấp[ \t]+({_UNITS})(?!\p{{L}})")
_DIRECT = re.compile(rf"[ \t]+(?=(?:{_alternation(DIRECT_GRANTOR_HEADS)})(?!\p{{L}}))")
# The verb between an official and the form it gives ("Chủ tịch UBND huyện xét tặng Giấy khen").
_GIVES = re.compile(
    r"(?i)(?<!\p{L})(?:(?:xem\s+xét|xét|quyết\s+định|ra\s+quyết\s+định)\s*,?\s+)?"
    r"(?:tặng(?:\s+thưởng)?|trao\s+tặng|khen\s+thưởng|công\s+nhận)\s+(?:danh\s+hiệu\s+)?[\"“]?\s*$"
)
_HEAD = re.compile(rf"(?:{_alternation(GRANTOR_HEADS)})(?!\p{{L}})")
_TOKEN = re.compile(r"\S+")
# "Ủy ban nhân dân các xã, thị trấn": a list of unit words continues an organ name past a comma.
_UNIT_LIST_NEXT = re.compile(rf"(?i),\s*(?:và\s+)?(?:{_UNITS})(?!\p{{L}})")
_UNIT_LAST_WORDS = frozenset(u.split()[-1] for u in UNIT_WORDS)
_PLACE_NUMBER_UNITS = frozenset({"quận", "phường"})  # "Quận 1", "Phường 5"
_TRAILING_JOINERS = frozenset({"và", "các", "-", "&", "cấp"})
_CAP_UNIT = re.compile(rf"(?i)(?<!\p{{L}})cấp\s+(?=(?:{_UNITS})(?!\p{{L}}))")
# Forms listed together share the grantor named after the last ("Bằng khen, Cờ thi đua của UBND tỉnh").
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc|/)\s*")
_RECIPIENT_WORDS = re.compile(r"(?i)(?<!\p{L})(tập\s+thể|cá\s+nhân)(?!\p{L})")
_RECIPIENT_ORDER = ("tập thể", "cá nhân")
# Sentence ends: line breaks and . ! ? before a space ("TP. Hà Nội" is an abbreviation).
_SENTENCE_END = re.compile(r"\n|(?<!(?<!\p{L})(?:TP|Tp|TX))[.!?](?=\s|$)")

# --- quotas ---
_QUOTA = re.compile(
    rf"(?i)(?:(?<!\p{{L}})(?P<op>{_alternation(OPS_BEFORE)})\s+)?"
    rf"(?:(?<![\p{{L}}\d.,/])(?P<num>\d{{1,3}})"
    rf"|(?<!\p{{L}})(?<!(?:{_alternation(NOT_NUMBER_BEFORE)})\s+)(?P<word>{_alternation(NUMBER_WORDS)}))"
    rf"(?![\p{{L}}\d.,/%])\s*(?:\(\s*[\p{{L}}\s]+\)\s*)?"
    rf"(?P<rec>{_alternation(RECIPIENTS)})(?!\p{{L}})"
    rf"(?:\s+(?P<after>{_alternation(OPS_AFTER)})(?!\p{{L}}))?"
)
_OP_JOIN = re.compile(r"\s*(?:,|;|và|hoặc)\s*")
_AWARD_CUE = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_CUES)})")
_AWARD_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_HEADINGS)})")
_OTHER_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(OTHER_HEADINGS)})")
# List markers at a line start: "-", "+", "a)", "1.", "1.2.", "II."
_MARKER = r"[ \t]*(?:[-+•*][ \t]*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.)][ \t]*)?"
_PHASE = rf"(?:(?:{_alternation(PHASE_INTROS)})\s+)?(?P<phase>{_any(PHASES)})"
_PHASE_LINE = re.compile(rf"(?im)^{_MARKER}{_PHASE}")
_PHASE_START = re.compile(rf"(?i){_PHASE}")
_NOT_GROUP = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(NOT_GROUPS)})")
_GROUP_LEAD = re.compile(rf"(?i)^(?:{_alternation(GROUP_LEADS)})\s+")
_LINE_MARKER = re.compile(rf"^{_MARKER}")
_MAX_GROUP = 100


@dataclass
class _Mention:
    start: int
    end: int
    form: str
    grantor: tuple[int, int] | None = None  # span of the grantor as written
    level_unit: str | None = None  # "huyện" in "Giấy khen cấp huyện"
    recipients: list[str] = field(default_factory=list)


def _sentence(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    lo = max(ctx.body_start, text.rfind("\n", ctx.body_start, start) + 1)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, ctx.end)
    return lo, m.start() if m else ctx.end


def _is_name_word(core: str, prev: str) -> bool:
    if not core:
        return False
    if core[0].isupper() or core.lower() in GRANTOR_WORDS:
        return True
    return core.isdigit() and prev.lower() in _PLACE_NUMBER_UNITS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop dangling joiners; a name needs one capitalised word ("của các đơn vị" names no one)."""
    words = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    while words and text[words[-1][0] : words[-1][1]].lower() in _TRAILING_JOINERS:
        words.pop()
    while words and text[words[0][0] : words[0][1]].lower() == "các":
        words.pop(0)
    if not words or not any(text[s].isupper() for s, _ in words):
        return None
    return words[0][0], words[-1][1]


def _grantor_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The organ or official name starting at pos, up to the first word that cannot be part of one."""
    end, prev = pos, ""
    for t in _TOKEN.finditer(text, pos, hi):
        word = t.group(0)
        if word[0] in "(\"“[" or (end > pos and _FORM.match(text, t.start())):
            break
        core = word.rstrip(",;:.)”\"")
        if not _is_name_word(core, prev):
            break
        end, prev = t.start() + len(core), core
        if core != word and not (
            prev.lower() in _UNIT_LAST_WORDS and _UNIT_LIST_NEXT.match(text, end)
        ):
            break
    return _trim(text, pos, end) if end > pos else None


def _grantor_before(text: str, lo: int, verb: int) -> tuple[int, int] | None:
    """The official just before "tặng": organ words back from the verb, from the first head on."""
    tokens = list(_TOKEN.finditer(text, lo, verb))
    start = None
    for t in reversed(tokens):
        word = t.group(0)
        if word[-1] in ",;:.()" or not _is_name_word(word.strip("“\""), ""):
            break
        start = t.start()
    if start is None:
        return None
    for t in tokens:
        if t.start() >= start and _HEAD.match(text, t.start()):
            return _trim(text, t.start(), verb)
    return None


def _mention(ctx: DocContext, m: re.Match[str]) -> _Mention | None:
    text = ctx.text
    form = FORMS[" ".join(m.group(0).split()).lower()]
    lo, hi = _sentence(ctx, m.start(), m.end())
    before = text[max(lo, m.start() - 60) : m.start()]
    if form in _CUE_FORMS and not m.group(0)[0].isupper() and not _TITLE_CUE.search(before):
        return None
    if _PRIOR.search(before):
        return None
    mention = _Mention(m.start(), m.end(), form)
    of = _OF.match(text, m.end(), hi) or _DIRECT.match(text, m.end(), hi)
    level = _LEVEL.match(text, m.end(), hi)
    if of:
        mention.grantor = _grantor_after(text, of.end(), hi)
    elif level:
        mention.level_unit = level.group(1).lower()
        mention.end = level.end()
    if mention.grantor is None and mention.level_unit is None:
        gives = _GIVES.search(text, max(lo, m.start() - 40), m.start())
        if gives:
            mention.grantor = _grantor_before(text, lo, gives.start())
    own = range(m.start(), m.end())
    found = {" ".join(r.group(1).lower().split()) for r in _RECIPIENT_WORDS.finditer(text, lo, hi)
             if r.start() not in own}
    mention.recipients = [r for r in _RECIPIENT_ORDER if r in found]
    return mention


def _mentions(ctx: DocContext) -> list[_Mention]:
    """Every mention of an award form in the body, outside cited titles, with its grantor span."""
    found: list[_Mention] = []
    for m in _FORM.finditer(ctx.text, ctx.body_start, ctx.end):
        if ctx.is_excluded(m.start(), m.end()):
            continue
        mention = _mention(ctx, m)
        if mention:
            found.append(mention)
    for a, b in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
        if a.grantor is None and a.level_unit is None and _LIST_JOIN.fullmatch(ctx.text, a.end, b.start):
            a.grantor, a.level_unit = b.grantor, b.level_unit
    return found


def _grantor_name(ctx: DocContext, mention: _Mention) -> str | None:
    if mention.level_unit:
        return resolve_org(LEVEL_GRANTOR.format(unit=mention.level_unit), ctx.locality)
    if mention.grantor is None:
        return None
    raw = _CAP_UNIT.sub("", ctx.text[mention.grantor[0] : mention.grantor[1]])
    return resolve_org(raw, ctx.locality)


def _merge_recipients(award: Award, more: list[str]) -> None:
    found = set(award.recipients) | set(more)
    award.recipients = [r for r in _RECIPIENT_ORDER if r in found]


def extract_awards(ctx: DocContext) -> list[Award]:
    """Each award form offered, once per (form, grantor), in order of first mention.

    A mention with no grantor is the same award again when the form has a grantor elsewhere.
    """
    mentions = [(m, _grantor_name(ctx, m)) for m in _mentions(ctx)]
    granted = {m.form for m, g in mentions if g}
    awards: dict[tuple[str, str | None], Award] = {}
    first_of_form: dict[str, Award] = {}
    for m, grantor in mentions:
        if grantor is None and m.form in granted:
            if m.form in first_of_form:
                _merge_recipients(first_of_form[m.form], m.recipients)
            continue
        key = (m.form, grantor)
        if key in awards:
            _merge_recipients(awards[key], m.recipients)
            continue
        start = min(m.start, m.grantor[0]) if m.grantor else m.start
        end = max(m.end, m.grantor[1]) if m.grantor else m.end
        award = Award(form=m.form, grantor=grantor, recipients=m.recipients, span=ctx.span(start, end))
        awards[key] = award
        first_of_form.setdefault(m.form, award)
    return list(awards.values())


# --- quotas ---------------------------------------------------------------------------------------


def _in_award_context(ctx: DocContext, lo: int, hi: int, pos: int) -> bool:
    """The sentence names an award, or the innermost heading about a topic is about awards."""
    if _AWARD_CUE.search(ctx.text, lo, hi) or _FORM.search(ctx.text, lo, hi):
        return True
    for section in reversed(ctx.sections_at(pos)):
        if _AWARD_HEADING.search(section.heading):
            return True
        if _OTHER_HEADING.search(section.heading):
            return False
    return False


def _section_start(ctx: DocContext, pos: int) -> int:
    sections = ctx.sections_at(pos)
    return sections[-1].start if sections else ctx.body_start


def _phase(ctx: DocContext, pos: int) -> str | None:
    """The nearest phase line before pos in the same section ("- Sơ kết 6 tháng:")."""
    last = None
    for m in _PHASE_LINE.finditer(ctx.text, _section_start(ctx, pos), pos):
        last = m
    return " ".join(last.group("phase").split()).lower() if last else None


def _group(ctx: DocContext, start: int) -> str | None:
    """Who competes, named before ':' on the quota's line ("+ UBND các xã, thị trấn: 01 tập thể")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line_start, start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    head = text[line_start:colon]
    head = head[_LINE_MARKER.match(head).end() :]  # type: ignore[union-attr]
    head = _GROUP_LEAD.sub("", head).strip()
    if not head or len(head) > _MAX_GROUP or _PHASE_START.match(head) or _NOT_GROUP.search(head):
        return None
    return head


def _award_of(ctx: DocContext, mentions: list[_Mention], awards: list[Award], lo: int, hi: int,
              pos: int) -> str | None:
    """The form the quota is for: nearest in its sentence, else in its headings, else the only one."""
    near = [m for m in mentions if lo <= m.start and m.end <= hi]
    if near:
        return min(near, key=lambda m: abs(m.start - pos)).form
    for section in reversed(ctx.sections_at(pos)):
        m = _FORM.search(section.heading)
        if m:
            return FORMS[" ".join(m.group(0).split()).lower()]
    forms = {a.form for a in awards}
    return forms.pop() if len(forms) == 1 else None


def _count(m: re.Match[str]) -> int:
    return int(m.group("num")) if m.group("num") else NUMBER_WORDS[m.group("word").lower()]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def extract_quotas(ctx: DocContext, awards: list[Award]) -> list[Quota]:
    """Award quotas: a count of collectives or individuals in an award context, in text order."""
    text = ctx.text
    mentions = _mentions(ctx)
    quotas: list[Quota] = []
    prev_end = -1
    prev_op: Op = "="
    for m in _QUOTA.finditer(text, ctx.body_start, ctx.end):
        if ctx.is_excluded(m.start(), m.end()):
            continue
        lo, hi = _sentence(ctx, m.start(), m.end())
        if not _in_award_context(ctx, lo, hi, m.start()):
            continue
        op: Op
        if m.group("op"):
            op = OPS_BEFORE[_key(m.group("op"))]
        elif m.group("after"):
            op = OPS_AFTER[_key(m.group("after"))]
        elif prev_end >= lo and _OP_JOIN.fullmatch(text, prev_end, m.start()):
            op = prev_op  # "Không quá 01 tập thể và 03 cá nhân"
        else:
            op = "="
        quotas.append(Quota(
            count=_count(m), op=op, recipient=RECIPIENTS[_key(m.group("rec"))],
            phase=_phase(ctx, m.start()), group=_group(ctx, m.start()),
            award=_award_of(ctx, mentions, awards, lo, hi, m.start()), span=ctx.span(m.start(), m.end()),
        ))
        prev_end, prev_op = m.end(), op
    return quotas

