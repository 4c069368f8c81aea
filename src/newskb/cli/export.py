"""``newskb export TABLE``: a table of the store as Parquet, CSV or JSON Lines."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

import click

from newskb.cli.base import _date, cli
from newskb.export import TABLES


def _text(fmt: str, columns: list[str], data: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    if fmt == "jsonl":
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in data:
        w.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                for k, v in r.items()
            }
        )
        n += 1
    return n


@cli.command(name="export")
@click.argument("table", type=click.Choice(list(TABLES)))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "jsonl"]),
    default="jsonl",
    show_default=True,
)
@click.option("--since", callback=_date, help="Only articles published on/after YYYY-MM-DD.")
@click.option(
    "--output",
    "-o",
    "output",
    default=None,
    help="File to write [default: standard output; Parquet needs a file].",
)
@click.option("--db", default="newskb.db", show_default=True, help="Store file (or URL).")
def export_cmd(table: str, fmt: str, since: dt.date | None, output: str | None, db: str) -> None:
    """One row per article, entity, quote, time, event, credit, story member or agreement step,
    with the article id and exact offsets (columns: README, "Export"). Lists (roles, actors,
    parties) are JSON text in CSV."""
    from newskb.errors import NotAvailable
    from newskb.export import store_rows, to_arrow
    from newskb.store.opening import open_checked

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    columns = [name for name, _ in TABLES[table]]
    with open_checked(db, readonly=True) as store:
        data = store_rows(table, store, since)
        if fmt == "parquet":
            try:
                import pyarrow.parquet as pq
            except ImportError as exc:
                raise NotAvailable("Parquet needs pyarrow: pip install 'newskb[pandas]'") from exc
            arrow = to_arrow(table, data)
            pq.write_table(arrow, output)
            n = arrow.num_rows
        elif output is None:
            n = _text(fmt, columns, data, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = _text(fmt, columns, data, fh)
    if output is not None:
        click.echo(f"{n} {table} rows written to {output}", err=True)


__all__ = ["export_cmd"]
