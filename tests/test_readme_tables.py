"""The README's database table lists each field family's columns as the registry makes them (the registry
is the one source: this keeps the README from drifting into a fourth copy of the mapping)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from extractor.extraction.registry import FAMILIES, Family

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _readme_columns(table: str) -> set[str]:
    row = next(line for line in README.splitlines() if line.startswith(f"| `{table}` |"))
    cell = row.split("|")[3]
    names = set(re.findall(r"`(\w+)`", cell))
    return names | ({"span_start", "span_end"} if re.search(r"\bspans\b", cell) else set())


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.table)
def test_readme_lists_each_family_table_as_the_registry_makes_it(family: Family[Any]) -> None:
    assert _readme_columns(family.table) == {"id", "document_id"} | {c.name for c in family.columns}
