"""Response and request shapes of the JSON API (they document /openapi.json)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from newskb.model import (
    AgreementRow,
    ArticleRow,
    EntityRow,
    QuoteRow,
    RoleRow,
    StoryRow,
    TimelineItem,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results; pass ``next_cursor`` back as ``cursor`` for the next page."""

    items: list[T]
    next_cursor: str | None = None


class ArticleDetail(BaseModel):
    """An article with all its facts (the ``newskb.extract/1`` object) and its version."""

    extraction: dict[str, Any]
    version: int
    current: bool
    supersedes: str | None
    ingested_at: str


class EntityDetail(BaseModel):
    entity: EntityRow
    aliases: list[str]
    roles: list[RoleRow]
    quotes: list[QuoteRow]
    articles: list[ArticleRow]


class StoryDetail(BaseModel):
    story: StoryRow
    articles: list[ArticleRow]
    timeline: list[TimelineItem]


class AgreementDetail(BaseModel):
    agreement: AgreementRow
    history: list[TimelineItem]


class ErrorInfo(BaseModel):
    code: str = Field(examples=["NKB302"])
    message: str


class ErrorBody(BaseModel):
    error: ErrorInfo


class NewArticle(BaseModel):
    """An article posted as text; it goes through the same pipeline as ``newskb ingest``."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}")
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class IngestResult(BaseModel):
    id: str | None
    added: int
    skipped: int
    errors: list[ErrorInfo]


class AliasRequest(BaseModel):
    alias: str = Field(min_length=1, max_length=300)


class MergeRequest(BaseModel):
    into: str = Field(min_length=1, max_length=300)
    merge: list[str] = Field(min_length=1, max_length=50)


class WriteResult(BaseModel):
    ok: bool
    detail: str
