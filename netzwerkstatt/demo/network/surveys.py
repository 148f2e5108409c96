"""Two partner network surveys: one answered and waiting for review, one sent and still open.

The answered one comes from the district craftsmen's association in Gifhorn:
companies of the district it works with, most already in the contacts, two
written in by hand because the team does not know them yet.
"""

import random

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.contacts.enums import OrganisationKind as Kind

from .index import DemoIndex
from .specs import SurveyAnswerSpec, SurveySpec, TieSpec

ANSWERED_BY = "Kreishandwerkerschaft Gifhorn-Wolfsburg"
OPEN_FOR = "Agentur für Arbeit Celle"
ANSWERED_REGION = "Wolfsburg-Gifhorn"
KNOWN_COMPANIES = 5
ALSO_NAMED = "Jobcenter Landkreis Gifhorn"
FREE_ENTRIES = (
    SurveyAnswerSpec(
        closeness=4,
        organisation_name="Autohaus Ebeling GmbH",
        city="Gifhorn",
        note="Bildet jedes Jahr zwei Kfz-Mechatroniker aus.",
    ),
    SurveyAnswerSpec(closeness=2, organisation_name="Tischlerei Wolters", city="Wittingen"),
)
NOTES = ("Kenne den Inhaber persönlich.", "Gemeinsamer Ausbildungsverbund.", "", "", "")
MESSAGE = (
    "Liebe Netzwerkpartnerin, lieber Netzwerkpartner, mit welchen Betrieben und "
    "Organisationen arbeiten Sie zusammen, und wie eng? Ihre Angaben helfen uns, "
    "Betriebe gezielt und auf Empfehlung anzusprechen. Vielen Dank!"
)
SENT_DAYS_AGO = (12, 4)  # the answered survey, the open one


def surveys_build(
    *, rng: random.Random, index: DemoIndex, ties: list[TieSpec]
) -> tuple[list[SurveySpec], dict[str, DoorOpener]]:
    """The two surveys, and the door-opener word of the respondents (the team asked them)."""
    respondent = index.head(index.by_name(ANSWERED_BY))
    known = {tie.target for tie in ties if tie.source == respondent} | {
        tie.source for tie in ties if tie.target == respondent
    }
    companies = [
        company
        for company in index.companies()
        if index.region(company) == ANSWERED_REGION
        and index.kind(company) == Kind.COMPANY
        and "TraM" in index.organisations[company].tags
    ]
    # Companies whose people the respondent knows first: what they would name.
    companies.sort(key=lambda company: not set(index.staff[company]) & known)
    named = companies[:2] + rng.sample(companies[2:], KNOWN_COMPANIES - 2)
    answers = [
        SurveyAnswerSpec(closeness=rng.randint(2, 5), organisation=company, note=rng.choice(NOTES))
        for company in named
    ]
    answers.append(SurveyAnswerSpec(closeness=3, organisation=index.by_name(ALSO_NAMED)))
    answers += FREE_ENTRIES
    open_respondent = index.head(index.by_name(OPEN_FOR))
    surveys = [
        SurveySpec(
            respondent=respondent,
            message=MESSAGE,
            sent_days_ago=SENT_DAYS_AGO[0],
            answers=tuple(answers),
        ),
        SurveySpec(respondent=open_respondent, message=MESSAGE, sent_days_ago=SENT_DAYS_AGO[1]),
    ]
    return surveys, {respondent: DoorOpener.WILLING}
