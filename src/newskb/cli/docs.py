"""The README's CLI reference, generated from the commands themselves so it cannot drift."""

from __future__ import annotations

import click

from newskb.model import ErrorRecord

START = "<!-- cli:start -->"
END = "<!-- cli:end -->"


def _walk(
    cmd: click.Command, path: list[str], parent: click.Context | None
) -> list[tuple[list[str], click.Context]]:
    """Every command below ``cmd`` with a context chained to its parent's, as at run time (so
    inherited settings such as ``-h`` for help show the same whatever ran before)."""
    ctx = click.Context(
        cmd,
        parent=parent,
        info_name=path[-1],
        terminal_width=100,
        max_content_width=100,
        **(cmd.context_settings if parent is None else {}),
    )
    out = [(path, ctx)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _walk(cmd.commands[name], [*path, name], ctx)
    return out


def reference(root: click.Command) -> str:
    """Markdown: one section per command with its usage and help text."""
    parts: list[str] = []
    for path, ctx in _walk(root, ["newskb"], None):
        if len(path) == 1:
            continue
        help_text = ctx.command.get_help(ctx).rstrip()
        parts.append(f"### `{' '.join(path)}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


def render_readme(readme: str, root: click.Command) -> str:
    """Return ``readme`` with the text between the cli markers replaced by the reference."""
    head, rest = readme.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{reference(root)}\n{END}{tail}"


EXAMPLE_START = "<!-- example:start -->"
EXAMPLE_END = "<!-- example:end -->"
EXAMPLE = "examples/01_brussels_repair_truce.txt"


def worked_example(root_dir: str = ".") -> str:
    """Markdown showing what ``newskb extract`` finds in one bundled example article."""
    from pathlib import Path

    from newskb.pipeline import run

    path = str(Path(root_dir) / EXAMPLE)
    batch = next(iter(run([path])))
    x = batch[0]
    if isinstance(x, ErrorRecord):
        raise RuntimeError(f"example {EXAMPLE} did not extract: {x}")
    names = {e.id: e.name for e in x.entities}
    a = x.article
    where = f"{a.dateline.place} / {a.dateline.agency}" if a.dateline else "-"
    lines = [
        f"`newskb extract {EXAMPLE}` prints one JSON object (schema `newskb.extract/1`). "
        "Every span carries offsets into `doc.text`. In short:",
        "",
        "```text",
        f"doc       {a.id}  published {a.published}  dateline {where}",
    ]
    for e in x.entities:
        if e.type in ("PERSON", "ORG", "GPE") and any(m.kind == "name" for m in e.mentions):
            roles = f"  roles: {', '.join(e.roles)}" if e.roles else ""
            lines.append(f"entity    {e.name} ({e.type}, {len(e.mentions)} mentions){roles}")
    for q in x.quotes:
        who = names.get(q.speaker.entity or "", q.speaker.text) if q.speaker else "(unnamed)"
        cue = q.cue.text if q.cue else "-"
        lines.append(f"quote     {q.kind:8} {who} [{cue}] {q.content.text[:70]!r}")
    for t in x.times:
        lines.append(f"time      {t.text!r} -> {t.value}" + (f"  utc {t.utc}" if t.utc else ""))
    for v in x.events:
        who = ", ".join(names.get(a, a) for a in v.actors) or "-"
        lines.append(f"event     {v.type} ({v.status}) {v.trigger.text!r} by {who}")
    lines.append("```")
    return "\n".join(lines)


def render_example(readme: str, example: str) -> str:
    head, rest = readme.split(EXAMPLE_START, 1)
    _old, tail = rest.split(EXAMPLE_END, 1)
    return f"{head}{EXAMPLE_START}\n{example}\n{EXAMPLE_END}{tail}"
