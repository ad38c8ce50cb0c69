"""`planex check OUT`: the board's checks over an archive (extractor/archive/checks.py), as tables or JSON."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from extractor.archive.archive_cli import DB_OPTION, open_graph
from extractor.cli_options import CONTEXT


@click.command(context_settings=CONTEXT)
@click.argument("archive", type=click.Path(path_type=Path, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the findings and the deadline register as JSON.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day deadlines are due against (YYYY-MM-DD); default: today.")
@DB_OPTION
def check(archive: Path, as_json: bool, today: datetime | None, db_url: str | None) -> None:
    """Missing implementers, the deadline register, parent consistency, award legality, duplicate numbers.

    Exits 1 when there is any finding, 0 when there is none.
    """
    from rich.console import Console
    from rich.table import Table

    from extractor.archive.checks import run_checks

    day = today.date() if today else date.today()
    db, g = open_graph(archive, db_url)
    try:
        result = run_checks(db.conn, g, day)
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
    else:
        console = Console()
        findings = Table(title=f"Findings ({len(result.findings)})")
        for col in ("check", "finding", "documents"):
            findings.add_column(col)
        for f in result.findings:
            findings.add_row(f.check, f.message, ", ".join(map(str, f.documents)))
        console.print(findings)
        register = Table(title=f"Deadlines as of {day.isoformat()} ({len(result.deadlines)})")
        for col in ("date", "status", "task", "owner", "document"):
            register.add_column(col)
        for d in result.deadlines:
            register.add_row(d.date, d.status, d.task or "", d.owner or "", d.caption)
        console.print(register)
    sys.exit(1 if result.findings else 0)


def register(group: click.Group) -> None:
    group.add_command(check)
