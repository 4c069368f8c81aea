"""Every reader on normal and broken input: a correct Article or a coded error, never a raise."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from newskb.ingest import iter_paths, read_bytes, read_path
from newskb.model import Article, ErrorRecord
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def one(path: Path, **kw: dt.date) -> Article | ErrorRecord:
    items = list(read_path(str(path), **kw))
    assert len(items) == 1, items
    return items[0]


def article(path: Path, **kw: dt.date) -> Article:
    item = one(path, **kw)
    assert isinstance(item, Article), item
    return item


def code(path: Path) -> str:
    item = one(path)
    assert isinstance(item, ErrorRecord), item
    assert item.message and item.path == str(path)
    return item.code


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


# --- seed format -------------------------------------------------------------------------------
def test_seed_with_dateline_and_addition() -> None:
    path = EXAMPLES / "03_kyiv_truce_broken.txt"
    raw = path.read_text(encoding="utf-8")
    a = article(path)
    assert a.fmt == "seed"
    assert a.published == dt.date(2025, 4, 9)
    assert a.title == "Shelling near Zaporizhzhia plant breaks the repair truce, Kyiv says"
    assert a.dateline is not None and (a.dateline.place, a.dateline.agency) == (
        "Kyiv",
        "Kyiv Herald",
    )
    prefix = " date 2025-04-09 "
    assert raw.startswith(prefix) and a.text == raw[len(prefix) :]
    assert a.text.startswith(a.title)
    assert a.text[a.body_start :].startswith("Russian artillery shelled")
    (u,) = a.updates
    assert u.label == "Addition"
    assert a.text[u.start : u.end].startswith("At 14:00 Kyiv time the IAEA said")
    assert u.end == len(a.text)


def test_every_example_reads_as_a_seed_article() -> None:
    paths = sorted(EXAMPLES.glob("*.txt"))
    assert 8 <= len(paths) <= 12
    agencies = set()
    for p in paths:
        a = article(p)
        assert a.fmt == "seed" and a.published and a.title and a.dateline, p
        agencies.add(a.dateline.agency)
    assert len(agencies) >= 4
    assert sum(len(article(p).updates) for p in paths) == 1


@pytest.mark.parametrize(
    ("date", "want"),
    [
        ("2025-02-30", "NKB111"),
        ("2025-13-01", "NKB111"),
        ("2099-01-01", "NKB111"),
        ("1492-10-12", "NKB111"),
        ("18.03.2025", "NKB105"),
    ],
)
def test_seed_header_with_a_bad_date_is_refused(tmp_path: Path, date: str, want: str) -> None:
    p = write(tmp_path, "a.txt", f" date {date} Title here\nKyiv • UNN\nBody text.\n")
    assert code(p) == want


def test_seed_title_only() -> None:
    a = next(iter(read_bytes(b" date 2025-03-18 Just a title", path="t.txt")))
    assert isinstance(a, Article)
    assert a.title == "Just a title" and a.text == "Just a title" and a.dateline is None


# --- plain text --------------------------------------------------------------------------------
def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "  Talks resumed at 09:30 local time.\r\n\r\n“Fine,” he said.  \n"
    p = write(tmp_path, "plain.txt", text)
    a = article(p, published=dt.date(2025, 5, 1))
    assert a.text == text and a.fmt == "text" and a.published == dt.date(2025, 5, 1)
    # no headline (the first line ends in a full stop): the first words name the article
    assert a.title == "Talks resumed at 09:30 local time." and a.body_start == 0
    assert article(p).published is None


def test_utf16_with_bom_decodes(tmp_path: Path) -> None:
    text = "Kyiv said “yes” at 16:00 Kyiv time.\n"
    assert article(write(tmp_path, "u16.txt", text.encode("utf-16"))).text == text


# --- broken input, for every suffix ------------------------------------------------------------
SUFFIXES = [".txt", ".html", ".jsonl", ".tml"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    assert code(write(tmp_path, "e" + suffix, b"")) == "NKB101"


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_binary_file(tmp_path: Path, suffix: str) -> None:
    assert code(write(tmp_path, "b" + suffix, bytes(range(256)) * 16)) in {"NKB102", "NKB103"}


def test_bytes_that_are_not_utf8_are_read_in_their_legacy_encoding(tmp_path: Path) -> None:
    # deliberate change (issue 23): a legacy single-byte text is decoded, not refused
    a = article(write(tmp_path, "i.txt", "Le café est fermé à 10:00.\n".encode("cp1252")))
    assert a.text == "Le café est fermé à 10:00.\n" and a.encoding in {"cp1252", "cp1250"}


def test_invalid_utf8_in_a_json_line_is_that_lines_error(tmp_path: Path) -> None:
    p = write(tmp_path, "i.jsonl", b'{"text": "Caf\xe9 \xff end"}\n{"text": "Fine."}\n')
    bad, good = read_path(str(p))
    assert isinstance(bad, ErrorRecord) and bad.code == "NKB103" and bad.path == f"{p}:1"
    assert isinstance(good, Article) and good.text == "Fine."


def test_invalid_utf8_tml_is_refused(tmp_path: Path) -> None:
    assert code(write(tmp_path, "i.tml", b"Caf\xe9 \xff end of text\n")) == "NKB106"


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        for _ in range(50):
            fh.write(b"word " * (1024 * 1024 // 5))
    assert p.stat().st_size >= 50 * 1000 * 1000
    assert code(p) == "NKB104"


def test_too_many_lines_is_refused(tmp_path: Path) -> None:
    assert code(write(tmp_path, "lines.txt", b"a\n" * 50_000)) == "NKB104"


def test_unknown_suffix_missing_file_and_fifo(tmp_path: Path) -> None:
    assert code(write(tmp_path, "x.pdf", b"%PDF")) == "NKB106"
    assert code(tmp_path / "missing.txt") == "NKB107"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert code(fifo) == "NKB107"  # refused, not blocked on


# --- JSON Lines --------------------------------------------------------------------------------
def test_jsonl_articles_bad_lines_and_truncated_end(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "title": "Deal signed",
                "text": "They signed.",
                "published": "2025-05-14",
                "url": "https://example.org/a",
                "source": "Horn Wire",
            }
        ),
        json.dumps({"text": 42}),
        json.dumps({"text": "No title here."}),
        '{"text": "cut',
    ]
    p = write(tmp_path, "a.jsonl", "\n".join(lines))
    items = list(read_path(str(p), published=dt.date(2025, 1, 2)))
    assert [i.code if isinstance(i, ErrorRecord) else "A" for i in items] == [
        "A",
        "NKB108",
        "A",
        "NKB110",
    ]
    first, bad, third, cut = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.text == "Deal signed\n\nThey signed." and first.title == "Deal signed"
    assert first.text[first.body_start :] == "They signed."
    assert first.published == dt.date(2025, 5, 14) and first.url == "https://example.org/a"
    assert third.published == dt.date(2025, 1, 2) and third.text == "No title here."
    assert isinstance(bad, ErrorRecord) and bad.path == f"{p}:2"
    assert isinstance(cut, ErrorRecord) and cut.path == f"{p}:4"
    assert first.id != third.id


# --- HTML --------------------------------------------------------------------------------------
PAGE = """<html><head><title>Ministers agree gas storage deal</title></head><body>
<nav>Home | World | Business</nav>
<article><h1>Ministers agree gas storage deal</h1>
<p>European Union energy ministers agreed on Tuesday to give member states more flexibility in
meeting the gas storage target before winter, diplomats said after the meeting in Brussels.</p>
<p>“Traders were betting against us on one fixed date. Now they can't,” the commissioner said,
adding that the change would lower prices for households across the bloc this winter.</p>
<p>Some ministers said the flexibility should be temporary, according to diplomats present.</p>
</article><footer>Copyright Eurowire</footer></body></html>"""


def test_html_main_text_with_title_first(tmp_path: Path) -> None:
    a = article(write(tmp_path, "page.html", PAGE))
    assert a.fmt == "html" and a.title == "Ministers agree gas storage deal"
    assert a.text.startswith(a.title + "\n\n")
    body = a.text[a.body_start :]
    assert "energy ministers agreed on Tuesday" in body and "Home | World" not in body
    assert a.raw == PAGE


def test_html_without_text_and_deeply_nested(tmp_path: Path) -> None:
    empty = "<html><body><div><span></span></div><script>x=1</script></body></html>"
    assert code(write(tmp_path, "empty.html", empty)) == "NKB109"
    deep = "<div>" * 20_000 + "<p>Deep inside.</p>" + "</div>" * 20_000
    item = one(write(tmp_path, "deep.html", f"<html><body>{deep}</body></html>"))
    assert isinstance(item, Article) or item.code == "NKB109"


# --- TimeML ------------------------------------------------------------------------------------
TML = (
    '<?xml version="1.0"?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" '
    'functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>'
    '<TEXT>\nTalks ended on <TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3>.\n'
    "</TEXT></TimeML>\n"
)


def test_tml_text_and_dct(tmp_path: Path) -> None:
    a = article(write(tmp_path, "doc.tml", TML))
    assert a.fmt == "tml" and a.published == dt.date(1998, 2, 13)
    assert a.text == "\nTalks ended on Thursday.\n"


def test_tml_broken_and_without_text(tmp_path: Path) -> None:
    assert code(write(tmp_path, "cut.tml", TML[:90])) == "NKB106"
    assert code(write(tmp_path, "none.tml", "<TimeML><DCT/></TimeML>")) == "NKB109"


# --- folders -----------------------------------------------------------------------------------
def test_folders_are_walked_sorted_without_hidden_files_or_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write(tmp_path, "b/2.txt", "two")
    write(tmp_path, "a.txt", "one")
    write(tmp_path, ".hidden.txt", "hidden")
    (tmp_path / "b" / "up").symlink_to("..")
    items = list(iter_paths([str(tmp_path)]))
    paths = [i for i in items if isinstance(i, str)]
    loops = [i for i in items if isinstance(i, ErrorRecord)]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]
    assert [e.code for e in loops] == ["NKB107"]


def test_paths_may_be_pathlib_paths(tmp_path: Path) -> None:
    """Regression: read_paths([Path(...)]) raised AttributeError ('PosixPath' has no
    'encode') once names with non-UTF-8 bytes were shown escaped."""
    from newskb.ingest import read_paths

    f = tmp_path / "a.txt"
    f.write_text("Kyiv officials said on Monday that talks would resume.", encoding="utf-8")
    got = list(read_paths([tmp_path, f]))
    assert [type(x).__name__ for x in got] == ["Article", "Article"]
    assert all(isinstance(x.path, str) for x in got)
