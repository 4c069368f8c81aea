"""The spec JSON carries media credits and reads them back unchanged."""

from __future__ import annotations

import json

from newskb.extract.credits import find_credits
from newskb.model import Article, Extraction
from newskb.serialize import dumps, from_dict, to_dict

TEXT = (
    "Leaders meet in Paris. Image: Nick Moreau.\n"
    "Smoke rises over the city. REUTERS/Kevin Lamarque\n"
    "Image: UK Government.\n"
)


def test_credits_round_trip() -> None:
    article = Article(id="a1", sha256="a1", path="a.txt", text=TEXT)
    x = Extraction(article=article, credits=find_credits(TEXT))
    assert len(x.credits) == 3
    obj = json.loads(dumps(to_dict(x)))
    first = obj["credits"][0]
    assert first == {
        "id": "C1",
        "medium": "image",
        "source": {"entity": None, "start": 30, "end": 41, "text": "Nick Moreau"},
        "agency": None,
        "content": {"start": 0, "end": 22, "text": "Leaders meet in Paris."},
    }
    assert obj["credits"][1]["agency"]["text"] == "REUTERS"
    assert obj["credits"][2]["content"] is None
    back = from_dict(obj)
    assert back.credits == x.credits and back == x


def test_output_without_credits_key_reads_as_none() -> None:
    obj = to_dict(Extraction(article=Article(id="a", sha256="a", path="a", text="x")))
    assert obj["credits"] == []
    del obj["credits"]  # output written before credits existed
    assert from_dict(obj).credits == ()
