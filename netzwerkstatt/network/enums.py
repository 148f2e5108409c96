from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NodeType(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class TieKind(models.TextChoices):
    # between persons
    KNOWS = "knows", _("knows")
    WORKS_WITH = "works_with", _("works with")
    MET_AT_EVENT = "met_at_event", _("met at an event")
    # from a person to an organisation, beyond employment (functions are employment)
    COLLABORATES = "collaborates", _("works together with")
    ADVISES = "advises", _("advises")
    BOARD_MEMBER = "board_member", _("member of the board of")
    MEMBER = "member", _("member of")
    # between organisations
    COOPERATION = "cooperation", _("cooperates with")
    MEMBERSHIP = "membership", _("is a member of")
    SUPPLIES = "supplies", _("supplies")

    @property
    def rule(self) -> "TieRule":
        return TIE_RULES[self]


@dataclass(frozen=True)
class TieRule:
    source: NodeType
    target: NodeType
    directed: bool


PERSON, ORG = NodeType.PERSON, NodeType.ORGANISATION
TIE_RULES = {
    TieKind.KNOWS: TieRule(PERSON, PERSON, directed=False),
    TieKind.WORKS_WITH: TieRule(PERSON, PERSON, directed=False),
    TieKind.MET_AT_EVENT: TieRule(PERSON, PERSON, directed=False),
    TieKind.COLLABORATES: TieRule(PERSON, ORG, directed=False),
    TieKind.ADVISES: TieRule(PERSON, ORG, directed=True),
    TieKind.BOARD_MEMBER: TieRule(PERSON, ORG, directed=True),
    TieKind.MEMBER: TieRule(PERSON, ORG, directed=True),
    TieKind.COOPERATION: TieRule(ORG, ORG, directed=False),
    TieKind.MEMBERSHIP: TieRule(ORG, ORG, directed=True),
    TieKind.SUPPLIES: TieRule(ORG, ORG, directed=True),
}


class Provenance(models.TextChoices):
    """Where what we record about a relationship comes from."""

    CONVERSATION = "conversation", _("conversation")
    EVENT = "event", _("event")
    SURVEY = "survey", _("partner survey")
    IMPORT = "import", _("import")
    RECOMMENDATION = "recommendation", _("recommendation")
    OTHER = "other", _("other")


class RecommendationOutcome(models.TextChoices):
    OPEN = "open", _("open")
    CONVERSATION = "conversation", _("conversation held")
    COOPERATION = "cooperation", _("cooperation")
    DECLINED = "declined", pgettext_lazy("outcome of a recommendation", "declined")


class AnswerStatus(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
