"""Command line: `planex extract`, `planex schema`, `planex show` (and the archive commands).

Libraries are imported inside the commands, so `planex -h` answers at once; the archive commands
(extractor/archive/*_cli.py) are added when one of them runs or the list of commands is shown, so
`planex extract` loads none of them.

Exit codes (every command): 0 success; 1 some input file failed (each failure is also a record);
2 usage error; 3 the output folder is locked by another `planex batch`; 4 the store could not be
written (a full disk); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from extractor.cli_options import CONTEXT, EXIT_FAILED, EXIT_INTERRUPTED, OCR_OPTION

if TYPE_CHECKING:
    from extractor.extraction.models import FileRecord
    from extractor.extraction.readers import OcrMode

# A file taking longer than this (seconds) is stopped and given a "timeout" error record.
DEFAULT_TIMEOUT = 60.0
_TIMEOUT = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
    help="Seconds one file may take (its memory is bounded too); past it the file is a 'timeout' error.")


def _dump(record: FileRecord, pretty: bool) -> str:
    from extractor.jsonl import record_line

    line = record_line(record)  # the same line `planex batch` writes to records.jsonl
    return json.dumps(json.loads(line), ensure_ascii=False, indent=2) if pretty else line


class _Planex(click.Group):
    """The `planex` group: the archive commands are registered on first need (a name not defined here,
    or the list of commands for -h and completion)."""

    _archive_loaded = False
    _command_line = False

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Started as the command line when the arguments are read from sys.argv (not given by a program
        # or a test): only then are compiled patterns kept between runs (extractor.regex_cache).
        self._command_line = not args and kwargs.get("args") is None
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        if not self._command_line:
            return super().invoke(ctx)
        from extractor import regex_cache

        regex_cache.install()  # a command runs (not -h): its patterns come from the cache
        try:
            return super().invoke(ctx)
        finally:
            # The process ends with the command: what it built needs no collecting on the way out (the
            # interpreter's final collections walk every object, ~30 ms CPU after a one-file extract).
            gc.freeze()

    def _load_archive(self) -> None:
        if not self._archive_loaded:
            self._archive_loaded = True
            from extractor.archive import archive_cli, check_cli, feeds_cli

            for module in (archive_cli, feeds_cli, check_cli):
                module.register(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_archive()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            self._load_archive()
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Planex, context_settings=CONTEXT)
@click.version_option(package_name="planex")
def main() -> None:
    """planex: structured, linked data from Vietnamese government plan documents."""


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--jsonl", is_flag=True, help="One compact JSON line per file (default: indented JSON per file).")
@click.option("--include-text", is_flag=True, help="Add the normalised text that all spans point into.")
@_TIMEOUT
@OCR_OPTION
def extract(paths: tuple[Path, ...], jsonl: bool, include_text: bool, timeout: float, ocr: OcrMode) -> None:
    """Extract the documents of each file (.txt, .docx, .pdf, .doc, .rtf, .odt, .html, .png, .jpg, .tif).

    Prints one JSON record per file, in the order given, whatever their number (indented, or one line
    each with --jsonl; never an array). A file that cannot be read gives an error record; the others
    are still processed, and the exit code is 1 when any file failed.
    """
    from extractor.extraction.pipeline import extract_file, file_guard

    failed = 0
    try:
        with file_guard() as guard:  # one child extracts file after file, each under its own budget
            for path in paths:
                record = extract_file(path, include_text=include_text, timeout=timeout, ocr=ocr, guard=guard)
                if record.error:
                    failed += 1
                    click.echo(f"planex: {record.error.kind}: {record.error.message}", err=True)
                click.echo(_dump(record, not jsonl))
    except KeyboardInterrupt:
        click.echo("planex: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if failed:
        sys.exit(EXIT_FAILED)


@main.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of one output record (a line of --jsonl)."""
    from extractor.extraction.models import FileRecord

    click.echo(json.dumps(FileRecord.model_json_schema(), ensure_ascii=False, indent=2))


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False, readable=False))
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the HTML here, creating its folder (default: stdout).")
@_TIMEOUT
@OCR_OPTION
def show(path: Path, out_path: Path | None, timeout: float, ocr: OcrMode) -> None:
    """Write the file's review page: its text with every extracted value highlighted, and the list of values."""
    from extractor.archive.pages import review_page
    from extractor.extraction.pipeline import extract_file
    from extractor.jsonl import record_line

    record = extract_file(path, include_text=True, timeout=timeout, ocr=ocr)
    if record.error or record.text is None or record.documents is None:
        message = f"{record.error.kind}: {record.error.message}" if record.error else "no text"
        click.echo(f"Error: {message}", err=True)
        sys.exit(EXIT_FAILED)
    html = review_page(record.text, json.loads(record_line(record)))
    if out_path:
        try:
            out_path.parent.mkdir(parents=True, exist_ok=True)
            out_path.write_text(html, encoding="utf-8")
        except OSError as e:
            raise click.ClickException(f"cannot write {out_path}: {e.strerror or e}") from None
    else:
        click.echo(html)

