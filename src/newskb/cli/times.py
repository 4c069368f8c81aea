"""``newskb eval times``: TempEval-3 scores of the time tagger on TimeBank/AQUAINT or MEANTIME."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from newskb.cli.base import LIMIT, emit, format_option
from newskb.cli.evaluate import eval_group


@eval_group.command(name="times")
@click.option(
    "--corpus", type=click.Choice(["tempeval3", "meantime"]), default="tempeval3", show_default=True
)
@click.option(
    "--split",
    default="all",
    show_default=True,
    help="tempeval3: all|timebank|aquaint; meantime: all|airbus|apple.",
)
@click.option("--corpora", "corpora_dir", type=click.Path(path_type=Path), default=None,
              help="Folder holding the corpora [default: as `newskb eval --corpora`].")  # fmt: skip
@click.option("--limit", type=LIMIT, default=None, help="Score only the first N documents.")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list the mismatches (kind: missed|spurious|value|type|extent).",
)
@format_option()
def eval_times(
    corpus: str,
    split: str,
    corpora_dir: Path | None,
    limit: int | None,
    show_errors: bool,
    fmt: str,
) -> None:
    """Strict/relaxed extent P/R/F1, type and value accuracy, value F1 (TempEval-3)."""
    from newskb.eval.corpora import corpus_root
    from newskb.eval.times import SPLITS, error_kind, evaluate

    if split not in SPLITS[corpus]:
        raise click.BadParameter(f"{corpus} splits are {', '.join(SPLITS[corpus])}")
    root = corpus_root(corpora_dir)
    if not root.exists():
        raise click.ClickException(f"{root} does not exist: pass --corpora")
    scores, pairs = evaluate(root, corpus, split, limit=limit)
    row = {
        k: round(v, 4) if isinstance(v, float) else v for k, v in dataclasses.asdict(scores).items()
    }
    if show_errors:
        bad = [
            {
                "kind": kind,
                "doc": p.doc,
                "gold": f"{p.gold.text}|{p.gold.type}|{p.gold.value}" if p.gold else "",
                "system": f"{p.system.text}|{p.system.type}|{p.system.value}" if p.system else "",
            }
            for p in pairs
            if (kind := error_kind(p)) is not None
        ]
        emit(bad, fmt, ["kind", "doc", "gold", "system"], title="mismatches")
    if fmt == "table":
        emit([{"metric": k, "value": v} for k, v in row.items()], fmt, title="eval times")
    else:
        emit([row], fmt)
