"""The ``newskb`` command line: a thin click layer over the library, the only code that prints.

Each stage's commands live in their own module here and register on the ``cli`` group (or its
``eval`` sub-group) defined in ``base``; importing this package wires them all.
``main`` is the one place where every failure becomes a coded message: no traceback reaches a
user (set ``NEWSKB_DEBUG=1`` to see one).
"""

from __future__ import annotations

import os
import sys

import click
from rich.text import Text

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
from newskb.errors import BadRequest, NewskbError, Unexpected, UsageError

__all__ = ["as_coded", "cli", "main"]


def as_coded(exc: BaseException) -> NewskbError:
    """Any failure as a coded newskb error: store failures by their real cause (a full disk
    behind a failed rollback too), usage slips as NKB4xx, the rest NKB000 with its kind."""
    from newskb.store.opening import named_failure

    if isinstance(exc, NewskbError):
        return exc
    found = named_failure(exc)
    if found is not None:
        return found
    if isinstance(exc, OverflowError):
        return BadRequest(f"a number is too large: {exc}")
    if isinstance(exc, MemoryError):
        return Unexpected("out of memory")
    if isinstance(exc, FileNotFoundError | IsADirectoryError | NotADirectoryError):
        return UsageError(f"{exc.strerror or 'no such file'}: {exc.filename!r}")
    if isinstance(exc, PermissionError):
        return UsageError(f"permission denied: {exc.filename!r}")
    if isinstance(exc, OSError):
        return Unexpected(f"{type(exc).__name__}: {exc.strerror or exc}")
    if isinstance(exc, UnicodeError):
        return BadRequest(f"text that cannot be encoded or decoded here: {exc}")
    return Unexpected(f"unexpected {type(exc).__name__}: {exc}")


def show_error(exc: NewskbError) -> None:
    """The one line a user sees for a failure (plain text: nothing in it is read as markup)."""
    message = str(exc).encode("utf-8", "backslashreplace").decode("utf-8")
    err.print(Text.assemble(("error", "red"), " ", message))


wire(cli)  # NEWSKB_DB for every --db; a group's --db also after its sub-command


def main() -> None:
    """Entry point: run the CLI; every failure becomes a coded message and exit 1 (usage: 2)."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): nothing left to say
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("NEWSKB_DEBUG"):
            raise
        show_error(as_coded(exc))
        sys.exit(1)
