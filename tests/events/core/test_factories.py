import hashlib

from tests.factories import EventFactory, InvitationFactory, ProgrammeItemFactory


def test_factories_build_one_workspace(db):
    event = EventFactory()
    item = ProgrammeItemFactory(event=event)
    invitation = InvitationFactory(event=event, token="bekannt")
    assert item.workspace == invitation.workspace == invitation.person.workspace == event.workspace
    assert invitation.token_hash == hashlib.sha256(b"bekannt").hexdigest()
    assert len(event.report_token) >= 40
