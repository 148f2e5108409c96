"""The "Relationships" section on organisation and person pages (`NetworkConfig.contact_panels`)."""

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.scoping import Scope

from . import selectors
from .forms import RecommendationForm, TieForm

TEMPLATE = "network/_ties_panel.html"
# A hub (a chamber, a union) has hundreds of ties: the panel shows the strongest, the list the rest.
TIES_SHOWN = 15
RECOMMENDATIONS_SHOWN = 10


def ties_panel(
    *,
    scope: Scope,
    subject: Person | Organisation,
    tie_form: TieForm | None = None,
    recommendation_form: RecommendationForm | None = None,
    open_form: str = "",
) -> dict:
    """The node's strongest ties and latest recommendations, with forms to record new ones.

    Forms with errors (from an htmx post) are passed back in, with `open_form` naming
    the one to show open.
    """
    node_key = selectors.node_key_of(subject)
    can_change = scope.can("change_network")
    if can_change and tie_form is None:
        tie_form = TieForm(scope=scope, fixed_node=True, initial={"node": subject}, prefix="tie")
    if can_change and recommendation_form is None:
        recommendation_form = RecommendationForm(
            scope=scope,
            initial=recommendation_initial(scope=scope, subject=subject),
            prefix="recommendation",
        )
    show_recommendations = scope.can("view_recommendations")
    return {
        "template": TEMPLATE,
        "node": subject,
        "node_key": node_key,
        "node_filter": f"{selectors.node_type(subject).value}={subject.pk}",
        "ties": selectors.node_ties(scope=scope, node=subject, limit=TIES_SHOWN),
        "tie_count": selectors.node_tie_count(scope=scope, node=subject),
        "show_recommendations": show_recommendations,
        "recommendations": (
            list(
                selectors.node_recommendations(
                    scope=scope, node=subject, limit=RECOMMENDATIONS_SHOWN
                )
            )
            if show_recommendations
            else []
        ),
        "show_trust": scope.can("view_trust"),
        "can_change": can_change,
        "tie_form": tie_form,
        "recommendation_form": recommendation_form,
        "open_form": open_form,
    }


def recommendation_initial(*, scope: Scope, subject: Person | Organisation) -> dict:
    """A person is usually the one who recommends, an organisation the one recommended; to us."""
    initial = {"recommender": subject} if isinstance(subject, Person) else {"subject": subject}
    me = selectors.team_person_for_user(scope=scope, user=scope.user)
    if me is not None and me != subject:
        initial["recipient"] = me
    return initial


def panel_for_key(*, scope: Scope, key: str, **forms) -> dict:
    """The panel of the node a key names; Http404 for a foreign or unknown key."""
    subject = selectors.node_from_key(scope=scope, key=key)
    return ties_panel(scope=scope, subject=subject, **forms)
