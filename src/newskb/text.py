"""One article in, its typed extraction out: ``newskb.extract_text`` and the spaCy component's
article. Both reuse the pipeline's own reading, parsing and extraction; nothing is re-implemented.
"""

from __future__ import annotations

import datetime as dt

from newskb.errors import BadDate, InputError, NewskbError
from newskb.model import Article, ErrorRecord, Extraction

__all__ = ["article_for_doc", "as_date", "extract_text"]


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date given as a ``date`` or ``YYYY-MM-DD``; ``BadDate`` (NKB111) else."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise BadDate(f"published {value!r} is not YYYY-MM-DD") from exc


def _error(record: ErrorRecord) -> NewskbError:
    """The coded exception an ``ErrorRecord`` stands for (its class found by its code)."""
    todo: list[type[NewskbError]] = [NewskbError]
    while todo:
        cls = todo.pop()
        if cls.code == record.code:
            return cls(record.message, path=record.path)
        todo.extend(cls.__subclasses__())
    return InputError(f"{record.code}: {record.message}", path=record.path)


def extract_text(
    text: str, published: dt.date | str | None = None, *, path: str = "<text>"
) -> Extraction:
    """Read, parse and extract one article given as text, exactly as ``newskb ingest`` would
    read a ``.txt`` file (a seed-format header, `` date YYYY-MM-DD Title``, is understood).

    ``published`` (a ``date`` or ``YYYY-MM-DD``) anchors relative times ("on Monday"); without
    it they stay unresolved. Bad input raises its coded error (``NKB1xx``).

    >>> import newskb
    >>> x = newskb.extract_text(
    ...     'Officials in Kyiv said on Monday that Ukraine and Poland would resume talks. '
    ...     '"We are ready," '
    ...     "Foreign Minister Andrii Sybiha told reporters.",
    ...     published="2025-03-19",
    ... )
    >>> [(e.name, e.type) for e in x.entities]
    [('Kyiv', 'GPE'), ('Ukraine', 'GPE'), ('Poland', 'GPE'), ('Andrii Sybiha', 'PERSON')]
    >>> [(q.speaker.text if q.speaker else None, q.kind, q.content.text) for q in x.quotes]
    [('Officials in Kyiv', 'indirect', 'that Ukraine and Poland would resume talks'),
     ('Foreign Minister Andrii Sybiha', 'direct', 'We are ready')]
    >>> [(t.text, t.value) for t in x.times]
    [('Monday', '2025-03-17')]
    >>> [(v.type, v.trigger.text, len(v.actors)) for v in x.events]
    [('CONSULT', 'talks', 2)]
    >>> newskb.extract_text("   ")
    Traceback (most recent call last):
    ...
    newskb.errors.EmptyInput: NKB101: input is empty or only whitespace (<text>)
    """
    from newskb.ingest import read_bytes
    from newskb.pipeline import prepare_process, process_batch

    items = list(read_bytes(text.encode("utf-8"), path=path, published=as_date(published),
                            suffix=".txt"))  # fmt: skip
    for item in items:
        if isinstance(item, ErrorRecord):
            raise _error(item)
    prepare_process()
    (result,) = process_batch([i for i in items if isinstance(i, Article)])
    if isinstance(result, ErrorRecord):
        raise _error(result)
    return result


def article_for_doc(text: str, published: dt.date | None, *, path: str = "<spacy>") -> Article:
    """The article a spaCy ``Doc`` stands for: its text as is, so every offset is the doc's own.

    A text laid out as a seed body (a title line, then a ``Place • Agency`` dateline line) gets
    its title and dateline, as ``newskb ingest`` gives a seed file; any other text is plain.
    """
    import dataclasses

    from newskb.ingest.decode import digest
    from newskb.ingest.formats import read_plain
    from newskb.ingest.seed import DATELINE
    from newskb.model import Dateline

    article_id, sha = digest(text.encode("utf-8"))
    article = read_plain(text, path=path, article_id=article_id, sha256=sha, published=published)
    first = text.find("\n")
    second = text.find("\n", first + 1) if first >= 0 else -1
    title = text[:first].strip() if first >= 0 else ""
    m = DATELINE.match(text[first + 1 : second if second >= 0 else len(text)].strip())
    if not title or m is None:
        return article
    return dataclasses.replace(
        article,
        title=title,
        dateline=Dateline(place=m["place"].strip(), agency=m["agency"].strip()),
        body_start=second + 1 if second >= 0 else len(text),
    )
