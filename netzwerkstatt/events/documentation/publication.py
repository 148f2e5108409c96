"""Whether a photo may be published: the rule, as plain data.

A photo is public only if every person linked to it (the people shown) has an
invitation to the photo's event with photo consent. A linked person without an
invitation, or whose invitation does not record consent, keeps the photo out of
the public report. A photo without linked people (a flip chart, the room) is
public — unless it is withheld because a person shown was deleted from the
contacts, whose consent can then no longer be checked.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Consents:
    """Who of an event's invited persons consented to photos (person ids)."""

    invited: frozenset[int]
    consenting: frozenset[int]


@dataclass(frozen=True)
class Publication:
    public: bool
    shown: int  # how many people are linked
    not_invited: tuple[int, ...]  # person ids without an invitation to the event
    without_consent: tuple[int, ...]  # person ids invited but without photo consent
    withheld: bool = False  # a person shown was deleted from the contacts


def photo_publication(
    *, people: Iterable[int], consents: Consents, withheld: bool = False
) -> Publication:
    shown = sorted(set(people))
    not_invited = tuple(pk for pk in shown if pk not in consents.invited)
    without_consent = tuple(
        pk for pk in shown if pk in consents.invited and pk not in consents.consenting
    )
    return Publication(
        public=not (not_invited or without_consent or withheld),
        shown=len(shown),
        not_invited=not_invited,
        without_consent=without_consent,
        withheld=withheld,
    )
