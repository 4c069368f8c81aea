"""The Dask engine: shards, Parquet results, manifest, exactly-once loading, lost workers.

Cluster tests run a loopback ``LocalCluster`` with 2 worker processes and skip when the ``dask``
extra is not installed (``make test`` installs it).
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newskb.cli import main as _main  # noqa: F401  (registers every command)
from newskb.cli.base import cli
from newskb.model import ErrorRecord, ShardResult
from newskb.scale.shards import plan
from newskb.store import SqliteStore

PLACES = ["Geneva", "Kyiv", "Ankara", "Riyadh", "Oslo", "Vienna", "Doha", "Cairo"]


def corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        p = folder / f"a{i:02d}.txt"
        p.write_text(
            f"Talks in {place}, round {i}\n\nOfficials said on Monday that talks in {place} "
            f"would resume in March. The minister told reporters the round {i} went well.\n",
            encoding="utf-8",
        )
        out.append(p)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return out


def test_plan_is_stable_and_covers_every_file() -> None:
    files = [f"f{i}.txt" for i in range(7)]
    a, b = plan(files, 3), plan(list(files), 3)
    assert [s.id for s in a] == [s.id for s in b]
    assert [len(s.paths) for s in a] == [3, 3, 1]
    assert [p for s in a for p in s.paths] == files
    assert len({s.id for s in a}) == 3
    assert plan(files[:3], 3)[0].id == a[0].id and plan(files[1:4], 3)[0].id != a[0].id


def test_shard_file_roundtrip(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from newskb import nlp
    from newskb.ingest import read_paths
    from newskb.pipeline import process_batch
    from newskb.scale.shards import count_shard, read_shard, write_shard
    from newskb.serialize import to_dict

    files = corpus(tmp_path / "in", 2)
    arts = [a for a in read_paths([str(f) for f in files]) if not isinstance(a, ErrorRecord)]
    results = [*process_batch(arts), ErrorRecord("NKB101", "empty", "x.txt")]
    path = write_shard(tmp_path, "abc", results)
    assert path.name == "shard-abc.parquet" and not list(tmp_path.glob("*.tmp"))
    back = list(read_shard(path))
    assert count_shard(path) == (2, 1)
    assert back[-1] == results[-1]
    assert [to_dict(x) for x in back[:2]] == [to_dict(x) for x in results[:2]]  # type: ignore[arg-type]
    assert back[0].article.raw == arts[0].raw  # type: ignore[union-attr]
    assert nlp.load.cache_info().misses >= 1


def _manifest(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines]


@pytest.mark.slow
def test_cli_dask_ingest_counts_loads_model_once_per_worker_and_reruns_skip(
    tmp_path: Path,
) -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    corpus(tmp_path / "in", 10)
    db, shards = tmp_path / "k.db", tmp_path / "shards"
    args = ["ingest", str(tmp_path / "in"), "--db", str(db), "--engine", "dask"]
    args += ["--workers", "2", "--shard-dir", str(shards), "--quiet", "--batch-size", "2"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "10 added" in first.output and "1 errors" in first.output
    with SqliteStore(db, readonly=True) as store:
        s = store.stats()
        assert (s.articles, s.errors) == (10, 1)
        assert store.search("Geneva")
    man = _manifest(shards)
    assert sum(m["articles"] for m in man) == 10 and sum(m["errors"] for m in man) == 1
    assert len({m["shard"] for m in man}) == len(man) == 1  # 11 files fit one default shard
    assert all(m["model_loads"] == 1 for m in man)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "0 added" in again.output and "1 reused" in again.output
    with SqliteStore(db, readonly=True) as store:
        assert store.stats().articles == 10


@pytest.mark.slow
def test_a_worker_killed_mid_run_still_completes_exactly_once(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    from newskb.scale.dask_engine import run_dask

    corpus(tmp_path / "in", 16)
    killed: list[int] = []

    def kill_one(res: ShardResult, client: Any) -> None:
        if killed:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        pids = client.run(os.getpid, workers=busy or None)
        victim = next(iter(pids.values()))
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    with SqliteStore(tmp_path / "k.db") as store:
        report = run_dask(
            [str(tmp_path / "in")],
            store,
            out_dir=tmp_path / "shards",
            workers=2,
            shard_files=1,
            on_shard=kill_one,
        )
        assert killed, "no worker was killed"
        assert (report.shards, report.failed) == (17, 0)
        stats = store.stats()
        assert (stats.articles, stats.versions, stats.errors) == (16, 16, 1)
        assert len(store.ids()) == len(set(store.ids())) == 16
    man = _manifest(tmp_path / "shards")
    assert sorted(m["shard"] for m in man) == sorted(r.shard for r in report.results)
    assert len(man) == 17
    assert all(m["model_loads"] == 1 for m in man)
    assert not list((tmp_path / "shards").glob("*.tmp"))


def test_an_unserialisable_article_becomes_an_error_row(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from newskb.model import Article, Extraction
    from newskb.scale.shards import count_shard, read_shard, write_shard

    art = Article(id="a1", sha256="a1", path="bad.txt", text="x")
    broken = Extraction(article=art, entities=(object(),))  # type: ignore[arg-type]
    path = write_shard(tmp_path, "s", [broken, Extraction(article=art)])
    assert count_shard(path) == (1, 1)
    first = next(iter(read_shard(path)))
    assert isinstance(first, ErrorRecord) and first.code == "NKB202" and first.path == "bad.txt"


def test_debris_of_a_worker_killed_mid_write_is_removed(tmp_path: Path) -> None:
    """Regression: a worker killed while writing left ``shard-X.parquet.<pid>.tmp`` behind
    although the shard was redone elsewhere; the driver now removes it once the shard is whole."""
    from newskb.scale.shards import remove_debris, shard_file

    done, lost = shard_file(tmp_path, "aa"), shard_file(tmp_path, "bb")
    done.write_bytes(b"whole")
    debris = done.with_name(done.name + ".123.tmp")
    debris.write_bytes(b"half")
    unfinished = lost.with_name(lost.name + ".456.tmp")  # no whole file yet: kept
    unfinished.write_bytes(b"half")
    assert remove_debris(tmp_path, ["aa", "bb"]) == 1
    assert not debris.exists() and unfinished.exists() and done.read_bytes() == b"whole"
