"""Independent sources: copies, rewrites and articles of one outlet count once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from storylens.model import Article, Reuse

COPY_SHARE = 0.25
"""A pair whose reused passages cover this share of either article is one source."""


class Groups:
    """Union-find over article ids; ``group(id)`` is the smallest id of its group."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {article_id: article_id for article_id in ids}

    def group(self, article_id: str) -> str:
        """The representative of the article's group."""
        root = article_id
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        return root

    def join(self, first: str, second: str) -> None:
        """Put two articles in one group (the smaller id stays the representative)."""
        a, b = sorted((self.group(first), self.group(second)))
        self._parent[b] = a

    def count(self, ids: Iterable[str]) -> int:
        """How many independent groups ``ids`` span."""
        return len({self.group(article_id) for article_id in ids})


def source_groups(
    articles: Sequence[Article], reuse: Sequence[Reuse], *, copy_share: float = COPY_SHARE
) -> Groups:
    """Group articles that copy each other or come from the same outlet."""
    groups = Groups(article.id for article in articles)
    for entry in reuse:
        if max(entry.share_a, entry.share_b) >= copy_share:
            groups.join(entry.article_a, entry.article_b)
    by_outlet: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        if article.outlet:
            key = article.outlet.strip().lower()
            groups.join(by_outlet.setdefault(key, article.id), article.id)
    return groups


def outlet_names(articles: Mapping[str, Article]) -> dict[str, str]:
    """A short label per article: its outlet, else its id."""
    return {key: article.outlet or key for key, article in articles.items()}
