"""MinHash signatures (datasketch) and LSH band buckets for near-duplicate detection."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs from a Jaccard of ~0.5 up are likely to share a bucket
ROWS = PERMUTATIONS // BANDS
SEED = 7
DUPLICATE_JACCARD = 0.8


_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme="affine32")


def signature(shingles: Sequence[str]) -> bytes:
    """The MinHash signature of a set of shingles, as little-endian uint64 bytes."""
    mh = MinHash(
        num_perm=PERMUTATIONS, seed=SEED, permutations=_TEMPLATE.permutations, scheme="affine32"
    )
    if shingles:
        mh.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(mh.hashvalues, dtype="<u8").tobytes()


def buckets(sig: bytes) -> list[tuple[int, int]]:
    """(band, bucket) pairs: a signed 64-bit hash of each band's rows."""
    width = ROWS * 8
    out: list[tuple[int, int]] = []
    for band in range(BANDS):
        chunk = sig[band * width : (band + 1) * width]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard(a: bytes, b: bytes) -> float:
    """The Jaccard similarity estimated from two signatures."""
    x = np.frombuffer(a, dtype="<u8")
    y = np.frombuffer(b, dtype="<u8")
    if x.shape != y.shape or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)
