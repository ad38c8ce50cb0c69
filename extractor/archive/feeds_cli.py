"""Commands that feed other systems: `planex serve` (the HTTP API, extractor/archive/server.py) and `planex export`.

FastAPI, uvicorn and the export writers are imported only when their command runs, so the CLI starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from extractor.archive.archive_cli import DB_OPTION, open_store
from extractor.cli_options import CONTEXT


@click.command(context_settings=CONTEXT)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The archive folder (as `planex batch --out`); created when missing.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; loopback unless told otherwise.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="PLANEX_TOKEN", default=None,
              help="Bearer token needed to ingest files (also read from PLANEX_TOKEN).")
@click.option("--db", "db_url", default=None, metavar="URL",
              help="Store in PostgreSQL (postgresql://…) instead of OUT/planex.db.")
@click.option("--max-upload-mb", default=50, show_default=True, type=click.IntRange(1, 1024))
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds one extraction may take.")
def serve(out_dir: Path, host: str, port: int, token: str | None, db_url: str | None, max_upload_mb: int,
          timeout: float) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) over the archive OUT."""
    import uvicorn

    from extractor.archive.server import create_app

    app = create_app(out_dir, token=token, max_upload=max_upload_mb * 1024 * 1024, timeout=timeout, db_url=db_url)
    uvicorn.run(app, host=host, port=port, log_level="info")


@click.command("export", context_settings=CONTEXT)
@click.argument("archive", type=click.Path(path_type=Path, exists=True))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "xlsx", "edxml", "jsonld", "docbin", "gold"]))
@click.option("--dest", required=True, type=click.Path(path_type=Path),
              help="A file (jsonl, xlsx, jsonld, docbin) or a folder (csv, parquet, edxml, gold).")
@DB_OPTION
def export_cmd(archive: Path, fmt: str, dest: Path, db_url: str | None) -> None:
    """Write the archive ARCHIVE for other systems: tables, a register workbook, edXML headers, JSON-LD."""
    from extractor.archive.export import export

    db = open_store(archive, db_url)  # the lineage is current before nodes and edges are exported
    try:
        if fmt == "jsonl":
            dest.parent.mkdir(parents=True, exist_ok=True)
            db.export_jsonl(dest)
            written = [dest]
        else:
            written = export(db.conn, fmt, dest)
    except RuntimeError as e:
        raise click.ClickException(str(e)) from None
    finally:
        db.close()
    click.echo(f"planex: wrote {len(written)} file(s) to {dest}", err=True)


def register(group: click.Group) -> None:
    group.add_command(serve)
    group.add_command(export_cmd)
