"""Acquaintances of the team who have left their posts: retired, still well connected to us.

They hold no current function, so their ties to the team are all they have in
the network: the health page's "members with no tie outside the team", whose
contacts the team should pass on before it leaves.
"""

import random
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from netzwerkstatt.contacts.enums import EmailKind, PhoneKind, Salutation
from netzwerkstatt.contacts.services import EmailData, PhoneData
from netzwerkstatt.demo.fictional import mobile_number, private_email_address
from netzwerkstatt.demo.specs import FunctionSpec, PersonSpec

from .team import COORDINATOR_KEY, FLUGS_KEY, LEAD_KEY


class Acquaintance(NamedTuple):
    key: str
    salutation: Salutation
    title: str
    first_name: str
    last_name: str
    organisation: str  # the name of the partner where they worked
    role: str
    start: date
    end: date
    knows: tuple[tuple[str, int], ...]  # team member key, strength


# fmt: off
ACQUAINTANCES = (
    Acquaintance("former-lindemann", Salutation.MR, "Dr.", "Hartmut", "Lindemann", "IHK Braunschweig", "Hauptgeschäftsführer", date(1998, 4, 1), date(2024, 6, 30), ((LEAD_KEY, 5),)),
    Acquaintance("former-brueggemann", Salutation.MS, "", "Renate", "Brüggemann", "Agentur für Arbeit Helmstedt", "Teamleiterin Arbeitgeber-Service", date(2003, 1, 1), date(2025, 3, 31), ((COORDINATOR_KEY, 4), (LEAD_KEY, 3))),
    Acquaintance("former-sommer", Salutation.MS, "", "Ingrid", "Sommer", "Büro für Gleichstellung Stadt Braunschweig", "Gleichstellungsbeauftragte", date(2006, 9, 1), date(2025, 12, 31), ((FLUGS_KEY, 3), (LEAD_KEY, 4))),
)
# fmt: on


def acquaintances_build(
    *, rng: random.Random, organisation_key: Callable[[str], str]
) -> list[PersonSpec]:
    """The acquaintances as persons; `organisation_key` finds a partner's key by its name."""
    return [
        PersonSpec(
            key=person.key,
            salutation=person.salutation,
            title=person.title,
            first_name=person.first_name,
            last_name=person.last_name,
            functions=(
                FunctionSpec(
                    organisation=organisation_key(person.organisation),
                    role=person.role,
                    start_date=person.start,
                    end_date=person.end,
                ),
            ),
            emails=(
                EmailData(
                    address=private_email_address(
                        rng=rng, first_name=person.first_name, last_name=person.last_name
                    ),
                    kind=EmailKind.PRIVATE,
                ),
            ),
            phones=(PhoneData(number=mobile_number(rng), kind=PhoneKind.MOBILE),),
            tags=(),
            notes="Im Ruhestand, kennt die Region wie kaum jemand.",
        )
        for person in ACQUAINTANCES
    ]
