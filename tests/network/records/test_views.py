import datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from netzwerkstatt.network.enums import RecommendationOutcome, TieKind
from netzwerkstatt.network.models import Recommendation, TeamMember, Tie
from netzwerkstatt.network.panels import TEMPLATE, ties_panel
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


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def test_person_page_shows_ties_panel_with_trust_for_team(staff_client, workspace):
    person = PersonFactory(workspace=workspace)
    other = PersonFactory(workspace=workspace, last_name="Meyer")
    TieFactory(
        workspace=workspace, source_person=person, target_person=other, trust=4, note="Vertraulich"
    )

    response = staff_client.get(person.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="relationships"' in content
    assert "Meyer" in content
    assert "Vertrauen 4 von 5" in content
    assert "Vertraulich" in content
    assert "Beziehung erfassen" in content
    assert "Empfehlung erfassen" in content


def test_organisation_page_shows_ties_panel(staff_client, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    association = OrganisationFactory(workspace=workspace, name="Arbeitgeberverband Nord")
    TieFactory(
        workspace=workspace,
        kind=TieKind.MEMBERSHIP,
        source_person=None,
        target_person=None,
        source_organisation=organisation,
        target_organisation=association,
    )

    response = staff_client.get(organisation.get_absolute_url())

    assert "Arbeitgeberverband Nord" in response.content.decode()


def test_person_page_panel_for_partner_has_no_trust_notes_or_forms(partner_client, workspace):
    person = PersonFactory(workspace=workspace, is_shared=True)
    other = PersonFactory(workspace=workspace, is_shared=True, last_name="Meyer")
    TieFactory(
        workspace=workspace,
        source_person=person,
        target_person=other,
        trust=4,
        note="Vertraulich",
        purpose="Akquise Geheim",
    )
    RecommendationFactory(workspace=workspace, recommender=person, purpose="Empfehlungszweck")

    response = partner_client.get(person.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Meyer" in content
    assert "Vertrauen" not in content
    assert "Vertraulich" not in content
    assert "Akquise Geheim" not in content
    assert "Empfehlungszweck" not in content
    assert "Beziehung erfassen" not in content


def test_ties_panel_query_count_is_independent_of_ties(
    rf, staff, workspace, scope, django_assert_max_num_queries
):
    person = PersonFactory(workspace=workspace)
    for _ in range(20):
        TieFactory(workspace=workspace, source_person=person)
        RecommendationFactory(workspace=workspace, recommender=person)
    request = rf.get(person.get_absolute_url())
    request.user, request.scope = staff, scope

    with django_assert_max_num_queries(7):
        panel = ties_panel(scope=scope, subject=person)
        html = render_to_string(TEMPLATE, {"panel": panel}, request=request)

    assert len(panel["ties"]) == 15
    assert len(panel["recommendations"]) == 10
    assert html.count("<li>") == 15 + 10


def test_panel_links_to_all_ties_when_more_than_shown(staff_client, workspace):
    person = PersonFactory(workspace=workspace)
    for _ in range(16):
        TieFactory(workspace=workspace, source_person=person)

    response = staff_client.get(person.get_absolute_url())

    assert f"{reverse('network:tie_list')}?person={person.pk}" in response.content.decode()


def test_tie_create_from_panel_with_htmx_returns_panel(staff_client, workspace):
    person = PersonFactory(workspace=workspace)
    organisation = OrganisationFactory(workspace=workspace, name="IG Metall Gifhorn")

    response = staff_client.post(
        reverse("network:tie_create"),
        {
            "panel": f"person:{person.pk}",
            "tie-node": f"person:{person.pk}",
            "tie-other": f"organisation:{organisation.pk}",
            "tie-kind": TieKind.ADVISES,
            "tie-strength": "4",
            "tie-trust": "3",
            "tie-since": "2019-05-01",
            "tie-provenance": "conversation",
        },
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert "IG Metall Gifhorn" in response.content.decode()
    tie = Tie.objects.get()
    assert (tie.source_person, tie.target_organisation, tie.strength, tie.trust) == (
        person,
        organisation,
        4,
        3,
    )
    assert tie.since == D(2019, 5, 1)


def test_tie_create_from_panel_invalid_shows_errors_in_panel(staff_client, workspace):
    person = PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:tie_create"),
        {
            "panel": f"person:{person.pk}",
            "tie-node": f"person:{person.pk}",
            "tie-other": f"person:{person.pk}",
            "tie-kind": TieKind.KNOWS,
            "tie-strength": "3",
            "tie-provenance": "conversation",
        },
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "<details open>" in response.content.decode()
    assert "errorlist" in response.content.decode()
    assert not Tie.objects.exists()


def test_tie_create_page_redirects_to_next(staff_client, workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:tie_create"),
        {
            "tie-node": f"person:{first.pk}",
            "tie-other": f"person:{second.pk}",
            "tie-kind": TieKind.KNOWS,
            "tie-strength": "3",
            "tie-provenance": "event",
            "next": second.get_absolute_url(),
        },
    )

    assert response.status_code == 302
    assert response.url == second.get_absolute_url()
    assert Tie.objects.get().provenance == "event"


def test_tie_create_ignores_unsafe_next(staff_client, workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:tie_create"),
        {
            "tie-node": f"person:{first.pk}",
            "tie-other": f"person:{second.pk}",
            "tie-kind": TieKind.KNOWS,
            "tie-strength": "3",
            "tie-provenance": "event",
            "next": "https://boese.example/",
        },
    )

    assert response.url == first.get_absolute_url()


def test_tie_create_wrong_kind_for_ends_shows_error(staff_client, workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:tie_create"),
        {
            "tie-node": f"person:{first.pk}",
            "tie-other": f"person:{second.pk}",
            "tie-kind": TieKind.COOPERATION,
            "tie-strength": "3",
            "tie-provenance": "conversation",
        },
    )

    assert response.status_code == 200
    assert "„kooperiert mit“ ist eine Beziehung zwischen zwei Organisationen." in (
        response.content.decode()
    )
    assert not Tie.objects.exists()


def test_tie_create_get_prefills_node(staff_client, workspace):
    person = PersonFactory(workspace=workspace, last_name="Vorbelegt")

    response = staff_client.get(reverse("network:tie_create"), {"node": f"person:{person.pk}"})

    assert f'value="person:{person.pk}"' in response.content.decode()


def test_tie_update_changes_values(staff_client, workspace):
    tie = TieFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:tie_update", args=[tie.pk]),
        {"kind": TieKind.WORKS_WITH, "strength": "5", "provenance": "import", "note": "neu"},
    )

    assert response.status_code == 302
    tie.refresh_from_db()
    assert (tie.kind, tie.strength, tie.provenance, tie.note) == (
        TieKind.WORKS_WITH,
        5,
        "import",
        "neu",
    )


def test_tie_update_offers_only_kinds_that_fit_the_ends(staff_client, workspace):
    tie = TieFactory(workspace=workspace)

    response = staff_client.get(reverse("network:tie_update", args=[tie.pk]))

    choices = [value for value, _label in response.context["form"].fields["kind"].choices[0][1]]
    assert choices == [TieKind.KNOWS, TieKind.WORKS_WITH, TieKind.MET_AT_EVENT]


def test_tie_delete_confirms_then_deletes(staff_client, workspace):
    tie = TieFactory(workspace=workspace)
    url = reverse("network:tie_delete", args=[tie.pk])

    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url)

    assert response.status_code == 302
    assert not Tie.objects.exists()


def test_tie_pages_forbidden_for_partner(partner_client, workspace):
    tie = TieFactory(
        workspace=workspace, source_person__is_shared=True, target_person__is_shared=True
    )

    for url in (
        reverse("network:tie_create"),
        reverse("network:tie_update", args=[tie.pk]),
        reverse("network:tie_delete", args=[tie.pk]),
    ):
        assert partner_client.get(url).status_code == 403
        assert partner_client.post(url).status_code == 403
    assert Tie.objects.count() == 1


def test_tie_list_for_node_paginates_with_fixed_queries(
    staff_client, workspace, django_assert_max_num_queries
):
    person = PersonFactory(workspace=workspace)
    for _ in range(30):
        TieFactory(workspace=workspace, source_person=person)
    TieFactory(workspace=workspace)

    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("network:tie_list"), {"person": person.pk})

    assert response.context["page"].paginator.count == 30
    assert len(response.context["items"]) == 25
    second = staff_client.get(reverse("network:tie_list"), {"person": person.pk, "page": 2})
    assert len(second.context["items"]) == 5


def test_tie_list_partner_sees_shared_ties_without_trust(partner_client, workspace):
    TieFactory(
        workspace=workspace,
        source_person__is_shared=True,
        target_person__is_shared=True,
        target_person__last_name="Geteilt",
        trust=5,
    )
    TieFactory(workspace=workspace, target_person__last_name="Privat")

    response = partner_client.get(reverse("network:tie_list"))

    content = response.content.decode()
    assert "Geteilt" in content
    assert "Privat" not in content
    assert "Vertrauen" not in content


def test_node_options_finds_persons_and_organisations(staff_client, workspace):
    PersonFactory(workspace=workspace, last_name="Schulz")
    OrganisationFactory(workspace=workspace, name="Schulz Metallbau")

    response = staff_client.get(reverse("network:node_options"), {"q": "schulz"})
    persons_only = staff_client.get(reverse("network:person_options"), {"q": "schulz"})

    assert response.content.decode().count('value="person:') == 1
    assert response.content.decode().count('value="organisation:') == 1
    assert 'value="organisation:' not in persons_only.content.decode()


def test_node_options_never_foreign(staff_client, workspace, other_workspace):
    PersonFactory(workspace=other_workspace, last_name="Schulz")

    response = staff_client.get(reverse("network:node_options"), {"q": "schulz"})

    assert "Schulz" not in response.content.decode()


def test_recommendation_create_from_panel(staff_client, workspace):
    person = PersonFactory(workspace=workspace)
    company = OrganisationFactory(workspace=workspace)
    recipient = PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:recommendation_create"),
        {
            "panel": f"person:{person.pk}",
            "recommendation-recommender": f"person:{person.pk}",
            "recommendation-subject": f"organisation:{company.pk}",
            "recommendation-recipient": f"person:{recipient.pk}",
            "recommendation-date": "2026-03-02",
            "recommendation-outcome": RecommendationOutcome.CONVERSATION,
            "recommendation-provenance": "conversation",
        },
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    recommendation = Recommendation.objects.get()
    assert (recommendation.subject, recommendation.recipient) == (company, recipient)
    assert Tie.objects.filter(kind=TieKind.COLLABORATES).exists()


def test_recommendation_create_refuses_organisation_as_recommender(staff_client, workspace):
    company = OrganisationFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:recommendation_create"),
        {
            "recommendation-recommender": f"organisation:{company.pk}",
            "recommendation-subject": f"organisation:{OrganisationFactory(workspace=workspace).pk}",
            "recommendation-recipient": f"person:{PersonFactory(workspace=workspace).pk}",
            "recommendation-date": "2026-03-02",
            "recommendation-outcome": "open",
            "recommendation-provenance": "conversation",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["recommender"]
    assert not Recommendation.objects.exists()


def test_recommendation_panel_prefills_recipient_with_own_person(staff_client, workspace, staff):
    me = TeamMemberFactory(workspace=workspace, user=staff).person
    company = OrganisationFactory(workspace=workspace)

    response = staff_client.get(company.get_absolute_url())

    form = response.context["panels"][0]["recommendation_form"]
    assert form.initial["recipient"] == me
    assert form.initial["subject"] == company


def test_recommendation_list_filters_and_paginates(
    staff_client, workspace, django_assert_max_num_queries
):
    project = ProjectFactory(workspace=workspace)
    for _ in range(27):
        RecommendationFactory(workspace=workspace, project=project)
    RecommendationFactory(workspace=workspace, outcome=RecommendationOutcome.COOPERATION)

    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("network:recommendation_list"))
    filtered = staff_client.get(reverse("network:recommendation_list"), {"outcome": "cooperation"})
    by_project = staff_client.get(reverse("network:recommendation_list"), {"project": project.pk})

    assert len(response.context["page"].object_list) == 25
    assert filtered.context["page"].paginator.count == 1
    assert by_project.context["page"].paginator.count == 27


def test_recommendation_outcome_htmx_returns_row_and_adds_tie(staff_client, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:recommendation_outcome", args=[recommendation.pk]),
        {"outcome": "cooperation", "on": "2026-04-01"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert f'id="recommendation-{recommendation.pk}"' in response.content.decode()
    recommendation.refresh_from_db()
    assert (recommendation.outcome, recommendation.outcome_date) == ("cooperation", D(2026, 4, 1))
    assert Tie.objects.get(kind=TieKind.COLLABORATES).strength == 4


def test_recommendation_outcome_invalid_changes_nothing(staff_client, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    response = staff_client.post(
        reverse("network:recommendation_outcome", args=[recommendation.pk]), {"outcome": "toll"}
    )

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.outcome == "open"


def test_recommendation_delete(staff_client, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    staff_client.post(reverse("network:recommendation_delete", args=[recommendation.pk]))

    assert not Recommendation.objects.exists()


def test_recommendation_pages_forbidden_for_partner(partner_client, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    assert partner_client.get(reverse("network:recommendation_list")).status_code == 403
    assert partner_client.get(reverse("network:recommendation_create")).status_code == 403
    assert (
        partner_client.post(
            reverse("network:recommendation_outcome", args=[recommendation.pk]),
            {"outcome": "declined", "on": "2026-01-01"},
        ).status_code
        == 403
    )


def test_team_page_lists_members_for_staff_without_forms(staff_client, workspace):
    TeamMemberFactory(workspace=workspace, person__last_name="Teamfrau")

    response = staff_client.get(reverse("network:team"))

    assert "Teamfrau" in response.content.decode()
    assert "Ins Team aufnehmen" not in response.content.decode()
    assert staff_client.post(reverse("network:team"), {"member-last_name": "X"}).status_code == 200
    assert TeamMember.objects.count() == 1


def test_team_page_lead_adds_existing_person_with_login(lead_client, workspace, staff):
    person = PersonFactory(workspace=workspace)

    response = lead_client.post(
        reverse("network:team"),
        {"member-person": f"person:{person.pk}", "member-user": staff.pk, "member-since": ""},
    )

    assert response.status_code == 302
    member = TeamMember.objects.get()
    assert (member.person, member.user) == (person, staff)


def test_team_page_lead_adds_new_person_without_login(lead_client, workspace):
    lead_client.post(
        reverse("network:team"), {"member-first_name": "Jana", "member-last_name": "Neu"}
    )

    member = TeamMember.objects.get()
    assert (member.person.first_name, member.person.last_name, member.user) == ("Jana", "Neu", None)


def test_team_page_lead_creates_person_for_user(lead_client, workspace, staff):
    response = lead_client.get(reverse("network:team"))
    assert staff in response.context["unlinked_users"]

    lead_client.post(reverse("network:team"), {"action": "from_user", "user": staff.pk})

    member = TeamMember.objects.get()
    assert member.user == staff
    assert member.person.last_name == staff.last_name
    assert member.person.emails.get().address == staff.email


def test_team_page_from_user_foreign_user_is_404(lead_client, other_workspace):
    stranger = MembershipFactory(workspace=other_workspace).user

    response = lead_client.post(
        reverse("network:team"), {"action": "from_user", "user": stranger.pk}
    )

    assert response.status_code == 404
    assert not TeamMember.objects.exists()


def test_team_page_query_count(lead_client, workspace, django_assert_max_num_queries):
    for _ in range(20):
        TeamMemberFactory(workspace=workspace)

    with django_assert_max_num_queries(12):
        response = lead_client.get(reverse("network:team"))

    assert len(response.context["members"]) == 20


def test_team_member_update_and_remove(lead_client, workspace, staff):
    member = TeamMemberFactory(workspace=workspace)

    lead_client.post(
        reverse("network:team_member_update", args=[member.pk]),
        {"user": staff.pk, "since": "2025-01-01", "until": "2026-12-31"},
    )
    member.refresh_from_db()
    assert (member.user, member.until) == (staff, D(2026, 12, 31))

    lead_client.post(reverse("network:team_member_remove", args=[member.pk]))
    assert not TeamMember.objects.exists()


def test_team_member_pages_only_for_lead(staff_client, workspace):
    member = TeamMemberFactory(workspace=workspace)

    for name in ("network:team_member_update", "network:team_member_remove"):
        assert staff_client.post(reverse(name, args=[member.pk])).status_code == 403
    assert TeamMember.objects.count() == 1


def test_navigation_shows_recommendations_and_team_to_team_only(client, staff, partner):
    pages = (reverse("network:recommendation_list"), reverse("network:team"))
    client.force_login(staff)
    staff_home = client.get(reverse("core:home")).content.decode()
    client.force_login(partner)
    partner_home = client.get(reverse("core:home")).content.decode()

    for url in pages:
        assert f'href="{url}"' in staff_home
        assert f'href="{url}"' not in partner_home


def test_team_page_refuses_person_already_on_team(lead_client, workspace, staff):
    member = TeamMemberFactory(workspace=workspace, user=staff)

    response = lead_client.post(
        reverse("network:team"), {"member-person": f"person:{member.person.pk}"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["person"]
    member.refresh_from_db()
    assert member.user == staff


@pytest.mark.parametrize(
    ("template", "count", "language", "text"),
    [
        ("network/_tie_results.html", 2387, "de", "2.387 Beziehungen"),
        ("network/_tie_results.html", 2387, "en", "2,387 ties"),
        ("network/_tie_results.html", 1, "de", "1 Beziehung"),
        ("network/_recommendation_results.html", 2387, "de", "2.387 Empfehlungen"),
        ("network/_recommendation_results.html", 1, "de", "1 Empfehlung"),
    ],
)
def test_result_count_groups_the_digits_as_the_language_does(template, count, language, text):
    page = SimpleNamespace(paginator=SimpleNamespace(count=count), object_list=[])

    with translation.override(language):
        content = render_to_string(template, {"page": page})

    assert f'<p class="result-count">{text}</p>' in content
