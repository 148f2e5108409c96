"""The demo's relationship network as plain data, the same for the same seed."""

import dataclasses
import random

from netzwerkstatt.demo.specs import ContactsPlan

from .acquaintances import acquaintances_build
from .collect import Ties
from .company_ties import CompanyTies
from .index import DemoIndex
from .organisation_ties import OrganisationTies
from .partner_ties import PartnerTies, joined_dates
from .recommendations import recommendations_build
from .specs import NetworkPlan
from .surveys import surveys_build
from .team import team_build


def network_plan(*, seed: int, contacts: ContactsPlan) -> NetworkPlan:
    """Team, door openers, ties, recommendations and surveys over the contacts of `contacts`.

    Each builder draws from its own random stream, as the contacts builders do.
    """

    def stream(name: str) -> random.Random:
        return random.Random(f"{seed}:network:{name}")

    partner_keys = {spec.name: spec.key for spec in contacts.organisations}
    team = team_build(rng=stream("team"))
    team = dataclasses.replace(
        team,
        acquaintances=tuple(
            acquaintances_build(rng=stream("acquaintances"), organisation_key=partner_keys.get)
        ),
    )
    index = DemoIndex.build(
        organisations=contacts.organisations, persons=contacts.persons, team=team
    )
    joined = joined_dates(index)
    ties = Ties(stream("recorded"), joined=joined, team=index.team)
    partners = PartnerTies(rng=stream("partners"), index=index, ties=ties)
    door_openers = partners.build()
    companies = CompanyTies(
        rng=stream("companies"),
        index=index,
        ties=ties,
        partner_persons=partners.partner_persons,
        door_openers=door_openers,
    )
    access, company_door_openers = companies.build()
    OrganisationTies(
        rng=stream("organisations"), index=index, ties=ties, only_team=partners.only_team
    ).build()
    surveys, respondents = surveys_build(rng=stream("surveys"), index=index, ties=ties.specs)
    door_openers = {**door_openers, **company_door_openers, **respondents}
    recommendations = recommendations_build(
        rng=stream("recommendations"),
        index=index,
        ties=ties.specs,
        access=access,
        door_openers=door_openers,
        joined=joined,
    )
    return NetworkPlan(
        team=team,
        door_openers=door_openers,
        access=access,
        joined={key: day for key, day in joined.items() if key in index.organisations},
        ties=tuple(ties.specs),
        recommendations=tuple(recommendations),
        surveys=tuple(surveys),
    )
