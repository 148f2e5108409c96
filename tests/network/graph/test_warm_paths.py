import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from netzwerkstatt.network.views.paths import warm_paths_panel
from tests.factories import OrganisationFactory, PersonFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(subject) -> str:
    kind = "person" if subject._meta.model_name == "person" else "organisation"
    return reverse(f"network:warm_paths_{kind}", args=[subject.pk])


def test_warm_paths_fragment_lists_the_best_paths_first(staff_client, introduction):
    response = staff_client.get(url(introduction.company), headers=HTMX)

    assert response.status_code == 200
    paths = response.context["result"].paths
    assert [path.path.nodes[0] for path in paths] == [
        f"person:{introduction.you.person_id}",
        f"person:{introduction.colleague.person_id}",
    ]
    assert paths[0].score > paths[1].score
    assert [step.node.pk for step in paths[0].steps] == [
        introduction.you.person_id,
        introduction.meyer.pk,
        introduction.schulz.pk,
        introduction.company.pk,
    ]
    assert "Jan Meyer (IG Metall, " in paths[0].explanation
    content = response.content.decode()
    assert "<html" not in content
    assert f'href="{introduction.meyer.get_absolute_url()}"' in content
    assert f'href="{introduction.company.get_absolute_url()}"' in content
    assert f"{paths[0].percent} %" in content
    # Herr Meyer was never asked whether he opens doors.
    assert [step.node.pk for step in paths[0].unasked] == [introduction.meyer.pk]


def test_warm_paths_page_without_htmx_is_a_whole_page(staff_client, introduction):
    response = staff_client.get(url(introduction.schulz))

    assert response.status_code == 200
    assert b"<html" in response.content
    assert len(response.context["result"].paths) == 2


def test_warm_paths_k_limits_the_number(staff_client, introduction):
    response = staff_client.get(url(introduction.schulz), {"k": "1"}, headers=HTMX)

    assert len(response.context["result"].paths) == 1


def test_warm_paths_empty_without_team(staff_client, workspace):
    company = OrganisationFactory(workspace=workspace)
    staff_client.cookies["django_language"] = "en"

    response = staff_client.get(url(company), headers=HTMX)

    assert response.context["result"].team_size == 0
    assert "No team recorded yet" in response.content.decode()
    assert reverse("network:team") in response.content.decode()


def test_warm_paths_empty_when_nobody_leads_there(staff_client, workspace):
    TeamMemberFactory(workspace=workspace)
    company = OrganisationFactory(workspace=workspace)
    staff_client.cookies["django_language"] = "en"

    response = staff_client.get(url(company), headers=HTMX)

    content = response.content.decode()
    assert response.context["result"].paths == []
    assert "No warm path found" in content
    assert reverse("network:survey_list") in content


def test_warm_paths_to_a_team_member_needs_no_introduction(staff_client, introduction):
    response = staff_client.get(url(introduction.colleague.person), headers=HTMX)

    assert response.context["result"].target_in_team


def test_warm_paths_foreign_ids_are_not_found(client, other_workspace, introduction):
    from tests.factories import MembershipFactory

    foreigner = MembershipFactory(workspace=other_workspace).user
    client.force_login(foreigner)
    TeamMemberFactory(workspace=other_workspace)

    assert client.get(url(introduction.company), headers=HTMX).status_code == 404
    assert client.get(url(introduction.schulz), headers=HTMX).status_code == 404


def test_warm_paths_not_for_partners(client, partner, introduction):
    client.force_login(partner)

    assert client.get(url(introduction.meyer), headers=HTMX).status_code == 403


def test_warm_paths_anonymous_goes_to_login(client, introduction):
    response = client.get(url(introduction.company))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_warm_paths_panel_costs_the_page_no_query(scope, introduction, django_assert_num_queries):
    with django_assert_num_queries(0):
        panel = warm_paths_panel(scope=scope, subject=introduction.company)

    assert panel["url"] == url(introduction.company)


def test_warm_paths_panel_not_for_partners(partner_scope, introduction):
    assert warm_paths_panel(scope=partner_scope, subject=introduction.company) is None


def test_contact_pages_load_the_warm_paths_section(staff_client, introduction):
    for subject in (introduction.company, introduction.schulz):
        content = staff_client.get(subject.get_absolute_url()).content.decode()

        assert 'id="warm-paths"' in content
        assert f'hx-get="{url(subject)}"' in content


def test_warm_paths_fragment_queries_bounded_once_cached(
    staff_client, introduction, django_assert_max_num_queries
):
    staff_client.get(url(introduction.company), headers=HTMX)

    # Session, user, membership, data versions, team, the user's person.
    with django_assert_max_num_queries(8):
        staff_client.get(url(introduction.company), headers=HTMX)


# --- netzwerkstatt warm-paths --------------------------------------------------------


def run(*args) -> str:
    output = StringIO()
    call_command("warm-paths", *args, stdout=output)
    return output.getvalue()


def test_warm_paths_command_json(workspace, introduction):
    data = json.loads(
        run("--workspace", workspace.slug, "--to", f"org:{introduction.company.pk}", "--json")
    )

    assert list(data) == ["paths"]
    assert len(data["paths"]) == 2
    first = data["paths"][0]
    assert list(first) == ["score", "nodes"]
    assert 0 < first["score"] <= 1
    assert first["score"] > data["paths"][1]["score"]
    assert first["nodes"] == [
        {"type": "person", "id": introduction.you.person_id, "label": "Eva Team"},
        {"type": "person", "id": introduction.meyer.pk, "label": "Jan Meyer"},
        {"type": "person", "id": introduction.schulz.pk, "label": "Anna Schulz"},
        {"type": "organisation", "id": introduction.company.pk, "label": "Metallbau Müller GmbH"},
    ]


def test_warm_paths_command_k_and_person_target(workspace, introduction):
    data = json.loads(
        run(
            "--workspace",
            workspace.slug,
            "--to",
            f"person:{introduction.schulz.pk}",
            "--k",
            "1",
            "--json",
        )
    )

    assert len(data["paths"]) == 1
    assert data["paths"][0]["nodes"][-1]["id"] == introduction.schulz.pk


def test_warm_paths_command_text_in_german(workspace, introduction):
    output = run("--workspace", workspace.slug, "--to", f"org:{introduction.company.pk}")

    lines = output.splitlines()
    assert lines[0].startswith("1. ")
    assert "Frau Eva Team → Herr Jan Meyer" in lines[0]
    assert "Jan Meyer" in lines[1]
    assert lines[2].startswith("2. ")


def test_warm_paths_command_no_path(workspace):
    company = OrganisationFactory(workspace=workspace)
    TeamMemberFactory(workspace=workspace)

    data = json.loads(run("--workspace", workspace.slug, "--to", f"org:{company.pk}", "--json"))

    assert data == {"paths": []}


@pytest.mark.parametrize("target", ["firma:1", "org:x", "person"])
def test_warm_paths_command_refuses_unclear_targets(workspace, target):
    with pytest.raises(CommandError):
        run("--workspace", workspace.slug, "--to", target)


def test_warm_paths_command_refuses_another_workspaces_ids(workspace, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    with pytest.raises(CommandError):
        run("--workspace", workspace.slug, "--to", f"person:{foreign.pk}")


def test_warm_paths_command_refuses_k_out_of_range(workspace, introduction):
    with pytest.raises(CommandError):
        run("--workspace", workspace.slug, "--to", f"org:{introduction.company.pk}", "--k", "0")
