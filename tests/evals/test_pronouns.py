"""The pronoun eval reads ECB+ chains: which pronouns to resolve and which names are right."""

from __future__ import annotations

from pathlib import Path

from evals.pronouns import load_cases

WORDS = [
    ("1", "Pilot"), ("1", "held"),
    ("2", "Maria"), ("2", "Quill"), ("2", "said"), ("2", "she"), ("2", "saw"), ("2", "the"),
    ("2", "pilot"), ("2", "."),
    ("3", "He"), ("3", "fled"), ("3", "."),
]  # fmt: skip


def write_document(path: Path) -> Path:
    tokens = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>'
        for i, (s, w) in enumerate(WORDS, 1)
    )

    def markable(m_id: int, *t_ids: int) -> str:
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
        return f'<HUMAN_PART_PER m_id="{m_id}">{anchors}</HUMAN_PART_PER>'

    def chain(r_id: int, *m_ids: int) -> str:
        sources = "".join(f'<source m_id="{m}"/>' for m in m_ids)
        return f'<INTRA_DOC_COREF r_id="{r_id}">{sources}<target m_id="99"/></INTRA_DOC_COREF>'

    markables = markable(1, 1) + markable(2, 3, 4) + markable(3, 6) + markable(4, 9)
    markables += markable(5, 11)
    relations = chain(1, 2, 3) + chain(2, 1, 4, 5) + chain(3, 2, 3)  # chain 3 repeats chain 1
    path.write_text(
        f"<Document>{tokens}<Markables>{markables}</Markables>"
        f"<Relations>{relations}</Relations></Document>",
        encoding="utf-8",
    )
    return path


def test_cases_are_chain_pronouns_with_the_names_the_chain_gives(tmp_path: Path) -> None:
    text, cases = load_cases(write_document(tmp_path / "1_1ecb.xml"))
    assert text == "Pilot held\nMaria Quill said she saw the pilot.\nHe fled."
    assert [(text[c.start : c.end], set(c.names)) for c in cases] == [
        ("she", {"Maria", "Quill"}),
        ("He", set()),  # "Pilot" is written in lower case elsewhere: the chain names no one
    ]
