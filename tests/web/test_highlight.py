"""Highlighted article HTML: every text piece escaped, overlapping spans nested properly."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from newskb.web.highlight import Mark, highlight, snippet_html

VOID = {"br"}


class _Check(HTMLParser):
    """Checks tags nest properly and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Check:
    p = _Check()
    p.feed(markup)
    p.close()
    assert p.stack == []
    return p


def test_crossing_spans_nest_and_keep_the_text() -> None:
    text = "Putin and Trump agreed <b>today</b> & more"
    marks = [
        Mark(0, 15, "span", "quote"),
        Mark(10, 22, "mark", "event event-occurred", (("title", "AGREE"),)),
        Mark(10, 15, "a", "ent", (("href", "/entities/Trump"),)),
        Mark(23, 35, "time", "time", (("title", 'x" onmouseover="alert(1)'),)),
    ]
    out = str(highlight(text, marks))
    check = _parse(out)
    assert "".join(check.text) == text
    assert "<b>" not in out and "&lt;b&gt;today&lt;/b&gt;" in out
    assert ("time", {"class": "time", "title": 'x" onmouseover="alert(1)'}) in check.tags
    assert out.count('<a class="ent"') == 1


def test_nested_links_become_spans() -> None:
    text = "President Donald Trump"
    marks = [
        Mark(0, 22, "a", "ent", (("href", "/entities/A"),)),
        Mark(10, 22, "a", "ent", (("href", "/entities/B"),)),
    ]
    check = _parse(str(highlight(text, marks)))
    assert [t for t, _ in check.tags] == ["a", "span"]
    assert "href" not in check.tags[1][1]


def test_slice_and_line_breaks() -> None:
    text = "one\ntwo <i>three</i>"
    out = str(highlight(text, [Mark(2, 6, "span", "quote")], start=0, end=len(text)))
    assert "<br>" in out
    check = _parse(out)
    assert html.unescape("".join(check.text)).replace("\n", "") == text.replace("\n", "")
    part = str(highlight(text, [Mark(2, 6, "span", "quote")], start=4, end=7))
    assert "".join(_parse(part).text) == "two"


def test_snippet_marks_only_hits() -> None:
    out = str(snippet_html("a \x02<em>hit</em>\x03 b <script>", "\x02", "\x03"))
    assert out == "a <mark>&lt;em&gt;hit&lt;/em&gt;</mark> b &lt;script&gt;"
