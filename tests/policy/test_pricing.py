"""The pay rule: a day's pay in whole fen for each pay unit."""

from marketplace.models import PayUnit
from marketplace.policy.pricing import daily_pay_fen


def test_daily_pay_for_each_unit():
    """Day rate, hourly × minutes, and pieces × rate all come out in whole fen."""
    assert daily_pay_fen(22000, "day", 480) == 22000
    assert daily_pay_fen(2450, "hour", 450) == 18375
    assert daily_pay_fen(50, "piece", 480, 300) == 15000


def test_hourly_pay_rounds_down_to_the_fen():
    """A part of a fen is not paid: 1 fen an hour for 90 minutes is 1 fen."""
    assert daily_pay_fen(1, "hour", 90) == 1


def test_piece_rate_without_a_count_pays_one_piece():
    """No pieces per day given: the rate counts once."""
    assert daily_pay_fen(50, "piece", 480) == 50


def test_the_model_enum_is_accepted():
    """PayUnit values are the plain strings, so the enum works too."""
    assert daily_pay_fen(2450, PayUnit.HOUR, 450) == 18375
