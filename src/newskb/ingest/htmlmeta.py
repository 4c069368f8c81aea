"""A page's own metadata: publication date-time with offset, authors, site name.

In order of trust: JSON-LD (``datePublished``, ``author``, ``publisher``), Open Graph and
article meta tags (``article:published_time``, ``article:author``, ``og:site_name``), other
common meta tags (``pubdate``, ``date``, ``author``, ``parsely-pub-date``), ``<time
datetime>``; trafilatura's metadata fills what those leave open.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newskb.ingest.when import parse_when

__all__ = ["PageMeta", "page_meta"]

_DATE_METAS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created",
    "date", "dc.date",
)  # fmt: skip
_AUTHOR_METAS = ("article:author", "author", "parsely-author", "sailthru.author", "dc.creator")
_SITE_METAS = ("og:site_name", "application-name", "publisher")
_ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
     "webpage", "liveblogposting", "opinionnewsarticle"}
)  # fmt: skip
MAX_LD_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class PageMeta:
    published: dt.date | None = None
    published_at: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author`` value (a string, a Person, or a list of them)."""
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for v in value[:20] for n in _names(v)]
    return []


def _ld_items(root: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in root.iterfind(".//script[@type='application/ld+json']"):
        raw = node.text or ""
        if len(raw) > MAX_LD_BYTES:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack[:50]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph[:50] if isinstance(g, dict))
            out.append(item)
    return out


def _is_article(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def page_meta(page: str) -> PageMeta:
    """The page's metadata as written; empty when the page has none or cannot be parsed."""
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, etree.LxmlError, RecursionError):
        return PageMeta()
    metas: dict[str, str] = {}
    for node in root.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in metas:
            metas[key] = content.strip()
    when_s: str | None = None
    authors: list[str] = []
    site: str | None = None
    for item in _ld_items(root):
        if not _is_article(item):
            continue
        date = item.get("datePublished") or item.get("dateCreated")
        if isinstance(date, str) and when_s is None:
            when_s = date
        if not authors:
            authors = _names(item.get("author"))
        pub = item.get("publisher")
        if site is None and isinstance(pub, dict) and isinstance(pub.get("name"), str):
            site = pub["name"].strip() or None
    if when_s is None:
        when_s = next((metas[k] for k in _DATE_METAS if k in metas), None)
    if when_s is None:
        node = root.find(".//time[@datetime]")
        when_s = node.get("datetime") if node is not None else None
    if not authors:
        authors = [
            a.strip()
            for k in _AUTHOR_METAS
            if k in metas and not metas[k].startswith("http")
            for a in metas[k].split(";")
            if a.strip()
        ][:20]
    site = site or next((metas[k] for k in _SITE_METAS if metas.get(k)), None)
    when = parse_when(when_s) if when_s else None
    return PageMeta(
        published=when.date if when else None,
        published_at=when.at if when else None,
        authors=tuple(dict.fromkeys(" ".join(a.split()) for a in authors)),
        site=site,
    )
