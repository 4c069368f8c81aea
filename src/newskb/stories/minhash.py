"""MinHash signatures and LSH band buckets for near-duplicate detection.

The signature is the 32-bit affine MinHash (datasketch's ``affine32`` scheme, seed 7, which
earlier stores hold): each shingle's SHA-1 (first 4 bytes, little-endian) is pre-mixed with the
MurmurHash3 32-bit finalizer, then each permutation maps it to ``a * h + b`` modulo 2**32 (``a``
odd: a bijection) and keeps the minimum. Computed here with numpy rather than through datasketch,
whose package import pulls in scipy (~0.3 cpu-s per ``ingest`` process, issue #21); the
stories tests check that the two give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs from a Jaccard of ~0.5 up are likely to share a bucket
ROWS = PERMUTATIONS // BANDS
SEED = 7
DUPLICATE_JACCARD = 0.8

U32 = npt.NDArray[np.uint32]


@cache
def permutations() -> tuple[U32, U32]:
    """The permutations' (a, b), drawn as datasketch draws them for ``affine32`` and SEED."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def _fmix32(h: U32) -> U32:
    """MurmurHash3's 32-bit finalizer (a bijection), element-wise, wrapping modulo 2**32."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(shingles: Sequence[str]) -> bytes:
    """The MinHash signature of a set of shingles, as little-endian uint64 bytes."""
    if not shingles:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype="<u8").tobytes()
    first4 = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles)
    h = _fmix32(np.frombuffer(first4, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    a, b = permutations()
    return bytes((h * a + b).min(axis=0).astype("<u8").tobytes())


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
