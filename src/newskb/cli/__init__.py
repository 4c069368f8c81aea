"""The ``newskb`` command line: a thin click layer over the library, the only code that prints.

Each stage's commands live in their own module here and register on the ``cli`` group (or its
``eval`` sub-group) defined in ``base``; importing this package wires them all.
"""

from __future__ import annotations

import sys

import click

from newskb.cli import (  # noqa: F401  (each module registers its commands)
    entities,
    evaluate,
    events,
    export,
    quotes,
    serve,
    stories,
    times,
)
from newskb.cli.base import cli, err
from newskb.cli.options import wire
from newskb.errors import NewskbError

__all__ = ["cli", "main"]

wire(cli)  # NEWSKB_DB for every --db; a group's --db also after its sub-command


def main() -> None:
    """Entry point: run the CLI; newskb errors become a coded message and exit 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewskbError as exc:
        err.print(f"[red]error[/red] {exc}", markup=True)
        sys.exit(1)
