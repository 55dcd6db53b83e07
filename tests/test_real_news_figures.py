"""Figures on real news pages (bench/bench_audit.py): classes of number that a reader of the
review queue saw given as a figure though they count nothing, or counted the wrong thing. Each
class is held by fixture sentences written for it."""

from __future__ import annotations

import pytest

from claimcheck.extract.quantities import find_quantities


def figures(sentence: str) -> list[tuple[str, float, str]]:
    return [(q.surface, q.value, q.unit) for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "2.",
        "3)",
        "(4)",
        "Our shortlist follows.\n5. A budget blender for small kitchens",
        "Our shortlist follows.\n(6) A kettle that boils quietly",
        "7) The editors' favourite toaster",
    ],
)
def test_the_number_of_a_list_item_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_figure_in_a_list_item_is_still_read():
    assert figures("8. The kettle costs $45.") == [("$45", 45.0, "USD")]
