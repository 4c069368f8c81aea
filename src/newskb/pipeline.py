"""Wires the stages: ingest -> nlp -> extract, in this process or a local process pool.

Output keeps input order and comes in batches, so the store can commit one batch at a time.
The Dask engine lives in ``newskb.scale`` and reuses ``process_batch``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeAlias

from newskb.errors import NewskbError
from newskb.extract import extract
from newskb.ingest import read_paths
from newskb.model import Article, ErrorRecord, Extraction

Result: TypeAlias = Extraction | ErrorRecord
BATCH = 32


def process_batch(articles: list[Article]) -> list[Result]:
    """Parse and extract one batch of articles (the model is loaded once per process)."""
    from newskb import nlp

    docs = nlp.parse_many([a.text for a in articles])
    out: list[Result] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            out.append(extract(article, doc))
        except NewskbError as exc:
            out.append(ErrorRecord(code=exc.code, message=exc.message, path=article.path))
    return out


def _warm() -> None:
    from newskb import nlp

    nlp.load()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def batches(
    items: Iterable[Article | ErrorRecord], size: int = BATCH
) -> Iterator[tuple[list[Article], list[ErrorRecord]]]:
    """Group read items into batches of up to ``size`` articles, errors travelling alongside."""
    arts: list[Article] = []
    errs: list[ErrorRecord] = []
    for item in items:
        if isinstance(item, ErrorRecord):
            errs.append(item)
        else:
            arts.append(item)
        if len(arts) >= size or len(errs) >= size:
            yield arts, errs
            arts, errs = [], []
    if arts or errs:
        yield arts, errs


def run(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    workers: int = 1,
    batch_size: int = BATCH,
    keep: Callable[[Article], bool] | None = None,
) -> Iterator[list[Result]]:
    """Read, parse and extract; yield one list of results per batch, in input order.

    ``keep`` filters articles before any NLP (the store uses it to skip what it already has).
    """
    items: Iterable[Article | ErrorRecord] = read_paths(paths, published=published)
    if keep is not None:
        items = (i for i in items if isinstance(i, ErrorRecord) or keep(i))
    if workers <= 1:
        for arts, errs in batches(items, batch_size):
            yield [*errs, *process_batch(arts)] if arts else list(errs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        window: deque[tuple[list[ErrorRecord], Future[list[Result]] | None]] = deque()
        for arts, errs in batches(items, batch_size):
            window.append((errs, pool.submit(process_batch, arts) if arts else None))
            while len(window) > workers * 2:
                yield _done(window.popleft())
        while window:
            yield _done(window.popleft())


def _done(entry: tuple[list[ErrorRecord], Future[list[Result]] | None]) -> list[Result]:
    errs, fut = entry
    return [*errs, *(fut.result() if fut is not None else [])]
