"""A person's consents (and other legal bases) per purpose: read, record, withdraw.

A withdrawal never deletes: the row keeps when and on what the consent was given and
gets `withdrawn_at`, because the provider must be able to show both. Only the team
sees and records consents; partners see none (`Consent` has no `partner_visible`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from .enums import LegalBasis
from .models import Consent

VIEW = "view_consents"
CHANGE = "change_consents"
MODEL = "privacy.Consent"


# --------------------------------------------------------------------------------- reads


def consent_list(*, scope: Scope, person: Person) -> QuerySet[Consent]:
    """The person's consents, active and withdrawn, the latest first."""
    require(scope, VIEW)
    return scope.objects(Consent).filter(person=person).select_related("recorded_by")


def consent_get(*, scope: Scope, pk) -> Consent:
    require(scope, VIEW)
    return scope.get(Consent, pk=pk)


# -------------------------------------------------------------------------------- writes


@transaction.atomic
def consent_add(
    *,
    scope: Scope,
    person: Person,
    purpose: str,
    legal_basis: str = LegalBasis.CONSENT,
    given_on,
    source: str,
) -> Consent:
    require(scope, CHANGE)
    check_workspace(scope, person)
    consent = Consent(
        workspace=scope.workspace,
        person=person,
        purpose=(purpose or "").strip(),
        legal_basis=legal_basis,
        given_on=given_on,
        source=(source or "").strip(),
        recorded_by=scope.user if scope.user is not None and scope.user.pk else None,
    )
    errors = {}
    if given_on is not None and given_on > timezone.localdate():
        errors["given_on"] = [_("The date cannot be in the future.")]
    try:
        consent.full_clean(exclude=list(errors))
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    consent.save()
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=person,
        details={"model": MODEL, "count": 1, "consent": consent.pk},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, scope: Scope, consent: Consent) -> Consent:
    """Mark the consent as withdrawn now; the row stays as proof that it had been given."""
    require(scope, CHANGE)
    check_workspace(scope, consent)
    # Read again under the transaction: two withdrawals at once keep the first time.
    consent = scope.objects(Consent).select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent has already been withdrawn."))
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=consent.person,
        details={"model": MODEL, "count": 1, "consent": consent.pk, "consents_withdrawn": 1},
    )
    return consent
