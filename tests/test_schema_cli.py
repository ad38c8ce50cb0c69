import json
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.extraction.models import FileRecord

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "planex-record.schema.json"


def test_published_schema_is_in_sync_with_models() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == FileRecord.model_json_schema(), (
        "regenerate: planex schema > schemas/planex-record.schema.json"
    )


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "FileRecord"


def test_extract_jsonl_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("KẾ HOẠCH\nThi đua năm 2021\nCăn cứ Kế hoạch số 3/KH-UBND ngày 2/2/2021 của UBND tỉnh;\n",
                    encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(bad), str(good)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0]["error"]["kind"] == "empty"
    assert lines[1]["documents"][0]["references"][0]["number"] == "3/KH-UBND"
    assert set(lines[1]["source"]) == {"path", "sha256", "format", "pages", "page_starts", "ocr", "encoding",
                                       "warnings"}
