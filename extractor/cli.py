"""Command line: `planex extract`, `planex schema`, `planex show` (and the archive commands)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extractor.archive_cli import OCR_HELP, register
from extractor.batch import record_line
from extractor.check_cli import register as register_check
from extractor.feeds_cli import register as register_feeds
from extractor.models import FileRecord
from extractor.pipeline import extract_file
from extractor.readers import OCR_MODES, OcrMode


def _dump(record: FileRecord, pretty: bool) -> str:
    line = record_line(record)  # the same line `planex batch` writes to records.jsonl
    return json.dumps(json.loads(line), ensure_ascii=False, indent=2) if pretty else line


@click.group()
@click.version_option(package_name="planex")
def main() -> None:
    """planex: structured, linked data from Vietnamese government plan documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jsonl", is_flag=True, help="One compact JSON line per file.")
@click.option("--include-text", is_flag=True, help="Add the normalised text that all spans point into.")
@click.option("--ocr", type=click.Choice(OCR_MODES), default="auto", show_default=True, help=OCR_HELP)
def extract(paths: tuple[Path, ...], jsonl: bool, include_text: bool, ocr: OcrMode) -> None:
    """Extract the documents of each file (.txt, .docx, .pdf, .doc, .rtf, .odt, .html, .png, .jpg, .tif).

    A file that cannot be read gives an error record; the others are still processed, and the
    exit code is 1 when any file failed.
    """
    failed = 0
    pretty = not jsonl
    if pretty and len(paths) > 1:
        click.echo("[")
    for i, path in enumerate(paths):
        record = extract_file(path, include_text=include_text, ocr=ocr)
        if record.error:
            failed += 1
            click.echo(f"planex: {record.error.kind}: {record.error.message}", err=True)
        out = _dump(record, pretty)
        if pretty and len(paths) > 1:
            out = out + ("," if i < len(paths) - 1 else "")
        click.echo(out)
    if pretty and len(paths) > 1:
        click.echo("]")
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of one output record (a line of --jsonl)."""
    click.echo(json.dumps(FileRecord.model_json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(path_type=Path), help="Write the HTML here (default: stdout).")
def show(path: Path, out_path: Path | None) -> None:
    """Write the file's review page: its text with every extracted value highlighted, and the list of values."""
    from extractor.pages import review_page

    record = extract_file(path, include_text=True)
    if record.error or record.text is None or record.documents is None:
        raise click.ClickException(f"{record.error.kind}: {record.error.message}" if record.error else "no text")
    html = review_page(record.text, json.loads(record_line(record)))
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(html, encoding="utf-8")
    else:
        click.echo(html)


register(main)
register_feeds(main)
register_check(main)
