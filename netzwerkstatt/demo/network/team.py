"""The workspace's own organisation, "Bildungsverein Nord e.V.", and its project team.

The two demo logins of the team (project lead and staff) are persons here, so
that "our" ties are part of the graph and warm paths start from them; two more
team members work without a login, one of them only since spring. The
association's managing director is a colleague but not in the project team.
"""

import random
from datetime import date
from typing import NamedTuple

from netzwerkstatt.contacts.enums import EmailKind, OrganisationKind, PhoneKind, Salutation
from netzwerkstatt.contacts.services import EmailData, PhoneData
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.fictional import (
    email_address,
    extension_number,
    mobile_number,
    switchboard_number,
    website,
)
from netzwerkstatt.demo.geography import place_of
from netzwerkstatt.demo.specs import FunctionSpec, OrganisationSpec, PersonSpec

from .specs import TeamMemberSpec, TeamPlan

OWN_ORGANISATION_KEY = "own-bildungsverein-nord"
OWN_DOMAIN = "bildungsverein-nord.example"  # the demo users' e-mail domain
HEAD_KEY = "own-head"
LEAD_KEY = "team-behrends"
ACQUISITION_KEY = "team-wittkamp"
COORDINATOR_KEY = "team-ohlendorf"
FLUGS_KEY = "team-grabowski"
PROJECTS_DEPARTMENT = "Projekte"


class _Colleague(NamedTuple):
    key: str
    salutation: Salutation
    title: str
    first_name: str
    last_name: str
    role: str
    start: date  # of the function
    team_since: date | None = None  # None: not in the project team
    login: Role | None = None  # the demo user who logs in as this person
    department: str = PROJECTS_DEPARTMENT


# fmt: off
COLLEAGUES = (
    _Colleague(LEAD_KEY, Salutation.MS, "", "Katrin", "Behrends", "Projektleiterin", date(2014, 8, 1), date(2019, 4, 1), Role.LEAD),
    _Colleague(ACQUISITION_KEY, Salutation.MR, "", "Jonas", "Wittkamp", "Projektmitarbeiter Akquise", date(2023, 9, 1), date(2023, 9, 1), Role.STAFF),
    _Colleague(COORDINATOR_KEY, Salutation.MS, "", "Sandra", "Ohlendorf", "Netzwerkkoordinatorin", date(2017, 2, 15), date(2021, 2, 15)),
    _Colleague(FLUGS_KEY, Salutation.MR, "", "Tobias", "Grabowski", "Projektmitarbeiter FluGs", date(2026, 3, 1), date(2026, 3, 1)),
    _Colleague(HEAD_KEY, Salutation.MR, "Dr.", "Reinhard", "Meyerhoff", "Geschäftsführer", date(2009, 1, 1), department=""),
)
# fmt: on


def team_build(*, rng: random.Random) -> TeamPlan:
    place = place_of("Braunschweig")
    organisation = OrganisationSpec(
        key=OWN_ORGANISATION_KEY,
        name="Bildungsverein Nord e.V.",
        kind=OrganisationKind.EDUCATION_PROVIDER,
        place=place,
        street="Hamburger Straße 47",
        domain=OWN_DOMAIN,
        switchboard=switchboard_number(rng=rng, area_code=place.town.area_code),
        legal_form="e.V.",
        website=website(OWN_DOMAIN),
        notes="Träger der Projekte TraM und FluGs.",
        is_shared=True,
    )
    return TeamPlan(
        organisation=organisation,
        persons=tuple(_person(rng, organisation, colleague) for colleague in COLLEAGUES),
        members=tuple(
            TeamMemberSpec(person=colleague.key, since=colleague.team_since, user=colleague.login)
            for colleague in COLLEAGUES
            if colleague.team_since is not None
        ),
    )


def _person(
    rng: random.Random, organisation: OrganisationSpec, colleague: _Colleague
) -> PersonSpec:
    return PersonSpec(
        key=colleague.key,
        salutation=colleague.salutation,
        title=colleague.title,
        first_name=colleague.first_name,
        last_name=colleague.last_name,
        functions=(
            FunctionSpec(
                organisation=organisation.key,
                role=colleague.role,
                department=colleague.department,
                start_date=colleague.start,
            ),
        ),
        emails=(
            EmailData(
                address=email_address(
                    first_name=colleague.first_name,
                    last_name=colleague.last_name,
                    domain=organisation.domain,
                    style="{initial}.{last}",
                ),
                kind=EmailKind.WORK,
            ),
        ),
        phones=(
            PhoneData(
                number=extension_number(rng=rng, switchboard=organisation.switchboard),
                kind=PhoneKind.WORK,
            ),
            PhoneData(number=mobile_number(rng), kind=PhoneKind.MOBILE),
        ),
        is_shared=True,
    )
