"""Award quotas laid out as a table: a header row naming who is counted, rows of counts under it.

An award plan often sets its numbers in a table converted to cells separated by tabs or "|":

    Hình thức        Tập thể   Cá nhân
    Giấy khen        03        05

Each row's number under a recipient column is a quota of that row's label (an award form or a
phase). Only cells holding a bare number count: "03 tập thể" in a cell is read by the sentence pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex as re

from extractor.extraction.fold import phrase_key
from extractor.extraction.sections import lines_between
from extractor.extraction.vocab import alternation
from extractor.extraction.vocab.awards import RECIPIENTS
from extractor.extraction.vocab.lazy import on_first_use

_CELL_SEP = re.compile(r"\t+|[ \t]*\|[ \t]*")
_NUMBER_CELL = re.compile(r"\d{1,3}")
# A header cell naming who a column counts ("Tập thể", "Số cá nhân", "Cá nhân (người)").
_RECIPIENT_CELL = on_first_use(rf"(?i)^(?:số\s+(?:lượng\s+)?)?({alternation(RECIPIENTS)})(?!\p{{L}})")


class Cell(NamedTuple):
    start: int
    end: int
    text: str


class TableCount(NamedTuple):
    row: Cell  # the whole row line
    label: str  # the row's first cell ("Giấy khen", "Sơ kết 6 tháng")
    number: Cell  # the cell holding the count
    recipient: str


def _cells(text: str, start: int, end: int) -> list[Cell]:
    cells, pos = [], start
    for sep in [*_CELL_SEP.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        if raw.strip():
            cells.append(Cell(pos + lead, pos + lead + len(raw.strip()), raw.strip()))
        pos = sep.end() if sep else end
    return cells


def _columns(cells: list[Cell]) -> dict[int, str]:
    """Which cells of a header row name a recipient, by position in the row."""
    out = {}
    for i, c in enumerate(cells):
        m = _RECIPIENT_CELL().match(c.text)
        if m and len(c.text) <= 30:
            out[i] = RECIPIENTS[phrase_key(m.group(1))]
    return out


def table_counts(text: str, start: int, end: int) -> Iterator[TableCount]:
    """Counts in the tables of text[start:end], in order. Cheap when the text has no cell separators."""
    if "\t" not in text[start:end] and "|" not in text[start:end]:
        return
    columns: dict[int, str] = {}
    width = 0
    for lo, hi, line in lines_between(text, start, end):
        if "\t" not in line and "|" not in line:
            columns = {}
            continue
        cells = _cells(text, lo, hi)
        header = _columns(cells)
        if header:
            columns, width = header, len(cells)
            continue
        # A header row may leave its label cells blank ("\t\tTập thể\tCá nhân"): its columns are the last
        # ones of the row. A row with fewer cells than its header has blanks of its own and is not read.
        shift = len(cells) - width
        if not columns or shift < 0:
            continue
        label = next((c.text for c in cells if not _NUMBER_CELL.fullmatch(c.text)), "")  # past a "TT" number
        for i, recipient in columns.items():
            if _NUMBER_CELL.fullmatch(cells[i + shift].text) and int(cells[i + shift].text):
                yield TableCount(Cell(lo, hi, line), label, cells[i + shift], recipient)
