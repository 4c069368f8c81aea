"""A versioned on-disk cache for tables built only from packaged data (place indexes).

A table is built once, on first use, and written to ``<cache dir>/<name>-<key>.bin``; later
processes load it in milliseconds. The key digests everything the table depends on: newskb's
version, the Python version (the payload is ``marshal``), the source of the modules that build
the table and the data files they read (their hashes, from the installed distribution's RECORD
where it has one, else the file's own sha256). A file is used only when its header names the
same key and its payload matches the digest the header records; a corrupt, truncated or foreign
file is rebuilt, never trusted. Writes are atomic (a temporary file renamed into place), so
concurrent processes never see half a file.

The cache folder is ``$NEWSKB_CACHE_DIR``, else ``$XDG_CACHE_HOME/newskb``, else
``~/.cache/newskb``. ``NEWSKB_CACHE_DIR=off`` (or an unwritable folder) builds in memory only.
Only plain data goes through the cache (dicts, lists, tuples, str, int, float, None); callers
check its shape and rebuild when it is not what they wrote.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "cached", "dist_file_hash", "file_hash", "source_hash"]

T = TypeVar("T")
_MAGIC = b"NEWSKB-CACHE/1\n"
_FORMAT = 1


def cache_dir() -> Path | None:
    """Where cache files live, or None when caching is switched off."""
    explicit = os.environ.get("NEWSKB_CACHE_DIR", "").strip()
    if explicit.lower() in ("off", "none", "0"):
        return None
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "newskb"


def file_hash(path: str | os.PathLike[str]) -> str:
    """sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=16)
def _record(dist: str) -> dict[str, str]:
    """``{posix path inside site-packages: hash}`` from a distribution's RECORD (may be {})."""
    try:
        files = importlib.metadata.distribution(dist).files or []
    except importlib.metadata.PackageNotFoundError:
        return {}
    return {str(f.as_posix()): f"{f.hash.mode}={f.hash.value}" for f in files if f.hash}


def dist_file_hash(dist: str, module_file: str | os.PathLike[str], relative: str) -> str:
    """The hash of ``relative`` (a path beside ``module_file``'s package) in ``dist``.

    Read from the distribution's RECORD (the wheel's own sha256 of the file) when listed there,
    else computed from the file (editable installs, source trees)."""
    package = Path(module_file).resolve().parent
    target = package / relative
    key = f"{package.name}/{relative}"
    found = _record(dist).get(key)
    if found is not None:
        version = importlib.metadata.version(dist)
        return f"{dist}=={version}:{found}:{target.stat().st_size}"
    return file_hash(target)


def _version() -> str:
    try:
        return importlib.metadata.version("newskb")
    except importlib.metadata.PackageNotFoundError:  # a bare source tree
        return "0+unknown"


def _key(name: str, parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (name, str(_FORMAT), _version(), sys.version, str(marshal.version), *parts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path, key: str) -> object | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32 + 32
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    if blob[len(_MAGIC) : len(_MAGIC) + 32] != key.encode("ascii"):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(_MAGIC) + 32 : head]:
        return None
    try:
        loaded: object = marshal.loads(payload)  # header key and digest checked above
        return loaded
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, key: str, data: Any) -> None:
    """Write atomically; any failure (read-only folder, full disk) leaves no file behind."""
    try:
        payload = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + key.encode("ascii") + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached(
    name: str,
    depends: Callable[[], Iterable[str]],
    build: Callable[[], T],
    check: Callable[[object], T | None],
) -> T:
    """The table ``name``: loaded from the cache when valid, else built and written there.

    ``depends`` lists strings (versions, hashes) the table depends on besides newskb's version;
    ``build`` makes the table (plain data only); ``check`` returns the loaded object when it has
    the shape ``build`` gives, else None (the file is then rebuilt and replaced).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = _key(name, depends())
    path = folder / f"{name}-{key}.bin"
    loaded = _read(path, key)
    if loaded is not None:
        try:
            good = check(loaded)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            good = None
        if good is not None:
            return good
    data = build()
    _write(path, key, data)
    return data


def source_hash(*module_files: str) -> str:
    """One sha256 over the source files of the modules that build a table."""
    digest = hashlib.sha256()
    for f in module_files:
        digest.update(Path(f).read_bytes())
    return digest.hexdigest()
