"""``newskb eval``: score each extractor on the development corpora (one sub-command each)."""

from __future__ import annotations

from pathlib import Path

import click

from newskb.cli.base import cli


@cli.group(name="eval")
@click.option(
    "--corpora",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="NEWSKB_CORPORA",
    show_envvar=True,
    default=None,
    help="Folder holding the corpora [default: ../shared/corpora beside the working "
    "directory, else beside the checkout].",
)
def eval_group(corpora: Path | None) -> None:
    """Score extractors on the gold corpora (../shared/corpora unless told otherwise)."""
    from newskb.eval.corpora import use_root

    use_root(corpora)
