"""CLI commands for attributions: ``newskb quotes`` (who said what), ``newskb credits`` (who
made the images) and ``newskb eval quotes``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import click

from newskb.cli.base import LIMIT, _date, cli, emit, format_option
from newskb.cli.evaluate import eval_group
from newskb.model import QUOTE_MODES


@cli.command()
@click.option("--speaker", help="Speaker name (any spelling or alias; substring match).")
@click.option("--about", help="An entity (or text) the quote is about.")
@click.option("--since", callback=_date, help="Only articles published on/after YYYY-MM-DD.")
@click.option(
    "--mode",
    type=click.Choice(QUOTE_MODES),
    help="Only what was said, thought, intended or known (default: all).",
)
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--limit", type=LIMIT, default=100, show_default=True)
@format_option()
def quotes(
    speaker: str | None,
    about: str | None,
    since: dt.date | None,
    mode: str | None,
    db: str,
    limit: int,
    fmt: str,
) -> None:
    """Who said what: quotes from the store, oldest first (read-only)."""
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        rows = store.quotes(speaker=speaker, about=about, since=since, mode=mode, limit=limit)
    out = [
        {
            "published": r.published,
            "speaker": r.speaker,
            "kind": r.kind,
            "mode": r.mode,
            "cue": r.cue,
            "content": r.content,
            "article": r.article_id,
            "quote": r.id,
            "title": r.title,
        }
        for r in rows
    ]
    cols = ["published", "speaker", "kind", "mode", "cue", "content", "article", "quote"]
    emit(out, fmt, cols if fmt == "table" else [*cols, "title"], title="quotes")


@cli.command(name="credits")
@click.option("--source", help="Credited name or agency (substring match).")
@click.option("--since", callback=_date, help="Only articles published on/after YYYY-MM-DD.")
@click.option("--db", default="newskb.db", show_default=True)
@click.option("--limit", type=LIMIT, default=100, show_default=True)
@format_option()
def credits_cmd(source: str | None, since: dt.date | None, db: str, limit: int, fmt: str) -> None:
    """Who made the images, videos and recordings: media credits, oldest first (read-only)."""
    from newskb.store.opening import open_checked

    with open_checked(db, readonly=True) as store:
        rows = store.credits(source=source, since=since, limit=limit)
    cols = ["published", "medium", "source", "agency", "caption", "article", "credit"]
    out = [
        {
            "published": r.published,
            "medium": r.medium,
            "source": r.source,
            "agency": r.agency,
            "caption": r.caption,
            "article": r.article_id,
            "credit": r.id,
            "title": r.title,
        }
        for r in rows
    ]
    emit(out, fmt, cols if fmt == "table" else [*cols, "title"], title="credits")


@eval_group.command(name="quotes")
@click.option("--corpus", type=click.Choice(["gum", "polnear"]), default="gum", show_default=True)
@click.option(
    "--path",
    "root",
    type=click.Path(path_type=Path),
    default=None,
    help="The GUM Wikinews folder [default: gum_wikinews in the corpora folder], or PolNeAR "
    "train [default: polnear/train there].",
)
@click.option(
    "--genre",
    type=click.Choice(["all", "news", "interview"]),
    default="all",
    show_default=True,
    help="GUM only.",
)
@click.option(
    "--without-credits",
    is_flag=True,
    help='Leave GUM\'s media-credit attributions ("Image: NAME") out of the gold.',
)
@click.option(
    "--by",
    type=click.Choice(["publisher", "month"]),
    default="publisher",
    show_default=True,
    help="PolNeAR only: the held-out folds.",
)
@click.option(
    "--limit", type=int, default=None, help="PolNeAR only: the first N articles of each fold."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def eval_quotes(
    corpus: str,
    root: Path | None,
    genre: str,
    without_credits: bool,
    by: str,
    limit: int | None,
    fmt: str,
) -> None:
    """Source, cue, content P/R/F1 on GUM train + dev, or per held-out fold on PolNeAR train.

    GUM: exact span and token overlap. PolNeAR: detection (content overlap) and exact spans,
    one fold per publisher or month held out."""
    from newskb.errors import UsageError
    from newskb.eval.corpora import corpus_root
    from newskb.eval.quotes import evaluate_gum

    if corpus == "polnear":
        _eval_polnear(root or corpus_root() / "polnear" / "train", by, limit, fmt)
        return
    root = root or corpus_root() / "gum_wikinews"
    if not (root / "rst").is_dir():
        raise UsageError(f"GUM corpus not found at {root}", path=str(root))
    genres = ("news", "interview") if genre == "all" else (genre,)
    scores = evaluate_gum(root, genres=genres, credits=not without_credits)
    rows = [
        {
            "field": f.field,
            "match": how,
            "precision": round(prf.precision, 3),
            "recall": round(prf.recall, 3),
            "f1": round(prf.f1, 3),
            "pred": prf.n_pred,
            "gold": prf.n_gold,
        }
        for f in scores.fields
        for how, prf in (("exact", f.exact), ("overlap", f.overlap))
    ]
    if fmt == "json":
        info = {k: v for k, v in dataclasses.asdict(scores).items() if k != "fields"}
        click.echo(json.dumps({**info, "scores": rows}, indent=2))
        return
    title = f"quotes on {scores.corpus}: {scores.docs} docs, {scores.gold_attributions} gold"
    emit(rows, "table", title=title)


def _eval_polnear(root: Path, by: str, limit: int | None, fmt: str) -> None:
    from newskb.errors import UsageError
    from newskb.eval.polnear import FIELDS, evaluate_polnear

    if not (root / "metadata.tsv").is_file():
        raise UsageError(f"PolNeAR train not found at {root}", path=str(root))
    report = evaluate_polnear(root, by=by, limit=limit)
    rows: list[dict[str, object]] = []
    for fold in report.folds:
        row: dict[str, object] = {"fold": fold.fold, "docs": fold.docs, "gold": fold.gold}
        for f in FIELDS:
            p = fold.scores[f]
            row |= {f"{f} P": p.precision, f"{f} R": p.recall, f"{f} F1": p.f1}
        rows.append(row)
    mean: dict[str, object] = {"fold": "mean", "docs": sum(f.docs for f in report.folds)}
    mean["gold"] = sum(f.gold for f in report.folds)
    for f in FIELDS:
        mean |= dict(zip((f"{f} P", f"{f} R", f"{f} F1"), report.mean(f), strict=True))
    rows.append(mean)
    rows = [{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in rows]
    if fmt == "json":
        click.echo(json.dumps({"corpus": "polnear", "by": by, "folds": rows}, indent=2))
        return
    cols = ["fold", "docs", "gold", "detection P", "detection R"]
    cols += [f"{f} F1" for f in FIELDS[1:]]
    emit(rows, "table", cols, title=f"quotes on PolNeAR train, held out by {by}")
