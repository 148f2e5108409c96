"""In Chromium: upload a photo, link who is shown, publish the report and open it without login."""

import pytest
from playwright.sync_api import expect

from netzwerkstatt.core.enums import Role
from netzwerkstatt.events.models import Event, Photo
from tests.browser.conftest import browser_type_launch_args, log_in  # noqa: F401
from tests.factories import EventFactory, MembershipFactory, PersonFactory, WorkspaceFactory

from .conftest import consenting, jpeg_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_publish_and_open_the_public_report(live_server, page, browser, log_in):  # noqa: F811
    workspace = WorkspaceFactory(slug="bv-nord")
    user = MembershipFactory(workspace=workspace, role=Role.STAFF).user
    event = EventFactory(workspace=workspace, title="Netzwerke aufbauen")
    shown = consenting(
        event, person=PersonFactory(workspace=workspace, first_name="Susann", last_name="Kundolf")
    ).person
    for _other in range(8):
        consenting(event)

    log_in(user)
    page.goto(f"{live_server.url}/veranstaltungen/{event.pk}/dokumentation/")
    page.locator("#photo-upload summary").click()
    upload = page.locator("#photo-upload form")
    upload.locator("input[name=photos]").set_input_files(
        [{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    upload.locator("input[name=caption]").fill("Begrüßung im Plenum")
    upload.locator("input.people-filter").fill("kundolf")
    expect(upload.locator(".people-choices label:visible")).to_have_count(1)
    upload.locator(f"input[name=people][value='{shown.pk}']").check()
    upload.locator("button[type=submit]").click()
    expect(page.locator(".photo-card .caption")).to_have_text("Begrüßung im Plenum")
    expect(page.locator(".photo-card .status-public")).to_be_visible()

    report_form = page.locator(f"form[action$='/{event.pk}/dokumentation/bericht/']")
    report_form.locator("input[name=published]").check()
    report_form.locator("textarea[name=summary]").fill("Ein Tag voller Begegnungen.")
    report_form.locator("button[type=submit]").click()
    link = page.locator("a.report-link").get_attribute("href")
    assert Event.objects.get(pk=event.pk).report_token in link

    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(link)
    expect(public.locator("h1")).to_have_text("Netzwerke aufbauen")
    expect(public.locator(".report-summary")).to_contain_text("Ein Tag voller Begegnungen.")
    thumbnail = public.locator(".photo-grid img").first
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("image => image.complete && image.naturalWidth > 0")
    assert Photo.objects.get().width == 20  # turned upright from the camera's orientation
    visitor.close()
