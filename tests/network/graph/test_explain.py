import datetime as dt
from dataclasses import replace

from django.utils import translation

from netzwerkstatt.network.enums import NodeType, TieKind
from netzwerkstatt.network.explain import path_explanation, path_steps, strength_word
from netzwerkstatt.network.graph import EMPLOYMENT, Edge, Node
from netzwerkstatt.network.paths import WarmPath

YOU = Node("person:1", NodeType.PERSON, 1, "Eva Team", salutation="ms", team=True)
MEYER = Node(
    "person:2",
    NodeType.PERSON,
    2,
    "Jan Meyer",
    salutation="mr",
    affiliation="IG Metall",
    role="Sekretär",
)
SCHULZ = Node(
    "person:3",
    NodeType.PERSON,
    3,
    "Dr. Anna Schulz",
    salutation="ms",
    affiliation="Firma X",
    role="Geschäftsführung",
    door_opener="willing",
)
FIRMA = Node("organisation:4", NodeType.ORGANISATION, 4, "Firma X", organisation_kind="company")
NODES = {node.key: node for node in (YOU, MEYER, SCHULZ, FIRMA)}

YOU_MEYER = Edge("person:1", "person:2", TieKind.KNOWS, 4, since=dt.date(2019, 5, 1))
MEYER_SCHULZ = Edge("person:2", "person:3", TieKind.WORKS_WITH, 3)
SCHULZ_FIRMA = Edge("person:3", "organisation:4", EMPLOYMENT, 4, role="Geschäftsführung")


def english(function, *args, **kwargs):
    with translation.override("en"):
        return function(*args, **kwargs)


def test_path_explanation_says_you_for_the_users_own_person():
    path = WarmPath(0.4, ("person:1", "person:2", "person:3"), (YOU_MEYER, MEYER_SCHULZ), ())

    sentence = english(path_explanation, path, nodes=NODES, you="person:1")

    assert sentence == (
        "You → Mr Jan Meyer (IG Metall, known since 2019, strong) → "
        "Ms Dr. Anna Schulz, Geschäftsführung at Firma X (good)"
    )


def test_path_explanation_names_the_team_member_for_someone_else():
    path = WarmPath(0.4, ("person:1", "person:2", "person:3"), (YOU_MEYER, MEYER_SCHULZ), ())

    sentence = english(path_explanation, path, nodes=NODES, you="person:9")

    assert sentence.startswith("Ms Eva Team → Mr Jan Meyer")


def test_path_explanation_marks_persons_not_yet_asked():
    path = WarmPath(
        0.4, ("person:1", "person:2", "person:3"), (YOU_MEYER, MEYER_SCHULZ), ("person:2",)
    )

    steps = english(path_steps, path, nodes=NODES, you="person:1")

    assert [step.unasked for step in steps] == [False, True, False]
    assert str(steps[1]) == (
        "Mr Jan Meyer (IG Metall, known since 2019, strong, not yet asked as door opener)"
    )


def test_path_explanation_to_an_organisation_names_the_function_there():
    path = WarmPath(
        0.3,
        ("person:1", "person:2", "person:3", "organisation:4"),
        (YOU_MEYER, MEYER_SCHULZ, SCHULZ_FIRMA),
        (),
    )

    sentence = english(path_explanation, path, nodes=NODES, you="person:1")

    assert sentence.endswith("→ Ms Dr. Anna Schulz (Geschäftsführung, good) → Firma X")


def test_path_explanation_names_the_function_at_the_organisation_not_the_first_one():
    chamber_member = replace(SCHULZ, affiliation="IHK Musterstadt", role="Vollversammlung")
    nodes = {**NODES, SCHULZ.key: chamber_member}
    path = WarmPath(
        0.3,
        ("person:1", "person:2", "person:3", "organisation:4"),
        (YOU_MEYER, MEYER_SCHULZ, SCHULZ_FIRMA),
        (),
    )

    sentence = english(path_explanation, path, nodes=nodes, you="person:1")

    assert sentence.endswith("→ Ms Dr. Anna Schulz (Geschäftsführung, good) → Firma X")


def test_path_explanation_direct_tie_to_an_organisation():
    advice = Edge("person:1", "organisation:4", TieKind.ADVISES, 2, since=dt.date(2020, 1, 1))
    path = WarmPath(0.3, ("person:1", "organisation:4"), (advice,), ())

    assert (
        english(path_explanation, path, nodes=NODES) == "Ms Eva Team → Firma X (since 2020, loose)"
    )


def test_strength_word_for_each_strength():
    words = [english(strength_word, strength) for strength in range(1, 6)]

    assert words == ["barely acquainted", "loose", "good", "strong", "very close"]


def test_path_explanation_in_german_uses_the_catalogue():
    path = WarmPath(0.4, ("person:1", "person:2"), (YOU_MEYER,), ())

    with translation.override("de"):
        sentence = path_explanation(path, nodes=NODES, you="person:9")

    assert sentence.startswith("Frau Eva Team → Herr Jan Meyer")
