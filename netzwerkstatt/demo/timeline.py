"""Timeline notes of the project team on about a quarter of the organisations and persons.

Written by the demo's project lead and staff member between the start of the
projects and the demo's reference date, on working days in office hours.
"""

import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from netzwerkstatt.contacts.enums import OrganisationKind, Salutation
from netzwerkstatt.core.enums import Role

from .specs import REFERENCE_DATE, NoteSpec, OrganisationSpec, PersonSpec

NOTE_SHARE = 0.25
FIRST_NOTE_DAY = REFERENCE_DATE.replace(month=1, day=12)
AUTHORS = (Role.LEAD, Role.STAFF)
AUTHOR_WEIGHTS = (2, 3)
PROJECTS = ("TraM", "FluGs")

# {person} is the contact in the accusative or dative ("Frau Dr. Kröger", "Herrn Sievers").
COMPANY_NOTES = {
    "TraM": (
        "Telefonat mit {person}: Interesse am Demografie-Check, Rückruf nach der Messe.",
        "Erstgespräch mit {person} vor Ort. Die Altersstruktur in der Fertigung ist ein Thema; Angebot für eine Altersstrukturanalyse geschickt.",
        "Infomaterial zu {project} per E-Mail an {person} geschickt.",
        "Kurz mit {person} auf der Messe gesprochen: Interesse an einem Workshop zum Wissenstransfer zwischen Alt und Jung.",
        "Workshop „Alternsgerechte Arbeitsgestaltung“ mit {person} für den Herbst vereinbart.",
        "Bei {person} nachgefasst: Die Geschäftsführung sieht derzeit keinen Bedarf. Im nächsten Jahr noch einmal anfragen.",
        "Termin von {person} abgesagt, die Auftragslage lässt gerade keinen Workshop zu.",
        "Mit {person} die Ergebnisse des Demografie-Checks besprochen; Maßnahmenplan bis Quartalsende.",
    ),
    "FluGs": (
        "Telefonat mit {person}: Dienstpläne und Teilzeitwünsche sind ein großes Thema, Termin für ein Erstgespräch vereinbart.",
        "Erstgespräch mit {person}: Interesse an einem Workshop zu flexiblen Arbeitszeitmodellen.",
        "Mit {person} den Fragebogen zur Vereinbarkeit abgestimmt; Auswertung bis Monatsende.",
        "Infomaterial zu {project} an {person} geschickt, Rückmeldung steht noch aus.",
        "Gespräch mit {person} über den Wiedereinstieg nach der Elternzeit; Interesse am Mentoring-Programm.",
        "Rückmeldung von {person} erst nach der Urlaubszeit, dann erneut anrufen.",
        "Mit {person} über Führung in Teilzeit gesprochen; zwei Teamleitungen wollen am Workshop teilnehmen.",
    ),
}
PARTNER_NOTES = (
    "Abstimmung mit {person} zur gemeinsamen Veranstaltung im Frühjahr.",
    "Jour fixe mit {person}: Liste möglicher Betriebe für {project} durchgesprochen.",
    "Telefonat mit {person}: Angebot, {project} im nächsten Newsletter vorzustellen.",
    "Einladung zum Netzwerktreffen an {person} verschickt.",
    "Mit {person} über Empfehlungen an Betriebe in der Region gesprochen; drei Kontakte zugesagt.",
    "{project} im Arbeitskreis vorgestellt, anschließend Austausch mit {person}.",
)
PERSON_NOTES = (
    "Rückruf von {person} für Dienstagvormittag vereinbart.",
    "Mit {person} telefoniert: Interesse an der Veranstaltung zur Fachkräftesicherung.",
    "E-Mail an {person} zu {project} geschickt, noch keine Antwort.",
    "Mit {person} am Rande des Netzwerktreffens gesprochen, sehr offen für {project}.",
    "Neue Durchwahl von {person} eingetragen.",
    "Termin mit {person} wegen Krankheit verschoben.",
    "Flyer zu {project} an {person} übergeben.",
)


def notes_build(
    *,
    rng: random.Random,
    organisations: Sequence[OrganisationSpec],
    persons: Sequence[PersonSpec],
) -> list[NoteSpec]:
    staff_of: dict[str, list[PersonSpec]] = {}
    for person in persons:
        staff_of.setdefault(person.functions[0].organisation, []).append(person)
    notes = []
    for organisation in organisations:
        if rng.random() < NOTE_SHARE:
            notes += [
                NoteSpec(
                    organisation=organisation.key,
                    text=rng.choice(_organisation_templates(organisation)).format(
                        person=_addressed(rng.choice(staff_of[organisation.key])),
                        project=_project(rng, organisation),
                    ),
                    author=_author(rng),
                    written_at=_moment(rng),
                )
                for _ in range(rng.randint(1, 3))
            ]
    organisations_by_key = {organisation.key: organisation for organisation in organisations}
    for person in persons:
        if rng.random() < NOTE_SHARE:
            organisation = organisations_by_key[person.functions[0].organisation]
            notes += [
                NoteSpec(
                    person=person.key,
                    text=rng.choice(PERSON_NOTES).format(
                        person=_addressed(person), project=_project(rng, organisation)
                    ),
                    author=_author(rng),
                    written_at=_moment(rng),
                )
                for _ in range(rng.randint(1, 2))
            ]
    return notes


def _organisation_templates(organisation: OrganisationSpec) -> tuple[str, ...]:
    if organisation.kind != OrganisationKind.COMPANY:
        return PARTNER_NOTES
    return COMPANY_NOTES["TraM" if "TraM" in organisation.tags else "FluGs"]


def _project(rng: random.Random, organisation: OrganisationSpec) -> str:
    return rng.choice([tag for tag in organisation.tags if tag in PROJECTS] or PROJECTS)


def _addressed(person: PersonSpec) -> str:
    form = "Frau" if person.salutation == Salutation.MS else "Herrn"
    return " ".join(part for part in (form, person.title, person.last_name) if part)


def _author(rng: random.Random) -> Role:
    (author,) = rng.choices(AUTHORS, weights=AUTHOR_WEIGHTS)
    return author


def _moment(rng: random.Random) -> datetime:
    """A working day between the first note day and the reference date, in office hours."""
    day = FIRST_NOTE_DAY + timedelta(
        days=rng.randint(0, (REFERENCE_DATE - FIRST_NOTE_DAY).days - 1)
    )
    if day.weekday() >= 5:
        day -= timedelta(days=day.weekday() - 4)  # the Friday before
    return datetime.combine(day, time(rng.randint(8, 17), rng.randrange(0, 60, 5)))
