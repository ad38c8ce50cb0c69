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


_COMPILED_PROBE = """
import json, sys
from pathlib import Path
from extractor.extraction.pipeline import extract_file
from extractor.extraction.fields import award_forms
extract_file(Path(sys.argv[1]))
from extractor.extraction.fields import awards, header, quota_tables, references, relation
anchors = award_forms._FORM_ANCHORS
rare = {"awards._HEAD_ANY_CASE": awards._HEAD_ANY_CASE, "header._KEM_THEO_FULL": header._KEM_THEO_FULL,
        "quota_tables._RECIPIENT_CELL": quota_tables._RECIPIENT_CELL,
        "references._MEETING_TAIL": references._MEETING_TAIL, "relation._ITEM_LINE": relation._ITEM_LINE,
        "relation._LEAD_LINE": relation._LEAD_LINE}
print(json.dumps({"compiled": sorted(anchors), "known": sorted(anchors.keys_known),
                  "rare": sorted(k for k, get in rare.items() if get.cache_info().currsize)}))
"""


@pytest.fixture(scope="module")
def compiled_after_plain_plan() -> dict[str, list[str]]:
    """What a fresh interpreter has compiled of the lazy patterns after extracting the plain plan."""
    out = subprocess.run([sys.executable, "-c", _COMPILED_PROBE, str(PLAN)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    state: dict[str, list[str]] = json.loads(out.splitlines()[-1])
    return state


def test_bug_every_award_anchor_compiled_at_import(compiled_after_plain_plan: dict[str, list[str]]) -> None:
    """A plan's award forms are matched per anchor; all 35 anchor patterns were compiled at import (~15 ms
    of every start-up) though a plan writes few: only the anchors the plan writes are compiled."""
    state = compiled_after_plain_plan
    low = PLAN.read_text(encoding="utf-8").lower()
    assert len(state["known"]) > 30
    assert state["compiled"] == [a for a in state["known"] if a in low]


def test_bug_rare_path_patterns_compiled_at_import(compiled_after_plain_plan: dict[str, list[str]]) -> None:
    """Patterns only a few plans reach (a grantor in lower case, a meeting's ordinal, quota table header
    cells, basis lists, "kèm theo" companions) were compiled at import by every `planex extract`."""
    assert compiled_after_plain_plan["rare"] == []


def test_bug_field_modules_imported_in_every_child() -> None:
    """The registry imports extractors on first use, which under the guard was in each file's forked
    child: every file of `planex extract a b c` imported (and compiled) them again. The parent loads them."""
    fields = ["extractor.extraction.fields.quotas", "extractor.extraction.fields.targets",
              "extractor.extraction.fields.timeline"]
    out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(fields), "extract", str(PLAN), "--jsonl"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert json.loads(out.splitlines()[-1]) == fields
