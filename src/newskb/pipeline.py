"""Wires the stages: ingest -> nlp -> extract, in this process or a local process pool.

Output keeps input order and comes in batches, so the store can commit one batch at a time.
The Dask engine lives in ``newskb.scale`` and reuses ``process_batch``.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, TypeAlias

from newskb import budget
from newskb.errors import ExtractorFailed, NewskbError
from newskb.extract import extract
from newskb.ingest import read_paths
from newskb.model import Article, BatchReport, ErrorRecord, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newskb.store.base import BatchStore

Result: TypeAlias = Extraction | ErrorRecord
BATCH = 32


def process_batch(articles: list[Article]) -> list[Result]:
    """Parse and extract one batch of articles (the model is loaded once per process).

    Each article is held to its budget (``newskb.budget``): over ``MAX_CHARS`` it is refused
    before any NLP; a large one is parsed alone; parsing and extraction stop at its seconds
    budget. A failure of any kind costs that article only: it becomes its coded error row and
    the batch goes on.
    """
    from newskb import nlp

    small = [a for a in articles if len(a.text) <= budget.ALONE_CHARS]
    docs = dict(zip((id(a) for a in small), nlp.parse_many([a.text for a in small]), strict=True))
    out: list[Result] = []
    for article in articles:
        try:
            out.append(_one(article, docs.pop(id(article), None)))
        except NewskbError as exc:
            out.append(ErrorRecord(code=exc.code, message=exc.message, path=article.path))
        except Exception as exc:  # a bug on hostile input loses this article only
            failed = ExtractorFailed(f"unexpected {type(exc).__name__}: {exc}")
            out.append(ErrorRecord(code=failed.code, message=failed.message, path=article.path))
    return out


def _one(article: Article, doc: Doc | None) -> Extraction:
    """One article within its budget (``doc``: parsed with its batch, or None: parse it here)."""
    from newskb import nlp

    budget.check_size(article)
    with budget.seconds(article):
        if doc is None:
            doc = nlp.parse_many([article.text])[0]
        return extract(article, doc)


_PREPARED: list[int] = []  # the pid of a process that prepared itself (or its forked parent)


def prepare_process() -> None:
    """Load the model and every extractor's lazy tables in this process, once, then move
    everything loaded so far out of the garbage collector's way (``gc.freeze``): the model
    and tables are ~600k long-lived objects a full collection would otherwise walk again and
    again while articles are processed (about 3% of extraction time, ``make bench``).
    A worker forked from a prepared process has it all already."""
    if _PREPARED:
        return
    text = "Officials in Kyiv said on Monday that talks with Russia in Geneva would resume."
    process_batch([Article(id="warm", sha256="warm", path="warm", text=text)])
    _freeze()


def _freeze() -> None:
    # the young generations only: a full collection walks every object just loaded (~0.07 cpu-s
    # per command) to find a few dozen cycles, which the freeze may as well keep
    gc.collect(1)
    gc.freeze()
    _PREPARED[:] = [os.getpid()]


def prepare_worker() -> None:
    """A pool worker's start: die with the parent (any signal, ``kill -9`` too), then load."""
    from newskb.workers import die_with_parent

    die_with_parent()
    prepare_process()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def batches(
    items: Iterable[Article | ErrorRecord], size: int = BATCH
) -> Iterator[list[Article | ErrorRecord]]:
    """Group read items into batches of up to ``size`` articles (or errors), in input order."""
    group: list[Article | ErrorRecord] = []
    arts = errs = 0
    for item in items:
        group.append(item)
        if isinstance(item, ErrorRecord):
            errs += 1
        else:
            arts += 1
        if arts >= size or errs >= size:
            yield group
            group, arts, errs = [], 0, 0
    if group:
        yield group


def _merge(group: list[Article | ErrorRecord], results: list[Result]) -> list[Result]:
    """Put each article's result back in its input position, between the errors."""
    done = iter(results)
    return [item if isinstance(item, ErrorRecord) else next(done) for item in group]


def _articles(group: list[Article | ErrorRecord]) -> list[Article]:
    return [item for item in group if isinstance(item, Article)]


def run(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    workers: int = 1,
    batch_size: int = BATCH,
    keep: Callable[[Article], bool] | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[list[Result]]:
    """Read, parse and extract; yield one list of results per batch, in input order.

    ``keep`` filters articles before any NLP (the store uses it to skip what it already has);
    ``fields`` maps JSON Lines fields (``{"text": "body"}``).
    With ``workers`` > 1 this process loads the model and tables first and the pool's workers
    are forked from it (sharing them, no load of their own); an input too small to share out
    (one article) runs here, and a small input is cut into smaller batches so every worker
    gets some.
    """
    items: Iterable[Article | ErrorRecord] = read_paths(paths, published=published, fields=fields)
    if keep is not None:
        items = (i for i in items if isinstance(i, ErrorRecord) or keep(i))
    ahead: list[Article | ErrorRecord] = []
    if workers > 1:  # read ahead what the workers' first batches would hold
        stream = iter(items)
        ahead = list(itertools.islice(stream, workers * batch_size))
        items = itertools.chain(ahead, stream)
        if len(ahead) < workers * batch_size:  # all of the input: share it out evenly
            n_arts = sum(isinstance(i, Article) for i in ahead)
            batch_size = max(1, -(-n_arts // workers))
            workers = min(workers, n_arts)
    if workers <= 1:  # the first batch warms this process up (no warm-up article of its own)
        for group in batches(items, batch_size):
            arts = _articles(group)
            done = process_batch(arts) if arts else []
            if arts and not _PREPARED:
                _freeze()
            yield _merge(group, done)
        return
    prepare_process()  # here, once: the forked workers inherit the model and tables
    with ProcessPoolExecutor(
        max_workers=workers, initializer=prepare_worker, mp_context=_pool_context()
    ) as pool:
        window: deque[tuple[list[Article | ErrorRecord], Future[list[Result]] | None]] = deque()
        for group in batches(items, batch_size):
            arts = _articles(group)
            window.append((group, pool.submit(process_batch, arts) if arts else None))
            while len(window) > workers * 2:
                yield _done(window.popleft())
        while window:
            yield _done(window.popleft())


def _pool_context() -> multiprocessing.context.BaseContext:
    """``fork`` where the platform has it (workers share the loaded model), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _done(entry: tuple[list[Article | ErrorRecord], Future[list[Result]] | None]) -> list[Result]:
    group, fut = entry
    return _merge(group, fut.result() if fut is not None else [])


def store_batch(store: BatchStore, results: Sequence[Result]) -> BatchReport:
    """Store one batch with everything derived from it, in one store transaction: the new
    articles and their facts, then the entity canon (resolve), the agreements ledger and the
    stories, each reading and writing through the batch's own index."""
    from newskb.ledger.ledger import update_ledger
    from newskb.resolve.canon import resolve_batch
    from newskb.stories.cluster import assign_all

    with store.batch() as tx:
        report, fresh = tx.write(results)
        if fresh:
            resolve_batch(tx.canon, fresh)
            update_ledger(tx.ledger, fresh)
            assign_all(tx.stories, fresh)
    return report
