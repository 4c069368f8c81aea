"""CLI commands for events: ``newskb events``, ``newskb agreements``, ``newskb eval events``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import click

from newskb.cli.base import FORMATS, LIMIT, _date, cli, emit, format_option, say
from newskb.cli.evaluate import eval_group
from newskb.model import AgreementRecord, AgreementStep


@cli.command()
@click.option("--type", "etype", help="PLOVER event type (AGREE, CONSULT, ASSAULT ...).")
@click.option("--actor", help="Actor or recipient name (substring) or Wikidata id.")
@click.option("--since", callback=_date, help="Only articles published on/after YYYY-MM-DD.")
@click.option(
    "--status", type=click.Choice(["occurred", "planned", "hypothetical", "negated"]), default=None
)
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--limit", type=LIMIT, default=1000, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice([*FORMATS, "plover"]), default="table", show_default=True,
    help="Output format; plover = POLECAT-style TSV.",
)  # fmt: skip
def events(
    etype: str | None,
    actor: str | None,
    since: dt.date | None,
    status: str | None,
    db: str,
    limit: int,
    fmt: str,
) -> None:
    """Who did what to whom: events from the store, oldest first (read-only)."""
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        rows = store.events(
            type=etype,
            actor=actor,
            since=since.isoformat() if since else None,
            status=status,
            limit=limit,
        )
        if fmt == "plover":
            ids = sorted({r.article_id for r in rows})
            found = {x.article.id: x for x in store.extractions(ids)} if ids else {}
            stories = {m.article_id: m.story_id for m in store.story_members()}
    if fmt == "plover":
        from newskb.cli.plover import PLOVER_COLUMNS, plover_row

        click.echo("\t".join(PLOVER_COLUMNS))
        for r in rows:
            rec = plover_row(r, found.get(r.article_id), stories.get(r.article_id))
            click.echo("\t".join(rec[c].replace("\t", " ") for c in PLOVER_COLUMNS))
        return
    table = [
        {
            "published": r.published,
            "article": r.article_id,
            "event": r.event_id,
            "type": r.type,
            "mode": r.mode,
            "status": r.status,
            "actors": list(r.actors) if fmt != "table" else ", ".join(r.actors),
            "recipients": list(r.recipients) if fmt != "table" else ", ".join(r.recipients),
            "location": r.location,
            "trigger": r.trigger,
            "agreement": r.agreement,
            "sentence": r.sentence if fmt != "table" else r.sentence[:100],
        }
        for r in rows
    ]
    cols = ["published", "type", "mode", "status", "actors", "recipients", "location", "trigger"]
    emit(table, fmt, cols if fmt == "table" else None, title="events")


STEP_COLUMNS = (
    "id", "object", "parties", "first_agreed", "status", "step_date", "step_status",
    "article_id", "title", "event_id", "trigger_start", "trigger_end",
)  # fmt: skip


def _step_row(a: AgreementRecord, s: AgreementStep) -> dict[str, object]:
    return {
        "id": a.id,
        "object": a.object,
        "parties": "; ".join(a.parties),
        "first_agreed": a.first_agreed,
        "status": a.status,
        "step_date": s.date,
        "step_status": s.status,
        "article_id": s.article_id,
        "title": s.title,
        "event_id": s.event_id,
        "trigger_start": s.trigger_start,
        "trigger_end": s.trigger_end,
    }


@cli.command()
@click.argument("agreement_id", required=False)
@click.option(
    "--status", type=click.Choice(["agreed", "in force", "violated", "abandoned"]), default=None
)
@click.option("--party", help="Only agreements with this party (substring of the name).")
@click.option("--db", default="newskb.db", show_default=True)
@format_option()
def agreements(
    agreement_id: str | None, status: str | None, party: str | None, db: str, fmt: str
) -> None:
    """The agreements ledger: what was agreed, by whom, its status and the articles behind it."""
    from newskb.errors import NotFound
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        if agreement_id:
            one = store.agreement(agreement_id)
            if one is None:
                raise NotFound(f"no agreement {agreement_id!r}")
            found = [one]
        else:
            found = store.agreements(status=status, party=party)
    if fmt in ("json", "jsonl"):
        emit([dataclasses.asdict(a) for a in found], fmt)
        return
    if fmt == "csv":  # one row per history step, the agreement repeated on each
        emit([_step_row(a, s) for a in found for s in a.history], fmt, STEP_COLUMNS)
        return
    if not agreement_id:
        emit(
            [
                {
                    "id": a.id,
                    "object": a.object,
                    "parties": ", ".join(a.parties),
                    "first agreed": a.first_agreed,
                    "status": a.status,
                    "reports": len(a.history),
                }
                for a in found
            ],
            "table",
            title="agreements",
        )
        return
    a = found[0]
    say((a.id, "bold"), f" {a.object} — {', '.join(a.parties)}")
    say(f"first agreed {a.first_agreed or '?'} · status {a.status}")
    emit(
        [
            {
                "date": s.date,
                "status": s.status,
                "article": s.article_id,
                "title": s.title,
                "event": s.event_id,
                "offsets": f"{s.trigger_start}-{s.trigger_end}",
            }
            for s in a.history
        ],
        "table",
        title="history",
    )


@eval_group.command(name="events")
@click.option("--corpus", type=click.Choice(["plover", "petrarch2"]), default="plover")
@click.option(
    "--corpora",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder holding the corpora [default: as `newskb eval --corpora`].",
)
@click.option(
    "--actors",
    "actors_file",
    type=click.Path(path_type=Path),
    default=None,
    help="A PETRARCH-format actor dictionary (default for petrarch2: its own).",
)
@click.option("--agents", "agents_file", type=click.Path(path_type=Path), default=None,
              help="A PETRARCH-format agents dictionary to go with --actors.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def eval_events(
    corpus: str, corpora: Path | None, actors_file: Path | None, agents_file: Path | None, fmt: str
) -> None:
    """Event coding: PLOVER type accuracy, actor/recipient accuracy, no-event precision."""
    from newskb.eval.corpora import corpus_root
    from newskb.eval.events import evaluate
    from newskb.extract.events import dictionary

    actors = dictionary.load(actors_file, agents_file) if actors_file else None
    s = evaluate(corpus_root(corpora), corpus, actors)
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(s), indent=2))
        return
    rows: list[dict[str, object]] = [
        {"measure": "records", "value": s.records},
        {"measure": "type accuracy", "value": f"{s.type_accuracy:.3f} (n={s.typed})"},
        {"measure": "actor accuracy", "value": f"{s.actor_accuracy:.3f} (n={s.actor_gold})"},
        {
            "measure": "recipient accuracy",
            "value": f"{s.recipient_accuracy:.3f} (n={s.recipient_gold})",
        },
        {"measure": "actor/recipient accuracy", "value": f"{s.actor_recipient_accuracy:.3f}"},
        {
            "measure": "no-event precision",
            "value": "n/a"
            if s.no_event_precision is None
            else f"{s.no_event_precision:.3f} (predicted {s.no_event_predicted}, "
            f"gold {s.no_event_gold})",
        },
    ]
    rows += [{"measure": f"  {t.label}", "value": f"{t.correct}/{t.gold}"} for t in s.per_type]
    emit(rows, "table", ["measure", "value"], title=f"eval events: {corpus}")
