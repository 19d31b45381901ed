from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storylens.render.highlight import Mark, segment_text


def test_nested_and_crossing_spans_split_at_every_boundary() -> None:
    text = "Hello big world today"
    marks = [Mark(0, 9, "quote", "q"), Mark(6, 15, "ent", "E"), Mark(6, 9, anchor="x")]
    pieces = segment_text(text, marks)
    assert [p.text for p in pieces] == ["Hello ", "big", " world", " today"]
    assert pieces[1].kinds == ("quote", "ent")
    assert pieces[1].label == "q; E"
    assert pieces[1].starts == ("x",)
    assert pieces[2].kinds == ("ent",)
    assert pieces[3].plain


def test_anchor_target_only_on_first_piece_and_two_anchors_at_one_place() -> None:
    pieces = segment_text(
        "abcdef", [Mark(1, 5, anchor="x"), Mark(1, 3, anchor="y"), Mark(2, 4, "qty")]
    )
    starts = [p.starts for p in pieces]
    assert starts.count(("x", "y")) == 1
    assert sum(len(s) for s in starts) == 2
    assert all(
        "x" in p.anchors
        for p in pieces
        if 1 <= sum(len(q.text) for q in pieces[: pieces.index(p)]) < 5
    )


def test_invalid_spans_are_ignored() -> None:
    pieces = segment_text("abc", [Mark(2, 1, "ent"), Mark(0, 9, "ent"), Mark(-1, 2, "ent")])
    assert [(p.text, p.kinds) for p in pieces] == [("abc", ())]


@given(
    st.text(min_size=0, max_size=40),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["ent", "qty", None])),
        max_size=12,
    ),
)
def test_pieces_rebuild_the_text_and_cover_each_mark(
    text: str, raw: list[tuple[int, int, str | None]]
) -> None:
    marks = [Mark(a, b, kind, anchor=None if kind else f"k{a}-{b}") for a, b, kind in raw]
    pieces = segment_text(text, marks)
    assert "".join(p.text for p in pieces) == text
    position = 0
    for piece in pieces:
        for mark in marks:
            if 0 <= mark.start < mark.end <= len(text) and mark.start <= position < mark.end:
                assert (mark.kind in piece.kinds) if mark.kind else (mark.anchor in piece.anchors)
        position += len(piece.text)
