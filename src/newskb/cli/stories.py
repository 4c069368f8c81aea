"""CLI commands for stories: ``stories`` (list, merge, split), ``timeline``, ``eval stories``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from newskb.cli.base import cli, emit, format_option
from newskb.cli.evaluate import eval_group
from newskb.errors import NotFound, UsageError

_TSV = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_field(value: str) -> str:
    """One TSV field: backslash, tab and line ends escaped (a file name may hold any of them)."""
    return value.translate(_TSV)


@contextmanager
def _store(db: str) -> Iterator[Any]:
    from newskb.store import is_postgres_url
    from newskb.store.opening import open_checked

    path = db.removeprefix("sqlite:///")
    if not is_postgres_url(db) and not Path(path).exists():
        raise NotFound(f"no store at {path!r} (run `newskb ingest ... --db {path}` first)")
    store = open_checked(db, must_exist=True)
    try:
        yield store
    finally:
        store.close()


@cli.group(name="stories", invoke_without_command=True)
@click.option("--db", default="newskb.db", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "tsv"]),
    default="table",
    show_default=True,
    help="tsv: doc_path<TAB>story_id, one line per article.",
)
@click.pass_context
def stories(ctx: click.Context, db: str, fmt: str) -> None:
    """Stories: articles about one real-world event, across outlets (duplicates folded).

    Articles stored without a story yet are assigned first.
    """
    if ctx.invoked_subcommand is not None:
        return
    from newskb.stories.cluster import assign_pending

    with _store(db) as store:
        with store.batch() as tx:
            assign_pending(tx.stories)
        if fmt == "tsv":
            for path, sid in store.story_paths():
                click.echo(f"{tsv_field(path)}\t{tsv_field(sid)}")
            return
        found = store.stories()
        if fmt == "json":
            rows = [
                {
                    **dataclasses.asdict(s),
                    "articles": [dataclasses.asdict(m) for m in store.story_members(s.id)],
                }
                for s in found
            ]
            emit(rows, "json")
            return
    emit(
        [
            {
                "id": s.id,
                "title": (s.title or "")[:70],
                "first_seen": s.first_seen,
                "last_seen": s.last_seen,
                "articles": s.size,
                "duplicates": s.duplicates,
                "outlets": ", ".join(s.outlets[:4]),
                "key entities": ", ".join(s.key_entities[:4]),
            }
            for s in found
        ],
        "table",
        [
            "id",
            "title",
            "first_seen",
            "last_seen",
            "articles",
            "duplicates",
            "outlets",
            "key entities",
        ],
        title=f"{len(found)} stories",
    )


@stories.command(name="merge")
@click.argument("into")
@click.argument("others", nargs=-1, required=True)
@click.option("--db", default="newskb.db", show_default=True)
def merge_cmd(into: str, others: tuple[str, ...], db: str) -> None:
    """Merge the OTHERS stories into INTO (their ids then point at INTO)."""
    from newskb.stories.edit import merge

    with _store(db) as store, store.batch() as tx:
        for other in others:
            target = merge(tx.stories, into, other)
    click.echo(f"merged {', '.join(others)} into {target}")


@stories.command(name="split")
@click.argument("story")
@click.argument("articles", nargs=-1, required=True)
@click.option("--db", default="newskb.db", show_default=True)
def split_cmd(story: str, articles: tuple[str, ...], db: str) -> None:
    """Move ARTICLES (ids or unique prefixes) of STORY into a new story."""
    from newskb.stories.edit import split

    with _store(db) as store, store.batch() as tx:
        new = split(tx.stories, story, articles)
    click.echo(f"split {len(articles)} article(s) of {story} into {new}")


@cli.command()
@click.argument("story", required=False)
@click.option("--entity", help="Timeline of an entity (name or KB id).")
@click.option("--agreement", help="Timeline of an agreement (ledger id).")
@click.option("--db", default="newskb.db", show_default=True)
@format_option()
def timeline(
    story: str | None, entity: str | None, agreement: str | None, db: str, fmt: str
) -> None:
    """Dated events and quotes in event-time order, each with its article and offsets."""
    if sum(x is not None for x in (story, entity, agreement)) != 1:
        raise UsageError("give exactly one of STORY, --entity NAME or --agreement ID")
    with _store(db) as store:
        entries = store.timeline(story=story, entity=entity, agreement=agreement)
    rows = [dataclasses.asdict(e) for e in entries]
    if fmt == "table":
        for r in rows:
            r["text"] = str(r["text"])[:120]
    emit(
        rows,
        fmt,
        ["when", "kind", "label", "text", "article_id", "start", "end", "story_id"],
        title=f"timeline: {story or entity or agreement}",
    )


def _topics(_ctx: click.Context, _param: click.Parameter, value: str) -> list[int]:
    out: list[int] = []
    try:
        for part in value.split(","):
            lo, _, hi = part.strip().partition("-")
            out.extend(range(int(lo), int(hi or lo) + 1))
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a topic list like 1-35 or 1,3,5-9") from exc
    return out


@eval_group.command(name="stories")
@click.option("--corpus", type=click.Choice(["ecbplus"]), default="ecbplus", show_default=True)
@click.option(
    "--features",
    type=click.Choice(["text", "all"]),
    default="text",
    show_default=True,
    help="text: terms only, no model; all: also entities and times from the real extractors.",
)
@click.option("--topics", default="1-35", show_default=True, callback=_topics)
@click.option(
    "--root", type=click.Path(path_type=Path), help="ECB+ folder [ecbplus in the corpora folder]."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def eval_stories(
    corpus: str, features: str, topics: list[int], root: Path | None, fmt: str
) -> None:
    """Story clustering on ECB+: BCubed and pairwise precision, recall, F1."""
    from newskb.eval import stories as ev
    from newskb.eval.corpora import corpus_root

    try:
        s = ev.evaluate(root=root or corpus_root() / "ecbplus", topics=topics, features=features)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    row = {"corpus": corpus, "features": features, **dataclasses.asdict(s)}
    if fmt == "json":
        emit([row], "json")
        return
    emit(
        [
            {"metric": k, "value": round(v, 4) if isinstance(v, float) else v}
            for k, v in row.items()
        ],
        "table",
        ["metric", "value"],
        title="eval stories",
    )
