"""HTML metadata, news-please / newspaper4k JSON Lines, gzip, stdin and hostile lines (issues
18 and 23): publication date-time with zone, authors and site exact; one bad line costs itself."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from newskb.ingest import read_bytes, read_path, read_paths
from newskb.ingest.jsonl import iter_lines
from newskb.model import Article, ErrorRecord

BODY = (
    "Ministers from both countries met in Geneva on Tuesday for three hours. They agreed to "
    "exchange prisoners and to meet again next month, officials said after the meeting ended. "
    "The talks were the first in a year and were described as frank and useful by both sides."
)


def _page(head: str) -> str:
    return (
        f"<html><head><title>Prisoner swap agreed</title>{head}</head><body><article>"
        f"<h1>Prisoner swap agreed</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )


LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Prisoner swap agreed",
        "datePublished": "2025-03-18T10:42:00+02:00",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ann Lee"}],
        "publisher": {"@type": "Organization", "name": "Kyiv Daily"},
    }
)
PAGES = {
    "json-ld": (
        f'<script type="application/ld+json">{LD}</script>',
        "2025-03-18T10:42:00+02:00",
        ("Jane Doe", "Ann Lee"),
        "Kyiv Daily",
    ),
    "json-ld graph": (
        '<script type="application/ld+json">'
        + json.dumps({"@graph": [{"@type": "WebSite"}, json.loads(LD)]})
        + "</script>",
        "2025-03-18T10:42:00+02:00",
        ("Jane Doe", "Ann Lee"),
        "Kyiv Daily",
    ),
    "open graph": (
        '<meta property="article:published_time" content="2025-03-18T08:42:00Z">'
        '<meta property="og:site_name" content="Geneva Times">'
        '<meta name="author" content="John Roe">',
        "2025-03-18T08:42:00+00:00",
        ("John Roe",),
        "Geneva Times",
    ),
    "meta pubdate": (
        '<meta name="pubdate" content="2025-03-18T10:42:00-04:00">'
        '<meta name="author" content="Jane Doe; John Roe">',
        "2025-03-18T10:42:00-04:00",
        ("Jane Doe", "John Roe"),
        None,
    ),
    "time element": (
        "",
        "2025-03-18T10:42:00+01:00",
        (),
        None,
    ),
}


@pytest.mark.parametrize("style", sorted(PAGES))
def test_html_metadata_styles(tmp_path: Path, style: str) -> None:
    head, at, authors, site = PAGES[style]
    page = _page(head)
    if style == "time element":
        page = page.replace("<p>", '<p><time datetime="2025-03-18T10:42:00+01:00"></time>', 1)
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    (a,) = read_path(str(p))
    assert isinstance(a, Article), a
    assert (a.title, a.published_at, a.authors) == ("Prisoner swap agreed", at, authors)
    assert a.published == dt.date(2025, 3, 18) and a.published_source == "metadata"
    if site:
        assert a.source == site


NEWS_PLEASE = {
    "authors": ["Jane Doe"],
    "date_download": "2025-03-19 08:00:00",
    "date_publish": "2025-03-18 10:42:00",
    "description": "Swap agreed.",
    "language": "en",
    "maintext": BODY,
    "source_domain": "kyivdaily.example",
    "title": "Prisoner swap agreed",
    "url": "https://kyivdaily.example/swap",
}
NEWSPAPER4K = {
    "title": "Prisoner swap agreed",
    "text": BODY,
    "authors": ["Jane Doe", "Ann Lee"],
    "publish_date": "2025-03-18T10:42:00+02:00",
    "url": "https://example.org/swap",
}


def test_news_please_and_newspaper4k_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps(NEWS_PLEASE) + "\n" + json.dumps(NEWSPAPER4K) + "\n")
    np_, n4k = read_path(str(p))
    assert isinstance(np_, Article) and isinstance(n4k, Article)
    assert (np_.title, np_.published_at, np_.authors, np_.source, np_.url) == (
        "Prisoner swap agreed",
        "2025-03-18T10:42:00",
        ("Jane Doe",),
        "kyivdaily.example",
        "https://kyivdaily.example/swap",
    )
    assert np_.text == f"Prisoner swap agreed\n\n{BODY}" and np_.published_source == "metadata"
    assert (n4k.title, n4k.published_at, n4k.authors) == (
        "Prisoner swap agreed",
        "2025-03-18T10:42:00+02:00",
        ("Jane Doe", "Ann Lee"),
    )


def test_field_mapping_and_gzip(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl.gz"
    line = {"body": BODY, "headline": "Swap", "when": "2025-03-18"}
    p.write_bytes(gzip.compress((json.dumps(line) + "\n").encode()))
    (a,) = read_path(str(p), fields={"text": "body", "title": "headline", "published": "when"})
    assert isinstance(a, Article) and a.title == "Swap" and a.published == dt.date(2025, 3, 18)
    t = tmp_path / "b.txt.gz"
    t.write_bytes(gzip.compress(f"Swap agreed\n\nGENEVA (AP) — {BODY}".encode()))
    (b,) = read_path(str(t))
    assert isinstance(b, Article) and b.dateline is not None and b.dateline.agency == "AP"


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps(NEWSPAPER4K) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (a,) = read_paths(["-"])
    assert isinstance(a, Article) and a.path == "<stdin>:1" and a.authors == ("Jane Doe", "Ann Lee")


def test_undated_article_says_so() -> None:
    (a,) = read_bytes(BODY.encode(), path="x.txt")
    assert isinstance(a, Article) and a.published is None and a.published_source is None
    assert a.warnings == ("NKB112: no publication date",)
    (b,) = read_bytes(BODY.encode(), path="x.txt", published=dt.date(2025, 3, 18))
    assert isinstance(b, Article) and b.published_source == "flag" and not b.warnings


def _codes(data: bytes) -> list[str]:
    return [
        "article" if isinstance(x, Article) else x.code for x in read_bytes(data, path="x.jsonl")
    ]


def test_each_bad_json_line_costs_only_itself() -> None:
    good = json.dumps({"text": BODY}).encode()
    lines = [
        good,
        b'{"text": "lone \\ud800 surrogate"}',
        b'{"text": "NUL \\u0000 inside"}',
        b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
        b'{"text": "caf\xe9"}',
        b'{"title": "no text"}',
        good.replace(b"Ministers", b"Envoys"),
    ]
    assert _codes(b"\n".join(lines) + b"\n") == [
        "article", "NKB103", "NKB102", "NKB108", "NKB103", "NKB109", "article",
    ]  # fmt: skip


@pytest.mark.parametrize("sep", [b"\n", b"\r\n", b"\r"])
def test_every_line_end_is_read(sep: bytes) -> None:
    lines = [json.dumps({"text": f"{BODY} {i}"}).encode() for i in range(3)]
    assert _codes(sep.join(lines) + sep) == ["article"] * 3


def test_a_huge_line_is_refused_without_holding_it() -> None:
    big = b'{"text": "' + b"a" * (9 * 1024 * 1024) + b'"}'
    stream = io.BytesIO(big + b"\n" + json.dumps({"text": BODY}).encode() + b"\n")
    out = list(iter_lines(stream, limit=1024 * 1024))
    assert [(n, line is None, ended) for n, line, ended in out] == [
        (1, True, True),
        (2, False, True),
    ]
    assert _codes(big + b"\n" + json.dumps({"text": BODY}).encode()) == ["NKB104", "article"]


def test_cr_only_seed_file_reads_title_dateline_and_additions() -> None:
    seed = (
        " date 2025-03-18 Ministers meet\rBrussels • Eurowire\rMinisters met on Tuesday.\r"
        "Addition\rThey met again at 16:00 Kyiv time.\r"
    )
    for text in (seed, seed.replace("\r", "\r\n"), seed.replace("\r", "\n", 2)):
        (a,) = read_bytes(text.encode(), path="s.txt")
        assert isinstance(a, Article), a
        assert a.title == "Ministers meet" and a.dateline is not None
        assert (a.dateline.place, a.dateline.agency) == ("Brussels", "Eurowire")
        assert len(a.updates) == 1 and a.text[a.updates[0].start :].startswith("They met")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
def test_ukrainian_legacy_encodings_keep_their_words(encoding: str) -> None:
    text = "Міністр заявив, що переговори в Києві завершилися. Їхня позиція є твердою.\n"
    (a,) = read_bytes(text.encode(encoding), path="u.txt")
    assert isinstance(a, Article) and a.text == text
    assert a.encoding == encoding.replace("_", "-")


def test_koi8_r_russian_is_named_so() -> None:
    text = "Министр заявил, что переговоры в Москве завершились. Позиция осталась твердой.\n"
    (a,) = read_bytes(text.encode("koi8_r"), path="r.txt")
    assert isinstance(a, Article) and a.text == text and a.encoding == "koi8-r"


def test_non_utf8_file_name_is_read_and_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(BODY.encode())
    (a,) = read_paths([str(tmp_path)])
    assert isinstance(a, Article) and a.path.endswith("caf\\xe9.txt")
    a.path.encode("utf-8")  # printable and storable


def test_broken_gzip_is_a_coded_error(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:30])
    out = list(read_path(str(p)))
    assert out and all(isinstance(x, ErrorRecord) and x.code.startswith("NKB1") for x in out)


@pytest.mark.parametrize("chunk", [1, 2, 3, 1 << 20])
def test_line_ends_split_across_chunks(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Regression: a "\\r\\n" cut between two reads must stay one line end."""
    import newskb.ingest.jsonl as jsonl

    monkeypatch.setattr(jsonl, "CHUNK", chunk)
    data = b"a\r\nb\rc\nd\r\n\r\ne"
    got = [(n, line, ended) for n, line, ended in iter_lines(io.BytesIO(data))]
    assert got == [
        (1, b"a", True), (2, b"b", True), (3, b"c", True), (4, b"d", True), (5, b"", True),
        (6, b"e", False),
    ]  # fmt: skip
