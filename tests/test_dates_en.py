"""English dates (lang/en/dates.yaml): a table of phrases resolved against a publication date, as
dateparser's tests/test_languages.py tabulates its languages. No model needed."""
from __future__ import annotations

import pytest

from newsevents.dates import DateResolver
from newsevents.langdata import load_language

PUBLISHED = "2024-03-08"  # a Friday


@pytest.fixture(scope="module")
def resolver():
    return DateResolver(load_language("en"))


@pytest.mark.parametrize("text, value, precision", [
    ("on March 4, 2024", "2024-03-04", "day"),          # month first, with a year
    ("on 4 March 2024", "2024-03-04", "day"),           # day first
    ("Tuesday, March 5th", "2024-03-05", "day"),        # weekday, ordinal suffix, no year
    ("from March 4 to 6", "2024-03-04/2024-03-06", "interval"),
    ("between March 4 and 6, 2023", "2023-03-04/2023-03-06", "interval"),
    ("on Tuesday", "2024-03-05", "day"),
    ("yesterday", "2024-03-07", "day"),
    ("two days ago", "2024-03-06", "day"),               # "ago" after the count
    ("last week", "2024-02-26/2024-03-03", "interval"),
    ("next month", "2024-04", "month"),
    ("in January", "2024-01", "month"),
    ("on 3/4/2024", "2024-03-04", "day"),               # numeric dates are month/day/year
])
def test_english_date_phrases(resolver, text, value, precision):
    found = resolver.find(text, PUBLISHED, 0, len(text))
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_a_month_before_a_number_is_a_day_in_english(resolver):
    found = resolver.find("March 20 people", PUBLISHED, 0, 15)
    assert [(d.value, d.text) for d in found] == [("2024-03-20", "March 20")]


@pytest.mark.parametrize("text, expected", [
    ("Iran may halt the talks", []),                    # the modal "may"
    ("they march on the capital", []),                  # the verb "march"
    ("talks resume in May", [("2024-05", "May")]),      # the month is capitalised
])
def test_may_and_march_are_months_only_when_capitalised(resolver, text, expected):
    found = resolver.find(text, PUBLISHED, 0, len(text))
    assert [(d.value, d.text) for d in found] == expected
