"""The two halves of the package: extraction (file to records) never reaches into archive (records to store,
graph, pages), so a library user or a worker can extract without the archive's dependencies."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACTION = Path(__file__).resolve().parent.parent / "extractor" / "extraction"


def _imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


@pytest.mark.parametrize("path", sorted(EXTRACTION.rglob("*.py")), ids=lambda p: str(p.relative_to(EXTRACTION)))
def test_extraction_imports_nothing_from_archive(path: Path) -> None:
    assert [m for m in _imports(path) if m.startswith("extractor.archive")] == []


def test_bug_references_imported_identity_from_archive() -> None:
    assert "extractor.extraction.identity" in _imports(EXTRACTION / "fields" / "references.py")
