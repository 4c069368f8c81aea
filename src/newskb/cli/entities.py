"""CLI commands for entities: ``newskb entities ...`` and ``newskb eval entities``."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newskb.cli.base import LIMIT, cli, emit, format_option, out, say
from newskb.cli.evaluate import eval_group


def _conn(db: str) -> Any:
    """The store, with articles stored before resolution existed resolved now."""
    from newskb.resolve.canon import sync
    from newskb.store.opening import open_checked

    store = open_checked(db, must_exist=True)
    with store.batch() as tx:
        sync(tx.canon)
    return store


def _edit(ctx: click.Context, fn: Callable[[Any, str, str], str], a: str, b: str) -> str:
    """Run one curation edit (alias, merge, split: ``newskb.resolve.canon``); the entity id."""
    with _conn(ctx.obj["db"]) as store, store.batch() as tx:
        return fn(tx.canon, a, b)


@cli.group(name="entities", invoke_without_command=True)
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--type", "etype", default=None, help="PERSON, ORG, GPE, LOC, ...")
@click.option("--limit", type=LIMIT, default=50, show_default=True)
@format_option()
@click.pass_context
def entities(ctx: click.Context, db: str, etype: str | None, limit: int, fmt: str) -> None:
    """Canonical people, organisations and places across articles (list by default)."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        _list(db, etype, None, limit, fmt)


def _list(db: str, etype: str | None, query: str | None, limit: int, fmt: str) -> None:
    with _conn(db) as store:
        rows = [
            {"id": c.id, "name": c.name, "type": c.type, "kb_id": c.kb_id, "articles": c.mentions}
            for c in store.entities(etype=etype, query=query, limit=limit)
        ]
    emit(rows, fmt, ["id", "name", "type", "kb_id", "articles"], title="entities")


@entities.command(name="list")
@click.option("--type", "etype", default=None)
@click.option("--limit", type=LIMIT, default=50, show_default=True)
@format_option()
@click.pass_context
def list_cmd(ctx: click.Context, etype: str | None, limit: int, fmt: str) -> None:
    """List canonical entities, most-reported first."""
    _list(ctx.obj["db"], etype, None, limit, fmt)


@entities.command()
@click.argument("query")
@click.option("--type", "etype", default=None)
@click.option("--limit", type=LIMIT, default=50, show_default=True)
@format_option()
@click.pass_context
def search(ctx: click.Context, query: str, etype: str | None, limit: int, fmt: str) -> None:
    """Entities any of whose spellings contain QUERY."""
    _list(ctx.obj["db"], etype, query, limit, fmt)


@entities.command()
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.pass_context
def show(ctx: click.Context, ref: str, fmt: str) -> None:
    """One entity (id or any spelling): aliases, roles over time, articles."""
    with _conn(ctx.obj["db"]) as store:
        c = store.entity(ref)
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(c), ensure_ascii=False, indent=2))
        return
    say((c.name, "bold"), f"  {c.type}  {c.id}  kb={c.kb_id or '-'}")
    say("aliases: " + ", ".join(c.aliases))
    for why in c.evidence:
        say("joined on: " + why)
    emit(
        [{"date": p, "role": t, "article": a} for t, p, a in c.roles]
        + [
            {"date": p, "role": f"(characterised as) {t}", "article": a}
            for t, p, a in c.characterisations
        ],
        "table",
        ["date", "role", "article"],
        title="roles over time",
    )
    say(f"{len(c.articles)} articles, {c.mentions} mentions: " + ", ".join(c.articles[:20]))


@entities.command()
@click.argument("ref")
@click.argument("alias")
@click.pass_context
def alias(ctx: click.Context, ref: str, alias: str) -> None:
    """Record ALIAS as another name of entity REF (used for later articles)."""
    from newskb.resolve.canon import add_alias

    click.echo(f"{alias!r} -> {_edit(ctx, add_alias, ref, alias)}")


@entities.command()
@click.argument("keep")
@click.argument("drop")
@click.pass_context
def merge(ctx: click.Context, keep: str, drop: str) -> None:
    """Merge entity DROP into KEEP (aliases, roles and articles move over)."""
    from newskb.resolve.canon import merge as merge_entities

    click.echo(f"merged into {_edit(ctx, merge_entities, keep, drop)}")


@entities.command()
@click.argument("ref")
@click.argument("alias")
@click.pass_context
def split(ctx: click.Context, ref: str, alias: str) -> None:
    """Split the articles that call REF by ALIAS off into a new entity."""
    from newskb.resolve.canon import split as split_entity

    click.echo(f"new entity {_edit(ctx, split_entity, ref, alias)}")


@eval_group.command(name="entities")
@click.option(
    "--corpus",
    type=click.Choice(["meantime", "gum", "ecbplus"]),
    required=True,
    help="ecbplus: cross-document resolution on ECB+ dev topics 1-35.",
)
@click.option("--genre", type=click.Choice(["news", "interview"]), default=None, help="GUM only.")
@click.option("--system", type=click.Choice(["newskb", "spacy"]), default="newskb")
@click.option("--root", type=click.Path(path_type=Path), default=None, help="Corpora folder.")
@click.option(
    "--spans",
    type=click.Choice(["name", "phrase"]),
    default="name",
    show_default=True,
    help="name: gold names cut to the proper name (CoNLL/OntoNotes style); phrase: whole NPs.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def eval_entities(
    corpus: str, genre: str | None, system: str, root: Path | None, spans: str, fmt: str
) -> None:
    """Mention P/R/F1 (exact/overlap, typed/untyped, names only) and linking accuracy; on
    ecbplus, cross-document merge precision/recall and B-cubed."""
    from newskb.eval.entities import evaluate, evaluate_crossdoc

    if corpus == "ecbplus":
        x = evaluate_crossdoc(root=root / "ecbplus" if root else None)
        if fmt == "json":
            click.echo(json.dumps(dataclasses.asdict(x), indent=2))
            return
        emit(
            [
                {"score": "pairwise", "P": x.pair_p, "R": x.pair_r, "F1": x.pair_f1},
                {"score": "B-cubed", "P": x.bcubed_p, "R": x.bcubed_r, "F1": x.bcubed_f1},
            ],
            "table",
            title=f"cross-document entities on ECB+ ({x.documents} docs, {x.mentions} mentions)",
        )
        return

    s = evaluate(corpus, root=root, genre=genre, system=system, spans=spans)
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(s), indent=2))
        return
    rows = [
        {
            "match": name,
            "P": v.precision,
            "R": v.recall,
            "F1": v.f1,
            "gold": v.gold,
            "pred": v.predicted,
        }
        for name, v in (
            ("exact typed", s.exact_typed),
            ("exact untyped", s.exact_untyped),
            ("overlap typed", s.overlap_typed),
            ("overlap untyped", s.overlap_untyped),
        )
    ]
    emit(rows, "table", title=f"entities on {corpus} ({s.docs} docs, {system}, {spans} spans)")
    out.print(
        f"linking: {s.linked_gold} gold names with Wikidata ids, accuracy {s.link_accuracy}, "
        f"precision of given ids {s.link_precision}"
    )
    if s.pronouns_gold:
        out.print(
            f"pronouns: {s.pronouns_gold} gold he/she pronouns of named people, "
            f"accuracy {s.pronoun_accuracy}, precision {s.pronoun_precision}"
        )
