from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from netzwerkstatt.api.auth import ApiTokenAuth
from netzwerkstatt.api.schemas.notes import NoteIn, NoteOut, NotePatch, NoteQuery
from netzwerkstatt.api.selectors import note_list
from netzwerkstatt.contacts.models import Note, Organisation, Person
from netzwerkstatt.contacts.services import note_create, note_delete, note_update

from .common import paginated, responses

# Partners never see notes: every operation here answers them 403.
router = Router(tags=["Notes"], auth=ApiTokenAuth(permission="view_notes"))


@router.get("", response=responses({200: list[NoteOut]}, 403), summary="List notes")
@paginated
def list_notes(request: HttpRequest, filters: Query[NoteQuery]):
    return note_list(scope=request.scope, **filters.model_dump())


@router.post(
    "",
    response=responses({201: NoteOut}, 403, 404),
    summary="Add a note to an organisation or a person",
)
def create_note(request: HttpRequest, payload: NoteIn):
    scope = request.scope
    subject = (
        scope.get(Organisation, pk=payload.organisation)
        if payload.organisation is not None
        else scope.get(Person, pk=payload.person)
    )
    return Status(201, note_create(scope=scope, subject=subject, text=payload.text))


@router.get("/{note_id}", response=responses({200: NoteOut}, 403, 404), summary="Get a note")
def get_note(request: HttpRequest, note_id: int):
    return request.scope.get(Note, pk=note_id)


@router.patch(
    "/{note_id}", response=responses({200: NoteOut}, 403, 404), summary="Change a note's text"
)
def update_note(request: HttpRequest, note_id: int, payload: NotePatch):
    note = request.scope.get(Note, pk=note_id)
    return note_update(scope=request.scope, note=note, text=payload.text)


@router.delete("/{note_id}", response=responses({204: None}, 403, 404), summary="Delete a note")
def delete_note(request: HttpRequest, note_id: int):
    note_delete(scope=request.scope, note=request.scope.get(Note, pk=note_id))
    return Status(204, None)
