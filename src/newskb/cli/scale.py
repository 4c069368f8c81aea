"""``newskb ingest --engine dask``: the CLI side of the distributed engine (progress, summary)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import click

from newskb.cli.base import progress, report_ingest
from newskb.errors import NewskbError
from newskb.model import ShardResult


def default_shard_dir(db: str) -> str:
    """``DB.shards`` beside a SQLite file; for a URL, a folder named after its hash."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", db) and not db.startswith("sqlite:///"):
        return f"newskb-shards-{hashlib.sha1(db.encode()).hexdigest()[:8]}"
    return db.removeprefix("sqlite:///") + ".shards"


def ingest_dask(
    paths: tuple[str, ...],
    db: str,
    published: dt.date | None,
    workers: int | None,
    batch_size: int,
    quiet: bool,
    scheduler: str | None,
    shard_dir: str | None,
) -> None:
    from newskb.pipeline import default_workers
    from newskb.scale.dask_engine import run_dask
    from newskb.store.opening import open_checked

    out_dir = shard_dir or default_shard_dir(db)
    bar = progress(
        "ingest (dask)",
        "shards · {task.fields[articles]} articles · {task.fields[errors]} errors",
        quiet,
    )
    try:
        with open_checked(db) as store, bar:
            task = bar.add_task("shards", total=None, articles=0, errors=0)
            counts = [0, 0]

            def tick(res: ShardResult, _client: object) -> None:
                counts[0] += res.articles
                counts[1] += res.errors
                bar.update(task, advance=1, articles=counts[0], errors=counts[1])

            report = run_dask(
                list(paths),
                store,
                out_dir=out_dir,
                scheduler=scheduler,
                workers=workers if workers is not None else default_workers(),
                published=published,
                batch_size=batch_size,
                on_shard=tick,
            )
    except NewskbError as exc:
        raise click.ClickException(str(exc)) from exc
    s = report.stored
    report_ingest(
        f"{s.added} added ({s.new_versions} new versions), {s.skipped} already stored, "
        f"{s.errors} errors · shards: {report.ran} run, {report.reused} reused, "
        f"{report.failed} failed ({out_dir})",
        quiet,
    )
