"""Benefit statements: templates, the facts builder and the approach's generator block."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.benefit_text import DEFAULT_BENEFIT_TEMPLATE, render
from netzwerkstatt.acquisition.models import Approach, BenefitTemplate
from netzwerkstatt.contacts.enums import OrganisationKind
from tests.factories import (
    FunctionFactory,
    MeasureFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    WorkspaceFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def company(workspace):
    return OrganisationFactory(
        workspace=workspace,
        name="Tischlerei Holm",
        kind=OrganisationKind.COMPANY,
        city="Rendsburg",
        sector="16",
        employee_count=48,
    )


@pytest.fixture
def approach(scope, project, company):
    return services.approach_create(scope=scope, project=project, organisation=company)


@pytest.fixture
def researched(scope, workspace, project, company, approach):
    """The company with a full dossier, two needs, measures and an introduced contact."""
    succession = NeedFactory(workspace=workspace, name="Nachfolge")
    ageing = NeedFactory(workspace=workspace, name="Alternde Belegschaft")
    digital = NeedFactory(workspace=workspace, name="Digitalisierung")
    MeasureFactory(workspace=workspace, project=project, name="Demografie-Check", needs=[ageing])
    MeasureFactory(
        workspace=workspace, project=project, name="Nachfolgeberatung", needs=[succession, ageing]
    )
    MeasureFactory(workspace=workspace, project=project, name="ERP-Schulung", needs=[digital])
    MeasureFactory(workspace=workspace, name="Fremdes Projekt", needs=[succession])
    dossier = services.dossier_open(scope=scope, project=project, organisation=company)[0]
    services.dossier_update(
        scope=scope,
        dossier=dossier,
        situation="Der Betrieb wächst",
        share_50_plus=38,
        open_positions=1,
        recent_events="Neue Halle in Büdelsdorf",
    )
    services.identified_need_add(scope=scope, dossier=dossier, need=succession)
    services.identified_need_add(scope=scope, dossier=dossier, need=ageing)
    contact = FunctionFactory(
        workspace=workspace,
        organisation=company,
        person__salutation="ms",
        person__title="Dr.",
        person__first_name="Kirsten",
        person__last_name="Holm",
    ).person
    introducer = FunctionFactory(
        workspace=workspace,
        organisation__name="Handwerkskammer",
        person__first_name="Jens",
        person__last_name="Voss",
    ).person
    services.approach_update(
        scope=scope, approach=approach, contact_person=contact, introducer=introducer
    )
    return approach


# ------------------------------------------------------------------------ facts builder


def test_facts_of_a_researched_company(scope, researched):
    approach = selectors.approach_get(scope=scope, pk=researched.pk)

    facts = selectors.benefit_facts(scope=scope, approach=approach)

    assert facts["firma"] == "Tischlerei Holm"
    assert facts["projekt"] == "TraM"
    assert facts["ort"] == "Rendsburg"
    assert facts["anrede"] == "Sehr geehrte Frau Dr. Holm"
    assert facts["ansprechperson"] == "Dr. Kirsten Holm"
    assert facts["einfuehrung"] == "Jens Voss (Handwerkskammer)"
    assert facts["bedarfe"] == ["Alternde Belegschaft", "Nachfolge"]
    assert facts["massnahmen"] == ["Demografie-Check", "Nachfolgeberatung"]
    assert facts["nutzen"] == [
        "Demografie-Check (passt zu Alternde Belegschaft)",
        "Nachfolgeberatung (passt zu Alternde Belegschaft und Nachfolge)",
    ]
    assert facts["anteil_50plus"] == "38 %"
    assert facts["offene_stellen"] == "eine offene Stelle"
    assert facts["lage"] == "Der Betrieb wächst."
    assert facts["aktuelles"] == "Neue Halle in Büdelsdorf."
    assert "Holz" in facts["branche"]


def test_facts_without_a_dossier_are_the_company_record_only(scope, approach):
    facts = selectors.benefit_facts(scope=scope, approach=approach)

    assert facts["firma"] == "Tischlerei Holm"
    assert "bedarfe" not in facts
    assert "anrede" not in facts
    text = render(DEFAULT_BENEFIT_TEMPLATE, facts)
    assert text.startswith("Sehr geehrte Damen und Herren,")
    assert "Rendsburg" in text


def test_facts_builder_queries_are_bounded(scope, researched, django_assert_max_num_queries):
    approach = selectors.approach_get(scope=scope, pk=researched.pk)

    with django_assert_max_num_queries(5):
        selectors.benefit_facts(scope=scope, approach=approach)


# ---------------------------------------------------------------------------- templates


def test_a_project_gets_the_default_template_once(scope, project):
    first = services.benefit_templates_ensure(scope=scope, project=project)
    again = services.benefit_templates_ensure(scope=scope, project=project)

    assert [template.pk for template in again] == [template.pk for template in first]
    assert first[0].text == DEFAULT_BENEFIT_TEMPLATE


def test_a_template_with_unknown_placeholders_is_refused_naming_them(scope, project):
    with pytest.raises(ValidationError) as error:
        services.benefit_template_create(
            scope=scope, project=project, name="Kurz", text="Hallo {firma}, {vorname} {gehalt}"
        )

    [message] = error.value.message_dict["text"]
    assert "{vorname}, {gehalt}" in message
    assert "{firma}" in message  # among the allowed ones
    assert not BenefitTemplate.objects.exists()


def test_a_template_with_stray_brackets_is_refused(scope, project):
    with pytest.raises(ValidationError) as error:
        services.benefit_template_create(
            scope=scope, project=project, name="Kurz", text="[Hallo {firma}"
        )

    assert "text" in error.value.message_dict


def test_template_names_are_unique_per_project(scope, project):
    services.benefit_template_create(scope=scope, project=project, name="Kurz", text="Hallo.")

    with pytest.raises(ValidationError, match="Kurz"):
        services.benefit_template_create(scope=scope, project=project, name="Kurz", text="Hi.")
    other = ProjectFactory(workspace=project.workspace)
    services.benefit_template_create(scope=scope, project=other, name="Kurz", text="Hallo.")


def test_partners_cannot_write_templates(partner_scope, project):
    with pytest.raises(PermissionDenied):
        services.benefit_template_create(
            scope=partner_scope, project=project, name="Kurz", text="Hallo."
        )


def test_a_foreign_project_gets_no_template(scope):
    with pytest.raises(ValidationError):
        services.benefit_template_create(
            scope=scope, project=ProjectFactory(workspace=WorkspaceFactory()), name="x", text="y"
        )


def test_template_pages(staff_client, project):
    list_url = reverse("acquisition:benefit_template_list")

    response = staff_client.get(list_url, {"project": project.pk})
    assert response.status_code == 200
    [default] = response.context["templates"]

    response = staff_client.post(
        f"{reverse('acquisition:benefit_template_create')}?project={project.pk}",
        {"name": "Kurz", "text": "Hallo {firmenname}"},
    )
    assert "{firmenname}" in str(response.context["form"].errors["text"])
    response = staff_client.post(
        f"{reverse('acquisition:benefit_template_create')}?project={project.pk}",
        {"name": "Kurz", "text": "Hallo {firma}."},
    )
    assert response.status_code == 302
    template = BenefitTemplate.objects.get(name="Kurz")
    staff_client.post(
        reverse("acquisition:benefit_template_update", args=[template.pk]),
        {"name": "Kurz", "text": "Guten Tag {firma}."},
    )
    template.refresh_from_db()
    assert template.text == "Guten Tag {firma}."
    staff_client.post(reverse("acquisition:benefit_template_delete", args=[default.pk]))
    assert list(BenefitTemplate.objects.all()) == [template]


def test_template_pages_closed_to_partners(partner_client, project):
    response = partner_client.get(reverse("acquisition:benefit_template_list"))

    assert response.status_code == 403


# ----------------------------------------------------------------- the approach's block


def test_the_approach_page_loads_the_generator(staff_client, approach):
    content = staff_client.get(approach.get_absolute_url()).content.decode()

    assert reverse("acquisition:approach_benefit_block", args=[approach.pk]) in content


def test_generate_fills_the_text_without_saving(staff_client, researched):
    url = reverse("acquisition:approach_benefit_block", args=[researched.pk])
    block = staff_client.get(url, headers=HTMX)
    template = block.context["benefit"]["form"].initial["template"]

    response = staff_client.post(
        url,
        {"benefit-template": template.pk, "benefit-statement": "alt", "action": "generate"},
        headers=HTMX,
    )

    statement = response.context["benefit"]["form"]["statement"].value()
    assert statement.startswith("Sehr geehrte Frau Dr. Holm,")
    assert "Jens Voss (Handwerkskammer) hat uns empfohlen" in statement
    assert "Nachfolgeberatung (passt zu Alternde Belegschaft und Nachfolge)" in statement
    assert response.context["benefit"]["missing"] == []
    assert Approach.objects.get().benefit_statement == ""


def test_generate_names_the_facts_that_are_missing(staff_client, approach):
    url = reverse("acquisition:approach_benefit_block", args=[approach.pk])
    template = staff_client.get(url, headers=HTMX).context["benefit"]["form"].initial["template"]

    response = staff_client.post(
        url, {"benefit-template": template.pk, "action": "generate"}, headers=HTMX
    )

    missing = response.context["benefit"]["missing"]
    assert "bedarfe" in missing
    assert "anteil_50plus" in missing
    assert "firma" not in missing


def test_save_stores_the_edited_text_and_the_template(staff_client, researched):
    url = reverse("acquisition:approach_benefit_block", args=[researched.pk])
    template = staff_client.get(url, headers=HTMX).context["benefit"]["form"].initial["template"]

    staff_client.post(
        url,
        {
            "benefit-template": template.pk,
            "benefit-statement": "Liebe Frau Holm,\r\nunser Vorschlag …",
            "action": "save",
        },
        headers=HTMX,
    )

    approach = Approach.objects.get()
    assert approach.benefit_statement == "Liebe Frau Holm,\r\nunser Vorschlag …".strip()
    assert approach.benefit_template == template
    # The saved text stays when the template and the facts change later.
    template.text = "Ganz anders {firma}."
    template.save()
    approach.organisation.name = "Holm & Söhne"
    approach.organisation.save()
    approach.refresh_from_db()
    assert approach.benefit_statement.startswith("Liebe Frau Holm,")


def test_a_foreign_template_cannot_be_saved_with_the_approach(staff_client, scope, approach):
    other = ProjectFactory(workspace=approach.workspace)
    foreign = services.benefit_template_create(
        scope=scope, project=other, name="Andere", text="Hallo."
    )

    response = staff_client.post(
        reverse("acquisition:approach_benefit_block", args=[approach.pk]),
        {"benefit-template": foreign.pk, "benefit-statement": "x", "action": "save"},
        headers=HTMX,
    )

    assert response.context["benefit"]["form"].errors["template"]
    assert Approach.objects.get().benefit_template is None


def test_block_without_javascript_is_a_page(staff_client, approach):
    response = staff_client.get(reverse("acquisition:approach_benefit_block", args=[approach.pk]))

    assert response.templates[0].name == "acquisition/benefit_form.html"


def test_block_queries_are_bounded(staff_client, researched, django_assert_max_num_queries):
    url = reverse("acquisition:approach_benefit_block", args=[researched.pk])
    template = staff_client.get(url, headers=HTMX).context["benefit"]["form"].initial["template"]

    with django_assert_max_num_queries(15):
        staff_client.post(
            url, {"benefit-template": template.pk, "action": "generate"}, headers=HTMX
        )


def test_block_closed_to_partners(partner_client, approach):
    url = reverse("acquisition:approach_benefit_block", args=[approach.pk])

    assert partner_client.get(url).status_code == 403


def test_an_introducer_without_a_function_is_named_alone(scope, approach, workspace):
    person = PersonFactory(workspace=workspace, first_name="Kim", last_name="Meier")
    approach.introducer = person
    facts = selectors.benefit_facts(scope=scope, approach=approach)

    assert facts["einfuehrung"] == "Kim Meier"
