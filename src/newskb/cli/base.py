"""Core commands (extract, ingest, search, show, stats, errors, digest) and the output helpers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newskb.model import Article, ErrorRecord, Extraction

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "json", "jsonl", "csv")
LIMIT = click.IntRange(0, 1_000_000_000)  # a row count SQLite can bind (--limit 10**20: usage)
# Stored text is printed as text: never read as console markup or :emoji: codes (say()).
out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, emoji=False)


def say(*parts: str | tuple[str, str], console: Console | None = None) -> None:
    """Print one line of plain text; a ``(text, style)`` part is styled. Nothing in the text
    is read as markup, so a stored title holding ``[/bold]`` prints as itself."""
    (console or out).print(Text.assemble(*parts))


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD") from exc


def _fields(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    from newskb.ingest.jsonl import TARGETS

    out: dict[str, str] = {}
    for item in value:
        target, sep, source = item.partition("=")
        if not sep or target not in TARGETS or not source:
            raise click.BadParameter(f"{item!r} is not TARGET=SOURCE with TARGET in {TARGETS}")
        out[target] = source
    return out


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    """Print rows as a table (people) or json/jsonl/csv (machines)."""
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(
                {k: v if not isinstance(v, list | dict) else json.dumps(v) for k, v in r.items()}
            )
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table(title=escape(title) if title else None, show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*["" if r.get(c) is None else escape(str(r.get(c))) for c in cols])
        out.print(table)


def format_option(default: str = "table") -> Callable[[F], F]:
    """The shared ``--format table|json|jsonl|csv`` option."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=default,
        show_default=True,
        help="Output format.",
    )


def progress(label: str, fields: str, quiet: bool) -> Progress:
    """The ingest progress bar on stderr (hidden with ``--quiet`` or off a terminal)."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(fields),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskb")
def cli() -> None:
    """newskb: news articles to a source-attributed knowledge base."""


@cli.command()
@click.option("--published", callback=_date, help="Publication date for inputs that lack one.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--workers", type=int, default=None, help="Extraction processes [default: cores].")
@click.option(
    "--field",
    "fields",
    multiple=True,
    callback=_fields,
    help="JSON Lines field mapping TARGET=SOURCE, e.g. text=body (repeatable).",
)
@click.argument("paths", nargs=-1, required=True)
def extract(
    published: dt.date | None,
    fmt: str,
    workers: int | None,
    fields: dict[str, str],
    paths: tuple[str, ...],
) -> None:
    """Extract entities, quotes, times and events as JSONL (schema newskb.extract/1), in input
    order."""
    from newskb.pipeline import default_workers, run
    from newskb.serialize import dumps, error_dict, to_dict

    failed = False
    n_workers = workers if workers is not None else default_workers()
    for batch in run(paths, published=published, workers=n_workers, batch_size=16, fields=fields):
        for item in batch:
            if isinstance(item, ErrorRecord):
                failed = True
                click.echo(dumps(error_dict(item)))
            else:
                click.echo(dumps(to_dict(item)))
    sys.exit(3 if failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="newskb.db", show_default=True, help="Store file (or URL).")
@click.option("--published", callback=_date, help="Publication date for inputs that lack one.")
@click.option(
    "--field",
    "fields",
    multiple=True,
    callback=_fields,
    help="JSON Lines field mapping TARGET=SOURCE, e.g. text=body (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Extraction processes [default: cores].",
)
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=32, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar; one summary line.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool here; dask: shards on dask.distributed (newskb[dask]).",
)
@click.option("--scheduler", default=None, help="Dask scheduler ADDRESS [default: a local one].")
@click.option("--shard-dir", default=None, help="Dask: Parquet shards + manifest [DB.shards].")
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: dt.date | None,
    fields: dict[str, str],
    workers: int | None,
    batch_size: int,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    shard_dir: str | None,
) -> None:
    """Read, extract and store articles (idempotent: re-runs skip what is stored)."""
    from newskb.pipeline import default_workers, run, store_batch
    from newskb.store.opening import open_checked

    if engine == "dask" or scheduler:
        from newskb.cli.scale import ingest_dask

        ingest_dask(paths, db, published, workers, batch_size, quiet, scheduler, shard_dir)
        return
    store = open_checked(db)
    n_workers = workers if workers is not None else default_workers()
    added = skipped = errors = versions = 0
    stored_before: list[str] = []

    def keep(a: Article) -> bool:
        """Skip (and count) what the store already has, before any NLP."""
        if store.has(a.id):
            stored_before.append(a.id)
            return False
        return True

    bar = progress("ingest", "{task.fields[rate]:.1f} art/s · {task.fields[errors]} errors", quiet)
    with bar:
        task = bar.add_task("ingest", total=None, rate=0.0, errors=0)
        started = dt.datetime.now()
        for batch in run(
            paths,
            published=published,
            workers=n_workers,
            batch_size=batch_size,
            keep=keep,
            fields=fields,
        ):
            report = store_batch(store, batch)
            added += report.added
            skipped += report.skipped
            errors += report.errors
            versions += report.new_versions
            secs = max((dt.datetime.now() - started).total_seconds(), 1e-6)
            bar.update(task, advance=len(batch), rate=added / secs, errors=errors)
    skipped += len(stored_before)
    report_ingest(
        f"{added} added ({versions} new versions), {skipped} already stored, {errors} errors",
        quiet,
    )
    store.close()


def report_ingest(msg: str, quiet: bool) -> None:
    """The closing line of an ingest, on stderr (plain text when ``--quiet``)."""
    err.print(msg) if not quiet else click.echo(msg, err=True)


@cli.command()
@click.argument("query")
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--limit", type=LIMIT, default=20, show_default=True)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Search everything, as the web's one box: quotes (content or speaker), events, "
    "agreements and articles (--limit of each).",
)
@format_option()
def search(query: str, db: str, limit: int, everything: bool, fmt: str) -> None:
    """Full-text search over titles and texts, ranked, with snippets; with --all, everything
    the web's search box finds: quotes (content or speaker), events, agreements, articles."""
    from newskb.store.opening import open_checked

    if everything:
        from newskb.cli.find import COLUMNS, counts_line, found_rows
        from newskb.store.sql.search import FIND_COUNT_CAP

        with open_checked(db, readonly=True) as store:
            found = store.find(query, limit=limit)
        title = f"search: {found.query} ({counts_line(found, FIND_COUNT_CAP)})"
        emit(found_rows(found), fmt, COLUMNS, title=title)
        return
    with open_checked(db, readonly=True) as store:
        hits = store.search(query, limit=limit)
    rows = [
        {
            "id": h.id,
            "published": h.published,
            "title": h.title,
            "snippet": h.snippet,
            "score": round(h.score, 3),
        }
        for h in hits
    ]
    emit(rows, fmt, ["id", "published", "title", "snippet", "score"], title=f"search: {query}")


@cli.command()
@click.argument("article_id")
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def show(article_id: str, db: str, fmt: str) -> None:
    """One article with its extracted facts."""
    from newskb.serialize import to_dict
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        stored = store.get(article_id)
    x = stored.extraction
    if fmt == "json":
        click.echo(json.dumps(to_dict(x), ensure_ascii=False, indent=2))
        return
    _print_article(x, stored.version)


def _print_article(x: Extraction, version: int) -> None:
    a = x.article
    say((a.title or a.path, "bold"), f"  ({a.id}, v{version})")
    place = f"{a.dateline.place} • {a.dateline.agency}" if a.dateline else ""
    say(f"published {a.published or 'unknown'}  {place}  {a.path}")
    emit(
        [
            {
                "name": e.name,
                "type": e.type,
                "kb_id": e.kb_id,
                "roles": ", ".join(e.roles),
                "mentions": len(e.mentions),
            }
            for e in x.entities
        ],
        "table",
        ["name", "type", "kb_id", "roles", "mentions"],
        title="entities",
    )
    if x.quotes:
        emit(
            [
                {
                    "speaker": q.speaker.text if q.speaker else None,
                    "kind": q.kind,
                    "cue": q.cue.text if q.cue else None,
                    "content": q.content.text[:160],
                }
                for q in x.quotes
            ],
            "table",
            title="quotes",
        )
    if x.times:
        emit(
            [{"text": t.text, "type": t.type, "value": t.value, "utc": t.utc} for t in x.times],
            "table",
            title="times",
        )
    if x.events:
        names = {e.id: e.name for e in x.entities}
        when = {t.id: t.text for t in x.times}

        def named(ids: tuple[str, ...]) -> str:  # entity names, never the local ids (E2)
            return ", ".join(names.get(i, "?") for i in ids)

        emit(
            [
                {
                    "type": v.type,
                    "status": v.status,
                    "trigger": v.trigger.text,
                    "actors": named(v.actors),
                    "recipients": named(v.recipients),
                    "place": named((v.location,)) if v.location else None,
                    "time": when.get(v.time) if v.time else None,
                }
                for v in x.events
            ],
            "table",
            title="events",
        )


@cli.command()
@click.option("--db", default="newskb.db", show_default=True)
@format_option()
def stats(db: str, fmt: str) -> None:
    """Counts of what the store holds."""
    import dataclasses

    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        s = store.stats()
    emit(
        [{"what": k, "count": v} for k, v in dataclasses.asdict(s).items()],
        fmt,
        ["what", "count"],
        title=db,
    )


@cli.command()
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--limit", type=LIMIT, default=100, show_default=True)
@format_option()
def errors(db: str, limit: int, fmt: str) -> None:
    """Inputs that could not be read, with their reason codes."""
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        rows = [{"code": e.code, "path": e.path, "message": e.message} for e in store.errors(limit)]
    emit(rows, fmt, ["code", "path", "message"], title="errors")


@cli.command()
@click.option("--db", default="newskb.db", show_default=True)
def digest(db: str) -> None:
    """A short digest of the store: articles, who said what, events."""
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        s = store.stats()
        say(
            ("newskb digest", "bold"),
            f" · {s.articles} articles "
            f"({s.first_published} … {s.last_published}), {s.entities} entities, "
            f"{s.quotes} quotes, {s.times} times, {s.events} events, {s.errors} errors",
        )
        for x in _latest(store):
            a = x.article
            say("")
            say(
                (f"{a.published or '?'} {a.title or a.path}", "bold"),
                f" — {a.dateline.agency}" if a.dateline and a.dateline.agency else "",
            )
            for q in x.quotes[:3]:
                who = q.speaker.text if q.speaker else "unnamed source"
                say(f"  • {who}: {q.content.text[:120]}")
            for v in x.events[:3]:
                say(f"  ▸ {v.type} ({v.status}): {v.trigger.text}")


def _latest(store: Any) -> Iterator[Extraction]:
    xs = list(store.extractions())
    xs.sort(key=lambda x: x.article.published or dt.date.min, reverse=True)
    yield from xs[:12]
