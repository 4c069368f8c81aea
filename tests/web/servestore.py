"""A small store for the serve tests, built through the real pipeline and SqliteStore.

Shared by ``tests/api`` and ``tests/web`` (their conftest files put this folder on sys.path).
Two of the articles get hand-written times, events and an agreement on top of what the
extractors found, so the highlight and agreement pages are tested on known offsets.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path

from newskb.model import Agreement, Event, Extraction, Span, TimeExpr
from newskb.pipeline import run
from newskb.store import SqliteStore

BRUSSELS = """ date 2025-04-01 EU envoy says the repair truce will hold
Brussels • Brussels Wire
EU envoy Maria Lindqvist said on Tuesday that the repair truce between Kyiv and Moscow would hold.
"We expect both sides to keep their word," Lindqvist told reporters in Brussels.
The truce was agreed by Ukraine and Russia on March 30 after talks hosted by the European Union.
"""

BROKEN = """ date 2025-04-09 Shelling breaks the repair truce, Kyiv says
Kyiv • Kyiv Herald
Energy Minister Taras Hnatiuk said the repair ceasefire had been violated at 04:20 Kyiv time.
"The truce is over," Hnatiuk said on national television.
"""

HOSTILE = """ date 2025-04-10 Hackers post <img src=x onerror="window.__pwned=1"> on a news site
Geneva • Test Wire
Analyst Jonas Berg said the page showed <script>window.__pwned = 2;</script> inside the text.
He added that <b>bold</b> tags & "quotes" must appear exactly as written: </p><p>closed.
"""


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def _annotate_brussels(x: Extraction) -> Extraction:
    text = x.article.text
    day = _span(text, "March 30")
    agreed = _span(text, "agreed")
    sent = _span(text, "The truce was agreed by Ukraine and Russia on March 30 after talks")
    sentence = Span(sent.start, text.index(".", sent.start) + 1, "")
    sentence = Span(sentence.start, sentence.end, text[sentence.start : sentence.end])
    by = {e.name: e.id for e in x.entities}
    parties = tuple(by[n] for n in ("Ukraine", "Russia") if n in by)
    times = (
        *x.times,
        TimeExpr("T90", day.start, day.end, day.text, "DATE", "2025-03-30"),
        TimeExpr(
            "T91", day.start, day.end + 6, text[day.start : day.end + 6], "DATE", "2025-03-30"
        ),  # overlaps T90 on purpose
    )
    event = Event(
        id="V90",
        type="AGREE",
        status="occurred",
        trigger=agreed,
        sentence=sentence,
        actors=parties,
        time="T90",
        agreement=Agreement("repair truce", parties, "agreed", "2025-03-30"),
    )
    return dataclasses.replace(x, times=times, events=(*x.events, event))


def _annotate_broken(x: Extraction) -> Extraction:
    text = x.article.text
    at = _span(text, "04:20 Kyiv time")
    trig = _span(text, "violated")
    sentence = _span(text, "Energy Minister Taras Hnatiuk said the repair ceasefire had been")
    end = text.index(".", sentence.start) + 1
    time = TimeExpr(
        "T90",
        at.start,
        at.end,
        at.text,
        "TIME",
        "2025-04-09T04:20",
        "Europe/Kyiv",
        "2025-04-09T01:20:00Z",
    )
    event = Event(
        id="V90",
        type="REJECT",
        status="occurred",
        trigger=trig,
        sentence=Span(sentence.start, end, text[sentence.start : end]),
        time="T90",
        agreement=Agreement("Repair  truce", (), "violated", "2025-04-09"),
    )
    return dataclasses.replace(x, times=(*x.times, time), events=(*x.events, event))


def build_store(folder: Path, seed: Path | None = None) -> Path:
    """Write the articles, run them through the pipeline and store them; return the db path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (
        ("brussels.txt", BRUSSELS),
        ("broken.txt", BROKEN),
        ("hostile.txt", HOSTILE),
    ):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    if seed is not None:
        paths.append(str(seed))
    db = folder / "serve.db"
    with SqliteStore(db) as store:
        for batch in run(paths, workers=1):
            fixed = []
            for item in batch:
                if isinstance(item, Extraction) and item.article.path.endswith("brussels.txt"):
                    item = _annotate_brussels(item)
                elif isinstance(item, Extraction) and item.article.path.endswith("broken.txt"):
                    item = _annotate_broken(item)
                fixed.append(item)
            store.add_batch(fixed)
    return db


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """The web app over ``db`` served by uvicorn in a thread on a free loopback port; its URL."""
    import socket
    import threading
    import time

    import uvicorn

    from newskb.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
