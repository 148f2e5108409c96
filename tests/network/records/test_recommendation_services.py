import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network import services
from netzwerkstatt.network.enums import Provenance, RecommendationOutcome, TieKind
from netzwerkstatt.network.models import Recommendation, TeamMember, Tie
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
)

D = datetime.date
Outcome = RecommendationOutcome


def ties(*, kind=None) -> set[tuple]:
    """Every tie as (kind, source, target, strength)."""
    queryset = Tie.objects.all() if kind is None else Tie.objects.filter(kind=kind)
    return {(tie.kind, tie.source, tie.target, tie.strength) for tie in queryset}


def ordered(a, b):
    return (a, b) if a.pk < b.pk else (b, a)


@pytest.fixture
def people(workspace):
    return {name: PersonFactory(workspace=workspace, last_name=name) for name in "RST"}


def test_recommendation_create_ties_recommender_to_person_ends(scope, workspace, people):
    r, s, t = people["R"], people["S"], people["T"]
    project = ProjectFactory(workspace=workspace)

    recommendation = services.recommendation_create(
        scope=scope,
        recommender=r,
        subject=s,
        recipient=t,
        date=D(2026, 3, 2),
        purpose="Akquise",
        project=project,
    )

    assert recommendation.outcome == Outcome.OPEN
    assert recommendation.outcome_date is None
    assert recommendation.recorded_by == scope.user
    assert ties() == {
        (TieKind.KNOWS, *ordered(r, s), 2),
        (TieKind.KNOWS, *ordered(r, t), 2),
    }
    for tie in Tie.objects.all():
        assert tie.provenance == Provenance.RECOMMENDATION
        assert (tie.since, tie.purpose, tie.project) == (D(2026, 3, 2), "Akquise", project)
    to_recipient = Tie.objects.get(source_person__in=[r, t], target_person__in=[r, t])
    to_subject = Tie.objects.get(source_person__in=[r, s], target_person__in=[r, s])
    assert to_recipient.last_contact == D(2026, 3, 2)
    assert to_subject.last_contact is None


def test_recommendation_create_no_recommender_tie_to_organisations(scope, workspace, people):
    company = OrganisationFactory(workspace=workspace)

    services.recommendation_create(
        scope=scope,
        recommender=people["R"],
        subject=company,
        recipient=people["T"],
        date=D(2026, 3, 2),
    )

    assert ties() == {(TieKind.KNOWS, *ordered(people["R"], people["T"]), 2)}


def test_recommendation_create_strengthens_existing_tie_never_weakens(scope, workspace, people):
    r, t = people["R"], people["T"]
    low, high = ordered(r, t)
    TieFactory(workspace=workspace, source_person=low, target_person=high, strength=5)

    services.recommendation_create(
        scope=scope, recommender=r, subject=people["S"], recipient=t, date=D(2026, 3, 2)
    )

    assert Tie.objects.filter(kind=TieKind.KNOWS).count() == 2
    assert Tie.objects.get(source_person=low, target_person=high).strength == 5


@pytest.mark.parametrize(
    ("outcome", "subject_type", "recipient_type", "expected"),
    [
        (Outcome.OPEN, "person", "person", None),
        (Outcome.DECLINED, "person", "person", None),
        (Outcome.CONVERSATION, "person", "person", (TieKind.KNOWS, 2)),
        (Outcome.COOPERATION, "person", "person", (TieKind.WORKS_WITH, 4)),
        (Outcome.CONVERSATION, "organisation", "person", (TieKind.COLLABORATES, 2)),
        (Outcome.COOPERATION, "organisation", "person", (TieKind.COLLABORATES, 4)),
        (Outcome.CONVERSATION, "person", "organisation", (TieKind.COLLABORATES, 2)),
        (Outcome.COOPERATION, "person", "organisation", (TieKind.COLLABORATES, 4)),
        (Outcome.CONVERSATION, "organisation", "organisation", (TieKind.COOPERATION, 2)),
        (Outcome.COOPERATION, "organisation", "organisation", (TieKind.COOPERATION, 4)),
        (Outcome.DECLINED, "organisation", "organisation", None),
    ],
)
def test_recommendation_set_outcome_ties_subject_and_recipient(
    scope, workspace, people, outcome, subject_type, recipient_type, expected
):
    factories = {"person": PersonFactory, "organisation": OrganisationFactory}
    subject = factories[subject_type](workspace=workspace)
    recipient = factories[recipient_type](workspace=workspace)
    recommendation = services.recommendation_create(
        scope=scope,
        recommender=people["R"],
        subject=subject,
        recipient=recipient,
        date=D(2026, 1, 5),
    )
    before = ties()

    services.recommendation_set_outcome(
        scope=scope, recommendation=recommendation, outcome=outcome, on=D(2026, 2, 10)
    )

    recommendation.refresh_from_db()
    assert recommendation.outcome == outcome
    assert recommendation.outcome_date == (None if outcome == Outcome.OPEN else D(2026, 2, 10))
    added = ties() - before
    if expected is None:
        assert added == set()
    else:
        kind, strength = expected
        (tie,) = (
            Tie.objects.filter(kind=kind)
            .exclude(source_person=people["R"])
            .exclude(target_person=people["R"])
        )
        assert {tie.source, tie.target} == {subject, recipient}
        assert tie.strength == strength
        assert (tie.since, tie.last_contact) == (D(2026, 2, 10), D(2026, 2, 10))
        assert tie.provenance == Provenance.RECOMMENDATION
        assert len(added) == 1


def test_recommendation_outcome_cooperation_after_conversation_strengthens(
    scope, workspace, people
):
    company, association = (OrganisationFactory(workspace=workspace) for _ in range(2))
    recommendation = services.recommendation_create(
        scope=scope,
        recommender=people["R"],
        subject=company,
        recipient=association,
        date=D(2026, 1, 5),
        outcome=Outcome.CONVERSATION,
    )
    tie = Tie.objects.get(kind=TieKind.COOPERATION)
    assert (tie.strength, tie.since) == (2, D(2026, 1, 5))

    services.recommendation_set_outcome(
        scope=scope, recommendation=recommendation, outcome=Outcome.COOPERATION, on=D(2026, 4, 1)
    )

    tie.refresh_from_db()
    assert Tie.objects.filter(kind=TieKind.COOPERATION).count() == 1
    assert (tie.strength, tie.since, tie.last_contact) == (4, D(2026, 1, 5), D(2026, 4, 1))


def test_recommendation_outcome_declined_later_keeps_ties(scope, people):
    recommendation = services.recommendation_create(
        scope=scope,
        recommender=people["R"],
        subject=people["S"],
        recipient=people["T"],
        date=D(2026, 1, 5),
        outcome=Outcome.COOPERATION,
    )
    before = ties()

    services.recommendation_set_outcome(
        scope=scope, recommendation=recommendation, outcome=Outcome.DECLINED, on=D(2026, 5, 1)
    )

    assert ties() == before


@pytest.mark.parametrize(
    ("recommender", "subject", "recipient"), [("R", "R", "T"), ("R", "S", "R"), ("R", "S", "S")]
)
def test_recommendation_create_refuses_repeated_persons(
    scope, people, recommender, subject, recipient
):
    with pytest.raises(ValidationError):
        services.recommendation_create(
            scope=scope,
            recommender=people[recommender],
            subject=people[subject],
            recipient=people[recipient],
            date=D(2026, 1, 5),
        )

    assert not Recommendation.objects.exists()
    assert not Tie.objects.exists()


def test_recommendation_create_refuses_foreign_ends(scope, people, other_workspace):
    with pytest.raises(ValidationError):
        services.recommendation_create(
            scope=scope,
            recommender=people["R"],
            subject=OrganisationFactory(workspace=other_workspace),
            recipient=people["T"],
            date=D(2026, 1, 5),
        )

    assert not Recommendation.objects.exists()
    assert not Tie.objects.exists()


def test_recommendation_delete_keeps_ties(scope, workspace, people):
    recommendation = services.recommendation_create(
        scope=scope,
        recommender=people["R"],
        subject=people["S"],
        recipient=people["T"],
        date=D(2026, 1, 5),
    )

    services.recommendation_delete(scope=scope, recommendation=recommendation)

    assert not Recommendation.objects.exists()
    assert Tie.objects.count() == 2


def test_recommendation_services_refused_to_partner(workspace, partner, people):
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)
    recommendation = RecommendationFactory(workspace=workspace)

    with pytest.raises(PermissionDenied):
        services.recommendation_create(
            scope=scope,
            recommender=people["R"],
            subject=people["S"],
            recipient=people["T"],
            date=D(2026, 1, 5),
        )
    with pytest.raises(PermissionDenied):
        services.recommendation_set_outcome(
            scope=scope, recommendation=recommendation, outcome=Outcome.DECLINED, on=D(2026, 1, 6)
        )


# ---------------------------------------------------------------------------------- team


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


def test_team_member_set_links_user_to_person(lead_scope, workspace, staff):
    person = PersonFactory(workspace=workspace)

    member = services.team_member_set(
        scope=lead_scope, person=person, user=staff, since=D(2025, 1, 1)
    )

    assert (member.person, member.user, member.since) == (person, staff, D(2025, 1, 1))


def test_team_member_set_without_login(lead_scope, workspace):
    member = services.team_member_set(scope=lead_scope, person=PersonFactory(workspace=workspace))

    assert member.user is None


def test_team_member_set_again_updates_the_one_row(lead_scope, workspace, staff):
    person = PersonFactory(workspace=workspace)
    services.team_member_set(scope=lead_scope, person=person)

    services.team_member_set(scope=lead_scope, person=person, user=staff)

    assert TeamMember.objects.get().user == staff


def test_team_member_set_moves_user_link_to_new_person(lead_scope, workspace, staff):
    old = services.team_member_set(
        scope=lead_scope, person=PersonFactory(workspace=workspace), user=staff
    )

    new = services.team_member_set(
        scope=lead_scope, person=PersonFactory(workspace=workspace), user=staff
    )

    old.refresh_from_db()
    assert old.user is None
    assert new.user == staff


def test_team_member_set_same_user_in_two_workspaces(lead_scope, workspace, other_workspace, staff):
    Membership.objects.create(user=staff, workspace=other_workspace, role=Role.STAFF)
    other_lead = MembershipFactory(workspace=other_workspace, role=Role.LEAD).user
    other_scope = Scope(workspace=other_workspace, role=Role.LEAD, user=other_lead)

    services.team_member_set(
        scope=lead_scope, person=PersonFactory(workspace=workspace), user=staff
    )
    services.team_member_set(
        scope=other_scope, person=PersonFactory(workspace=other_workspace), user=staff
    )

    assert TeamMember.objects.filter(user=staff).count() == 2


def test_team_member_set_refuses_user_outside_workspace(lead_scope, workspace, other_workspace):
    stranger = MembershipFactory(workspace=other_workspace).user

    with pytest.raises(ValidationError) as error:
        services.team_member_set(
            scope=lead_scope, person=PersonFactory(workspace=workspace), user=stranger
        )

    assert "user" in error.value.message_dict


def test_team_member_set_refuses_foreign_person(lead_scope, other_workspace):
    with pytest.raises(ValidationError):
        services.team_member_set(scope=lead_scope, person=PersonFactory(workspace=other_workspace))


def test_team_member_set_refuses_until_before_since(lead_scope, workspace):
    with pytest.raises(ValidationError):
        services.team_member_set(
            scope=lead_scope,
            person=PersonFactory(workspace=workspace),
            since=D(2026, 1, 1),
            until=D(2025, 1, 1),
        )


def test_team_member_set_only_for_lead(scope, workspace):
    with pytest.raises(PermissionDenied):
        services.team_member_set(scope=scope, person=PersonFactory(workspace=workspace))


def test_team_member_remove_keeps_person(lead_scope, workspace):
    member = TeamMemberFactory(workspace=workspace)

    services.team_member_remove(scope=lead_scope, team_member=member)

    assert not TeamMember.objects.exists()
    assert member.person.__class__.objects.filter(pk=member.person.pk).exists()
