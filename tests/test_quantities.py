from __future__ import annotations

import math

import pytest

from claimcheck.extract import typed_claim
from claimcheck.extract.quantities import find_quantities
from claimcheck.models import Qualifier
from claimcheck.models import describe_amount as describe


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier", "unit"),
    [
        ("Sweden announced a $2.2 billion package.", 2.2e9, 2.2e9, 2.2e9, Qualifier.EXACT, "USD"),
        ("They sent about 10,000 soldiers.", 10_000, 10_000, 10_000, Qualifier.APPROXIMATE, None),
        ("Estimates put it at 11,000 to 12,000 troops.", 11_500, 11_000, 12_000, Qualifier.RANGE, None),
        ("More than 10,000 soldiers are deployed.", 10_000, 10_000, math.inf, Qualifier.AT_LEAST, None),
        ("Up to 8,000 troops could join.", 8_000, 0, 8_000, Qualifier.AT_MOST, None),
        ("The strike injured seven people.", 7, 7, 7, Qualifier.EXACT, None),
        ("Inflation reached 40% in May.", 40, 40, 40, Qualifier.EXACT, "percent"),
        ("It cost 1.2bn over a decade.", 1.2e9, 1.2e9, 1.2e9, Qualifier.EXACT, None),
        ("Between 5 and 7 million dollars were paid.", 6e6, 5e6, 7e6, Qualifier.RANGE, "USD"),
        ("Three hundred soldiers died in the attack.", 300, 300, 300, Qualifier.EXACT, None),
        ("Some five hundred thousand people fled.", 500_000, 500_000, 500_000, Qualifier.APPROXIMATE, None),
    ],
)
def test_quantity_is_normalised(text, value, low, high, qualifier, unit):
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.low, quantity.high, quantity.qualifier, quantity.unit) == (
        value, low, high, qualifier, unit,
    )


def test_model_names_and_years_are_not_quantities():
    assert find_quantities("The KN-23 and RS-26 systems were used since 2014.") == []


def test_two_numbers_joined_by_and_stay_two():
    found = find_quantities("The strike killed 4 and injured 6 people.")
    assert [q.value for q in found] == [4, 6]


def test_reason_wording_for_money():
    assert describe(2.2e9, "USD") == "$2.2 billion"


@pytest.mark.parametrize(
    "text",
    ["Hank, one of the founding members, died at home.", "No one was hurt.", "They blamed one another."],
)
def test_one_as_a_pronoun_is_not_a_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["The band played a one-off reunion concert.", "The one-time champion retired.",
                                  "They held one-on-one talks."])
def test_one_in_a_compound_adjective_is_not_a_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["He signed a one-year contract.", "Police closed a one-mile stretch of the road."])
def test_one_measuring_a_span_in_a_compound_is_a_count(text):
    assert [q.value for q in find_quantities(text)] == [1.0]


@pytest.mark.parametrize(("text", "counted"), [
    ("The details of two million of the retailer's customers were stolen.", "customer"),
    ("Dozens of refugee families fled the camp.", "family"),
    ("Thousands of Gaza residents fled south.", "resident"),
    ("Two of the country's top generals were killed.", "general"),
])
def test_what_a_figure_counts_is_the_noun_its_possessor_or_modifier_describes(text, counted, nlp):
    (quantity,) = typed_claim(text, nlp=nlp).statement.quantities
    assert quantity.counted == counted


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("A few hundred people gathered.", 200, 900, None),
    ("He made a few million dollars.", 2e6, 9e6, "USD"),
    ("Several thousand troops crossed.", 3000, 9000, None),
])
def test_a_vague_count_of_a_scale_is_a_range_not_the_scale(text, low, high, unit):
    (quantity,) = find_quantities(text)
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)
