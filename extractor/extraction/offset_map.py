"""Where each character of the normalised text came from in the read text.

Normalisation (extractor.extraction.normalize) runs a chain of passes; each pass that moves characters
records one `Step`: anchors where its output and input drift apart. Between two anchors the output maps
1:1 onto its input from the first anchor on; an output stretch longer than its input (an inserted
"cứ", "…" become "...") is clamped at the next anchor, a shorter one (deleted "**") skips the rest.
A pass that edits nothing records nothing, so a clean text costs no more than the passes' own scans.

The line passes (cleaning, page furniture, header layout, restoration, wrap joining, flattened
headers) are not traced one by one: they keep every line's characters in order and only drop
whitespace, table bars, decoration and page marks, join lines, or rewrite a word in place. Their
result is aligned with their input once (`align_lines`), lazily, when an offset is first asked for.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

import regex

from extractor.extraction.fold import fold_accents
from extractor.extraction.vocab.ocr_confusions import BARE_PAGE_NUMBER, PAGE_MARK_PATTERN

# How far ahead a word of the result is looked for in the input when it is not where the input goes on:
# past a dropped table rule row, page mark or bar ("|---------|----------|").
_REACH = 160
_SPACE = re.compile(r"\s*")
_WORD_END = re.compile(r"[ \t]|$")
_TOKEN = re.compile(r"\S+")
_INDENTED = re.compile(r"\n[^\S\n]")  # a line that starts with a space
_GRAIN = 64  # (how close to the first and last change the line loop is skipped to: a line or so)
_SHAPE = re.compile(r"\S")  # (every non-space character as "x": where the words of a text stand)
# What the line passes drop between two words: table bars and rule rows, "<br>", decoration, page marks.
_DROPPED = re.compile(rf"(?:\s|[|\-_=*~.:<>/\\+#•]|<br\s*/?>|{PAGE_MARK_PATTERN}|{BARE_PAGE_NUMBER})*")


@dataclass
class Step:
    """One pass: output positions `out` (ascending) where a stretch starts, `src` the input position it
    starts at. Position 0 maps to 0 unless an anchor says otherwise."""

    out: list[int] = field(default_factory=lambda: [0])
    src: list[int] = field(default_factory=lambda: [0])

    def add(self, out: int, src: int) -> None:
        """An anchor where the output goes on at `out` from input `src` (a later anchor at the same
        output position replaces an earlier one: the characters between were dropped)."""
        if src - out == self.src[-1] - self.out[-1] and self.out[-1] <= out:
            return  # the stretch before goes on 1:1
        if self.out[-1] == out:
            self.src[-1] = src
        else:
            self.out.append(out)
            self.src.append(src)

    def _at(self, i: int, p: int) -> int:
        if i < 0:
            return p
        width = p - self.out[i]
        if i + 1 < len(self.src):
            width = min(width, self.src[i + 1] - self.src[i])
        return self.src[i] + max(0, width)

    def start(self, p: int) -> int:
        """Where the character at output position `p` came from."""
        return self._at(bisect_right(self.out, p) - 1, p)

    def end(self, p: int) -> int:
        """Where a range ending at output position `p` ends in the input."""
        return self._at(bisect_left(self.out, p) - 1, p)

    @property
    def edits(self) -> bool:
        return len(self.out) > 1 or self.src[0] != 0


class OffsetMap:
    """Normalised-text positions to read-text positions through every recorded step."""

    def __init__(self) -> None:
        self._steps: list[Step] = []
        self._lines: tuple[str, str] | None = None

    def record(self, step: Step) -> None:
        if step.edits:
            self._steps.append(step)

    def defer_lines(self, before: str, after: str) -> None:
        """The line passes turned `before` into `after`: aligned only when an offset is asked for."""
        self._lines = (before, after)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the normalised text as [src_start, src_end) of the read text."""
        if self._lines is not None:
            self.record(align_lines(*self._lines))
            self._lines = None
        for step in reversed(self._steps):
            start, end = step.start(start), step.end(end)
        return start, max(start, end)


Replacement = str | Callable[[Any], str]
Form = Literal["NFC", "NFD", "NFKC"]


def sub(omap: OffsetMap, pattern: re.Pattern[str] | regex.Pattern[str], repl: Replacement, text: str) -> str:
    """`pattern.sub(repl, text)`, with the moves recorded in `omap`."""
    parts: list[str] = []
    step = Step()
    done = size = 0
    literal = repl if isinstance(repl, str) and "\\" not in repl else None  # (expand parses its template)
    for m in pattern.finditer(text):
        if m.start() == m.end() and literal == "":
            continue  # an empty match dropped: nothing moves ("" before each mark of a decomposed text)
        new = literal if literal is not None else m.expand(repl) if isinstance(repl, str) else repl(m)
        parts += [text[done : m.start()], new]
        size += m.start() - done + len(new)
        done = m.end()
        step.add(size, done)
    if not parts:
        return text
    omap.record(step)
    return "".join(parts) + text[done:]


def unicode_form(omap: OffsetMap, form: Form, text: str) -> str:
    """`unicodedata.normalize(form, text)`, with the moves recorded in `omap`: line by line at once, and
    unit by unit (a base letter and its marks) inside a changed line when an offset there is asked for."""
    lines: list[tuple[int, int, str, str]] = []  # (output start, input start, line, its form) of changed lines
    coarse = Step()
    out: list[str] = []
    src = size = 0
    for line in text.splitlines(keepends=True):
        new = unicodedata.normalize(form, line)
        out.append(new)
        if new != line:
            lines.append((size, src, line, new))
        src += len(line)
        size += len(new)
        coarse.add(size, src)
    if lines:
        omap.record(_FormStep(form, lines, coarse))
    return "".join(out)


class _FormStep(Step):
    """A Unicode normalisation's step: line anchors, refined unit by unit inside a changed line on demand
    (an NFD text has an anchor at every accented letter; a record asks for a few dozen offsets)."""

    def __init__(self, form: Form, lines: list[tuple[int, int, str, str]], coarse: Step) -> None:
        super().__init__(coarse.out, coarse.src)
        self._form = form
        self._lines = lines
        self._starts = [at for at, *_ in lines]
        self._fine: dict[int, Step] = {}

    def _within(self, p: int, inside: Callable[[int, int], bool]) -> Step:
        i = bisect_right(self._starts, p) - 1
        if i < 0 or not inside(p, self._lines[i][0] + len(self._lines[i][3])):
            return self
        if i not in self._fine:
            self._fine[i] = _units(self._form, *self._lines[i])
        return self._fine[i]

    @property
    def edits(self) -> bool:
        return True  # (a changed line may keep its length: its units still move)

    def start(self, p: int) -> int:
        return Step.start(self._within(p, lambda p, end: p < end), p)

    def end(self, p: int) -> int:
        return Step.end(self._within(p, lambda p, end: p <= end), p)


def _units(form: Form, size: int, src: int, line: str, whole: str) -> Step:
    """Anchors per base-letter-and-marks unit of a changed `line` (input offset `src`, output offset `size`);
    where the units' forms do not add up to the line's (a composition across units), the line is one unit."""
    step = Step([size], [src])
    starts = [i for i, c in enumerate(line) if not unicodedata.combining(c)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(line)]
    pieces = [unicodedata.normalize(form, line[a:b]) for a, b in pairwise(bounds)]
    if "".join(pieces) != whole:
        pieces, bounds = [whole], [0, len(line)]
    for b, piece in zip(bounds[1:], pieces, strict=True):
        size += len(piece)
        step.add(size, src + b)
    return step


def align_lines(before: str, after: str) -> Step:
    """Anchors from `after` into `before`, which the line passes turned into `after`: the same characters
    in order, but for whitespace, dropped table bars, decoration and page marks, and words rewritten
    in place (restored diacritics, a letter read for a digit, an inserted "cứ")."""
    step = Step()
    # The line passes change a few stretches (the header, joined wraps): the lines before the first
    # change map 1:1 and are skipped at once, and the lines after the last one once the loop reaches them.
    n, tail = _unchanged(before, after)
    p = max(0, n - 1)  # (where the loop would stand: on the newline before line n)
    shift = len(before) - len(after)
    wordwise = -1  # the read line ending here failed as a whole: its words are aligned one by one
    for line in after[n:].split("\n"):
        k = 0
        while k < len(line):
            p = _SPACE.match(before, p).end()  # type: ignore[union-attr]
            if not k and n >= tail and p == n + shift:  # the rest is as it stands
                step.add(n, p)
                return step
            if not k and before.startswith(line, p):  # the line as it stands: the common case
                step.add(n, p)
                p += len(line)
                break
            if p < wordwise:
                k, p = _word(step, line, k, n, before, p)
            else:
                k, p, wordwise = _read_line(step, line, k, n, before, p)
            if k < len(line) and line[k] in " \t":
                k += 1
        n += len(line) + 1
    return step


def _unchanged(before: str, after: str) -> tuple[int, int]:
    """Where the first line of `after` starts that is not, with all lines before it, the same in `before`,
    and from where on every line start is followed by the same text to the end in both (both found to
    within `_GRAIN` characters: the loop reads the few lines between). A line that starts with a space
    is the loop's to read (it skips spaces in `before` first), so it is in neither."""
    cut = after.rfind("\n", 0, _same_run(before, after, False)) + 1
    tail = len(after) - _same_run(before, after, True)
    if after[:1].isspace() and after[:1] != "\n":
        cut, tail = 0, max(tail, 1)
    indented = _INDENTED.search(after, 0, cut)
    if indented:
        cut = indented.start() + 1
    for indented in _INDENTED.finditer(after, max(0, tail - 1)):
        tail = indented.start() + 2
    return cut, tail


def _same_run(a: str, b: str, from_end: bool) -> int:
    """How many characters at least the two texts share at their start (or end), by halving: a few C-speed
    comparisons of slices, to within `_GRAIN` characters (a text changed at its start costs one)."""
    x, y = len(a), len(b)

    def same(lo: int, hi: int) -> bool:
        return a[x - hi : x - lo] == b[y - hi : y - lo] if from_end else a[lo:hi] == b[lo:hi]

    lo, hi = 0, min(x, y) if same(0, _GRAIN) else 0  # the run is [0, n) for some n in [lo, hi]
    while hi - lo > _GRAIN:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if same(lo, mid) else (lo, mid - 1)
    return lo


def _read_line(step: Step, line: str, k: int, n: int, before: str, p: int) -> tuple[int, int, int]:
    """Align the rest of the read line at p with `line` from k as a whole: joined after a wrap, rewritten
    letter for letter (restored marks, digits for letters), or its space runs squeezed; else its first
    word, and the end of the read line returned as the stretch to align word by word."""
    eol = before.find("\n", p)
    eol = len(before) if eol < 0 else eol
    chunk = before[p:eol].rstrip()
    stop = k + len(chunk)
    if chunk and (line.startswith(chunk, k) or (
            line[stop : stop + 1] in ("", " ", "\t") and _base(chunk) == _base(line[k:stop])
            and _SHAPE.sub("x", chunk) == _SHAPE.sub("x", line[k:stop]))):
        step.add(n + k, p)
        return stop, p + len(chunk), -1
    squeezed = _squeezed(step, line, k, n, chunk, p) if chunk else 0
    if squeezed:
        return squeezed, p + len(chunk), -1
    return (*_word(step, line, k, n, before, p), eol)


def _squeezed(step: Step, line: str, k: int, n: int, chunk: str, p: int) -> int:
    """Where in `line` an input line `chunk` (at p) ends when its runs of spaces and tabs became one, each
    word anchored; 0 when it is not there so."""
    words = chunk.split()
    stop = k + sum(map(len, words)) + len(words) - 1
    if line[stop : stop + 1] not in ("", " ", "\t") or line[k:stop].split() != words:
        return 0
    at = k
    for m in _TOKEN.finditer(chunk):
        step.add(n + at, p + m.start())
        at += len(m.group()) + 1
    return stop


def _word(step: Step, line: str, k: int, n: int, before: str, p: int) -> tuple[int, int]:
    """Align the word of `line` at k: rewritten letter for letter ("Quyet" -> "Quyết"), found a little
    ahead past what the line passes drop, found with its letters spread ("K Ế H O Ạ C H", "20 20"),
    rewritten past a dropped page mark, or inserted ("cứ": the input position stays)."""
    end = _WORD_END.search(line, k).start()  # type: ignore[union-attr]
    word = line[k:end]
    if not word:
        return k + 1, p
    if written := _in_place(word, before, p):  # the common rewrite, tested first: restored marks
        step.add(n + k, p)
        return end, written
    at = before.find(word, p, p + _REACH + len(word))
    if at >= 0 and (at == p or _DROPPED.fullmatch(before, p, at)):
        step.add(n + k, at)
        return end, at + len(word)
    spread = _spread(word, before, p)
    if spread:  # each letter anchored past the spaces before it
        for i, q in enumerate(spread):
            step.add(n + k + i, q)
        return end, spread[-1] + 1
    q = _DROPPED.match(before, p).end()  # type: ignore[union-attr]
    if q > p and (written := _in_place(word, before, q)):  # "- 2 -" dropped before "Can" -> "Căn"
        step.add(n + k, q)
        return end, written
    step.add(n + k, p)
    token = _TOKEN.match(before, p)  # as long as the word: rewritten all through ("2O21" for "2021")
    return end, token.end() if token and token.end() - p == len(word) else p


def _spread(word: str, before: str, p: int) -> list[int]:
    """Where each letter of `word` stands in `before` from p when spaces stand between them; [] if not so."""
    found: list[int] = []
    q = p
    for c in word:
        while found and q < len(before) and before[q].isspace():
            q += 1
        if q >= len(before) or before[q] != c:
            return []
        found.append(q)
        q += 1
    return found


def _in_place(word: str, before: str, p: int) -> int:
    """Where the word of `before` at p ends when `word` is it rewritten letter for letter; else 0."""
    written = _TOKEN.match(before, p)
    if written and written.end() - p == len(word) and _base(written.group()) == _base(word):
        return written.end()
    return 0


def _base(word: str) -> str:
    """The first and last letters without marks, lower case: what a rewrite in place keeps."""
    return fold_accents(word[0] + word[-1])
