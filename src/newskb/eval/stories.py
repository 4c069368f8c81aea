"""Story clustering scored on ECB+ (topics 1-35 here): BCubed and pairwise P/R/F1.

A gold story is a topic number plus the ``ecb``/``ecbplus`` suffix: each topic holds two
different real-world events of the same kind. Articles carry no date. Documents are clustered
one at a time, in a fixed order, through the same store code the ingest path uses (an
in-memory SQLite store), so the number measures the real method.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newskb.errors import NotFound
from newskb.eval.metrics import f1
from newskb.model import Article, ClusterScores, Extraction, StoryParams

DEFAULT_ROOT = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "ecbplus"
DEV_TOPICS = tuple(range(1, 36))
TEXT_PARAMS = StoryParams(threshold=0.15, entities=False, times=False)
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", "%", ")", "'s", "n't", "''", "'"})


def gold_story(path: Path) -> str:
    m = _NAME.match(path.name)
    if not m:
        raise ValueError(f"not an ECB+ document name: {path.name}")
    return f"{m[1]}{m[3]}"


def documents(root: Path = DEFAULT_ROOT, topics: Iterable[int] = DEV_TOPICS) -> list[Path]:
    """ECB+ documents of the given topics, in a fixed interleaved order (topic, number, kind).

    Only topics 1-35 are development data; asking for another topic is refused.
    """
    wanted = sorted(set(topics))
    if any(t < 1 or t > 35 for t in wanted):
        raise ValueError("only ECB+ topics 1-35 are development data")
    out: list[Path] = []
    for t in wanted:
        folder = root / "ECB+" / str(t)
        if folder.is_dir():
            out.extend(p for p in folder.iterdir() if _NAME.match(p.name))

    def key(p: Path) -> tuple[int, int, str]:
        m = _NAME.match(p.name)
        assert m is not None
        return int(m[1]), int(m[2]), m[3]

    return sorted(out, key=key)


def read_text(path: Path) -> str:
    """The article text from ECB+'s tokens (sentences on lines); a leading URL line dropped."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines: list[str] = []
    for n in sorted(sentences):
        toks = sentences[n]
        if n == 0 and toks and toks[0].lower() in ("http", "https", "www"):
            continue
        line = ""
        for t in toks:
            line += (
                t if not line or t in _NO_SPACE_BEFORE or line.endswith(("(", "``")) else f" {t}"
            )
        lines.append(line.replace("``", '"').replace("''", '"'))
    return "\n".join(lines) + "\n"


def article(path: Path) -> Article:
    text = read_text(path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=digest[:16], sha256=digest, path=str(path), text=text, fmt="ecbplus")


def scores(predicted: Sequence[str], gold: Sequence[str]) -> ClusterScores:
    """BCubed and pairwise precision, recall and F1 of one clustering against gold labels."""
    n = len(gold)
    if n == 0 or len(predicted) != n:
        raise ValueError("need one predicted label per gold document")
    both = Counter(zip(predicted, gold, strict=True))
    psize, gsize = Counter(predicted), Counter(gold)
    bp = sum(c * c / psize[p] for (p, _g), c in both.items()) / n
    br = sum(c * c / gsize[g] for (_p, g), c in both.items()) / n
    same = sum(c * (c - 1) / 2 for c in both.values())
    ppairs = sum(c * (c - 1) / 2 for c in psize.values())
    gpairs = sum(c * (c - 1) / 2 for c in gsize.values())
    pp = same / ppairs if ppairs else 1.0
    pr = same / gpairs if gpairs else 1.0
    return ClusterScores(
        documents=n,
        gold_clusters=len(gsize),
        predicted_clusters=len(psize),
        bcubed_p=bp,
        bcubed_r=br,
        bcubed_f1=f1(bp, br),
        pairwise_p=pp,
        pairwise_r=pr,
        pairwise_f1=f1(pp, pr),
    )


def text_only(articles: Sequence[Article]) -> list[Extraction]:
    """Extractions with no entities or times: the ``--features text`` mode, no model needed."""
    return [Extraction(article=a) for a in articles]


def with_model(articles: Sequence[Article]) -> list[Extraction]:
    """Extractions from the real entities and times stages (spaCy loaded once)."""
    from newskb import nlp
    from newskb.extract import extract

    docs = nlp.parse_many([a.text for a in articles])
    return [extract(a, d, steps=("entities", "times")) for a, d in zip(articles, docs, strict=True)]


def cluster(extractions: Sequence[Extraction], params: StoryParams) -> list[str]:
    """Final story id per extraction, assigned one by one in an in-memory store (re-checks may
    move an earlier article after it was assigned, so membership is read back at the end)."""
    from newskb.store.migrate import migrate
    from newskb.store.sql import SqliteDb
    from newskb.store.sql.stories import SqlStories
    from newskb.stories.cluster import assign_all

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        ix = SqlStories(SqliteDb(conn))
        done = assign_all(ix, extractions, params)
        final = {m.article_id: m.story_id for m in ix.members()}
        return [final.get(a.article_id, a.story_id) for a in done]
    finally:
        conn.close()


def evaluate(
    *,
    root: Path = DEFAULT_ROOT,
    topics: Iterable[int] = DEV_TOPICS,
    features: str = "text",
    params: StoryParams | None = None,
    build: Callable[[Sequence[Article]], list[Extraction]] | None = None,
) -> ClusterScores:
    """Cluster the ECB+ documents of ``topics`` and score them against the gold stories."""
    paths = documents(root, topics)
    if not paths:
        raise NotFound(f"no ECB+ documents under {root}")
    arts = [article(p) for p in paths]
    make = build or (with_model if features == "all" else text_only)
    p = params or (StoryParams() if features == "all" else TEXT_PARAMS)
    predicted = cluster(make(arts), p)
    return scores(predicted, [gold_story(p) for p in paths])
