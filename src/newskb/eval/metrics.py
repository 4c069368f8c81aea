"""Precision, recall and F1: the one definition every ``newskb eval`` scorer uses."""

from __future__ import annotations


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(hits: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``hits`` correct among ``n_system`` predicted, ``n_gold`` gold."""
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, f1(p, r)
