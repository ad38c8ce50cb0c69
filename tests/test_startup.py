"""What a one-file command imports: start-up is mostly imports, so modules a command does not need stay out.

Timing lives in bench/bench_startup.py; these tests pin which modules load (in a fresh interpreter).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = next((ROOT / "corpus").glob("c23_*.txt"))  # a typed plan: no web page, no legacy encoding
# Loaded only for some inputs or some commands.
_FORMATS = ["docx", "lxml", "pypdfium2", "pdfplumber", "PIL", "extractor.extraction.readers.docx",
            "extractor.extraction.readers.pdf", "extractor.extraction.readers.html"]
_WEB_PAGE = ["extractor.extraction.page", "extractor.extraction.vocab.web"]
_ARCHIVE = ["networkx", "rich", "jinja2", "fastapi", "sqlite3", "extractor.archive.batch", "extractor.archive.store"]
_ARCHIVE_COMMANDS = ["extractor.archive.archive_cli", "extractor.archive.check_cli", "extractor.archive.feeds_cli"]
_EXTRACTION = ["pydantic", "regex", "extractor.extraction.pipeline"]

_PROBE = """
import json, sys
from extractor.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
print(json.dumps([m for m in json.loads(sys.argv[1]) if m in sys.modules]))
"""


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["extract", str(PLAN), "--jsonl"],
         [*_FORMATS, *_WEB_PAGE, *_ARCHIVE, *_ARCHIVE_COMMANDS, "underthesea", "spacy"]),
        (["--help"], [*_EXTRACTION, *_ARCHIVE]),  # lists the archive commands: only their own modules load
    ],
    ids=["extract-plain-txt", "help"],
)
def test_command_imports_only_what_it_needs(argv: list[str], absent: list[str]) -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(absent), *argv], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out.splitlines()[-1]) == []
