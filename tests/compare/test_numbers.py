from storylens.compare import compare
from storylens.model import Article, Story
from tests.compare.build import article

A = "Russia is set to deploy 9,000 troops to Belarus, the ministry said. Up to 60 tanks were moved."
B = (
    "He said most of the force would be Belarusian, but that Russia would still send "
    "more than a thousand Russian troops. Ukraine massed 15,000 border guards nearby."
)


def _story(*articles):  # type: ignore[no-untyped-def]
    story = Story("s", "t", tuple(a.id for a in articles))
    return compare(story, {a.id: a for a in articles})


def test_floor_and_exact_number_is_one_conflict_with_a_careful_note() -> None:
    first = article(
        "a",
        A,
        quantities=[
            ("9,000 troops", 9000, None, None, "troops"),
            ("60 tanks", 60, None, 60, "tanks"),
        ],
        entities=[("Russia", "Russia")],
    )
    second = article(
        "b",
        B,
        quantities=[
            ("more than a thousand Russian troops", 1000, 1000, None, "Russian troops"),
            ("15,000 border guards", 15000, None, None, "border guards"),
        ],
        entities=[("Russia", "Russia")],
    )
    conflicts = [c for c in _story(first, second).conflicts if c.kind == "number"]
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert [s.value for s in conflict.sides] == ["9000", ">=1000"]
    assert "read as a floor" in conflict.note
    assert "wrong" not in conflict.note


def test_contradictory_and_compatible_ranges() -> None:
    wire = article(
        "wire",
        "About 12,000 residents were evacuated from the valley on Tuesday.",
        quantities=[("About 12,000 residents", 12000, 10800, 13200, "residents")],
    )
    radio = article(
        "radio",
        "Around 4,500 people were evacuated from the town and villages.",
        quantities=[("Around 4,500 people", 4500, 4050, 4950, "people")],
    )
    ledger = article(
        "ledger",
        "Between 11,000 and 13,000 people were evacuated from the valley.",
        quantities=[("Between 11,000 and 13,000 people", 12000, 11000, 13000, "people")],
    )
    (conflict,) = _story(wire, radio, ledger).conflicts
    assert {s.article_id for s in conflict.sides} == {"wire", "radio", "ledger"}
    assert "contradictory" in _verdict(conflict.note, "About 12,000", "Around 4,500")
    assert "compatible" in _verdict(conflict.note, "About 12,000", "Between 11,000")
    assert "contradictory" in _verdict(conflict.note, "Around 4,500", "Between 11,000")
    verdicts = [part.rsplit("': ", 1)[1] for part in conflict.note.split("; ") if "': " in part]
    assert verdicts == sorted(verdicts, key=lambda v: v.startswith("compatible"))


def _verdict(note: str, first: str, second: str) -> str:
    """The part of a number note that compares the two values."""
    (part,) = [p for p in note.split("; ") if first in p and second in p]
    return part.rsplit("': ", 1)[1]


def test_same_value_or_unrelated_slot_is_no_conflict() -> None:
    first = article(
        "a",
        "About 12,000 residents were evacuated from the valley.",
        quantities=[("12,000 residents", 12000, None, None, "residents")],
    )
    same = article(
        "b",
        "Officials said 12,000 people were evacuated from the valley.",
        quantities=[("12,000 people", 12000, None, None, "people")],
    )
    other = article(
        "c",
        "The dam holds 40 tanks of fuel in the valley.",
        quantities=[("40 tanks", 40, None, None, "tanks")],
    )
    assert _story(first, same, other).conflicts == ()


def test_clashing_demonyms_are_different_slots() -> None:
    first = article(
        "a",
        "Some 9,000 Russian troops will deploy to the border region.",
        quantities=[("9,000 Russian troops", 9000, None, None, "Russian troops")],
    )
    second = article(
        "b",
        "About 70,000 Belarusian troops will deploy to the border region.",
        quantities=[("70,000 Belarusian troops", 70000, None, None, "Belarusian troops")],
    )
    assert _story(first, second).conflicts == ()


EVACUATED = "About 12,000 residents were evacuated from the valley on Tuesday."


def _evacuated() -> Article:
    return article(
        "wire",
        EVACUATED,
        quantities=[("About 12,000", 12000, 10800, 13200, "residents")],
    )


def test_range_with_no_shared_word_but_the_same_frame_is_compatible() -> None:
    ledger = article(
        "ledger",
        "Between 11,000 and 13,000 people have since been moved out of their homes.",
        quantities=[("Between 11,000 and 13,000", None, 11000, 13000, "people")],
        quotes=[("Between 11,000 and 13,000 people", "provincial officials")],
    )
    (conflict,) = _story(_evacuated(), ledger).conflicts
    assert [s.value for s in conflict.sides] == ["11000-13000", "10800-13200"]
    assert "compatible: the ranges overlap" in conflict.note
    assert "counted noun 'people' vs 'residents'" in conflict.note
    assert "source provincial officials vs not named" in conflict.note


def test_ceiling_is_compatible_and_said_so() -> None:
    other = article(
        "other",
        "Up to 15,000 people were forced from their homes by the water.",
        quantities=[("Up to 15,000", 15000, None, 15000, "people")],
    )
    (conflict,) = _story(_evacuated(), other).conflicts
    assert "'Up to 15,000' is a ceiling the other stays under" in conflict.note
    assert "contradictory" not in conflict.note


def test_a_towns_population_is_not_its_evacuees() -> None:
    town = article(
        "town",
        "Meltor, a town of about 30,000 people, lies downstream of the valley dam.",
        quantities=[("about 30,000", 30000, 27000, 33000, "people")],
    )
    assert _story(_evacuated(), town).conflicts == ()


def test_deaths_are_not_evacuations() -> None:
    deaths = article(
        "deaths",
        "Two people were killed when the valley road was swept away on Tuesday.",
        quantities=[("Two", 2, 2, 2, "people")],
    )
    assert _story(_evacuated(), deaths).conflicts == ()


def test_a_group_qualifier_on_one_side_only_is_another_slot() -> None:
    first = article(
        "a",
        "The army will deploy 9,000 troops to the northern border this winter.",
        quantities=[("9,000", 9000, None, None, "troops")],
    )
    new = article(
        "b",
        "The army is preparing 200,000 new troops to deploy to the northern border.",
        quantities=[("200,000", 200000, None, None, "new troops")],
    )
    active = article(
        "c",
        "The army has 45,000 active-duty personnel along the northern border.",
        quantities=[("45,000", 45000, None, None, "active-duty personnel")],
    )
    assert _story(first, new, active).conflicts == ()


def test_same_outlet_figures_are_not_a_conflict() -> None:
    first = article(
        "a",
        EVACUATED,
        outlet="Valley Courier",
        quantities=[("About 12,000", 12000, 10800, 13200, "residents")],
    )
    second = article(
        "b",
        "Around 4,500 people were evacuated from the valley on Tuesday.",
        outlet="Valley Courier",
        quantities=[("Around 4,500", 4500, 4050, 4950, "people")],
    )
    assert _story(first, second).conflicts == ()
