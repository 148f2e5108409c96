import pytest

from netzwerkstatt.contacts.models import Note
from tests.factories import NoteFactory, OrganisationFactory, PersonFactory


def test_note_create_read_update_delete_round_trip(staff_api, staff, workspace):
    person = PersonFactory(workspace=workspace)

    created = staff_api.post("notes", {"person": person.pk, "text": "  Rückruf vereinbart.  "})
    assert created.status_code == 201, created.content
    body = created.json()
    path = f"notes/{body['id']}"
    read = staff_api.get(path)
    changed = staff_api.patch(path, {"text": "Rückruf am Montag."})
    deleted = staff_api.delete(path)

    assert body["text"] == "Rückruf vereinbart."
    assert (body["person"], body["organisation"]) == (person.pk, None)
    assert body["author"] == str(staff)
    assert read.json() == body
    assert changed.json()["text"] == "Rückruf am Montag."
    assert deleted.status_code == 204
    assert not Note.objects.exists()


@pytest.mark.parametrize("subjects", ["none", "both"])
def test_note_needs_exactly_one_subject(staff_api, workspace, subjects):
    organisation = OrganisationFactory(workspace=workspace)
    person = PersonFactory(workspace=workspace)
    body = {"text": "Notiz"}
    if subjects == "both":
        body |= {"organisation": organisation.pk, "person": person.pk}

    response = staff_api.post("notes", body)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "__all__": ["Geben Sie entweder eine Organisation oder eine Person an."]
    }
    assert not Note.objects.exists()


@pytest.mark.parametrize("subject", ["organisation", "person"])
def test_note_about_foreign_subject_is_404_and_saves_nothing(staff_api, other_workspace, subject):
    factory = OrganisationFactory if subject == "organisation" else PersonFactory
    foreign = factory(workspace=other_workspace)

    response = staff_api.post("notes", {subject: foreign.pk, "text": "eingeschleust"})

    assert response.status_code == 404
    assert not Note.objects.exists()


def test_note_list_holds_only_own_notes_and_filters(staff_api, workspace, other_workspace):
    organisation = OrganisationFactory(workspace=workspace)
    person = PersonFactory(workspace=workspace)
    NoteFactory(workspace=workspace, organisation=organisation, text="Messe in Hannover")
    NoteFactory(workspace=workspace, organisation=None, person=person, text="Rückruf Messe")
    NoteFactory(workspace=other_workspace, text="Fremde Messe")

    def texts(**params):
        return [note["text"] for note in staff_api.get("notes", params).json()["items"]]

    assert texts() == ["Rückruf Messe", "Messe in Hannover"]
    assert texts(search="messe hannover") == ["Messe in Hannover"]
    assert texts(organisation=organisation.pk) == ["Messe in Hannover"]
    assert texts(person=person.pk) == ["Rückruf Messe"]


def test_note_list_query_count_is_independent_of_rows(
    staff_api, staff, workspace, django_assert_max_num_queries
):
    staff_api.get("notes")  # notes the token's use, a write of its own
    NoteFactory.create_batch(30, workspace=workspace, author=staff)

    # token and role, count, page with authors
    with django_assert_max_num_queries(3):
        response = staff_api.get("notes")

    assert len(response.json()["items"]) == 30


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "notes", None),
        ("post", "notes", {"text": "x", "organisation": "{shared}"}),
        ("post", "notes", {}),
        ("get", "notes/{note}", None),
        ("patch", "notes/{note}", {"text": "geändert"}),
        ("delete", "notes/{note}", None),
    ],
)
def test_partner_is_refused_every_note_operation(partner_api, workspace, method, path, body):
    shared = OrganisationFactory(workspace=workspace, is_shared=True)
    note = NoteFactory(workspace=workspace, organisation=shared, text="Vertraulich")
    path = path.format(note=note.pk)
    body = {key: shared.pk if value == "{shared}" else value for key, value in (body or {}).items()}

    call = getattr(partner_api, method)
    response = call(path, body) if method in {"post", "patch"} else call(path)

    assert response.status_code == 403
    assert response.json() == {"detail": "Dazu haben Sie keine Berechtigung."}
    assert list(Note.objects.values_list("text", flat=True)) == ["Vertraulich"]


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_foreign_note_is_404_and_stays_unchanged(foreign_api, workspace, method):
    note = NoteFactory(workspace=workspace, text="Vertraulich")
    path = f"notes/{note.pk}"

    response = (
        foreign_api.patch(path, {"text": "übernommen"})
        if method == "patch"
        else getattr(foreign_api, method)(path)
    )

    assert response.status_code == 404
    assert Note.objects.get().text == "Vertraulich"
