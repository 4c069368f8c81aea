"""``newskb ingest --engine dask``: extraction on ``dask.distributed``, one task per shard.

The driver expands the inputs into files, plans shards (``newskb.scale.shards.plan``), skips the
shards the manifest in ``out_dir`` lists as finished, and submits the rest. Each task reads its
files, parses and extracts them with ``newskb.pipeline.process_batch`` (the model is loaded once
per worker process and cached) and writes one Parquet file, atomically. The driver appends each
finished shard to the manifest as it completes. When every shard is done, the driver loads the
Parquet files into the store in plan order, in large batches; the store is idempotent (content
hash), so a re-run after a crash at any point stores every article exactly once. Inputs that
could not be read, articles whose extraction failed, and shards that failed on every retry go to
the store's errors table.

With a remote ``--scheduler``, ``out_dir`` must be a path the driver and every worker see (a
shared filesystem), and the workers need newskb and its model installed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from newskb.errors import NotAvailable, ShardFailed, UsageError
from newskb.ingest import iter_paths
from newskb.model import BatchReport, EngineReport, ErrorRecord, Shard, ShardResult
from newskb.scale.shards import (
    append_manifest,
    chunks,
    count_shard,
    plan,
    read_manifest,
    read_shard,
    remove_debris,
    shard_file,
    write_shard,
)
from newskb.store.base import BatchStore

SHARD_FILES = 32
LOAD_BATCH = 1000
RETRIES = 2
SCHEDULER_TIMEOUT_S = 10
log = logging.getLogger(__name__)


class Store(BatchStore, Protocol):
    """The part of the store interface the engine needs (SqliteStore, PostgresStore)."""

    def add_batch(self, results: Sequence[Any], /) -> BatchReport: ...


def available() -> bool:
    """True when ``dask.distributed`` and ``pyarrow`` import (the ``dask`` extra)."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def model_loads() -> int:
    """How many times this process has loaded a spaCy model (1 after the first shard)."""
    from newskb import nlp

    return int(nlp.load.cache_info().misses)


def process_shard(
    shard: Shard, out_dir: str, published: dt.date | None = None, batch_size: int = 32
) -> ShardResult:
    """Run on a worker: read, parse and extract one shard; write its Parquet file."""
    from newskb.pipeline import prepare_process, run

    final = shard_file(out_dir, shard.id)
    if not final.exists():  # else finished before (e.g. by a worker lost before it reported)
        prepare_process()  # even for a shard of unreadable files: one model per worker, counted
        results: list[Any] = []
        for batch in run(shard.paths, published=published, workers=1, batch_size=batch_size):
            results.extend(batch)
        write_shard(out_dir, shard.id, results)
    arts, errs = count_shard(final)
    return ShardResult(shard.id, str(final), arts, errs, os.getpid(), model_loads())


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A ``Client`` on ``scheduler``, or on a loopback ``LocalCluster`` of ``workers`` processes."""
    if not available():
        raise NotAvailable("the dask engine needs the extra: pip install 'newskb[dask]'")
    import distributed

    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler {scheduler!r} within "
                f"{SCHEDULER_TIMEOUT_S} s: {exc}"
            ) from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        from newskb.workers import dask_plugin

        client.register_plugin(dask_plugin(os.getpid()))
        yield client


def run_dask(
    paths: Sequence[str],
    store: Store,
    *,
    out_dir: str | Path,
    scheduler: str | None = None,
    workers: int = 2,
    shard_files: int = SHARD_FILES,
    published: dt.date | None = None,
    batch_size: int = 32,
    retries: int = RETRIES,
    on_shard: Callable[[ShardResult, Any], None] | None = None,
    client: Any = None,
) -> EngineReport:
    """Extract ``paths`` on Dask into Parquet shards under ``out_dir``, then load ``store``.

    ``on_shard(result, client)`` is called on the driver as each shard finishes (progress bars
    and tests use it). ``client``: an existing ``distributed.Client`` to use (the benchmark
    passes a warmed one); by default one is made from ``scheduler`` / ``workers``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    errors: list[ErrorRecord] = []
    for item in iter_paths(paths):
        (errors if isinstance(item, ErrorRecord) else files).append(item)  # type: ignore[arg-type]
    shards = plan(files, shard_files)
    done = read_manifest(out)
    todo = [s for s in shards if s.id not in done]
    reused = len(shards) - len(todo)
    failed = 0
    if todo:
        import distributed

        as_completed: Any = distributed.as_completed
        with contextlib.ExitStack() as stack:
            if client is None:
                client = stack.enter_context(connect(scheduler, workers))
            futures = {
                client.submit(
                    process_shard,
                    s,
                    str(out.resolve()),
                    published,
                    batch_size,
                    key=f"newskb-shard-{s.id}",
                    retries=retries,
                    pure=False,
                ): s
                for s in todo
            }
            for fut in as_completed(list(futures)):
                shard = futures[fut]
                try:
                    res: ShardResult = fut.result()
                except Exception as exc:  # every retry failed: record, go on
                    failed += 1
                    log.warning("shard %s failed: %r", shard.id, exc)
                    msg = f"shard {shard.id} failed on every retry: {exc!r}"[:500]
                    errors.extend(ErrorRecord(ShardFailed.code, msg, p) for p in shard.paths)
                    continue
                append_manifest(out, res)
                done[res.shard] = res
                if on_shard is not None:
                    on_shard(res, client)
    remove_debris(out, [s.id for s in shards if s.id in done])  # files of workers lost mid-write
    stored = load_store(store, [done[s.id] for s in shards if s.id in done], errors)
    return EngineReport(
        shards=len(shards),
        ran=len(todo) - failed,
        reused=reused,
        failed=failed,
        stored=stored,
        results=tuple(done[s.id] for s in shards if s.id in done),
    )


def load_store(
    store: Store, results: Sequence[ShardResult], errors: Sequence[ErrorRecord] = ()
) -> BatchReport:
    """Bulk-load shard files into the store in large batches (idempotent by content hash)."""
    from newskb.pipeline import store_batch

    added = skipped = versions = n_err = 0
    if errors:
        r = store.add_batch(list(errors))
        n_err += r.errors
    for res in results:
        for batch in chunks(read_shard(res.file), LOAD_BATCH):
            r = store_batch(store, batch)
            added += r.added
            skipped += r.skipped
            versions += r.new_versions
            n_err += r.errors
    return BatchReport(added=added, skipped=skipped, new_versions=versions, errors=n_err)
