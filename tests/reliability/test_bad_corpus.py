"""Every kind of bad input becomes a coded error or a sensible article; none is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from scripts.make_bad_inputs import ARTICLE, Kind

from newskb.cli import cli
from newskb.ingest import read_paths
from newskb.model import Article, ErrorRecord

Outcome = Article | ErrorRecord


def _label(item: Outcome) -> str:
    return ARTICLE if isinstance(item, Article) else item.code


def _mismatch(kind: Kind, got: list[Outcome]) -> str | None:
    labels = [_label(g) for g in got]
    if len(labels) != len(kind.expect):
        return f"{kind.path} ({kind.name}): got {labels}, expected {len(kind.expect)} items"
    for label, want in zip(labels, kind.expect, strict=True):
        ok = label == want if isinstance(want, str) else label in want
        if not ok:
            return f"{kind.path} ({kind.name}): got {labels}, expected {kind.expect}"
    return None


def _article_problems(a: Article) -> list[str]:
    out = []
    if a.title is not None and a.title.removesuffix(" …") not in a.text:
        out.append(f"{a.path}: the title (or its first words) is not in the text")
    if not 0 <= a.body_start <= len(a.text):
        out.append(f"{a.path}: body_start {a.body_start} outside the text")
    for u in a.updates:
        if not 0 <= u.start <= u.end <= len(a.text):
            out.append(f"{a.path}: update [{u.start}, {u.end}) outside the text")
    return out


def test_every_bad_kind_gets_a_coded_error_or_an_article(
    bad_corpus: tuple[Path, list[Kind]], refuse_unreadable: Callable[[str], bool]
) -> None:
    folder, kinds = bad_corpus
    assert len(kinds) >= 30
    problems: list[str] = []
    for kind in kinds:
        got = list(read_paths([str(folder / kind.path)]))
        wrong = _mismatch(kind, got)
        if wrong:
            problems.append(wrong)
        for item in got:
            if isinstance(item, ErrorRecord):
                assert item.code.startswith("NKB1") and item.message, item
                assert item.path.startswith(str(folder)), item
            else:
                problems.extend(_article_problems(item))
    assert not problems, "\n".join(problems)


def test_readers_keep_text_exact_for_unusual_but_valid_input(
    bad_corpus: tuple[Path, list[Kind]],
) -> None:
    folder, _ = bad_corpus
    expected = {
        "utf16le.txt": "The council met at 09:30 local time. “Agreed,” she said.\n",
        "crlf.txt": 'The talks began.\r\n"We will see," he said.\r\n',
        "emoji.txt": "Talks 🤝 ended 🎉 in Nairobi at 15:00 GMT 🇰🇪. “Great 👍,” he said.\n",
        "utf8_bom.txt": "The talks resumed in Nairobi.\n",
    }
    for name, text in expected.items():
        (art,) = read_paths([str(folder / name)])
        assert isinstance(art, Article) and art.text == text, name
    (xxe,) = read_paths([str(folder / "xxe.tml")])
    assert isinstance(xxe, Article) and "root:" not in xxe.text


def test_one_batch_run_over_the_whole_corpus_loses_nothing(
    bad_corpus: tuple[Path, list[Kind]],
    refuse_unreadable: Callable[[str], bool],
    tmp_path: Path,
) -> None:
    folder, kinds = bad_corpus
    db = tmp_path / "bad.db"
    res = CliRunner().invoke(
        cli,
        ["ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "4", "--quiet"],
    )
    assert res.exit_code == 0, res.output
    want_articles = 0
    want_errors: dict[str, set[str]] = {}
    for kind in kinds:
        for want in kind.expect:
            if want == ARTICLE:
                want_articles += 1
            elif isinstance(want, frozenset) and ARTICLE not in want:
                want_errors.setdefault(str(folder / kind.path), set()).update(want)
    conn = sqlite3.connect(db)
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute("SELECT path, code, message FROM errors").fetchall()
    nested = conn.execute(
        "SELECT count(*) FROM articles WHERE path LIKE '%nested.html'"
    ).fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # every expected article is there (the nested page may be either); no article twice
    assert n_articles - nested == want_articles
    by_path: dict[str, set[str]] = {}
    for path, code, message in rows:
        assert message, path
        by_path.setdefault(path, set()).add(code)
    for base, codes in want_errors.items():
        found = {
            c
            for p, cs in by_path.items()
            if p == base or p.startswith((base + ":", base + "/"))
            for c in cs
        }
        assert found and found <= codes, f"{base}: errors table has {found}, expected {codes}"
