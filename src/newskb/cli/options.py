"""Options every command shares, wired once over the whole command tree (``wire``):

- ``--db`` reads ``NEWSKB_DB`` when it is not given, on every command that has it;
- a group's ``--db`` is also accepted after its sub-command (``newskb entities list --db X``),
  where it wins over one given before.
"""

from __future__ import annotations

import click

DB_ENV = "NEWSKB_DB"


def _db_after(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["db"] = value


def wire(command: click.Command, group_db: bool = False) -> None:
    """Give every ``--db`` of ``command`` and its sub-commands ``NEWSKB_DB`` as its default,
    and every sub-command of a group with ``--db`` a ``--db`` of its own (into ``ctx.obj``)."""
    has_db = False
    for param in command.params:
        if isinstance(param, click.Option) and param.name == "db":
            param.envvar = DB_ENV
            param.show_envvar = True
            has_db = True
    if group_db and not has_db:
        command.params.append(
            click.Option(
                ["--db"],
                default=None,
                expose_value=False,
                callback=_db_after,
                help=f"Store file (or URL); also accepted before the sub-command [env {DB_ENV}].",
            )
        )
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            wire(sub, group_db=has_db)
