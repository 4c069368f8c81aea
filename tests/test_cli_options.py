"""CLI configuration: NEWSKB_DB for every --db, a group's --db after its sub-command, and the
corpora folder of ``newskb eval`` (--corpora, NEWSKB_CORPORA, beside the cwd or the checkout)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.errors import StoreError
from newskb.eval import corpora
from newskb.store import open_store

NOWHERE_PG = "postgresql://postgres@127.0.0.1:1/none"  # nothing listens on port 1


def invoke(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), env=env)


def _commands(cmd: click.Command, path: str = "newskb") -> Iterator[tuple[str, click.Command]]:
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, f"{path} {name}")


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("opts") / "kb.db"
    open_store(str(path)).close()
    return path


def test_every_db_option_reads_newskb_db() -> None:
    found = []
    for where, cmd in _commands(cli):
        for p in cmd.params:
            if isinstance(p, click.Option) and p.name == "db" and p.expose_value:
                found.append(where)
                assert p.envvar == "NEWSKB_DB", where
    assert {"newskb ingest", "newskb stats", "newskb serve", "newskb entities"} <= set(found)


def test_newskb_db_is_the_default_store(empty_db: Path) -> None:
    res = invoke("stats", "--format", "json", env={"NEWSKB_DB": str(empty_db)})
    assert res.exit_code == 0, res.output
    assert {r["what"]: r["count"] for r in json.loads(res.stdout)}["articles"] == 0
    refused = invoke("entities", "list", env={"NEWSKB_DB": NOWHERE_PG})
    # the env's store was the one used: nothing answers there (entities run on PostgreSQL too)
    assert isinstance(refused.exception, StoreError) and "PostgreSQL" in str(refused.exception)


def test_a_group_db_is_accepted_after_the_sub_command(empty_db: Path) -> None:
    res = invoke("entities", "list", "--db", str(empty_db), "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == []
    # after the sub-command wins over before it
    assert invoke("entities", "--db", NOWHERE_PG, "list", "--db", str(empty_db)).exit_code == 0
    late = invoke("entities", "--db", str(empty_db), "list", "--db", NOWHERE_PG)
    assert isinstance(late.exception, StoreError) and "PostgreSQL" in str(late.exception)


@pytest.fixture
def lookup(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(corpora.ENV, raising=False)
    corpora.use_root(None)
    yield
    corpora.use_root(None)


def test_corpus_root_order(lookup: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "elsewhere" / "project"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert corpora.corpus_root() == corpora.DEFAULT_ROOT  # nothing beside the cwd: the checkout
    beside = tmp_path / "elsewhere" / "shared" / "corpora"
    beside.mkdir(parents=True)
    assert corpora.corpus_root() == beside  # ../shared/corpora beside the working directory
    monkeypatch.setenv(corpora.ENV, str(tmp_path / "env"))
    assert corpora.corpus_root() == tmp_path / "env"
    corpora.use_root(tmp_path / "chosen")
    assert corpora.corpus_root() == tmp_path / "chosen"
    assert corpora.corpus_root(tmp_path / "given") == tmp_path / "given"


def test_eval_corpora_option_and_env_reach_the_sub_command(lookup: None, tmp_path: Path) -> None:
    gone = tmp_path / "no-corpora"
    res = invoke("eval", "--corpora", str(gone), "times")
    assert res.exit_code != 0 and str(gone) in res.output
    res = invoke("eval", "quotes", env={"NEWSKB_CORPORA": str(gone)})
    assert res.exit_code != 0 and str(gone / "gum_wikinews") in str(res.exception)
