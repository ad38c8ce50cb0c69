"""Award forms a plan offers (Giấy khen, Bằng khen, Cờ thi đua, danh hiệu …) and its award quotas.

An award is a form with its grantor: the official or body after "của" ("Giấy khen của Chủ tịch
UBND huyện"), or the official before "tặng" ("đề nghị Chủ tịch UBND huyện tặng Giấy khen"),
resolved in the document's locality. A quota is a count of recipients in an award context
("cho 03 tập thể", "Không quá 05 cá nhân"), with the review phase and competing group it is for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import regex as re

from extractor.context import DocContext
from extractor.fields.issuer import from_body
from extractor.models import Award, Op, Quota
from extractor.orgs import Locality, case_name, resolve_org
from extractor.vocab.awards import (
    AWARD_CUES,
    AWARD_HEADINGS,
    CUE_FORMS,
    DIRECT_GRANTOR_HEADS,
    FORMS,
    GRANTOR_HEADS,
    GRANTOR_STOPS,
    GRANTOR_WORDS,
    GROUP_LEADS,
    LEVEL_GRANTOR,
    NOT_GROUPS,
    NOT_NUMBER_BEFORE,
    NUMBER_WORDS,
    OPS_AFTER,
    OPS_BEFORE,
    OTHER_HEADINGS,
    PHASE_FILLERS,
    PHASE_INTROS,
    PHASE_LABELS,
    PHASES,
    RECIPIENTS,
    SCHOOL_HEADS,
)
from extractor.vocab.organs import POSITIONS, UNIT_WORDS


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
# A rate measured over holders of a title is a target, not an offer
# ("Tỷ lệ hộ được công nhận danh hiệu Gia đình văn hóa đạt 92%").
_RATE = re.compile(r"(?i)(?<!\p{L})tỷ\s+lệ(?!\p{L})")
# What joins the form to a grantor named after it.
_OF = re.compile(r"(?i)[ \t]*(?:của|do)[ \t]+")
_LEVEL = re.compile(rf"(?i)[ \t]*cấp[ \t]+({_UNITS})(?!\p{{L}})")
_DIRECT = re.compile(rf"[ \t]+(?=(?:{_alternation(DIRECT_GRANTOR_HEADS)})(?!\p{{L}}))")
# The verb between an official and the form it gives ("Chủ tịch UBND huyện xét tặng Giấy khen").
_GIVES = re.compile(
    r"(?i)(?<!\p{L})(?:(?:xem\s+xét|xét|quyết\s+định|ra\s+quyết\s+định)\s*,?\s+)?"
    r"(?:tặng(?:\s+thưởng)?|trao\s+tặng|khen\s+thưởng|công\s+nhận)\s+(?:danh\s+hiệu\s+)?[\"“]?\s*$"
)
_POSITION = re.compile(rf"(?P<position>{_alternation(POSITIONS)})(?:\s+(?P<organ>\S.*))?$")
_BARE_COMMITTEE = re.compile(r"(?<!\p{L})(Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy$")
_SCHOOL_LINE = re.compile(r"(?m)^[ \t]*TRƯỜNG[ \t]+[^\n]*\S")
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
# A count and who it counts, matched where a number starts; the comparison word is read before it.
_QUOTA = re.compile(
    rf"(?i)(?<!(?<!\p{{L}})(?:{_alternation(NOT_NUMBER_BEFORE)})\s+)"
    rf"(?:(?<![\p{{L}}\d.,/])(?P<num>\d{{1,3}})|(?<!\p{{L}})(?P<word>{_alternation(NUMBER_WORDS)}))"
    rf"(?![\p{{L}}\d.,/%])\s*(?:\(\s*[\p{{L}}\s]+\)\s*)?"
    rf"(?P<rec>{_alternation(RECIPIENTS)})(?!\p{{L}})"
    rf"(?:\s+(?P<after>{_alternation(OPS_AFTER)})(?!\p{{L}}))?"
)
_OP_BEFORE = re.compile(rf"(?i)(?<!\p{{L}})(?P<op>{_alternation(OPS_BEFORE)})\s+$")
_RECIPIENT_STARTS = (*(r.split()[0] for r in RECIPIENTS), "(")
# Candidate counts in figures: a number followed by what may start a recipient (dates and
# percentages are most numbers of a plan; skipping them here keeps the quota pattern off them).
_DIGITS = re.compile(
    rf"(?<![\p{{L}}\d.,/])\d{{1,3}}(?![\p{{L}}\d.,/%])(?=\s*(?:\(|(?i:{_alternation(_RECIPIENT_STARTS[:-1])})))"
)
# Literal anchors, found with str.find in a lower-cased copy, then the pattern matched only there:
# trying the case-insensitive alternation of ~80 forms at every position of a 20 KB text costs
# ~5 ms, the anchors ~0.2 ms.
_FORM_ANCHORS = frozenset(" ".join(f.split()[:2]) for f in FORMS)
_NUMBER_ANCHORS = frozenset(f"{w} " for w in NUMBER_WORDS)
_OP_JOIN = re.compile(r"\s*(?:,|;|và|hoặc)\s*")
_AWARD_CUE = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_CUES)})")
_AWARD_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(AWARD_HEADINGS)})")
_OTHER_HEADING = re.compile(rf"(?i)(?<!\p{{L}})(?:{_any(OTHER_HEADINGS)})")
# List markers at a line start: "-", "+", "a)", "1.", "1.2.", "II."
_MARKER = r"[ \t]*(?:[-+•*][ \t]*)?(?:(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})[.)][ \t]*)?"
_PHASES = _any(PHASES)
_INTRO = _alternation(PHASE_INTROS)
_LABELS = _any((*PHASES, *PHASE_LABELS))
# A phase line: an intro word and a phase, or a phase labelling what follows (up to ':' or the line end).
_PHASE_LINE = re.compile(
    rf"(?im)^{_MARKER}(?:(?:{_INTRO})\s+(?=(?:{_PHASES}))|(?=(?:{_LABELS})[^\n:;.]{{0,40}}(?::|\.?$)))"
    rf"(?P<phase>{_LABELS})"
)
# A phase inside a sentence or a heading; one after the quota needs its intro ("… khi tổng kết năm").
_PHASE_IN = re.compile(rf"(?i)(?<!\p{{L}})(?:(?P<intro>{_INTRO})\s+)?(?P<phase>{_PHASES})")
_PHASE_START = re.compile(rf"(?i)(?:(?:{_INTRO})\s+)?(?:{_LABELS})")
_PHASE_FILLER = re.compile(rf"(?i)\s+(?:{_alternation(PHASE_FILLERS)})(?=\s)")
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

    @property
    def granted(self) -> bool:
        return self.grantor is not None or self.level_unit is not None

    def share(self, other: _Mention) -> None:
        self.grantor, self.level_unit = other.grantor, other.level_unit


def _anchored(pattern: re.Pattern[str], ctx: DocContext, anchors: frozenset[str],
              starts: Iterable[int] = (), follow: tuple[str, ...] = ("",)) -> list[re.Match[str]]:
    """Matches of pattern starting where an anchor followed by a `follow` prefix (or one of `starts`)
    is, in order, not overlapping."""
    low, base = ctx.lower_body, ctx.body_start
    candidates = set(starts)
    for anchor in anchors:
        i = low.find(anchor)
        while i >= 0:
            if low.startswith(follow, i + len(anchor)):
                candidates.add(base + i)
            i = low.find(anchor, i + 1)
    found: list[re.Match[str]] = []
    for pos in sorted(candidates):
        m = pattern.match(ctx.text, pos, ctx.end) if not found or pos >= found[-1].end() else None
        if m:
            found.append(m)
    return found


def _sentence(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    lo = max(ctx.body_start, text.rfind("\n", ctx.body_start, start) + 1)
    for m in _SENTENCE_END.finditer(text, lo, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, ctx.end)
    return lo, m.start() if m else ctx.end


def _is_name_word(core: str, prev: str) -> bool:
    if not core or core.lower() in GRANTOR_STOPS:
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
    form = _canonical(m)
    lo, hi = _sentence(ctx, m.start(), m.end())
    before = text[max(lo, m.start() - 60) : m.start()]
    if form in _CUE_FORMS and not m.group(0)[0].isupper() and not _TITLE_CUE.search(before):
        return None
    if _PRIOR.search(before) or _RATE.search(text, lo, m.start()):
        return None
    mention = _Mention(m.start(), m.end(), form)
    of = _OF.match(text, m.end(), hi) or _DIRECT.match(text, m.end(), hi)
    level = _LEVEL.match(text, m.end(), hi)
    if of:
        mention.grantor = _grantor_after(text, of.end(), hi)
    elif level:
        mention.level_unit = level.group(1).lower()
        mention.end = level.end()
    if not mention.granted:
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
    for m in _anchored(_FORM, ctx, _FORM_ANCHORS):
        if ctx.is_excluded(m.start(), m.end()):
            continue
        mention = _mention(ctx, m)
        if mention:
            found.append(mention)
    listed = [(a, b) for a, b in pairwise(found) if _LIST_JOIN.fullmatch(ctx.text, a.end, b.start)]
    for a, b in listed:  # "Chủ tịch UBND tỉnh tặng Bằng khen, Cờ thi đua": the official before the list
        if not b.granted and a.grantor and a.grantor[1] <= a.start:
            b.share(a)
    for a, b in reversed(listed):  # "Bằng khen, Cờ thi đua của UBND tỉnh": the body after the list
        if not a.granted and b.granted:
            a.share(b)
    return found


def _grantor_name(ctx: DocContext, mention: _Mention, resolved: dict[str, str]) -> str | None:
    """The grantor resolved in the document's locality (memoised: a plan repeats its grantors)."""
    if mention.level_unit:
        raw = LEVEL_GRANTOR.format(unit=mention.level_unit)
    elif mention.grantor:
        raw = _CAP_UNIT.sub("", case_name(ctx.text[mention.grantor[0] : mention.grantor[1]]))
    else:
        return None
    if raw not in resolved:
        school = _own_school(ctx) if raw in SCHOOL_HEADS else None
        resolved[raw] = f"{raw} {school}" if school else _resolve_official(raw, ctx.locality)
    return resolved[raw]


def _own_school(ctx: DocContext) -> str | None:
    """The school issuing this document: named in its body ("Trường … xây dựng Kế hoạch") or header."""
    issuer = from_body(ctx.text, ctx.body_start, ctx.end, ctx.locality)
    if issuer and issuer.name.startswith("Trường "):
        return issuer.name
    line = _SCHOOL_LINE.search(ctx.text, ctx.start, ctx.body_start)
    return case_name(line.group(0)) if line else None


def _resolve_official(raw: str, loc: Locality) -> str:
    """An official's title stays, the organ after it is resolved like an issuer:
    "Giám đốc Sở GD&ĐT" -> "Giám đốc Sở Giáo dục và Đào tạo tỉnh Bình Định"."""
    m = _POSITION.match(raw)
    if not m or not m.group("organ"):
        return _resolve_organ(raw, loc)
    position, organ = m.group("position"), m.group("organ")
    if position.endswith("phòng") and not organ.startswith("Phòng"):
        # "Trưởng phòng GD&ĐT" heads "Phòng GD&ĐT"
        return f"{position} {_resolve_organ(f'Phòng {organ}', loc).removeprefix('Phòng ')}"
    return f"{position} {_resolve_organ(organ, loc)}"


def _resolve_organ(raw: str, loc: Locality) -> str:
    """resolve_org, and a Party committee named without its place takes the document's
    ("Ban Thường vụ Huyện ủy" -> "Ban Thường vụ Huyện ủy Đắk Mil")."""
    name = resolve_org(raw, loc)
    committee = _BARE_COMMITTEE.search(name)
    if not committee:
        return name
    place = loc.province if committee.group(1) == "Tỉnh" else loc.district
    if committee.group(1) == "Thành":  # a city's committee: the province-level city, or a city in a province
        place = loc.district if loc.district_type == "thành phố" else loc.province
    return f"{name} {place}" if place else name


def _with_full_grantors(mentions: list[tuple[_Mention, str | None]]) -> list[tuple[_Mention, str | None]]:
    """A grantor that is the start of a longer one for the same form is that one, shortened."""
    full = [(m.form, g) for m, g in mentions if g]
    out = []
    for m, g in mentions:
        longer = next((h for form, h in full if form == m.form and g and h.startswith(g + " ")), None)
        out.append((m, longer or g))
    return out


def _merge_recipients(award: Award, more: list[str]) -> None:
    found = set(award.recipients) | set(more)
    award.recipients = [r for r in _RECIPIENT_ORDER if r in found]


def extract_awards(ctx: DocContext) -> list[Award]:
    """Each award form offered, once per (form, grantor), in order of first mention.

    A mention with no grantor is the same award again when the form has a grantor elsewhere, and
    so is a short repeat ("Cờ thi đua của Bộ" after "Cờ thi đua của Bộ Nông nghiệp và …").
    """
    resolved: dict[str, str] = {}
    mentions = _with_full_grantors([(m, _grantor_name(ctx, m, resolved)) for m in _mentions(ctx)])
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


def _in_award_context(ctx: DocContext, forms: list[re.Match[str]], lo: int, hi: int, pos: int) -> bool:
    """The sentence names an award, or the innermost heading about a topic is about awards."""
    if _AWARD_CUE.search(ctx.text, lo, hi) or _forms_in(forms, lo, hi):
        return True
    for section in reversed(ctx.sections_at(pos)):
        if _AWARD_HEADING.search(section.heading):
            return True
        if _OTHER_HEADING.search(section.heading):
            return False
    return False


def _forms_in(forms: list[re.Match[str]], lo: int, hi: int) -> list[re.Match[str]]:
    i = bisect_left(forms, lo, key=lambda m: m.start())
    j = bisect_left(forms, hi, key=lambda m: m.start())
    return [m for m in forms[i:j] if m.end() <= hi]


def _phase(ctx: DocContext, lines: list[re.Match[str]], lo: int, hi: int, start: int, end: int) -> str | None:
    """The review phase of a quota: named in its sentence, else by the nearest phase line before it in
    its section ("- Sơ kết 6 tháng:"), else by its innermost heading that names one."""
    inside = list(_PHASE_IN.finditer(ctx.text, lo, hi))
    before = [m for m in inside if m.end() <= start]
    after = [m for m in inside if m.start() >= end and m.group("intro")]
    if before or after:
        return _phase_text((before[-1:] or after)[0])
    sections = ctx.sections_at(start)
    floor = sections[-1].start if sections else ctx.body_start
    i = bisect_left(lines, start, key=lambda m: m.start())
    if i and lines[i - 1].start() >= floor:
        return _phase_text(lines[i - 1])
    for section in reversed(sections):
        m = _PHASE_IN.search(section.heading)
        if m:
            return _phase_text(m)
    return None


def _phase_text(m: re.Match[str]) -> str:
    """'Tổng kết phong trào cuối năm' -> 'tổng kết cuối năm'."""
    return _key(_PHASE_FILLER.sub("", m.group("phase")))


def _group(ctx: DocContext, start: int) -> str | None:
    """Who competes, named before ':' on the quota's line ("+ UBND các xã, thị trấn: 01 tập thể")."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line_start, start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    head: str = _GROUP_LEAD.sub("", _LINE_MARKER.sub("", text[line_start:colon], count=1)).strip()
    if not head or len(head) > _MAX_GROUP or _PHASE_START.match(head) or _NOT_GROUP.search(head):
        return None
    if _FORM.search(head):  # "- Cờ thi đua của Bộ: 06 tập thể" names the award, not who competes
        return None
    return head


def _award_of(ctx: DocContext, awards: list[Award], forms: list[re.Match[str]], lo: int, hi: int,
              pos: int) -> str | None:
    """The form the quota is for: nearest in its sentence, else in its headings, else the only one."""
    near = _forms_in(forms, lo, hi)
    if near:
        return _canonical(min(near, key=lambda m: abs(m.start() - pos)))
    for section in reversed(ctx.sections_at(pos)):
        m = _FORM.search(section.heading)
        if m:
            return _canonical(m)
    offered = {a.form for a in awards}
    return offered.pop() if len(offered) == 1 else None


def _canonical(form: re.Match[str]) -> str:
    return FORMS[_key(form.group(0))]


def _count(m: re.Match[str]) -> int:
    return int(m.group("num")) if m.group("num") else NUMBER_WORDS[m.group("word").lower()]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def extract_quotas(ctx: DocContext, awards: list[Award]) -> list[Quota]:
    """Award quotas: a count of collectives or individuals in an award context, in text order."""
    text = ctx.text
    quotas: list[Quota] = []
    prev_end = -1
    prev_op: Op = "="
    digits = (d.start() for d in _DIGITS.finditer(text, ctx.body_start, ctx.end))
    counts = _anchored(_QUOTA, ctx, _NUMBER_ANCHORS, digits, _RECIPIENT_STARTS)
    if not counts:
        return quotas
    forms = _anchored(_FORM, ctx, _FORM_ANCHORS)
    phase_lines = list(_PHASE_LINE.finditer(text, ctx.body_start, ctx.end))
    for m in counts:
        if ctx.is_excluded(m.start(), m.end()):
            continue
        lo, hi = _sentence(ctx, m.start(), m.end())
        if not _in_award_context(ctx, forms, lo, hi, m.start()):
            continue
        before = _OP_BEFORE.search(text, max(lo, m.start() - 25), m.start())
        start = before.start() if before else m.start()
        op: Op
        if before:
            op = OPS_BEFORE[_key(before.group("op"))]
        elif m.group("after"):
            op = OPS_AFTER[_key(m.group("after"))]
        elif prev_end >= lo and _OP_JOIN.fullmatch(text, prev_end, start):
            op = prev_op  # "Không quá 01 tập thể và 03 cá nhân"
        else:
            op = "="
        quotas.append(Quota(
            count=_count(m), op=op, recipient=RECIPIENTS[_key(m.group("rec"))],
            phase=_phase(ctx, phase_lines, lo, hi, start, m.end()), group=_group(ctx, start),
            award=_award_of(ctx, awards, forms, lo, hi, start), span=ctx.span(start, m.end()),
        ))
        prev_end, prev_op = m.end(), op
    return quotas

