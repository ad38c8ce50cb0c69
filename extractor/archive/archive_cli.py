"""Archive commands: `planex batch`, `planex graph`, `planex lineage`, `planex report`.

`register(main)` adds them to the `planex` group (extractor/cli.py).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from extractor.cli_options import CONTEXT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_STORE, OCR_OPTION

if TYPE_CHECKING:  # networkx and rich cost ~0.5 s to import: loaded by the commands that use them
    import networkx as nx
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table
    from rich.tree import Tree

    from extractor.archive.batch import BatchSummary
    from extractor.archive.store import Store
    from extractor.extraction.readers import OcrMode

DB_NAME = "planex.db"  # extractor.archive.batch.DB_NAME, without importing the batch for `-h`
# extractor.archive.lineage.formats.FORMATS (checked equal by a test), without importing networkx for `-h`.
GRAPH_FORMATS = ("graphml", "json", "dot", "mermaid")
# Pictures for people (archive/graph_views.py): one document's lineage (svg, html), or the archive by issuer (html).
PICTURE_FORMATS = ("svg", "html")
# The store of an archive command: a PostgreSQL database instead of the folder's SQLite file.
DB_OPTION = click.option("--db", "db_url", default=None, metavar="URL",
                         help="The store is this PostgreSQL database (postgresql://…), not ARCHIVE/planex.db.")
# How an edge reads from the document shown, looking up (what it implements) or down.
_UP_WORDS = {"basis": "implements", "cites": "cites", "issues": "issued by", "forwards": "forwarded by"}
_DOWN_WORDS = {"basis": "implemented by", "cites": "cited by", "issues": "issues", "forwards": "forwards"}


def _progress(console: Console) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _RateColumn(ProgressColumn):
        """Files per second, from rich's recent-speed estimate."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.0f} files/s" if speed else "- files/s", style="progress.data.speed")

    return Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TextColumn("[red]{task.fields[errors]} errors"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, disable=not console.is_terminal,
    )


def _summary_table(s: BatchSummary, graph_seconds: float | None, db: Store) -> Table:
    from rich.table import Table

    t = Table(title="planex batch", show_header=False)
    t.add_column(justify="right")
    t.add_column()
    rows: list[tuple[str, str]] = [
        ("files", f"{s.found}"),
        ("extracted", f"{s.extracted}"),
        ("already stored", f"{s.unchanged}"),
        ("copies of stored files", f"{s.copies}"),
        ("documents", f"{s.documents}"),
        ("failed files", f"{s.failed}"),
        ("new errors", f"{sum(s.errors.values())}"),
    ]
    rows += [(f"  {kind}", f"{n}") for kind, n in s.errors.most_common()]
    if s.gone:
        rows.append(("gone from disk", f"{s.gone}"))
    rows.append(("time", f"{s.seconds:.1f} s ({s.files_per_second:.0f} files/s)"))
    if graph_seconds is not None:
        c = db.counts()
        rows.append(("lineage graph", f"{c['nodes']} nodes, {c['edges']} edges in {graph_seconds:.2f} s"))
    for k, v in rows:
        t.add_row(k, v)
    return t


@click.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Output folder: planex.db and records.jsonl.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: all cores].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Seconds the extraction of one file may take before it is stopped and recorded as an error.")
@click.option("--retry-errors", is_flag=True, help="Extract again the stored files that failed last time.")
@click.option("--reprocess", is_flag=True, help="Extract every file again, even if stored by this version.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON on stdout.")
@DB_OPTION
@click.option("--dask", "dask", default=None, metavar="SCHEDULER",
              help="Extract on a Dask cluster: tcp://host:port, or local:N for a local one of N workers.")
@OCR_OPTION
def batch(inputs: tuple[str, ...], out_dir: Path, workers: int | None, timeout: float, retry_errors: bool,
          reprocess: bool, as_json: bool, db_url: str | None, dask: str | None, ocr: OcrMode) -> None:
    """Extract every file of INPUTS (folders, recursively; files; globs) into a database.

    Writes OUT/planex.db (SQLite) and OUT/records.jsonl, then builds the lineage graph.
    Every file ends as a record or an error entry (list them: `planex errors OUT`). Re-running skips
    files already stored by this extractor version (by content hash); files deleted since are marked
    gone; Ctrl-C stops cleanly and the next run resumes.

    Exit codes: 0 all files extracted, 1 some files failed, 3 OUT is used by another run,
    4 OUT could not be written (full disk; resume later), 130 interrupted.
    """
    try:  # from the first line: a Ctrl-C while the libraries load is an interruption too, not a traceback
        from rich.console import Console

        from extractor.archive.batch import JSONL_NAME, BatchLocked, StoreError, run_batch
        from extractor.archive.lineage import sql
        from extractor.archive.store import Store

        console = Console(stderr=True)
        with _progress(console) as bar:
            task = bar.add_task("extracting", total=None, errors=0)

            def on_progress(done: int, found: int, errors: int) -> None:
                bar.update(task, completed=done, total=found, errors=errors)

            summary = run_batch(list(inputs), out_dir, workers=workers, timeout=timeout, retry_errors=retry_errors,
                                reprocess=reprocess, dask=dask, db=db_url, ocr=ocr,
                                progress=on_progress)
            on_progress(summary.done, summary.found, sum(summary.errors.values()))
        graph_seconds = None
        if not summary.interrupted:
            db = Store(db_url or out_dir / DB_NAME)
            try:
                started = time.perf_counter()
                sql.rebuild(db.conn)
                db.commit()
                graph_seconds = time.perf_counter() - started
                if not as_json:
                    Console().print(_summary_table(summary, graph_seconds, db))
            finally:
                db.close()
    except KeyboardInterrupt:  # first: the names below may not be imported yet
        # Ctrl-C before the run took it over, or a second one: stop at once; the store keeps its last commit.
        click.echo("planex: interrupted; run the same command again to resume.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BatchLocked as e:
        click.echo(f"planex: {e}", err=True)
        sys.exit(EXIT_LOCKED)
    except StoreError as e:
        click.echo(f"planex: {e}", err=True)
        sys.exit(EXIT_STORE)
    if as_json:
        click.echo(json.dumps({**summary.as_dict(), "out": str(out_dir)}, ensure_ascii=False))
    if summary.interrupted:
        click.echo(f"planex: interrupted; {summary.done} of {summary.found} files are stored in {out_dir / DB_NAME}. "
                   "Run the same command again to resume.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    click.echo(f"planex: records in {out_dir / DB_NAME} and {out_dir / JSONL_NAME}", err=True)
    if summary.failed:
        click.echo(f"planex: {summary.failed} files failed; list them with `planex errors {out_dir}`", err=True)
        sys.exit(EXIT_FAILED)


def _db_path(archive: Path, db_url: str | None = None) -> Path | str:
    """The database of ARCHIVE: a PostgreSQL URL given with --db, the output folder's planex.db, or that file."""
    if db_url:
        return db_url
    db_path = archive if archive.is_file() else archive / DB_NAME
    if not db_path.is_file():
        raise click.ClickException(f"{db_path} not found: run `planex batch … --out {archive}` first")
    return db_path


def open_store(archive: Path, db_url: str | None = None) -> Store:
    """The archive's store, its lineage graph rebuilt first when documents changed since it was built."""
    from extractor.archive.lineage import sql
    from extractor.archive.store import Store

    db = Store(_db_path(archive, db_url))
    if db.lineage_stale():
        sql.rebuild(db.conn)
    return db


def open_graph(archive: Path, db_url: str | None = None) -> tuple[Store, nx.MultiDiGraph]:
    from extractor.archive.lineage import sql

    db = open_store(archive, db_url)
    return db, sql.load_graph(db.conn)


_ARCHIVE = click.argument("archive", type=click.Path(path_type=Path, exists=True))


@click.command(context_settings=CONTEXT)
@_ARCHIVE
@click.option("--format", "fmt", type=click.Choice(GRAPH_FORMATS + PICTURE_FORMATS), default="graphml",
              show_default=True)
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not stdout.")
@click.option("--root", "root", metavar="NUMBER", help="Only this document's lineage (needed for svg).")
@click.option("--issuer", help="Narrow an ambiguous --root: words of the issuer's name.")
@click.option("--year", type=int, help="Narrow an ambiguous --root: the year of issue.")
@click.option("--depth", type=click.IntRange(min=1), default=5, show_default=True,
              help="Steps up and down from --root.")
@click.option("--cites", is_flag=True, help="With --root, follow plain citations too.")
@DB_OPTION
def graph(archive: Path, fmt: str, out_path: Path | None, root: str | None, issuer: str | None, year: int | None,
          depth: int, cites: bool, db_url: str | None) -> None:
    """Export the lineage graph of ARCHIVE (a `planex batch` output folder, or its planex.db).

    With --root, only one document's ancestors and descendants; svg draws them in layers, html is an
    interactive page. html without --root shows the whole archive with one node per issuer.
    """
    from extractor.archive import graph_views, pages
    from extractor.archive.lineage import formats, traverse

    db, g = open_graph(archive, db_url)
    db.close()
    if fmt == "svg" and not root:
        raise click.UsageError("--format svg draws one document's lineage: give --root NUMBER")
    if root:
        found = traverse.find(g, root, issuer, year)
        archived = [n for n in found if g.nodes[n].get("kind") == "document"]
        found = archived if len(archived) == 1 else found  # an archived plan over outside namesakes
        if len(found) != 1:
            choices = "; ".join(formats.node_caption(g.nodes[n]) for n in found)
            raise click.ClickException(f"{len(found)} documents numbered {root}" + (f": {choices}. Narrow it with "
                                       "--issuer or --year" if found else f" in {archive}"))
        kinds = traverse.LINEAGE_KINDS | ({"cites"} if cites else set())
        view = graph_views.neighbourhood(g, found[0], depth, frozenset(kinds))
        if fmt == "svg":
            text = graph_views.svg(view)
        elif fmt == "html":
            text = pages.lineage_page(view, formats.node_caption(g.nodes[found[0]]), standalone=True)
        else:
            text = formats.export(traverse.restrict(g, {n["id"] for n in view["nodes"]}), fmt)
    elif fmt == "html":
        text = pages.archive_graph_page(graph_views.clusters_json(g), standalone=True)
    else:
        text = formats.export(g, fmt)
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _line(g: nx.MultiDiGraph, n: str, edge: dict[str, Any] | None, words: dict[str, str]) -> str:
    from rich.markup import escape

    attrs = g.nodes[n]
    parts = []
    if edge is not None:
        parts.append(f"[cyan]{words[edge['kind']]}[/cyan]")
        if edge.get("candidates", 1) > 1:
            n_cand, conf = edge["candidates"], edge["confidence"]
            parts.append(f"[yellow]one of {n_cand} candidates, confidence {conf:.2f}[/yellow]")
    parts.append(f"[bold]{escape(str(attrs.get('label', n)))}[/bold]")
    parts += [escape(str(attrs[k])) for k in ("issuer", "issued_date") if attrs.get(k)]
    if attrs.get("kind") == "external":
        parts.append("[dim](not in the archive)[/dim]")
    return " · ".join(parts)


def _grow(tree: Tree, g: nx.MultiDiGraph, n: str, up: bool, kinds: frozenset[str], path: frozenset[str],
          depth: int) -> None:
    from extractor.archive.lineage.traverse import children, parents

    step = parents if up else children
    words = _UP_WORDS if up else _DOWN_WORDS
    for m, edge in sorted(step(g, n, kinds), key=lambda me: str(g.nodes[me[0]].get("issued_date") or "")):
        branch = tree.add(_line(g, m, edge, words))
        if m in path:
            branch.add("[red]cycle: already shown above[/red]")
        elif depth <= 1:
            if step(g, m, kinds):
                branch.add("[dim]…[/dim]")
        else:
            _grow(branch, g, m, up, kinds, path | {m}, depth - 1)


@click.command(name="lineage", context_settings=CONTEXT)
@_ARCHIVE
@click.argument("number")
@click.option("--issuer", help="Narrow an ambiguous number: words of the issuer's name.")
@click.option("--year", type=int, help="Narrow an ambiguous number: the year of issue.")
@click.option("--cites", is_flag=True, help="Follow plain citations too, not only basis/issues/forwards.")
@click.option("--depth", type=click.IntRange(min=1), default=20, show_default=True)
@DB_OPTION
def lineage_cmd(archive: Path, number: str, issuer: str | None, year: int | None, cites: bool, depth: int,
                db_url: str | None) -> None:
    """Ancestors and descendants of the document numbered NUMBER in ARCHIVE."""
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    from extractor.archive.lineage import traverse

    db, g = open_graph(archive, db_url)
    db.close()
    console = Console()
    found = traverse.find(g, number, issuer, year)
    if not found:
        raise click.ClickException(f"no document numbered {number} in {archive}")
    if len(found) > 1:
        console.print(f"[yellow]{escape(number)} is ambiguous: {len(found)} documents have this number (numbers "
                      "restart for each issuer and year). Narrow it with --issuer or --year.[/yellow]")
        for n in found:
            console.print(f"  • {_line(g, n, None, _UP_WORDS)}")
    kinds = traverse.LINEAGE_KINDS | ({"cites"} if cites else set())
    for n in found:
        console.print()
        console.print(_line(g, n, None, _UP_WORDS))
        up = Tree("[bold]ancestors[/bold] (what it implements, up to the national level)")
        _grow(up, g, n, True, kinds, frozenset({n}), depth)
        down = Tree("[bold]descendants[/bold] (what implements it)")
        _grow(down, g, n, False, kinds, frozenset({n}), depth)
        console.print(up if up.children else "[dim]no ancestors in the references[/dim]")
        console.print(down if down.children else "[dim]no descendants in the archive[/dim]")


@click.command(name="report", context_settings=CONTEXT)
@_ARCHIVE
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@DB_OPTION
def report_cmd(archive: Path, as_json: bool, db_url: str | None) -> None:
    """Missing references, plan implementations, silent units, cycles and deadline anomalies."""
    from dataclasses import asdict

    from rich.console import Console

    from extractor.archive import report

    db, g = open_graph(archive, db_url)
    try:
        result = report.build_report(db.conn, g)
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(asdict(result), ensure_ascii=False, indent=1))
    else:
        report.render(result, Console())


@click.command(name="errors", context_settings=CONTEXT)
@_ARCHIVE
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failed file (JSON Lines).")
@DB_OPTION
def errors_cmd(archive: Path, as_json: bool, db_url: str | None) -> None:
    """The files of ARCHIVE that have no record, with why (kind, message) and the run that tried them.

    Exit code 1 when there is any, 0 when every current file has a record.
    """
    from extractor.archive.store import Store

    db = Store(_db_path(archive, db_url))
    try:
        failures = db.failures()
    finally:
        db.close()
    for f in failures:
        click.echo(json.dumps(f, ensure_ascii=False) if as_json else f"{f['kind']}\t{f['path']}\t{f['message']}")
    if not as_json:
        click.echo(f"{len(failures)} files without a record", err=True)
    if failures:
        sys.exit(EXIT_FAILED)


def register(group: click.Group) -> None:
    """Add the archive commands to the `planex` command group."""
    for command in (batch, graph, lineage_cmd, report_cmd, errors_cmd):
        group.add_command(command)
