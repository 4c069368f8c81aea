"""Generate the bad-input corpus: every kind of broken or hostile input newskb must survive.

Usage: ``python scripts/make_bad_inputs.py [DEST]`` (default ``tests/data/bad``; that folder is
not committed: the tests generate it under a temporary folder). ``make(dest)`` returns what each
file must become: a coded error (``NKB1xx``) or an article, so the tests can check every kind.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = "article"
"""Expected outcome: a correct article (exact text, spans inside it)."""

SEED_OK = (
    " date 2025-03-18 Ministers meet in Brussels\n"
    "Brussels • Eurowire\n"
    "Ministers met on Tuesday. “We agreed,” the chair said.\n"
)


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: its file (relative to DEST) and the outcomes it must produce.

    ``expect`` holds one entry per item the reader yields (JSON Lines may yield several): either
    ``"article"`` or the set of acceptable outcomes for that item (error codes, and ``"article"``
    where either is sensible).
    """

    name: str
    path: str
    expect: tuple[str | frozenset[str], ...]
    note: str = ""


def _codes(*codes: str) -> frozenset[str]:
    return frozenset(codes)


def _write(dest: Path, rel: str, data: bytes) -> None:
    p = dest / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)


def _nested_html(depth: int) -> bytes:
    inner = "<p>Deep inside the page the minister said the talks had gone well.</p>"
    return ("<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>").encode()


def make(dest: Path, *, big: bool = True) -> list[Kind]:
    """Write every bad input under ``dest``; return the kinds with their expected outcomes.

    ``big=False`` leaves out the 50 MB file (the one kind that costs disk and time).
    """
    dest.mkdir(parents=True, exist_ok=True)
    kinds: list[Kind] = []

    def add(
        name: str, rel: str, data: bytes, *expect: str | frozenset[str], note: str = ""
    ) -> None:
        _write(dest, rel, data)
        kinds.append(Kind(name, rel, tuple(expect), note))

    add("empty", "empty.txt", b"", _codes("NKB101"))
    add("whitespace only", "whitespace.txt", b" \n\t\r\n   \n", _codes("NKB101"))
    add("binary (random bytes)", "binary.txt", bytes(range(256)) * 64, _codes("NKB102", "NKB103"))
    add(
        "binary (PNG header)",
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        _codes("NKB102", "NKB103"),
    )
    add("NUL bytes", "nul.txt", b"Talks ended.\x00\x00\x00More text.\n", _codes("NKB102"))
    add(
        "NUL byte far into the file",
        "nul_late.txt",
        b"The minister spoke. " * 2000 + b"\x00 end\n",
        _codes("NKB102"),
    )
    add(
        "invalid UTF-8 (read as a legacy single-byte text)",
        "invalid_utf8.txt",
        b"Caf\xc3 au lait \xff\xfe end\n",
        ARTICLE,
    )
    add("Latin-1 text", "latin1.txt", "Le café est fermé.\n".encode("latin-1"), ARTICLE)
    add(
        "mixed encodings",
        "mixed.txt",
        "Kyiv said “yes”. ".encode() + "Café fermé.".encode("latin-1"),
        _codes("NKB103"),
    )
    add(
        "UTF-8 encoded surrogate",
        "surrogate.txt",
        b"Text with a lone surrogate \xed\xa0\x80 here\n",
        _codes("NKB103"),
    )
    add(
        "UTF-16 LE with BOM",
        "utf16le.txt",
        "The council met at 09:30 local time. “Agreed,” she said.\n".encode("utf-16"),
        ARTICLE,
    )
    add(
        "UTF-16 BE with BOM",
        "utf16be.txt",
        b"\xfe\xff" + "Ministers met in Tokyo on Friday.\n".encode("utf-16-be"),
        ARTICLE,
    )
    add(
        "UTF-16 with BOM, cut mid character",
        "utf16_cut.txt",
        "Ministers met in Tokyo.".encode("utf-16") + b"\x41",
        _codes("NKB103"),
    )
    add("UTF-8 with BOM", "utf8_bom.txt", b"\xef\xbb\xbfThe talks resumed in Nairobi.\n", ARTICLE)
    add(
        "seed header after a UTF-8 BOM",
        "seed_bom.txt",
        b"\xef\xbb\xbf" + SEED_OK.encode(),
        ARTICLE,
    )
    add("control characters", "controls.txt", bytes(range(1, 9)) * 40 + b"abc\n", _codes("NKB102"))
    add(
        "a few control characters in prose",
        "bell.txt",
        b"The minister\x07 spoke at 10:00 GMT.\x1b And left.\n",
        ARTICLE,
    )
    add(
        "CRLF line ends",
        "crlf.txt",
        b'The talks began.\r\n"We will see," he said.\r\n',
        ARTICLE,
    )
    add(
        "zero-width and bidi marks",
        "zero_width.txt",
        "The min\u200bister said\u200d the \u2066talks\u2069 ended.\ufeff\n".encode(),
        ARTICLE,
    )
    add(
        "title only (seed)", "title_only.txt", b" date 2025-03-18 Talks end without a deal", ARTICLE
    )
    add(
        "seed header with no title",
        "seed_no_title.txt",
        b" date 2025-03-18 \nKyiv \xe2\x80\xa2 UNN\nThe talks ended.\n",
        ARTICLE,
    )
    add(
        "seed header, impossible date",
        "seed_feb30.txt",
        SEED_OK.replace("2025-03-18", "2025-02-30").encode(),
        _codes("NKB111"),
    )
    add(
        "seed header, month 13",
        "seed_month13.txt",
        SEED_OK.replace("2025-03-18", "2025-13-01").encode(),
        _codes("NKB111"),
    )
    add(
        "seed header, date in 2099",
        "seed_2099.txt",
        SEED_OK.replace("2025-03-18", "2099-03-18").encode(),
        _codes("NKB111"),
    )
    add(
        "seed header, date not ISO",
        "seed_slashes.txt",
        SEED_OK.replace("2025-03-18", "18/03/2025").encode(),
        _codes("NKB105"),
    )
    add("only quote marks", "only_quotes.txt", '“ ” " \' ‘ ’ « » ""\n'.encode(), _codes("NKB101"))
    add(
        "only quoted sentences",
        "only_quoted.txt",
        '“We will not sign.” "Never." ‘Not today.’\n'.encode(),
        ARTICLE,
    )
    add(
        "unbalanced quote marks",
        "unbalanced.txt",
        'He said “the deal is done. She replied "not yet and left.\n”“ ”"\n'.encode(),
        ARTICLE,
    )
    add(
        "RTL text (Arabic and Hebrew)",
        "rtl.txt",
        "قال الوزير إن المحادثات انتهت. השר אמר שהשיחות הסתיימו. The minister agreed.\n".encode(),
        ARTICLE,
    )
    add(
        "emoji",
        "emoji.txt",
        "Talks 🤝 ended 🎉 in Nairobi at 15:00 GMT 🇰🇪. “Great 👍,” he said.\n".encode(),
        ARTICLE,
    )
    add(
        "Cyrillic text",
        "cyrillic.txt",
        (
            "Київ • УНН\nМіністр заявив, що переговори завершилися о 16:00 за київським часом.\n"
        ).encode(),
        ARTICLE,
    )
    add("1M tiny lines", "million_lines.txt", b"a\n" * 1_000_000, _codes("NKB104"))
    if big:
        add(
            "50 MB single line",
            "huge_line.txt",
            b"word " * (10 * 1024 * 1024),
            _codes("NKB104"),
        )
    add("deeply nested HTML", "nested.html", _nested_html(50_000), _codes(ARTICLE, "NKB109"))
    add(
        "HTML with no text",
        "no_text.html",
        b"<html><head><title></title></head><body><div><span></span></div></body></html>",
        _codes("NKB109"),
    )
    add(
        "HTML with only scripts and styles",
        "scripts_only.html",
        b"<html><head><style>p{color:red}</style></head><body><script>var a=1;</script>"
        b"<noscript></noscript></body></html>",
        _codes("NKB109"),
    )
    add(
        "HTML that is not HTML",
        "garbage.html",
        b"\x01\x02 <<<>>> &&&; <//>",
        _codes("NKB101", "NKB102", "NKB109"),
    )
    good = {
        "title": "Talks end",
        "text": "The talks ended at 10:00 GMT.",
        "published": "2025-03-18",
    }
    add(
        "truncated JSON Lines",
        "truncated.jsonl",
        (
            json.dumps(good)
            + "\n"
            + json.dumps({**good, "title": "More"})
            + "\n"
            + '{"text": "cut of'
        ).encode(),
        ARTICLE,
        ARTICLE,
        _codes("NKB110"),
    )
    add(
        "JSON Lines with wrong types",
        "wrong_types.jsonl",
        "\n".join(
            [
                json.dumps({"text": 12345}),
                json.dumps({"text": "Fine text.", "title": ["a", "list"]}),
                json.dumps({"text": "Fine text.", "published": 20250318}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"title": "no text field"}),
                json.dumps({**good, "title": "Wrong types file"}),
            ]
        ).encode(),
        _codes("NKB108"),
        _codes("NKB108"),
        _codes("NKB108"),
        _codes("NKB108"),
        _codes("NKB109"),
        ARTICLE,
    )
    add(
        "JSON Lines with an impossible date",
        "bad_date.jsonl",
        json.dumps({**good, "published": "2025-02-30"}).encode(),
        _codes("NKB111"),
    )
    add(
        "JSON nested 100k deep",
        "deep.jsonl",
        (
            "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({**good, "title": "Deep"}) + "\n"
        ).encode(),
        _codes("NKB108"),
        ARTICLE,
    )
    add("JSON Lines of blank lines", "blank.jsonl", b"\n\n  \n\n", _codes("NKB101"))
    tml = (
        '<?xml version="1.0"?>\n<TimeML><DOCID>x</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">'
        "02/13/1998</TIMEX3></DCT><TEXT>The talks ended on "
        '<TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3>.</TEXT></TimeML>\n'
    )
    add("TimeML, well formed", "good.tml", tml.encode(), ARTICLE)
    add("TimeML, not well formed", "broken.tml", tml[:120].encode(), _codes("NKB106"))
    add(
        "TimeML without TEXT",
        "no_text.tml",
        b'<?xml version="1.0"?><TimeML><DOCID>x</DOCID></TimeML>',
        _codes("NKB109"),
    )
    add(
        "TimeML with an external entity (XXE)",
        "xxe.tml",
        b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<TimeML><TEXT>Leak: &x; end.</TEXT></TimeML>",
        ARTICLE,
        note="the entity must stay unresolved: no file content in the text",
    )
    add("unknown file type", "report.pdf", b"%PDF-1.4 binary stuff", _codes("NKB106"))
    _reading(add, big=big)
    _links(dest, kinds)
    return kinds


UKRAINIAN = "Міністр заявив, що переговори в Києві завершилися о 16:00. Їхня позиція є твердою.\n"


def _reading(add: Callable[..., None], *, big: bool) -> None:
    """Issue 23, reading: lines judged one by one, every line end, limits, encodings, names."""
    ok = json.dumps({"text": "The talks ended at 10:00 GMT.", "title": "Talks end"}).encode()
    add(
        "JSON Lines: a lone surrogate, a NUL, a 5,000-digit integer, a bad byte in one line each",
        "hostile_lines.jsonl",
        b"\n".join(
            [
                ok,
                b'{"text": "lone \\ud800 surrogate"}',
                b'{"title": "\\udfff", "text": "Fine text."}',
                b'{"text": "NUL \\u0000 inside"}',
                b'{"text": "big number", "n": ' + b"7" * 5000 + b"}",
                b'{"text": "caf\xe9 au lait"}',
                ok.replace(b"Talks end", b"Talks end again"),
            ]
        )
        + b"\n",
        ARTICLE,
        _codes("NKB103"),
        _codes("NKB103"),
        _codes("NKB102"),
        _codes("NKB108"),
        _codes("NKB103"),
        ARTICLE,
    )
    for name, sep in (("cr", b"\r"), ("crlf", b"\r\n"), ("mixed", b"\r")):
        lines = [ok.replace(b"Talks end", f"Talks end {name} {i}".encode()) for i in range(3)]
        data = sep.join(lines) + sep
        if name == "mixed":
            data = lines[0] + b"\n" + lines[1] + b"\r\n" + lines[2] + b"\r"
        add(f"JSON Lines with {name} line ends", f"lines_{name}.jsonl", data, *[ARTICLE] * 3)
    add(
        "JSON Line longer than the per-article limit, between two good ones",
        "long_line.jsonl",
        ok.replace(b"Talks end", b"Before the long line")
        + b"\n"
        + b'{"text": "'
        + b"word " * ((100 if big else 2) * 1024 * 1024 // 5)
        + b'"}\n'
        + ok.replace(b"Talks end", b"After the long line"),
        ARTICLE,
        _codes("NKB104"),
        ARTICLE,
    )
    seed_cr = (
        " date 2025-03-18 Ministers meet in Brussels\rBrussels • Eurowire\r"
        "Ministers met on Tuesday.\rAddition\rThey met again at 16:00 Kyiv time.\r"
    )
    add("seed file with CR-only line ends", "seed_cr.txt", seed_cr.encode(), ARTICLE)
    mixed = seed_cr.replace("\r", "\n", 1).replace("\r", "\r\n", 1)
    add("seed file with mixed line ends", "seed_mixed.txt", mixed.encode(), ARTICLE)
    add("1M CR-only tiny lines", "million_cr.txt", b"a\r" * 1_000_000, _codes("NKB104"))
    add("Ukrainian in cp1251", "uk_cp1251.txt", UKRAINIAN.encode("cp1251"), ARTICLE)
    add("Ukrainian in KOI8-U", "uk_koi8u.txt", UKRAINIAN.encode("koi8_u"), ARTICLE)
    add(
        "Russian in KOI8-R",
        "ru_koi8r.txt",
        "Министр заявил, что переговоры завершились в 16:00.\n".encode("koi8_r"),
        ARTICLE,
    )
    add(
        "French in cp1252",
        "fr_cp1252.txt",
        "Le ministre a déclaré à 10:00.\n".encode("cp1252"),
        ARTICLE,
    )
    add(
        "Polish in ISO-8859-2",
        "pl_latin2.txt",
        "Minister powiedział, że rozmowy zakończyły się źle.\n".encode("iso8859_2"),
        ARTICLE,
    )
    add(
        "file name with a byte that is not UTF-8",
        os.fsdecode(b"name_caf\xe9.txt"),
        b"The talks ended in Nairobi.\n",
        ARTICLE,
    )
    add("gzip-compressed text", "packed.txt.gz", gzip.compress(SEED_OK.encode()), ARTICLE)
    add(
        "gzip-compressed JSON Lines",
        "packed.jsonl.gz",
        gzip.compress(
            ok.replace(b"end", b"packed") + b"\n{broken\n" + ok.replace(b"end", b"stop") + b"\n"
        ),
        ARTICLE,
        _codes("NKB108"),
        ARTICLE,
    )
    add(
        "gzip file cut short",
        "cut.txt.gz",
        gzip.compress(SEED_OK.encode() * 50)[:40],
        _codes("NKB110"),
    )


def _links(dest: Path, kinds: list[Kind]) -> None:
    """Links, a FIFO and an unreadable file: the filesystem kinds."""
    loop = dest / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "inside.txt").write_text("The only article in the looping folder.\n", encoding="utf-8")
    _symlink(".", loop / "again")
    _symlink("../loop", loop / "parent")
    kinds.append(
        Kind(
            "symlink loop in a folder",
            "loop",
            (_codes("NKB107"), _codes("NKB107"), ARTICLE),
            "each looping link is reported, the one real article is read once",
        )
    )
    _symlink("missing-target.txt", dest / "dangling.txt")
    kinds.append(Kind("dangling symlink", "dangling.txt", (_codes("NKB107"),)))
    _symlink("/dev/zero", dest / "endless.txt")
    kinds.append(Kind("link to an endless device", "endless.txt", (_codes("NKB107"),)))
    fifo = dest / "pipe.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    kinds.append(Kind("named pipe (FIFO)", "pipe.txt", (_codes("NKB107"),)))
    locked = dest / "unreadable.txt"
    locked.write_text("Secret text nobody may read.\n", encoding="utf-8")
    locked.chmod(0)
    kinds.append(
        Kind(
            "unreadable permissions",
            "unreadable.txt",
            (_codes("NKB107"),),
            "as root chmod 000 is still readable: the tests simulate the refusal",
        )
    )


def _symlink(target: str, link: Path) -> None:
    if not link.is_symlink():
        link.symlink_to(target)


def main(argv: list[str]) -> int:
    dest = (
        Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "tests/data/bad"
    )
    kinds = make(dest)
    for k in kinds:
        print(f"{k.path:24} {k.name}")
    print(f"{len(kinds)} kinds written to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
