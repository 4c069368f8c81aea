"""Shards of input, their Parquet results and the manifest of finished shards.

A shard is a run of input files with a stable id (a hash of its paths), so a re-run plans the
same shards and skips those the manifest lists. A worker writes its shard's results to
``shard-<id>.parquet.<pid>.tmp`` and renames it to ``shard-<id>.parquet``: a file under the final
name is always whole, and a shard done twice (a worker lost after writing) yields the same file.
Only the driver appends to ``manifest.jsonl``. Needs ``pyarrow`` (the ``dask`` extra).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from newskb.errors import ExtractorFailed
from newskb.model import ErrorRecord, Extraction, Shard, ShardResult
from newskb.serialize import dumps, from_dict, to_dict

MANIFEST = "manifest.jsonl"
COLUMNS = ("kind", "id", "path", "code", "message", "extraction", "raw")
Result = Extraction | ErrorRecord


def plan(files: Sequence[str], size: int) -> list[Shard]:
    """Cut the file list into shards of ``size`` files with ids stable across runs."""
    size = max(1, size)
    out: list[Shard] = []
    for i in range(0, len(files), size):
        chunk = tuple(files[i : i + size])
        digest = hashlib.sha1("\n".join(chunk).encode("utf-8", "surrogatepass")).hexdigest()
        out.append(Shard(id=digest[:16], paths=chunk))
    return out


def shard_file(out_dir: str | Path, shard_id: str) -> Path:
    return Path(out_dir) / f"shard-{shard_id}.parquet"


def remove_debris(out_dir: str | Path, shard_ids: Sequence[str]) -> int:
    """Delete the temporary files a worker killed mid-write left for shards now finished
    (their whole file exists under the final name); return how many were deleted."""
    n = 0
    for sid in shard_ids:
        final = shard_file(out_dir, sid)
        if not final.exists():
            continue
        for tmp in final.parent.glob(f"{final.name}.*.tmp"):
            tmp.unlink(missing_ok=True)
            n += 1
    return n


def write_shard(out_dir: str | Path, shard_id: str, results: Sequence[Result]) -> Path:
    """Write results as one Parquet file, atomically (temporary name, then rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[str | None]] = {c: [] for c in COLUMNS}
    for r in results:
        vals: tuple[str | None, ...]
        if isinstance(r, Extraction):
            a = r.article
            try:
                vals = ("article", a.id, a.path, None, None, dumps(to_dict(r)), a.raw)
            except Exception as exc:  # one unserialisable article must not sink its shard
                msg = f"extraction could not be serialised: {exc!r}"[:500]
                r = ErrorRecord(ExtractorFailed.code, msg, a.path)
        if isinstance(r, ErrorRecord):
            vals = ("error", None, r.path, r.code, r.message, None, None)
        for col, val in zip(COLUMNS, vals, strict=True):
            rows[col].append(val)
    table = pa.table({c: pa.array(v, type=pa.string()) for c, v in rows.items()})
    final = shard_file(out_dir, shard_id)
    tmp = final.with_name(f"{final.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, final)
    return final


def read_shard(path: str | Path) -> Iterator[Result]:
    """The results a shard file holds, in the order they were written."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    cols = {c: table.column(c).to_pylist() for c in COLUMNS}
    for i in range(table.num_rows):
        if cols["kind"][i] == "error":
            yield ErrorRecord(
                code=str(cols["code"][i]),
                message=str(cols["message"][i]),
                path=str(cols["path"][i]),
            )
        else:
            yield from_dict(json.loads(str(cols["extraction"][i])), raw=cols["raw"][i] or "")


def count_shard(path: str | Path) -> tuple[int, int]:
    """(articles, errors) in a shard file, reading only its ``kind`` column."""
    import pyarrow.parquet as pq

    kinds = pq.read_table(path, columns=["kind"]).column("kind").to_pylist()
    errors = sum(1 for k in kinds if k == "error")
    return len(kinds) - errors, errors


# --- manifest -----------------------------------------------------------------------------------
def read_manifest(out_dir: str | Path) -> dict[str, ShardResult]:
    """Finished shards by id (only those whose file still exists); torn last lines ignored."""
    path = Path(out_dir) / MANIFEST
    done: dict[str, ShardResult] = {}
    if not path.exists():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
            res = ShardResult(**rec)
        except (ValueError, TypeError):
            continue
        if Path(res.file).exists():
            done[res.shard] = res
    return done


def append_manifest(out_dir: str | Path, result: ShardResult) -> None:
    """Record a finished shard (one JSON line, flushed and synced)."""
    path = Path(out_dir) / MANIFEST
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(dataclasses.asdict(result)) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def chunks(items: Iterable[Result], size: int) -> Iterator[list[Result]]:
    buf: list[Result] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf
