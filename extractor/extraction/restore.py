"""Give damaged text back the diacritics of its known words, so every cue pattern reads it.

ASCII exports and OCR engines without Vietnamese drop every mark ("Can cu Quyet dinh so 12/QD-UBND
ngay 05/3/2021 cua UBND tinh"); broken font maps put wrong letters ("Phịng", "Uû ban"); site text
extractors drop words ("Căn Quyết định số …") and split years ("năm 20 21"). `restore_lines` runs
on the normalised lines and only on lines a cheap check finds damaged (almost no multi-byte letter, a
letter no Vietnamese word has, a PDF look-alike code point, a split year, an unmarked "ngay"/"cua"),
so a clean text costs a few whole-text string tests and a length test per line.

A word is rewritten only when its accent-folded form (`fold_accents`) names one spelling of the
vocabulary (`extractor.extraction.vocab.restore_words`, place names of `extractor.extraction.admin`), longest phrase
first; a letter keeps its case, and a letter that already carries a mark is kept. Each Vietnamese
letter is one code point (NFC), so the rewrite keeps every offset: spans computed on the restored
text hold for the text as written, which each `Restoration` keeps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from extractor.extraction import lexicon, ocr_text
from extractor.extraction.admin import data as admin_data
from extractor.extraction.fold import MARKS, fold_accents
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.doc_types import TYPE_NAMES
from extractor.extraction.vocab.ocr_confusions import REREAD_CUES
from extractor.extraction.vocab.organs import UNIT_WORDS
from extractor.extraction.vocab.restore_words import CUE_WORDS, GLYPH_FIXES, PHRASES, SYMBOLS, UNMARKED_CUES, Context


@dataclass(frozen=True)
class Restoration:
    """Characters [start, end) of a line (then of the normalised text) rewritten from `raw`."""

    start: int
    end: int
    raw: str


@dataclass(frozen=True)
class _Entry:
    folded: str
    spelling: str
    words: int
    context: Context


_WORD = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile("[A-Z]+")  # (the ASCII letters `str.isupper` holds)
# Letters no Vietnamese word has (a font map's wrong glyph: "Uû ban", "Phßng"), and an i-vowel with a tone
# before "ng", a rhyme Vietnamese does not have ("Phịng" for "Phòng").
_BROKEN_LETTER = "ßûøñöïëäüåæçîÿþœÛØÑÖÏËÄÜÅÆÇÎŸÞŒ"
_BROKEN = re.compile(f"[{_BROKEN_LETTER}]|[ìíỉĩịÌÍỈĨỊ](?=ng\\b|NG\\b)")
_GLYPHS = str.maketrans(GLYPH_FIXES)
_VOWELS = "aeiouy"
# "năm 20 21", "05/3/20 21": a year split in two by an extractor.
_SPLIT_YEAR = re.compile(r"(?:(?<=\b[nN][aăAĂ][mM] )|(?<=/))(19|20) (\d\d)(?!\d)")
# "Căn Quyết định số …": "cứ" dropped before a document type (no "căn" stands there otherwise).
_TYPE_STARTS = sorted({w for name in TYPE_NAMES for w in (name.split()[0], fold_accents(name.split()[0]))})
_DROPPED_CU = re.compile(r"^((?:[-+]\s*)?)(Căn|Can)(?= (?i:" + alternation(_TYPE_STARTS) + r")\b)")
# A number, or the blank of a draft's date: "ngày     tháng 3 năm 2024", "ngày ... tháng ... năm 2024".
_NEXT_NUMBER = re.compile(r"[\s:.…_]*(?:\d|(?i:thang|tháng|nam|năm)\b)")
_NEXT_CAPITAL = re.compile(r"\s+([^\W\d_])")
_UNIT_KEYS = frozenset(fold_accents(u) for u in UNIT_WORDS)
_UNIT_WORDS_LAST = frozenset(u.split()[-1] for u in _UNIT_KEYS)
_PLACE_LINE = re.compile(r"((?:[^\W\d_]+ ){0,4}[^\W\d_]+)\s*,\s*ngay\b")  # matched at a line's start
# Whole-text triggers, tested at C speed before any line is looked at: the substrings a split year of
# this century leaves ("năm 20 21", "05/3/20 21"), and the commonest broken rhyme ("Phịng"); lines that
# open with "Căn"/"Can" are looked at for a dropped "cứ".
_YEAR_SPLITS = ("m 20 ", "/20 ")
_CAN = ("Căn ", "Can ", "- Căn ", "- Can ")
_BAD_RHYME = "ịng"


@cache
def _entries() -> dict[tuple[str, ...], tuple[_Entry, ...]]:
    """Entries by their first two folded words (one for a single word), longest first; a folded form
    with two spellings in the same context is left out."""
    found: dict[tuple[str, Context], set[str]] = {}
    spellings: Iterable[tuple[str, Context]] = chain(
        ((p, Context.ANYWHERE) for p in PHRASES), CUE_WORDS.items(), ((s, Context.UPPER) for s in SYMBOLS)
    )
    for spelling, context in spellings:
        folded = fold_accents(spelling)
        if folded != spelling.lower():
            found.setdefault((folded, context), set()).add(spelling.lower())
    index: dict[tuple[str, ...], list[_Entry]] = {}
    for (folded, context), lowers in found.items():
        if len(lowers) == 1:
            words = _WORD.findall(folded)
            index.setdefault(tuple(words[:2]), []).append(_Entry(folded, lowers.pop(), len(words), context))
    return {k: tuple(sorted(v, key=lambda e: -len(e.folded))) for k, v in index.items()}


@cache
def _places() -> dict[str, str]:
    """Folded place name -> its one spelling (names spelt two ways are left out)."""
    d = admin_data()
    names = chain(
        (u.name for units in chain(d.districts.values(), d.communes.values()) for u in units),
        (name for name, _ in d.provinces.values()),
    )
    found: dict[str, set[str]] = {}
    for name in names:
        name = name.split(" (")[0]  # "Cai Lậy (Thị xã)"
        found.setdefault(fold_accents(name), set()).add(name)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


@cache
def _provinces() -> frozenset[str]:
    """Folded names of the provinces, before and after the 2025 merger."""
    return frozenset(fold_accents(name) for name, _ in admin_data().provinces.values())


@cache
def _start_words() -> frozenset[str]:
    """Folded words that start a vocabulary entry or a place's name."""
    return frozenset(k[0] for k in _entries()) | _place_starts()


@cache
def _place_starts() -> frozenset[str]:
    """First folded words of the places' names: most words start none, and are passed at once."""
    return frozenset(p.split()[0] for p in _places())


@cache
def _known_words() -> frozenset[str]:
    """Every word of the vocabulary, lower-case, as spelt."""
    return frozenset(w for entries in _entries().values() for e in entries for w in _WORD.findall(e.spelling))


@cache
def _vocab_words(length: int) -> tuple[str, tuple[str, ...]]:
    """Single words of the vocabulary with a mark, of one length: the candidates for a broken word, accent-folded
    one a line (a pattern tries them all in one C scan) and, in the same order, as spelt in lower case."""
    words = [w for w in sorted(_known_words()) if len(w) == length and fold_accents(w) != w]
    return "\n".join(map(fold_accents, words)), tuple(w.lower() for w in words)


@cache
def _entries_from() -> dict[str, tuple[_Entry, ...]]:
    """The entries by their first folded word."""
    found: dict[str, list[_Entry]] = {}
    for key, entries in _entries().items():
        found.setdefault(key[0], []).extend(entries)
    return {k: tuple(v) for k, v in found.items()}


def _cased(spelling: str, written: str, keep_marks: bool = False) -> str:
    """The spelling on the written letters' case; with keep_marks, a letter written with a mark stays."""
    if written.islower() and (not keep_marks or written.isascii()) and len(spelling) == len(written) \
            and "Σ" not in spelling:
        # No written letter is upper case and none keeps its mark: every letter is the spelling's in lower
        # case (one call; "Σ" is the one letter whose lower case depends on its neighbours).
        return spelling.lower()
    if written.isascii() and len(spelling) == len(written) and "Σ" not in spelling:
        # No ASCII letter keeps a mark: each letter is the spelling's in upper case under a written capital's
        # run, else in lower case, cut from the spelling cased whole when that keeps every letter one letter.
        lower, upper = spelling.lower(), spelling.upper()
        if len(lower) == len(upper) == len(spelling):
            parts: list[str] = []
            done = 0
            for m in _CAPITALS.finditer(written):
                parts += [lower[done : m.start()], upper[m.start() : m.end()]]
                done = m.end()
            return "".join(parts) + lower[done:]
    return "".join(
        w if keep_marks and not w.isascii() and w not in _BROKEN_LETTER else (s.upper() if w.isupper() else s.lower())
        for s, w in zip(spelling, written, strict=True)
    )


def _repair_broken(line: str, learned: dict[str, str]) -> str:
    """Words with a wrong glyph, rewritten to the one vocabulary word that fits their other letters;
    each wrong glyph -> right letter pair found is added to `learned`."""
    out = list(line)
    for m in _WORD.finditer(line):
        word = m.group()
        bad = {b.start() for b in _BROKEN.finditer(word)}
        if not bad:
            continue
        folded = fold_accents(word)
        # Each candidate is one line of len(word) letters, each letter of the pattern one character.
        pattern = re.compile("(?m)^" + "".join(f"[{_VOWELS}]" if i in bad else re.escape(c)
                                               for i, c in enumerate(folded)) + "$")
        candidates, spelt = _vocab_words(len(word))
        fits = {spelt[f.start() // (len(word) + 1)] for f in pattern.finditer(candidates)}
        if len(fits) > 1:  # "Uû ban": ủy or ưu? the one that starts a phrase with the words after it
            rest = fold_accents(line[m.end() :])
            fits = {f for f in fits if any(e.words > 1 and (fold_accents(f) + rest).startswith(e.folded)
                                           for e in _entries_from().get(fold_accents(f), ()))}
        if len(fits) == 1:
            fit = fits.pop()
            out[m.start() : m.end()] = _cased(fit, word)
            learned.update((word[i].lower(), fit[i]) for i in bad if word[i].lower() != fit[i])
    return "".join(out)


def _apply_learned(line: str, learned: dict[str, str]) -> str:
    """A wrong glyph the text is known to use put right where that makes a vocabulary word of a word
    that is none ("CỘNG HỊA" once "Phịng" showed that this text writes ò as ị)."""
    known = _known_words()
    out = list(line)
    for m in _WORD.finditer(line):
        word = m.group().lower()
        if word in known or not any(c in learned for c in word):
            continue
        fixed = "".join(learned.get(c, c) for c in word)
        if fixed in known:
            out[m.start() : m.end()] = _cased(fixed, m.group())
    return "".join(out)


@dataclass
class _Line:
    """A line split into words once: the written text, its folded form, word spans and folded words."""

    text: str
    folded: str
    spans: list[tuple[int, int]]
    words: list[str]
    lo: int  # the line itself is text[lo:hi]; around it, the ends of its neighbours
    hi: int

    def phrase(self, i: int, n: int) -> str:
        return self.folded[self.spans[i][0] : self.spans[i + n - 1][1]]

    def titled(self, i: int) -> bool:
        s, e = self.spans[i]
        return self.text[s].isupper() and (e - s == 1 or self.text[s + 1 : e].islower())


def _context_holds(entry: _Entry, ln: _Line, i: int, end: int) -> bool:
    line, start = ln.text, ln.spans[i][0]
    if entry.context is Context.ANYWHERE:
        return True
    if entry.words == 1 and i and ln.titled(i) and ln.titled(i - 1):
        return False  # inside a person's name: "Tran Van Nam 1980" is no "năm", "Le Van Tinh Ca Mau" no "tỉnh"
    if entry.context is Context.UPPER:
        return line[start:end].isupper()
    if entry.context is Context.LINE:
        return not line[ln.lo : start].strip(" -.") and not line[end : ln.hi].strip(" .:")
    if entry.context is Context.BEFORE_NUMBER:
        return bool(_NEXT_NUMBER.match(line, end))
    m = _NEXT_CAPITAL.match(line, end)
    return bool(m and m.group(1).isupper())


def _place_at(ln: _Line, i: int, place_end: int) -> int:
    """How many capitalised words from i name a place written after a unit word ("huyen Ea Sup") or
    before the date of the place line ("Ea Sup, ngay …", `place_end`: where that name ends); 0 if none."""
    words = ln.words
    after_unit = i >= 1 and (words[i - 1] in _UNIT_KEYS or (i >= 2 and f"{words[i - 2]} {words[i - 1]}" in _UNIT_KEYS))
    if not after_unit and not (ln.spans[i][0] == ln.lo and place_end > 0):
        return 0
    places = _places()
    for n in range(min(4, len(words) - i), 0, -1):
        if all(ln.text[s].isupper() for s, _ in ln.spans[i : i + n]) and ln.phrase(i, n) in places and (
            after_unit or ln.spans[i + n - 1][1] == place_end
        ):
            return n
    return 0


def _name_run(ln: _Line, i: int) -> int:
    """How many words from i are a run of title-case words that is exactly a place's name: a province's
    anywhere ("… Dao tao Ha Noi"), any unit's right after an organ's abbreviation or "ủy" ("UBND Tam Nong",
    "Huyen uy Tuy Phuoc"). A longer run is a person's name ("Tran Quang Nam")."""
    if ln.words[i] not in _place_starts() or not ln.titled(i) or (i and ln.titled(i - 1)):
        return 0  # (an abbreviation before, "So GD&DT Hung Yen", does not make the name longer)
    n = 1
    while i + n < len(ln.words) and ln.titled(i + n):
        n += 1
    name = ln.phrase(i, n)
    after_organ = i > 0 and (ln.words[i - 1] == "uy" or (len(ln.words[i - 1]) > 1 and ln.text[
        ln.spans[i - 1][0] : ln.spans[i - 1][1]].isupper()))
    # (a province whose units spell its name two ways, "Thanh Hóa", is no key of _places: left as written)
    return n if name in _places() and (name in _provinces() or after_organ) else 0


def _entry_at(ln: _Line, i: int) -> _Entry | None:
    """The longest vocabulary entry written from word i whose context holds."""
    index = _entries()
    pair = index.get((ln.words[i], ln.words[i + 1]), ()) if i + 1 < len(ln.words) else ()
    for entry in chain(pair, index.get((ln.words[i],), ())):
        last = i + entry.words - 1
        if last < len(ln.words) and ln.phrase(i, entry.words) == entry.folded and _context_holds(
            entry, ln, i, ln.spans[last][1]
        ):
            return entry
    return None


def _restore_words(line: str, lo: int = 0, hi: int | None = None) -> str:
    """Vocabulary phrases, cue words in their context, symbols and place names, given their marks, in
    line[lo:hi]; what stands around it (the neighbouring lines' ends) is context only."""
    hi = len(line) if hi is None else hi
    folded = fold_accents(line)
    spans = [m.span() for m in _WORD.finditer(folded) if m.start() < hi]
    ln = _Line(line, folded, spans, [folded[s:e] for s, e in spans], lo, hi)
    place_line = _PLACE_LINE.match(folded, lo)
    place_end = place_line.end(1) if place_line else -1
    out = list(line)
    covered = 0  # letters before this were written by an earlier, longer-reaching match
    starts = _start_words()
    # Most words start nothing: only words that start an entry or a province, or follow a unit word, are tried.
    tried = [i for i, w in enumerate(ln.words) if w in starts or (i and ln.words[i - 1] in _UNIT_WORDS_LAST)]
    if place_end > 0:
        tried = sorted({*tried, next(i for i, (s, _) in enumerate(spans) if s >= lo)})
    i = 0
    for at in tried:
        if at < i:
            continue
        i = at
        s = spans[i][0]
        entry = _entry_at(ln, i)
        # A place after a unit word wins over a shorter phrase ("HUYEN BO TRACH": Bố Trạch, not the organ
        # word "Bộ") and loses to a longer one ("HUYEN CHU TICH": Chủ tịch, not the commune Chũ).
        n = _place_at(ln, i, place_end) or (0 if entry else _name_run(ln, i))
        if n and (entry is None or n >= entry.words):
            end = spans[i + n - 1][1]
            out[s:end] = _cased(_places()[folded[s:end]], line[s:end], keep_marks=True)
            covered = max(covered, end)
            i += n
            continue
        if entry:
            # The next word is tried too ("Chu tich Uy ban nhan dan tinh" holds "Chủ tịch Ủy ban nhân
            # dân" and "Ủy ban nhân dân tỉnh"), but it only adds letters the first match did not write
            # ("Bo truong Bo": "Bộ trưởng", not the "Trường" of "truong Bo").
            end = spans[i + entry.words - 1][1]
            lo = max(s, covered)
            out[lo:end] = _cased(entry.spelling[lo - s :], line[lo:end], keep_marks=True)
            covered = max(covered, end)
        i += 1
    return "".join(out)


@cache
def _spelt() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Every entry's spelling, lower-case, and the first two words of each as spelt."""
    entries = [e for es in _entries().values() for e in es]
    return (frozenset(e.spelling for e in entries),
            frozenset(tuple(_WORD.findall(e.spelling)[:2]) for e in entries if e.words > 1))


_REREAD_FOLDS = {fold_accents(w): w for w in REREAD_CUES}


@cache
def _known_folds() -> frozenset[str]:
    """The folds of the vocabulary's words: a misread word folds to one of them."""
    return frozenset(w.translate(MARKS) for w in _known_words())


@lru_cache(maxsize=4096)
def _line_words(line: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """A line's words in lower case, their folds, and the words `misread` looks at (those the vocabulary
    does not spell but whose fold it knows): per line, as the header's and signature's lines are much the
    same in every document."""
    low = line.lower()
    # (a marked letter folds to one letter: the folded line has the same words at the same places)
    words, folded = tuple(_WORD.findall(low)), tuple(_WORD.findall(low.translate(MARKS)))
    known, folds = _known_words(), _known_folds()
    return words, folded, frozenset(w for w, f in zip(words, folded, strict=True) if f in folds and w not in known)


def misread(text: str, enough: int = 1) -> bool:
    """Whether `text` has a word or a word pair whose fold is the vocabulary's but whose marks are no
    spelling of it: an OCR engine's wrong tone or hat ("ĐẲNG", "thảng", "Sô", "Chú tịch"). Only words the
    vocabulary does not spell but whose fold it knows are looked at (a misread word is one of them).
    With `enough`, that many such words are needed."""
    lines = [_line_words(line) for line in text.split("\n")]
    looked = frozenset().union(*(line[2] for line in lines))
    if not looked:
        return False
    # (no word spans two lines)
    words, folded = [w for line in lines for w in line[0]], [f for line in lines for f in line[1]]
    index, pairs = _entries(), _spelt()[1]
    last = len(words) - 1
    found: set[int] = set()  # where each misread entry or cue word starts
    # Whether a word is looked at depends on the word alone (its fold is its letters' folds): a line whose own
    # set is empty holds none of `looked`, and its words are passed without a test.
    starts = itertools.accumulate((len(line[0]) for line in lines), initial=0)  # (one more than the lines)
    at = [a + j for line, a in zip(lines, starts, strict=False) if line[2]
          for j, w in enumerate(line[0]) if w in looked]
    for i in at:
        w, f = words[i], folded[i]
        if w == f and not ((i and not words[i - 1].isascii()) or (i < last and not words[i + 1].isascii())):
            continue  # an unmarked word among unmarked words is restore_line's to restore
        # a cue word, or an entry of up to five words that holds this word ("UY BAN NHÂN ĐÂN" from its
        # first pair)
        if f in _REREAD_FOLDS and w != f:
            found.add(i)
        found.update(a for a in range(max(0, i - 4), min(i + 1, last))
                     if (folded[a], folded[a + 1]) in index and (words[a], words[a + 1]) not in pairs)
        if len(found) >= enough:
            return True
    return False


def _whole_entry(line: str) -> bool:
    """Whether the line is one vocabulary phrase and nothing else (a header component line)."""
    folded = fold_accents(line).strip(" .:*-")
    words = _WORD.findall(folded)
    return len(words) > 1 and any(e.folded == folded for e in _entries().get((words[0], words[1]), ()))


def _valid_as_written(ln: _Line, low: str, i: int, words: list[str], right: list[str]) -> bool:
    """Whether a word written other than the entry spells it makes a word of the language with the word
    before or after it ("môi trường", "văn bản kế hoạch"): then it is no misread."""
    spans = ln.spans
    for j, (w, r) in enumerate(zip(words, right, strict=True)):
        if w == r:
            continue
        k = i + j
        near = [low[spans[k - 1][0] : spans[k][1]] if k else "",
                low[spans[k][0] : spans[k + 1][1]] if k + 1 < len(spans) else ""]
        if any(" " in p and lexicon.is_word(" ".join(p.split())) for p in near):
            return True
    return False


def _reread(line: str) -> str:
    """Vocabulary misread with a wrong tone or hat given its spelling: a phrase of which one word at
    least is spelt right and which as written is no other entry ("ĐẲNG CỘNG SẢN", "Chú tịch", "Uy ban
    nhân đân", "Ké hoạch"), a cue word in the context that decides it ("Sô: 18", "nám 2022"). Places and
    names are left alone."""
    folded = fold_accents(line)
    spans = [m.span() for m in _WORD.finditer(folded)]
    ln = _Line(line, folded, spans, [folded[s:e] for s, e in spans], 0, len(line))
    low = line.lower()
    spellings, known, starts = _spelt()[0], _known_words(), _start_words()
    out = list(line)
    i = 0
    while i < len(spans):
        entry = _entry_at(ln, i) if ln.words[i] in starts else None
        if entry is None:
            i += 1
            continue
        s, e = spans[i][0], spans[i + entry.words - 1][1]
        written = low[s:e]
        right = _WORD.findall(entry.spelling)
        words = [low[a:b] for a, b in spans[i : i + entry.words]]
        if written != entry.spelling and not _valid_as_written(ln, low, i, words, right) and (
            (entry.words > 1 and written not in spellings and any(w == r for w, r in zip(words, right, strict=True))
             and any(w != r and w not in known and (not w.isascii() or not lexicon.is_word(w))
                     for w, r in zip(words, right, strict=True)))
            or (entry.words == 1 and entry.spelling in REREAD_CUES and written not in known)
        ):
            # a phrase in capitals but for the misread letter ("Ké HOẠCH") is in capitals
            caps = entry.words > 1 and all(line[a:b].isupper() for (a, b), w, r in zip(
                spans[i : i + entry.words], words, right, strict=True) if w == r)
            out[s:e] = entry.spelling.upper() if caps else _cased(entry.spelling, line[s:e])
        i += entry.words
    return "".join(out)


def _rejoin(line: str, notes: list[Restoration], numbers: bool = False) -> str:
    """Years split by a space joined, a dropped "cứ" after "Căn" put back (these change the length);
    with `numbers`, letters read for digits and document numbers split by a space (`ocr_text`)."""
    parts: list[str] = []
    done = 0
    edits = sorted(chain(
        ((m.start(), m.end(), m.group(1) + m.group(2)) for m in _SPLIT_YEAR.finditer(line)),
        ((m.start(2), m.end(2), "Căn cứ") for m in [_DROPPED_CU.match(line)] if m),
        ocr_text.digit_edits(line) if numbers else (),
    ))
    if numbers:  # a year both split and misread ("20 2O") is left to the digit edit that covers it
        edits = [e for i, e in enumerate(edits) if not (i and e[0] < edits[i - 1][1])]
    for start, end, new in edits:
        parts.append(line[done:start])
        at = sum(map(len, parts))
        parts.append(new)
        notes.append(Restoration(at, at + len(new), line[start:end]))
        done = end
    return "".join(parts) + line[done:] if edits else line


def restore_line(
    line: str, poor: bool = False, learned: dict[str, str] | None = None, before: str = "", after: str = "",
    numbers: bool = False, reread: bool = False,
) -> tuple[str, list[Restoration]]:
    """One line restored, with what was rewritten (offsets into the returned line). `poor`: the whole
    text lacks diacritics; `learned`: wrong glyph -> letter pairs this text is known to use; `before`,
    `after`: the neighbouring lines, context for a phrase a hard wrap cut ("UBND" / "tinh ve …");
    `numbers`: the text has letters read for digits or split document numbers; `reread`: the line
    has vocabulary misread with wrong marks (`misread`)."""
    notes: list[Restoration] = []
    if numbers or any(s in line for s in _YEAR_SPLITS) or line.startswith(_CAN):
        line = _rejoin(line, notes, numbers)
    # (a digit read as a letter is no sign of lost marks)
    damaged = poor or (bool(notes) and not numbers) or line.isascii() or any(c in line for c in UNMARKED_CUES)
    new = line.translate(_GLYPHS) if any(g in line for g in GLYPH_FIXES) else line
    if learned and any(c in line.lower() for c in learned):
        new = _apply_learned(new, learned)
    if _BROKEN.search(new):
        new, damaged = _repair_broken(new, {}), True
    if damaged and _WORD.search(new):
        head, tail = _edge(before, True), _edge(after, False)
        lo = len(head) + 1 if head else 0
        new = _restore_words(f"{head} {new} {tail}" if head else f"{new} {tail}", lo, lo + len(new))[lo : lo + len(new)]
    if reread:  # with the next line's start as context ("Sô:" / "45/KH-UBND")
        new = _reread(f"{new} {_edge(after, False)}")[: len(new)]
    if new != line:
        notes += [Restoration(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)
                  if new[m.start() : m.end()] != m.group()]
    return new, sorted(notes, key=lambda n: n.start)


def _edge(line: str, end: bool, width: int = 40) -> str:
    """The last (end) or first words of a neighbouring line, at most `width` characters, whole words."""
    if len(line) <= width:
        return line
    return line[-width:].split(" ", 1)[-1] if end else line[:width].rsplit(" ", 1)[0]


def restore_lines(lines: list[str]) -> tuple[list[str], dict[int, list[Restoration]]]:
    """The lines with lost or broken diacritics restored, and per line index what was rewritten."""
    if not lines:
        return [], {}  # (every line dropped before: a text of table bars or of a page mark alone)
    # Whole-text tests first, each one C pass; a clean text then only costs a length test per line.
    text = "\n".join(lines)
    encoded = text.encode("utf-8")
    poor = len(encoded) - len(text) < len(text) // 50  # a Vietnamese text has a mark on one letter in four
    broken = any(c in text for c in _BROKEN_LETTER) or _BAD_RHYME in text
    learned: dict[str, str] = {}
    if broken:
        for line in lines:
            if _BROKEN.search(line):
                _repair_broken(line, learned)
    signals = [s for s in (*_YEAR_SPLITS, *UNMARKED_CUES, *GLYPH_FIXES, *learned, *(c.upper() for c in learned))
               if s in text]
    numbered = ocr_text.damaged_number(text, encoded)
    # OCR's wrong tones show in the header's and the signature's short component lines first (motto,
    # number, place-date, type, positions), or the text is OCR's by its letters read for digits; only
    # then is every line read.
    filled = list(filter(None, lines))
    filled = filled if len(filled) <= 18 else filled[:10] + filled[-8:]
    # Two misread words at least, or a header line that is one misread entry ("ĐẲNG CỘNG SẢN VIỆT NAM"):
    # one word alone in a sentence ("Kết quà") may be a typist's, not an OCR engine's.
    zone = [line for line in filled if len(line) <= 45]
    zone_text = "\n".join(zone)
    suspect = not poor and (numbered or (misread(zone_text) and (
        misread(zone_text, enough=2) or any(_whole_entry(line) and misread(line) for line in zone))))
    raws = encoded.split(b"\n")
    # A line with (almost) no multi-byte letter lost its marks: a Vietnamese line has one in four.
    # In a clean text only such lines (or a dropped "Căn") can need work: one comprehension finds them.
    can = any(c in text for c in _CAN[:2])  # (a line that starts with one of _CAN holds one of these two)
    todo: Iterable[int] = (range(len(lines)) if poor or signals or broken or numbered or suspect else
                           [i for i, (size, width) in enumerate(zip(map(len, lines), map(len, raws), strict=True))
                            if size and ((width - size) * 10 < size or (can and lines[i].startswith(_CAN)))])
    out = list(lines)
    notes: dict[int, list[Restoration]] = {}
    for i in todo:
        line = lines[i]
        numbers = numbered and ocr_text.damaged_number(line)
        reread = suspect and misread(line)
        if line and (poor or (len(raws[i]) - len(line)) * 10 < len(line)
                     or (signals and any(s in line for s in signals))
                     or (line.startswith(_CAN) and _DROPPED_CU.match(line)) or (broken and _BROKEN.search(line))
                     or numbers or reread):
            before = lines[i - 1] if i else ""
            after = lines[i + 1] if i + 1 < len(lines) else ""
            out[i], found = restore_line(line, poor, learned, before, after, numbers, reread)
            if found:
                notes[i] = found
    return out, notes


def locate(lines: list[str], notes: dict[int, list[Restoration]], text: str) -> list[Restoration]:
    """The lines' restorations as offsets into `text`, which holds the non-empty lines verbatim, in order."""
    found: list[Restoration] = []
    pos = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        at = text.find(line, pos)
        if at < 0:
            continue  # a header line the layout pass cut into components (extractor.extraction.header_layout)
        found += [Restoration(at + n.start, at + n.end, n.raw) for n in notes.get(i, ())]
        pos = at + len(line)
    return found


def restored(lines: list[str], join: Callable[[list[str]], str]) -> tuple[str, list[Restoration]]:
    """`join(lines)` of the restored lines, with the restorations as offsets into it."""
    lines, notes = restore_lines(lines)
    text = join(lines)
    return text, locate(lines, notes, text) if notes else []
