"""The figures' rules on a constructed history with known answers (no database)."""

import datetime as dt

from netzwerkstatt.acquisition.figures import (
    ApproachRow,
    ChangeRow,
    Delivery,
    PartnerLink,
    Period,
    Rate,
    acquisition_figures,
    funder_figures,
    histories,
)

YEAR = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00")


# id: channel, owner, employees, sector, moves (kind, day); the first move is the entry.
HISTORY = {
    1: ("cold", 1, None, "", [("approached", "2025-01-10"), ("conversation", "2025-02-01"), ("declined", "2025-03-01")]),
    2: ("cold", 1, None, "", [("approached", "2025-01-15")]),
    3: ("cold", 2, 5, "25", [("approached", "2025-02-10"), ("agreement", "2025-02-20")]),
    4: ("warm", 2, 30, "28", [("identified", "2024-12-01"), ("approached", "2025-03-01"), ("conversation", "2025-03-05"), ("agreement", "2025-03-31"), ("active", "2025-05-01")]),
    5: ("warm", 2, None, "86", [("approached", "2025-04-01"), ("agreement", "2025-04-21")]),
    6: ("recommendation", None, None, "", [("approached", "2025-06-01"), ("conversation", "2025-06-02")]),
    7: ("event", 1, None, "", [("identified", "2025-07-01")]),
    8: ("cold", 1, 30, "", [("approached", "2024-11-01"), ("agreement", "2025-01-20")]),
    9: ("warm", 1, None, "", [("approached", "2025-12-20"), ("agreement", "2026-01-05")]),
}  # fmt: skip


def _rows():
    approaches, changes = [], []
    for pk, (channel, owner, employees, sector, moves) in HISTORY.items():
        approaches.append(ApproachRow(pk, channel, owner, _at(moves[0][1]), employees, sector))
        # Shuffled on purpose: the computation must not rely on the rows' order.
        changes += [ChangeRow(pk, kind, _at(day)) for kind, day in reversed(moves)]
    return approaches, changes


def _figures():
    approaches, changes = _rows()
    return acquisition_figures(approaches=approaches, changes=changes, period=YEAR)


def _counts(row):
    return (row.approached, row.conversations.count, row.agreements.count, row.declined.count)


def test_conversion_per_channel_counts_the_companies_first_approached_in_the_period():
    channels = {row.key: row for row in _figures().channels}

    assert list(channels) == ["cold", "warm", "recommendation", "event"]
    assert _counts(channels["cold"]) == (3, 2, 1, 1)
    assert _counts(channels["warm"]) == (3, 2, 2, 0)
    assert _counts(channels["recommendation"]) == (1, 1, 0, 0)
    assert _counts(channels["event"]) == (0, 0, 0, 0)
    assert channels["event"].agreements.share is None


def test_a_company_that_jumped_to_agreement_counts_as_having_had_a_conversation():
    _approaches, changes = _rows()
    story = histories(changes, period=YEAR)[3]

    assert set(story.reached) == {
        "identified",
        "researched",
        "approached",
        "conversation",
        "agreement",
    }
    assert story.reached["conversation"] == _at("2025-02-20")


def test_moves_after_the_period_and_declines_reopened_do_not_count():
    changes = [
        ChangeRow(1, "approached", _at("2025-01-01")),
        ChangeRow(1, "declined", _at("2025-02-01")),
        ChangeRow(1, "conversation", _at("2025-03-01")),
        ChangeRow(2, "approached", _at("2025-01-01")),
        ChangeRow(2, "declined", _at("2026-02-01")),
    ]

    stories = histories(changes, period=YEAR)

    assert not stories[1].declined
    assert "conversation" in stories[1].reached
    assert not stories[2].declined


def test_totals_funnel_and_time_to_agreement():
    figures = _figures()

    assert _counts(figures.total) == (7, 5, 3, 1)
    duration = figures.total.time_to_agreement
    assert (duration.n, duration.median, duration.shortest, duration.longest) == (3, 20, 10, 30)
    warm = figures.channels[1].time_to_agreement
    assert (warm.median, warm.n, warm.few) == (25, 2, True)
    assert [(step.kind, step.reached) for step in figures.funnel] == [
        ("approached", 7), ("conversation", 5), ("agreement", 3), ("active", 1), ("completed", 0),
    ]  # fmt: skip
    assert [(s.of_previous.count, s.of_previous.of) for s in figures.funnel[1:]] == [
        (5, 7), (3, 5), (1, 3), (0, 1),
    ]  # fmt: skip


def test_figures_per_staff_member():
    owners = {row.key: row for row in _figures().owners}

    assert _counts(owners[1]) == (3, 1, 0, 1)
    assert _counts(owners[2]) == (3, 3, 3, 0)
    assert owners[2].time_to_agreement.median == 20
    assert _counts(owners[None]) == (1, 1, 0, 0)


def test_figures_per_month():
    months = {month.month.month: month for month in _figures().months}

    assert len(months) == 12
    assert [months[m].added for m in range(1, 13)] == [2, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1]
    assert [months[m].approached for m in range(1, 13)] == [2, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1]
    assert [months[m].conversations for m in range(1, 7)] == [1, 2, 1, 1, 0, 1]
    assert [months[m].agreements for m in range(1, 7)] == [1, 1, 1, 1, 0, 0]


def test_rates_below_five_cases_are_marked():
    assert Rate(3, 4).few
    assert not Rate(3, 5).few
    assert Rate(3, 5).percent == 60
    assert Rate(0, 0).percent is None
    cold = _figures().channels[0]
    assert cold.conversations.few
    assert not _figures().total.conversations.few


def test_a_period_spanning_the_year_end_has_its_months():
    period = Period(dt.date(2024, 11, 15), dt.date(2025, 2, 3))

    assert period.months() == [
        dt.date(2024, 11, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1),
    ]  # fmt: skip


def test_funder_figures():
    approaches, changes = _rows()

    report = funder_figures(
        approaches=approaches,
        changes=changes,
        period=YEAR,
        deliveries=[
            Delivery(1, "Demografie-Check", 5),
            Delivery(1, "Demografie-Check", None),
            Delivery(2, "Workshop Führung", 12),
        ],
        partner_links=[
            PartnerLink(10, "IHK Braunschweig", "chamber", "introduction"),
            PartnerLink(10, "IHK Braunschweig", "chamber", "activity"),
            PartnerLink(11, "IG Metall", "union", "activity"),
        ],
    )

    # Company 8 was approached in 2024 but first had a conversation (by jumping) in 2025.
    assert (report.approached, report.conversations, report.agreements) == (7, 6, 4)
    assert report.participating == 4
    assert report.by_size == [("micro", 1), ("small", 2), ("", 1)]
    assert report.by_section == [("C", 2), ("Q", 1), ("", 1)]
    assert [(m.name, m.deliveries, m.participants, m.without_participants) for m in report.measures] == [
        ("Demografie-Check", 2, 5, 1), ("Workshop Führung", 1, 12, 0),
    ]  # fmt: skip
    assert (report.deliveries, report.participants) == (3, 17)
    assert [(p.name, p.introduced, p.in_activities) for p in report.partners] == [
        ("IG Metall", False, True), ("IHK Braunschweig", True, True),
    ]  # fmt: skip
