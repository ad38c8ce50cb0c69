"""Every clean corpus header, re-laid the ways archives and web pages deliver it, reads the same.

The header lines of each corpus file that is not a web page (from its normalised text, up to the type line)
are sorted into the two columns of Nghị định 30/2020 — left: issuer lines and the number; right: the motto
and the place-date — and re-laid: flattened onto one line (row order, column order, right column first), as table rows
(markdown, tabs), with lone "|" lines between them, and with the motto and tiêu ngữ broken over two lines.
The header fields must come out as the expected record says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractor.extraction.normalize import normalize
from extractor.extraction.page import read_page
from extractor.extraction.pipeline import extract_text
from extractor.extraction.readers import read_file
from extractor.extraction.vocab.layout import MOTTO, NUMBER_LINE, PLACE_DATE, TYPE_LINE
from tests.contract import header

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_BODY_LINES = 30


def _columns(text: str) -> tuple[list[str], list[str], str] | None:
    """(left column lines, right column lines, the rest from the type line on), or None without a header."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines[:30]) if TYPE_LINE.match(line)), None)
    head = [line for line in lines[: at or 0] if line.strip()]
    if at is None or not head:
        return None
    right = [line for line in head if MOTTO.search(line) or PLACE_DATE.search(line)]
    left = [line for line in head if line not in right]
    # (the body only as far as the header fields need it: the title, the basis, who issues the plan)
    return [x for x in left if not NUMBER_LINE.match(x)] + [x for x in left if NUMBER_LINE.match(x)], right, \
        "\n".join(lines[at : at + _BODY_LINES])


def _rows(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    n = max(len(left), len(right))
    return [(left[i] if i < len(left) else "", right[i] if i < len(right) else "") for i in range(n)]


_LAYOUTS: dict[str, Callable[[list[str], list[str]], str]] = {
    "row order on one line": lambda lt, rt: " ".join(f"{a} {b}" for a, b in _rows(lt, rt)),
    "column order on one line": lambda lt, rt: " ".join(lt + rt),
    "right column first on one line": lambda lt, rt: " ".join(rt + lt),
    "right column first, one line each": lambda lt, rt: "\n".join(rt + lt),
    "markdown rows": lambda lt, rt: "\n".join(f"| {a} | {b} |" for a, b in _rows(lt, rt)),
    "tab rows": lambda lt, rt: "\n".join(f"{a}\t{b}" for a, b in _rows(lt, rt)),
    "lone '|' between cells": lambda lt, rt: "\n|\n".join(lt + rt),
    "motto broken over lines": lambda lt, rt: "\n".join(lt + rt).replace("XÃ HỘI CHỦ", "XÃ HỘI\nCHỦ")
    .replace("Tự do - Hạnh", "Tự do -\nHạnh"),
    "words broken at a line end": lambda lt, rt: "\n".join(lt + rt).replace("ỦY BAN", "ỦY\nBAN")
    .replace("Số: ", "Số:\n"),
    "rows aligned with spaces": lambda lt, rt: "\n".join(f"{a}{' ' * 12}{b}" for a, b in _rows(lt, rt)),
}


def _cases() -> list[Any]:
    cases = []
    for expected in sorted(CORPUS.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        text = normalize(read_file(CORPUS / f"{stem}.txt").text)  # (some are in legacy fonts)
        columns = _columns(text)
        if columns is None or read_page(text) is not None:
            continue  # no header, or a web page (its chrome stands above the header)
        want = json.loads(expected.read_text(encoding="utf-8"))["documents"][0]
        cases += [pytest.param(columns, lay, want, id=f"{stem}-{name}") for name, lay in _LAYOUTS.items()]
    return cases


@pytest.mark.parametrize(("columns", "layout", "want"), _cases())
def test_header_reads_the_same_in_every_layout(
    columns: tuple[list[str], list[str], str], layout: Callable[[list[str], list[str]], str], want: dict[str, Any]
) -> None:
    left, right, rest = columns
    _, docs = extract_text(layout(left, right) + "\n" + rest)
    got = header(docs[0].model_dump(mode="json"))
    assert {k: got[k] for k in got if k not in ("signer_name", "signer_position")} == {
        k: v for k, v in header(want).items() if k not in ("signer_name", "signer_position")
    }
