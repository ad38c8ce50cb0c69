"""`planex serve`: the HTTP API over an archive folder (extractor/server.py), run with uvicorn.

FastAPI and uvicorn are imported only when the command runs, so the rest of the CLI starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The archive folder (as `planex batch --out`); created when missing.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; loopback unless told otherwise.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="PLANEX_TOKEN", default=None,
              help="Bearer token needed to ingest files (also read from PLANEX_TOKEN).")
@click.option("--max-upload-mb", default=50, show_default=True, type=click.IntRange(1, 1024))
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds one extraction may take.")
def serve(out_dir: Path, host: str, port: int, token: str | None, max_upload_mb: int, timeout: float) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) over the archive OUT."""
    import uvicorn

    from extractor.server import create_app

    app = create_app(out_dir, token=token, max_upload=max_upload_mb * 1024 * 1024, timeout=timeout)
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(group: click.Group) -> None:
    group.add_command(serve)
