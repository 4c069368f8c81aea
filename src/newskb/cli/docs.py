"""The README's CLI reference, generated from the commands themselves so it cannot drift."""

from __future__ import annotations

import click

START = "<!-- cli:start -->"
END = "<!-- cli:end -->"


def _walk(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _walk(cmd.commands[name], [*path, name])
    return out


def reference(root: click.Command) -> str:
    """Markdown: one section per command with its usage and help text."""
    parts: list[str] = []
    for path, cmd in _walk(root, ["newskb"]):
        if len(path) == 1:
            continue
        ctx = click.Context(cmd, info_name=" ".join(path))
        help_text = cmd.get_help(ctx).rstrip()
        parts.append(f"### `{' '.join(path)}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


def render_readme(readme: str, root: click.Command) -> str:
    """Return ``readme`` with the text between the cli markers replaced by the reference."""
    head, rest = readme.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{reference(root)}\n{END}{tail}"
