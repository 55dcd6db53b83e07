"""English stopwords: bm25s's list, read on first use.

Importing bm25s brings scipy with it, a third of a second or more that the review screen and
most commands never need, so nothing imports it when claimcheck starts.
"""

from __future__ import annotations

from functools import cache


@cache
def english() -> frozenset[str]:
    import bm25s.stopwords

    return frozenset(bm25s.stopwords.STOPWORDS_EN_PLUS)
