"""Deterministic local text similarity used to rank documents for ``documents.query``.

Each text becomes a sparse vector of lower-cased word counts plus (half-weighted)
character-trigram counts; documents are ranked by cosine similarity to the query, ties
keeping creation order. No model, no network, standard library only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_WORD = re.compile(r"\w+")


def features(text: str) -> Counter[str]:
    """Word and character-trigram counts of ``text`` (trigrams weigh half a word)."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    counts: Counter[str] = Counter()
    for word in words:
        counts[f"w:{word}"] += 2
    padded = f"  {' '.join(words)}  "
    counts.update(f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return counts


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two sparse count vectors (0.0 when either is empty)."""
    dot = sum(count * b[key] for key, count in a.items() if key in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def rank(query: str, items: Sequence[T], text: Callable[[T], str], top_k: int) -> list[T]:
    """The ``top_k`` items most similar to ``query``, best first (stable on ties)."""
    wanted = features(query)
    scored = [(cosine(wanted, features(text(item))), index) for index, item in enumerate(items)]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [items[index] for _, index in scored[:top_k]]
