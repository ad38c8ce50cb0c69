"""Award forms a plan offers (Giấy khen, Bằng khen, Cờ thi đua, danh hiệu …) and their grantors.

An award is a form with its grantor: the official or body after "của" ("Giấy khen của Chủ tịch
UBND huyện"), or the official before "tặng" ("đề nghị Chủ tịch UBND huyện tặng Giấy khen"),
resolved in the document's locality. Quotas of an award are in `extractor.extraction.fields.quotas`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import regex as re

from extractor.extraction.facts import Facts
from extractor.extraction.fields.award_forms import canonical, form_at, sentence
from extractor.extraction.fields.prefilter import finditer, phrase_leads
from extractor.extraction.fold import phrase_key, strip_marks
from extractor.extraction.models import Award
from extractor.extraction.orgs import PUNCTUATED_NAME, Locality, case_name, expand, resolve_org
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import (
    CUE_FORMS,
    DIRECT_GRANTOR_HEADS,
    GRANTOR_HEADS,
    GRANTOR_STOPS,
    GRANTOR_WORDS,
    LEVEL_GRANTOR,
    OWN_BODY_HEADS,
    SCHOOL_HEADS,
    UNNAMED_BODIES,
    UNNAMED_HEADS,
)
from extractor.extraction.vocab.lazy import on_first_use
from extractor.extraction.vocab.organs import ABBREVIATIONS, POSITIONS, UNIT_WORDS

_UNITS = alternation(UNIT_WORDS)
_CUE_FORMS = frozenset(CUE_FORMS)
# A title written in lower case counts after "danh hiệu" ("đạt danh hiệu “lao động tiên tiến”").
# (reverse, ending in `\s*$`: `.match` finds what `.search` would, see `references._TYPE_BEFORE`)
_TITLE_CUE = re.compile(r"(?ri)danh\s+hiệu(?:\s+thi\s+đua)?\s*[:\"“]?\s*$")
# An earlier achievement, not an offer ("đã được tặng Giấy khen", "02 năm liên tục đạt …").
_PRIOR = re.compile(
    r"(?i)(?:đã|liên\s+tục|liền|lần)\s+(?:được\s+)?(?:tặng|trao\s+tặng|đạt|công\s+nhận)"
    r"(?:\s+danh\s+hiệu)?\s*[\"“]?\s*$"
)
# A rate measured over holders of a title is a target, not an offer
# ("Tỷ lệ hộ được công nhận danh hiệu Gia đình văn hóa đạt 92%").
_RATE = re.compile(r"(?i)(?<!\p{L})tỷ\s+lệ(?!\p{L})")
# What joins the form to a grantor named after it.
_OF = re.compile(r"(?i)[ \t]*(?:của|cua|do)[ \t]+")
_LEVEL = re.compile(rf"(?i)[ \t]*cấp[ \t]+({_UNITS})(?!\p{{L}})")
_DIRECT = re.compile(rf"[ \t]+(?=(?:{alternation(DIRECT_GRANTOR_HEADS)})(?!\p{{L}}))")
# The verb between an official and the form it gives ("Chủ tịch UBND huyện xét tặng Giấy khen").
# (a news lead or a result says "đã / vừa / sẽ tặng": the official before the tense word grants it)
# The same verbs written without diacritics ("Chu tich UBND tinh tang Bang khen") are read too.
_GIVES = re.compile(
    r"(?i)(?<!\p{L})(?:(?:đã|vừa|sẽ|tiếp\s+tục)\s+)?(?:(?:xem\s+xét|xét|xet|quyết\s+định|ra\s+quyết\s+định)\s*,?\s+)?"
    r"(?:tặng(?:\s+thưởng)?|trao\s+tặng|khen\s+thưởng|công\s+nhận|tang|trao\s+tang|cong\s+nhan)"
    r"\s+(?:danh\s+hiệu\s+|danh\s+hieu\s+)?[\"“]?\s*$"
)
_UNNAMED = re.compile(
    rf"(?i)(?:{alternation(UNNAMED_HEADS)})(?:\s*(?:,|và|các|{alternation(UNNAMED_BODIES)})(?!\p{{L}}))*"
)
_POSITION = re.compile(rf"(?P<position>{alternation(POSITIONS)})(?:\s+(?P<organ>\S.*))?$")
_OWN_SCHOOL_WORDS = re.compile(r"\s+(?:nhà\s+trường|của\s+trường|trường)$")
_SCHOOL_LINE = re.compile(r"(?m)^[ \t]*TRƯỜNG[ \t]+[^\n]*\S")
_HEAD = re.compile(rf"(?:{alternation(GRANTOR_HEADS)})(?!\p{{L}})")
# A share that reaches the title ("95% hộ … đạt danh hiệu"): the title measures a target.
_TARGET_MEASURE = re.compile(r"(?i)%[^.;\n]{0,80}?\sđạt\s")
_TOKEN = re.compile(r"\S+")
# The same tokens, last first: a grantor is read back from its verb, only as far as its name goes.
_TOKEN_BACK = re.compile(r"(?r)\S+")
# "Ủy ban nhân dân các xã, thị trấn": a list of unit words continues an organ name past a comma.
_UNIT_LIST_NEXT = re.compile(rf"(?i),\s*(?:và\s+)?(?:{_UNITS})(?!\p{{L}})")
_UNIT_LAST_WORDS = frozenset(u.split()[-1] for u in UNIT_WORDS)
_PLACE_NUMBER_UNITS = frozenset({"quận", "phường"})  # "Quận 1", "Phường 5"
_TRAILING_JOINERS = frozenset({"và", "các", "-", "&", "cấp"})
_CAP_UNIT = re.compile(rf"(?i)(?<!\p{{L}})cấp\s+(?=(?:{_UNITS})(?!\p{{L}}))")
# Forms listed together share the grantor named after the last ("Bằng khen, Cờ thi đua của UBND tỉnh").
_LIST_JOIN = re.compile(r"\s*(?:,|và|hoặc|/)\s*")
_RECIPIENT_ORDER = ("tập thể", "cá nhân")
_RECIPIENT_WORDS = re.compile(rf"(?i)(?<!\p{{L}})({alternation(_RECIPIENT_ORDER)})(?!\p{{L}})")
_RECIPIENT_LEADS = phrase_leads(_RECIPIENT_ORDER)
# A grantor written all in lower case ("giấy khen của chủ tịch ubnd huyện") counts when it opens with a head.
_HEAD_ANY_CASE = on_first_use(rf"(?i)(?:{alternation(GRANTOR_HEADS)})(?!\p{{L}})")
_HEAD_CASED = {h.lower(): h for h in GRANTOR_HEADS}
_ABBREVIATION_CASED = {a.lower(): a for a in ABBREVIATIONS}
_LOWER_NAME_WORDS = GRANTOR_WORDS | {w.lower() for h in GRANTOR_HEADS for w in h.split()} | set(_ABBREVIATION_CASED)


# Words of a name that lost their diacritics ("Chu tich UBND tinh"), read like the words they were:
# each accent-free spelling that only one name word has is restored to it.
def _unique_spellings(words: Iterable[str]) -> dict[str, str]:
    by_folded: dict[str, set[str]] = {}
    for w in words:
        by_folded.setdefault(strip_marks(w), set()).add(w)
    return {f: next(iter(ws)) for f, ws in by_folded.items() if len(ws) == 1}


_RESTORED = _unique_spellings(
    (_LOWER_NAME_WORDS - set(_ABBREVIATION_CASED)) | {w.lower() for p in POSITIONS for w in p.split()}
)


@dataclass
class Mention:
    start: int
    end: int
    form: str
    grantor: tuple[int, int] | None = None  # span of the grantor as written
    level_unit: str | None = None  # "huyện" in "Giấy khen cấp huyện"
    recipients: list[str] = field(default_factory=list)

    @property
    def granted(self) -> bool:
        return self.grantor is not None or self.level_unit is not None

    def share(self, other: Mention) -> None:
        self.grantor, self.level_unit = other.grantor, other.level_unit


def _is_name_word(core: str, prev: str, lower: bool = False, bare: bool = False) -> bool:
    """A word that can be part of an organ or official name; `lower`: the name is written in lower case,
    `bare`: its sentence has no diacritics at all ("so" is a word of its own, "sở" only in a bare text)."""
    low = core.lower()
    if not core or low in GRANTOR_STOPS:
        return False
    if core[0].isupper() or low in GRANTOR_WORDS or (bare and low in _RESTORED):
        return True
    if lower and low in _LOWER_NAME_WORDS:
        return True
    return core.isdigit() and prev.lower() in _PLACE_NUMBER_UNITS


def _trim(text: str, start: int, end: int, lower: bool = False) -> tuple[int, int] | None:
    """Drop dangling joiners; a name needs one capitalised word ("của các đơn vị" names no one),
    or, written in lower case, to open with a head ("của chủ tịch ubnd huyện")."""
    return _trim_words(text, [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)], lower)


def _trim_words(text: str, words: list[tuple[int, int]], lower: bool = False) -> tuple[int, int] | None:
    """`_trim` of the name whose words (spans, in order) are already read."""
    while words and text[words[-1][0] : words[-1][1]].lower() in _TRAILING_JOINERS:
        words.pop()
    while words and text[words[0][0] : words[0][1]].lower() == "các":
        words.pop(0)
    if not words or not (lower or any(text[s].isupper() for s, _ in words)):
        return None
    return words[0][0], words[-1][1]


def _grantor_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The organ or official name starting at pos, up to the first word that cannot be part of one.

    A known name with a comma inside ("Sở Văn hóa, Thể thao và Du lịch") is taken whole."""
    end, prev = pos, ""
    lower = text[pos].islower() and _HEAD_ANY_CASE().match(text, pos) is not None
    bare = text[pos:hi].isascii()
    for t in _TOKEN.finditer(text, pos, hi):
        if t.start() < end:
            continue  # inside a punctuated name already taken
        whole = PUNCTUATED_NAME.match(text, t.start(), hi)
        if whole:
            end, prev = whole.end(), whole.group(0).split()[-1]
            continue
        word = t.group(0)
        if word[0] in "(\"“[" or (end > pos and form_at(text, t.start())):
            break
        core = word.rstrip(",;:.)”\"")
        if not _is_name_word(core, prev, lower, bare):
            break
        end, prev = t.start() + len(core), core
        if core != word and not (
            prev.lower() in _UNIT_LAST_WORDS and _UNIT_LIST_NEXT.match(text, end)
        ):
            break
    return _trim(text, pos, end, lower) if end > pos else None


def _grantor_before(text: str, lo: int, verb: int) -> tuple[int, int] | None:
    """The official just before "tặng": organ words back from the verb, from the first head on."""
    name: list[re.Match[str]] = []  # last word first
    bare = text[lo:verb].isascii()
    for t in _TOKEN_BACK.finditer(text, lo, verb):
        word = t.group(0)
        if word[-1] in ",;:.()" or not _is_name_word(word.strip("“\""), "", bare=bare):
            break
        name.append(t)
    for i in range(len(name) - 1, -1, -1):  # the farthest word back first
        t = name[i]
        if _HEAD.match(text, t.start()) or (bare and _HEAD.match(_restored_words(text[t.start() : verb]))):
            # The words from there to the verb are the ones read back (a word is a run of non-spaces whichever
            # way it is read): trimmed as read, not read again.
            return _trim_words(text, [u.span() for u in reversed(name[: i + 1])])
    return None


def _mention(ctx: Facts, m: re.Match[str]) -> Mention | None:
    text = ctx.text
    form = canonical(m)
    lo, hi = sentence(ctx, m.start(), m.end())
    before = text[max(lo, m.start() - 60) : m.start()]
    if form in _CUE_FORMS and not m.group(0)[0].isupper() and not _TITLE_CUE.match(before):
        return None
    if form in _CUE_FORMS and _TARGET_MEASURE.search(text, lo, m.start()):
        return None  # "95% hộ đạt danh hiệu Gia đình văn hóa": a target's measure, not a title offered
    if _PRIOR.search(before) or _RATE.search(text, lo, m.start()):
        return None
    mention = Mention(m.start(), m.end(), form)
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
    found = {phrase_key(r.group(1)) for r in finditer(_RECIPIENT_WORDS, text, _RECIPIENT_LEADS, lo, hi)
             if r.start() not in own}
    mention.recipients = [r for r in _RECIPIENT_ORDER if r in found]
    return mention


def find_mentions(ctx: Facts, forms: Iterable[re.Match[str]]) -> list[Mention]:
    """Every mention of an award form among the body's `forms`, outside cited titles, with its grantor span."""
    found: list[Mention] = []
    for m in forms:
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


def _grantor_name(ctx: Facts, mention: Mention, resolved: dict[str, str]) -> str | None:
    """The grantor resolved in the document's locality (memoised: a plan repeats its grantors)."""
    if mention.level_unit:
        raw = LEVEL_GRANTOR.format(unit=mention.level_unit)
    elif mention.grantor:
        raw = _CAP_UNIT.sub("", _cased(case_name(ctx.text[mention.grantor[0] : mention.grantor[1]])))
    else:
        return None
    if _UNNAMED.fullmatch(raw):
        return None  # "Thủ trưởng cơ quan, đơn vị": the head of each reader's own body
    if raw not in resolved:
        head = _OWN_SCHOOL_WORDS.sub("", raw)  # "Hiệu trưởng nhà trường" is this school's principal
        school = _own_school(ctx) if head in SCHOOL_HEADS else None
        own = _own_body_head(head, ctx.header_issuer)
        resolved[raw] = f"{head} {school}" if school else own or _resolve_official(raw, ctx.locality)
    return resolved[raw]


def _restored(word: str) -> str:
    restored = _RESTORED.get(word.lower())
    if restored is None or not word.isascii():
        return word
    return restored[:1].upper() + restored[1:] if word[:1].isupper() else restored


def _restored_words(text: str) -> str:
    return " ".join(_restored(w) for w in text.split())


def _cased(raw: str) -> str:
    """A grantor written in lower case in the standard's casing: "chủ tịch ubnd huyện" -> "Chủ tịch UBND huyện";
    one with no diacritics at all with them restored: "Chu tich UBND tinh" -> "Chủ tịch UBND tỉnh"."""
    if raw.isascii():
        raw = _restored_words(raw)
    if not raw[:1].islower():
        return raw
    head = _HEAD_ANY_CASE().match(raw)
    if head is None:
        return raw
    rest = [_ABBREVIATION_CASED.get(w, w) for w in raw[head.end() :].split()]
    return " ".join([_HEAD_CASED.get(head.group(0).lower(), head.group(0)), *rest])


def _own_body_head(raw: str, issuer: str | None) -> str | None:
    """An official named by a head without its body, in a plan that body issues ("Giám đốc Sở" in the
    plan of Sở Y tế tỉnh Nghệ An): the head of the issuer. An organ that is not the issuer's: None."""
    m = _POSITION.match(raw)
    if issuer and not m and _is_issuer_start(expand(raw), issuer):
        return issuer  # "Giấy khen của UBND" in the committee's own plan: the issuer itself
    if not issuer or not m or m.group("position") not in OWN_BODY_HEADS:
        return None
    organ = m.group("organ") and expand(m.group("organ"))
    if not issuer.startswith(OWN_BODY_HEADS[m.group("position")]):
        return None
    if organ and not issuer.lower().startswith(organ.lower()):
        return None
    position = m.group("position")
    if position.endswith("phòng"):  # "Trưởng phòng Giáo dục và Đào tạo huyện …", not "… phòng Phòng …"
        issuer = issuer.removeprefix("Phòng ")
    return f"{position} {issuer}"


def _is_issuer_start(body: str, issuer: str) -> bool:
    """A body of a kind that has a head, named only by the words the issuer's name opens with."""
    kinds = {k for ks in OWN_BODY_HEADS.values() for k in ks}
    return body in kinds and issuer.startswith(body + " ")


def _own_school(ctx: Facts) -> str | None:
    """The school issuing this document: named in its body ("Trường … xây dựng Kế hoạch") or header."""
    issuer = ctx.body_issuer
    if issuer and issuer.name.startswith("Trường "):
        return issuer.name
    line = _SCHOOL_LINE.search(ctx.text, ctx.start, ctx.body_start)
    return case_name(line.group(0)) if line else None


def _resolve_official(raw: str, loc: Locality) -> str:
    """An official's title stays, the organ after it is resolved like an issuer:
    "Giám đốc Sở GD&ĐT" -> "Giám đốc Sở Giáo dục và Đào tạo tỉnh Bình Định"."""
    m = _POSITION.match(raw)
    if not m or not m.group("organ"):
        return resolve_org(raw, loc)
    position, organ = m.group("position"), m.group("organ")
    if position.endswith("phòng") and not organ.startswith("Phòng"):
        # "Trưởng phòng GD&ĐT" heads "Phòng GD&ĐT"
        return f"{position} {resolve_org(f'Phòng {organ}', loc).removeprefix('Phòng ')}"
    return f"{position} {resolve_org(organ, loc)}"


def _with_full_grantors(mentions: list[tuple[Mention, str | None]]) -> list[tuple[Mention, str | None]]:
    """A grantor that is the start of a longer one for the same form is that one, shortened."""
    full = list(dict.fromkeys((m.form, g) for m, g in mentions if g))  # distinct, in order: tables repeat them
    out = []
    for m, g in mentions:
        longer = next((h for form, h in full if form == m.form and g and h.startswith(g + " ")), None)
        out.append((m, longer or g))
    return out


def _merge_recipients(award: Award, more: list[str]) -> None:
    found = set(award.recipients) | set(more)
    award.recipients = [r for r in _RECIPIENT_ORDER if r in found]


def extract_awards(ctx: Facts) -> list[Award]:
    """Each award form offered, once per (form, grantor), in order of first mention.

    A mention with no grantor is the same award again when the form has a grantor elsewhere, and
    so is a short repeat ("Cờ thi đua của Bộ" after "Cờ thi đua của Bộ Nông nghiệp và …").
    """
    resolved: dict[str, str] = {}
    mentions = _with_full_grantors([(m, _grantor_name(ctx, m, resolved)) for m in ctx.award_mentions])
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
    if ctx.official:
        _grant_unnamed(ctx, awards.values(), ctx.official)
    return list(awards.values())


def _grant_unnamed(ctx: Facts, awards: Iterable[Award], official: str) -> None:
    """A result decision's own "tặng Bằng khen cho 03 tập thể" names no grantor: the deciding official
    ("Quyết định số … của Chủ tịch UBND tỉnh X về việc tặng …") grants it."""
    for award in awards:
        if award.grantor is None:
            award.grantor = _resolve_official(case_name(official), ctx.locality)
