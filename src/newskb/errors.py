"""The one exception tree of newskb. Every error carries a stable code.

Codes: ``NKB1xx`` input, ``NKB2xx`` extraction, ``NKB3xx`` store, ``NKB4xx`` API / usage.
This module imports nothing of newskb.
"""

from __future__ import annotations


class NewskbError(Exception):
    """Base of every error newskb raises on purpose."""

    code = "NKB000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.code}: {self.message}{where}"


# --- input ---------------------------------------------------------------------------------
class InputError(NewskbError):
    code = "NKB100"


class EmptyInput(InputError):
    code = "NKB101"


class BinaryInput(InputError):
    code = "NKB102"


class EncodingError(InputError):
    code = "NKB103"


class InputTooLarge(InputError):
    code = "NKB104"


class BadHeader(InputError):
    """The seed header is malformed or its date is impossible."""

    code = "NKB105"


class UnsupportedFormat(InputError):
    code = "NKB106"


class UnreadableInput(InputError):
    """The file could not be opened (permissions, vanished, a loop of links)."""

    code = "NKB107"


class BadJson(InputError):
    code = "NKB108"


class NoText(InputError):
    """The input decodes but holds no article text (e.g. HTML with only markup)."""

    code = "NKB109"


class TruncatedInput(InputError):
    code = "NKB110"


class BadDate(InputError):
    """A publication date that is not a real date, or lies implausibly in the future."""

    code = "NKB111"


class Undated(InputError):
    """A warning, not a refusal: the article names no publication date (``published: null``);
    relative times stay underspecified (``XXXX-...``)."""

    code = "NKB112"


# --- extraction ----------------------------------------------------------------------------
class ExtractionError(NewskbError):
    code = "NKB200"


class ModelMissing(ExtractionError):
    code = "NKB201"


class ExtractorFailed(ExtractionError):
    code = "NKB202"


class OverBudget(ExtractionError):
    """One article cost more than its budget (characters, tokens or seconds); the batch goes on."""

    code = "NKB204"


# --- store ---------------------------------------------------------------------------------
class StoreError(NewskbError):
    code = "NKB300"


class SchemaTooNew(StoreError):
    code = "NKB301"


class NotFound(StoreError):
    code = "NKB302"


class StoreBusy(StoreError):
    code = "NKB303"


class BadStoreUrl(StoreError):
    code = "NKB304"


class NotAStore(StoreError):
    """The file is not an SQLite database (a foreign file, or an empty 0-byte file)."""

    code = "NKB305"


class CorruptStore(StoreError):
    """An SQLite file that is truncated or damaged."""

    code = "NKB306"


class NoStore(NotFound):
    """A read command was given a path where no store exists (nothing is created)."""

    code = "NKB307"


class DiskFull(StoreError):
    code = "NKB308"


class StoreReadOnly(StoreError):
    """A write was asked of a store on a read-only directory or medium."""

    code = "NKB309"


class BadStorePath(StoreError):
    """A store path that names no file: empty, ``:memory:``, or a folder."""

    code = "NKB310"


# --- API / usage ---------------------------------------------------------------------------
class UsageError(NewskbError):
    code = "NKB400"


class Unauthorized(UsageError):
    code = "NKB401"


class BadRequest(UsageError):
    code = "NKB402"


class TooLarge(UsageError):
    code = "NKB413"


# --- API (serve issue) ---------------------------------------------------------------------
class ReadOnly(UsageError):
    """A write was asked of a server started without a write token."""

    code = "NKB403"


class NoRoute(UsageError):
    code = "NKB404"


class NotAllowed(UsageError):
    code = "NKB405"


class Unexpected(NewskbError):
    """A failure newskb did not foresee, reported with its kind instead of a traceback."""

    code = "NKB000"


class NotAvailable(UsageError):
    """The feature needs a part this store or install does not have yet."""

    code = "NKB406"


class ShardFailed(ExtractionError):
    """A shard of distributed work failed on every retry; its inputs are recorded as errors."""

    code = "NKB203"
