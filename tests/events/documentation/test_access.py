"""Who may open the documentation pages and files: the team of the event's workspace only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.documentation import photos, presentations
from tests.factories import PersonFactory
from tests.files import release

from .conftest import PDF, consenting, jpeg_bytes, upload

EVENT_VIEWS = [
    ("event_documentation", "get"),
    ("photo_upload", "post"),
    ("presentation_upload", "post"),
    ("report_settings", "post"),
    ("report_token_renew", "post"),
    ("report_preview", "get"),
    ("report_preview_pdf", "get"),
]
PHOTO_VIEWS = [
    ("photo_update", "get"),
    ("photo_update", "post"),
    ("photo_delete", "get"),
    ("photo_delete", "post"),
    ("photo_image", "get"),
    ("photo_thumbnail", "get"),
]
PRESENTATION_VIEWS = [
    ("presentation_update", "get"),
    ("presentation_update", "post"),
    ("presentation_delete", "get"),
    ("presentation_delete", "post"),
    ("presentation_file", "get"),
]


@pytest.fixture
def documented_elsewhere(other_workspace, other_event):
    """A photo and a presentation of another workspace's event."""
    scope = Scope.system(other_workspace)
    [photo] = photos.photos_upload(scope=scope, event=other_event, files=[upload(jpeg_bytes())])
    presentation = presentations.presentation_create(
        scope=scope, event=other_event, file=upload(PDF, name="p.pdf"), title="Fremd"
    )
    return {"event": other_event, "photo": photo, "presentation": presentation}


@pytest.fixture
def documented_here(scope, event):
    [photo] = photos.photos_upload(scope=scope, event=event, files=[upload(jpeg_bytes())])
    presentation = presentations.presentation_create(
        scope=scope, event=event, file=upload(PDF, name="p.pdf"), title="Eigen"
    )
    return {"event": event, "photo": photo, "presentation": presentation}


def _requests(objects):
    for views, key in (
        (EVENT_VIEWS, "event"),
        (PHOTO_VIEWS, "photo"),
        (PRESENTATION_VIEWS, "presentation"),
    ):
        for name, method in views:
            yield name, method, reverse(f"events:{name}", args=[objects[key].pk])


def _call(client, method, url):
    response = getattr(client, method)(url)
    release(response)
    return response.status_code


def test_documentation_views_answer_404_for_another_workspaces_ids(
    staff_client, documented_elsewhere
):
    for name, method, url in _requests(documented_elsewhere):
        assert _call(staff_client, method, url) == 404, (name, method)
    documented_elsewhere["photo"].refresh_from_db()  # still there, unchanged
    documented_elsewhere["presentation"].refresh_from_db()


def test_documentation_views_are_closed_to_partners(partner_client, documented_here):
    for name, method, url in _requests(documented_here):
        assert _call(partner_client, method, url) == 403, (name, method)


def test_documentation_views_send_anonymous_visitors_to_the_login(client, documented_here):
    for name, method, url in _requests(documented_here):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith(reverse("login"))


def test_documentation_pages_open_for_the_team(staff_client, lead_client, documented_here):
    for name, method, url in _requests(documented_here):
        if method == "get":
            assert _call(staff_client, method, url) == 200, name


def test_documentation_files_are_served_by_checked_views_only(staff_client, documented_here):
    html = staff_client.get(
        reverse("events:event_documentation", args=[documented_here["event"].pk])
    ).content.decode()

    assert reverse("events:photo_thumbnail", args=[documented_here["photo"].pk]) in html
    assert reverse("events:presentation_file", args=[documented_here["presentation"].pk]) in html
    assert "/media/" not in html
    image = staff_client.get(reverse("events:photo_image", args=[documented_here["photo"].pk]))
    assert image["Content-Type"] == "image/jpeg"
    assert "private" in image["Cache-Control"]
    release(image)


def _page_queries(client, event) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("events:event_documentation", args=[event.pk]))
    assert response.status_code == 200
    return len(queries)


def test_documentation_page_reads_a_fixed_number_of_queries(staff_client, scope, event):
    def add_photo():
        person = consenting(event).person
        photos.photos_upload(
            scope=scope,
            event=event,
            files=[upload(jpeg_bytes())],
            people=[person, PersonFactory(workspace=event.workspace)],
        )
        presentations.presentation_create(
            scope=scope, event=event, file=upload(PDF, name="p.pdf"), title="Folien"
        )

    add_photo()
    few = _page_queries(staff_client, event)
    for _photo in range(6):
        add_photo()

    assert _page_queries(staff_client, event) == few
    # Session, user, membership (twice: scope and menu), event, consents, photo count, photos,
    # their people, presentations; the forms' choices: people, table rounds, programme, speakers.
    assert few == 14
