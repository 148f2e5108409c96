from netzwerkstatt.network.analytics import network_metrics
from netzwerkstatt.network.graph import NetworkData
from netzwerkstatt.network.health import network_health
from netzwerkstatt.network.metrics import next_steps
from tests.network.algorithms.builders import TODAY, employment, organisation, person, tie


def _steps(data: NetworkData) -> dict:
    metrics = network_metrics(data)
    health = network_health(data, today=TODAY, stale_after_months=12)
    return next_steps(data, metrics, health)


def test_next_steps_introduce_to_a_person_who_stays_connected():
    # The team member knows Zwei and the (well-connected) organisation 10; Vier knows
    # the team member only. Zwei, not the organisation, is whom to introduce Vier to.
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(4), organisation(10), organisation(11)],
        edges=[
            tie("person:1", "person:2"),
            tie("person:1", "organisation:10", kind="collaborates", strength=5),
            tie("person:2", "organisation:10", kind="collaborates", strength=5),
            tie("organisation:10", "organisation:11", kind="cooperation", strength=5),
            tie("person:1", "person:4", strength=2),
        ],
    )

    steps = _steps(data)

    assert steps["introductions"] == [
        {"key": "person:4", "only_team": True, "via": "person:1", "to": "person:2"}
    ]


def test_next_steps_without_a_partner_to_introduce_to():
    # Without the team, organisations 10 and 11 stay together and person 3 is cut
    # off; the team member knows no person who stays.
    data = NetworkData(
        nodes=[person(1, team=True), person(3), organisation(10), organisation(11)],
        edges=[
            tie("person:1", "person:3"),
            tie("person:1", "organisation:10", kind="collaborates"),
            tie("organisation:10", "organisation:11", kind="cooperation"),
        ],
    )

    assert _steps(data)["introductions"] == [
        {"key": "person:3", "only_team": True, "via": "person:1", "to": None}
    ]


def test_next_steps_list_person_brokers_before_organisations():
    # Organisation 20 employs three persons known only as its employees (its loss cuts
    # off 3); person 5 alone joins two triangles (cut off 2) and comes first all the same.
    data = NetworkData(
        nodes=[organisation(20), *(person(pk) for pk in range(1, 10)), person(30)],
        edges=[
            employment("person:1", "organisation:20"),
            employment("person:2", "organisation:20"),
            employment("person:3", "organisation:20"),
            employment("person:4", "organisation:20"),
            tie("person:4", "person:5"),
            tie("person:4", "person:6"),
            tie("person:5", "person:6"),
            tie("person:5", "person:7"),
            tie("person:5", "person:8", strength=5),
            tie("person:7", "person:8"),
        ],
    )

    brokers = _steps(data)["brokers"]

    assert [(broker["key"], broker["cut_off"]) for broker in brokers] == [
        ("person:4", 4),
        ("person:5", 2),
        ("organisation:20", 3),
    ]
    # the best-connected contact of the largest part, paired with the other part's
    assert brokers[1]["pairs"] == [["person:4", "person:8"]]
    assert _steps(data)["isolates"] == ["person:30", "person:9"]
