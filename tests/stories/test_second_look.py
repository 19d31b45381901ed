"""Second look: an article left alone by the single pass joins a story formed after it."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from storylens.stories.cluster import NO_DATE, ClusterParams, LeadSignals, cluster

# Row 0 comes first and meets no story; row 1 is far from it; rows 2 and 3 join row 1's story
# and pull its centroid towards row 0 (cosine 0.504 at the end, 0 when row 0 was placed).
ROWS = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.6, 0.8, 0.0], [0.8, 0.6, 0.0]])


def labels(rows: np.ndarray, days: list[int], **options: object) -> list[int]:
    matrix = sparse.csr_matrix(ROWS.astype(np.float32))
    params = ClusterParams(join=0.5, **options)  # type: ignore[arg-type]
    leads = LeadSignals.none(rows.shape[0], rows.shape[1])
    found = cluster(matrix, None, np.array(days, dtype=np.int64), leads=leads, params=params)
    return [int(label) for label in found.labels]


def test_single_pass_leaves_the_first_article_alone() -> None:
    assert labels(ROWS, [NO_DATE] * 4, second_look=False) == [0, 1, 1, 1]


def test_second_look_moves_it_to_the_story_formed_after_it() -> None:
    assert labels(ROWS, [NO_DATE] * 4) == [0, 0, 0, 0]
    assert labels(ROWS, [NO_DATE] * 4, batch=1) == [0, 0, 0, 0]


def test_second_look_keeps_to_the_date_window() -> None:
    # No date penalty: only the window (60 days) keeps the early article out.
    assert labels(ROWS, [0, 200, 200, 200], date_penalty=0.0) == [0, 1, 1, 1]
    assert labels(ROWS, [150, 200, 200, 200], date_penalty=0.0) == [0, 0, 0, 0]
    assert labels(ROWS, [199, 200, 200, 200]) == [0, 0, 0, 0]


def test_second_look_applies_the_lead_penalties() -> None:
    events = np.array([[1, 0], [0, 1], [0, 1], [0, 1]], dtype=np.float32)
    matrix = sparse.csr_matrix(ROWS.astype(np.float32))
    leads = LeadSignals(events, sparse.csr_matrix((4, 3), dtype=np.float32))
    days = np.full(4, NO_DATE, dtype=np.int64)
    found = cluster(matrix, None, days, leads=leads, params=ClusterParams(join=0.5))
    assert found.labels.tolist() == [0, 1, 1, 1]
