"""Look-ups over the demo's organisations and persons that the network builders share."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.demo.roles import WORKS_COUNCIL
from netzwerkstatt.demo.specs import OrganisationSpec, PersonSpec

from .specs import TeamPlan

# The regions the partners work in: the districts of each.
REGIONS = {
    "Braunschweig": (
        "Stadt Braunschweig", "Stadt Salzgitter", "Landkreis Wolfenbüttel", "Landkreis Helmstedt",
        "Landkreis Peine", "Landkreis Goslar",
    ),
    "Wolfsburg-Gifhorn": ("Stadt Wolfsburg", "Landkreis Gifhorn"),
    "Heide-Elbe": (
        "Landkreis Celle", "Landkreis Uelzen", "Landkreis Lüneburg",
        "Landkreis Lüchow-Dannenberg", "Landkreis Heidekreis",
    ),
    "Hannover-Süd": (
        "Region Hannover", "Landkreis Hildesheim", "Landkreis Göttingen", "Landkreis Northeim",
        "Stadt Osnabrück", "Stadt Oldenburg (Oldb)",
    ),
}  # fmt: skip
REGION_OF_DISTRICT = {district: region for region, names in REGIONS.items() for district in names}


@dataclass
class DemoIndex:
    organisations: dict[str, OrganisationSpec]
    persons: dict[str, PersonSpec]
    # org key → the persons working there now, head first
    staff: dict[str, list[str]] = field(default_factory=dict)
    # person key → org key of their first function (for those who left: where they worked)
    employer: dict[str, str] = field(default_factory=dict)
    team: tuple[str, ...] = ()
    team_since: dict[str, date] = field(default_factory=dict)
    own_organisation: str = ""

    @classmethod
    def build(
        cls,
        *,
        organisations: Sequence[OrganisationSpec],
        persons: Sequence[PersonSpec],
        team: TeamPlan,
    ) -> "DemoIndex":
        index = cls(
            organisations={spec.key: spec for spec in (*organisations, team.organisation)},
            persons={spec.key: spec for spec in (*persons, *team.persons, *team.acquaintances)},
            team=tuple(member.person for member in team.members),
            team_since={member.person: member.since for member in team.members},
            own_organisation=team.organisation.key,
        )
        for person in index.persons.values():
            function = person.functions[0]
            index.employer[person.key] = function.organisation
            if function.end_date is None:
                index.staff.setdefault(function.organisation, []).append(person.key)
        return index

    def team_on(self, day: date) -> list[str]:
        """The team members in the team on `day`."""
        return [person for person in self.team if self.team_since[person] <= day]

    def region(self, organisation: str) -> str:
        return REGION_OF_DISTRICT[self.organisations[organisation].place.district.name]

    def kind(self, organisation: str) -> Kind:
        return self.organisations[organisation].kind

    def person_region(self, person: str) -> str:
        return self.region(self.employer[person])

    def person_kind(self, person: str) -> Kind:
        return self.kind(self.employer[person])

    def head(self, organisation: str) -> str:
        return self.staff[organisation][0]

    def companies(self) -> list[str]:
        return [key for key, spec in self.organisations.items() if spec.kind == Kind.COMPANY]

    def partners(self) -> list[str]:
        """The network partners' organisations (not the workspace's own)."""
        return [
            key
            for key, spec in self.organisations.items()
            if spec.kind != Kind.COMPANY and key != self.own_organisation
        ]

    def by_name(self, name: str) -> str:
        return next(key for key, spec in self.organisations.items() if spec.name == name)

    def project(self, company: str) -> str:
        """The demo project a company belongs to."""
        return "TraM" if "TraM" in self.organisations[company].tags else "FluGs"

    def works_council(self, company: str) -> list[str]:
        return [
            person
            for person in self.staff[company]
            if self.persons[person].functions[0].department == WORKS_COUNCIL
        ]
