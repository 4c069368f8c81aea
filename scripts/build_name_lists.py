"""Build the name lists of ``extract/entities/data``: ``given_names.txt`` (words that begin
people's names), ``known_orgs.txt`` (names that are organisations) and ``common_words.txt``
(words news writes in lower case) in news.

Silver data from the shared development corpora only (ECB+ topics 1-35, PolNeAR train, GUM),
labelled by spaCy:

- a given name is the first word of spaCy's PERSON names of two or three title-case words in
  at least ``MIN_DOCS`` documents; it begins an organisation, place or other name at most a
  fifth as often, is written in lower case ("will", "bill", "catching") in no more documents
  than it begins a person's name in, and is no title ("Dr", "Deputy", "Pope");
- a known organisation is a name spaCy labels ORG in at least ``MIN_DOCS`` PolNeAR documents
  (political news from seven publishers: many stories, not one story retold as an ECB+ topic
  is) and ORG in at least 80% of the documents where it labels it at all, that does not
  begin with a given name, does not end in a surname (the last word of PERSON names in
  ``MIN_DOCS`` documents: "Trump", "Carly Fiorina") and, written as one word, is no word
  written in lower case in ``ORG_COMMON_DOCS`` documents ("Friends", "Digital");
- a common word is one written in lower case in at least ``COMMON_DOCS`` documents; the file
  gives each with that number of documents, for a reader to pick a stricter bar.

Documents named in ``--exclude`` files (one a line, ``#`` comments; an audit's document list)
are never read, so an audit drawn from them stays unseen. Deterministic: the same corpora and
model give the same files.

``python scripts/build_name_lists.py --exclude eval/audits/entities-2026-12-07f-docs.txt``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/newskb/extract/entities/data"
MIN_DOCS = 3
COMMON_DOCS = 3
ORG_COMMON_DOCS = 10  # a one-word organisation's name that is a word this common is no name


def _texts(exclude: set[str]) -> list[tuple[str, str]]:
    """(source, text): source is "polnear" or "other"."""
    from newskb.eval.corpora import load_gum
    from newskb.eval.polnear import read_docs
    from newskb.eval.stories import DEFAULT_ROOT, documents, read_text

    out = [("other", read_text(p)) for p in documents(DEFAULT_ROOT) if p.name not in exclude]
    pol = read_docs(DEFAULT_ROOT.parent / "polnear" / "train")
    out += [("polnear", d.text) for d in pol if d.name not in exclude]
    return out + [("other", d.text) for d in load_gum() if d.name not in exclude]


def build(exclude: set[str]) -> tuple[list[str], list[str], list[str]]:
    from newskb import nlp
    from newskb.extract.entities.forms import TITLES

    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    org: Counter[str] = Counter()
    surname: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    texts = _texts(exclude)
    for (source, _t), doc in zip(texts, nlp.parse_many([t for _, t in texts]), strict=True):
        seen_p: set[str] = set()
        seen_o: set[str] = set()
        seen_s: set[str] = set()
        lower.update({t.text for t in doc if t.is_lower and t.is_alpha})
        orgs: set[str] = set()
        names: set[str] = set()
        for ent in doc.ents:
            words = ent.text.split()
            if source == "polnear" and words and words[0][:1].isupper():
                name = " ".join(words)
                names.add(name)
                if ent.label_ == "ORG":
                    orgs.add(name)
            if ent.label_ == "PERSON" and len(words) >= 2:
                seen_s.add(words[-1])
            if not words or not words[0].isalpha() or not words[0].istitle():
                continue
            if ent.label_ == "PERSON" and 2 <= len(words) <= 3:
                if all(w[:1].isupper() for w in words):
                    seen_p.add(words[0])
            elif ent.label_ != "PERSON":
                seen_o.add(words[0])
        person.update(seen_p)
        surname.update(seen_s)
        other.update(seen_o)
        org.update(orgs)
        labelled.update(names)
    given = sorted(
        w
        for w, n in person.items()
        if n >= MIN_DOCS
        and other[w] * 5 <= n
        and lower[w.lower()] <= n
        and len(w) > 1
        and w.lower().rstrip(".") not in TITLES
    )
    first = set(given)
    common = {w for w, n in lower.items() if n >= ORG_COMMON_DOCS}
    known = sorted(
        name
        for name, n in org.items()
        if n >= MIN_DOCS
        and n * 5 >= labelled[name] * 4
        and name.split()[0] not in first
        and surname[name.split()[-1]] < MIN_DOCS
        and (" " in name or name.lower() not in common)
    )
    words = sorted(f"{w}\t{n}" for w, n in lower.items() if n >= COMMON_DOCS)
    return given, known, words


def _write(path: Path, what: str, rows: list[str]) -> None:
    head = f"# {what} (scripts/build_name_lists.py)\n"
    path.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--exclude", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    skip: set[str] = set()
    for f in args.exclude:
        lines = f.read_text(encoding="utf-8").splitlines()
        skip |= {x.strip() for x in lines if x.strip() and not x.startswith("#")}
    given, known, common = build(skip)
    _write(args.out / "given_names.txt", "words that begin people's names", given)
    _write(args.out / "known_orgs.txt", "names that are organisations", known)
    _write(args.out / "common_words.txt", "words news writes in lower case, documents", common)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
