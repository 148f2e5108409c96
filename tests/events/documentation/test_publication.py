"""The publication rule: a photo is public only if everybody linked to it consented."""

from django.urls import reverse

from netzwerkstatt.events.documentation import photos, report
from netzwerkstatt.events.documentation.publication import Consents, photo_publication
from tests.factories import EventFactory, PersonFactory

from .conftest import consenting, jpeg_bytes, not_consenting, upload

CONSENTS = Consents(invited=frozenset({1, 2, 3}), consenting=frozenset({1, 2}))


def test_photo_publication_is_public_when_everybody_shown_consented():
    publication = photo_publication(people=[1, 2], consents=CONSENTS)

    assert publication.public
    assert publication.shown == 2


def test_photo_publication_is_not_public_when_one_shown_did_not_consent():
    publication = photo_publication(people=[1, 3], consents=CONSENTS)

    assert not publication.public
    assert publication.without_consent == (3,)


def test_photo_publication_is_not_public_when_one_shown_is_not_invited():
    publication = photo_publication(people=[1, 99], consents=CONSENTS)

    assert not publication.public
    assert publication.not_invited == (99,)
    assert publication.without_consent == ()


def test_photo_publication_is_public_without_people():
    publication = photo_publication(people=[], consents=CONSENTS)

    assert publication.public
    assert publication.shown == 0


def _photo(scope, event, people=()):
    [photo] = photos.photos_upload(
        scope=scope, event=event, files=[upload(jpeg_bytes())], people=people
    )
    return photo


def test_public_photos_apply_the_rule_to_the_events_consents(scope, event):
    yes, also_yes = consenting(event).person, consenting(event).person
    no = not_consenting(event).person
    all_consented = _photo(scope, event, [yes, also_yes])
    one_without = _photo(scope, event, [yes, no])
    nobody = _photo(scope, event)

    public = report.public_photos(event=event)

    assert {photo.pk for photo in public} == {all_consented.pk, nobody.pk}
    assert one_without not in public


def test_public_photos_count_consent_for_this_event_only(scope, event, workspace):
    person = PersonFactory(workspace=workspace)
    consenting(EventFactory(workspace=workspace), person=person)  # consent to another event
    not_consenting(event, person=person)
    photo = _photo(scope, event, [person])

    assert report.public_photo(event=event, pk=photo.pk) is None


def test_public_photos_become_public_when_consent_is_given(scope, event):
    invitation = not_consenting(event)
    photo = _photo(scope, event, [invitation.person])
    assert report.public_photo(event=event, pk=photo.pk) is None

    invitation.photo_consent = True
    invitation.save()

    assert report.public_photo(event=event, pk=photo.pk) == photo


def test_documentation_page_says_whether_and_why_each_photo_is_public(staff_client, scope, event):
    staff_client.cookies["django_language"] = "en"
    yes = consenting(event, person=PersonFactory(workspace=event.workspace, last_name="Zustimmer"))
    no = not_consenting(event, person=PersonFactory(workspace=event.workspace, last_name="Nein"))
    guest = PersonFactory(workspace=event.workspace, last_name="Ungeladen")
    public = _photo(scope, event, [yes.person])
    blocked = _photo(scope, event, [yes.person, no.person, guest])

    response = staff_client.get(reverse("events:event_documentation", args=[event.pk]))

    cards = {card["photo"].pk: card for card in response.context["cards"]}
    assert cards[public.pk]["publication"].public
    assert not cards[blocked.pk]["publication"].public
    assert cards[blocked.pk]["without_consent"] == [no.person]
    assert cards[blocked.pk]["not_invited"] == [guest]
    html = response.content.decode()
    assert "No photo consent: " in html
    assert "Not invited to this event, so no consent: " in html
    assert "Which photos are public?" in html


def test_photo_publication_is_not_public_when_withheld():
    publication = photo_publication(people=[], consents=CONSENTS, withheld=True)

    assert not publication.public


def test_deleting_a_person_shown_withholds_the_photo(scope, event):
    yes = consenting(event).person
    stranger = PersonFactory(workspace=event.workspace)
    photo = _photo(scope, event, [yes, stranger])
    flip_chart = _photo(scope, event)

    stranger.delete()

    photo.refresh_from_db()
    assert photo.withheld
    assert list(photo.people.all()) == [yes]
    assert {p.pk for p in report.public_photos(event=event)} == {flip_chart.pk}
