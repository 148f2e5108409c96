"""`demo_load`: the demo workspace "Bildungsverein Nord", built by a list of steps in one transaction.

Each step adds one part of the demo and leaves what it made in the context, by
the keys of the plain-data specs; later parts of the demo (ties between persons,
networks, events) are further steps that read what the earlier ones left there.
"""

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import transaction

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import CONTACT_TABLES, Organisation, Person
from netzwerkstatt.contacts.services import contacts_changed
from netzwerkstatt.core.database import planner_statistics_refresh
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import Project, User, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record, workspace_create

from .acquisition.writer import ACQUISITION_TABLES, DemoAcquisitionWriter
from .data_protection import privacy_write
from .events.writer import DemoEventWriter
from .network.history import health_history_store
from .network.plan import network_plan
from .network.writer import NETWORK_TABLES, NetworkWriter
from .plan import contacts_plan
from .projects import demo_projects_create
from .steering.writer import STEERING_TABLES, DemoSteeringWriter
from .users import demo_users_ensure
from .writer import contacts_write

DEMO_WORKSPACE_SLUG = "bildungsverein-nord"
DEMO_WORKSPACE_NAME = "Bildungsverein Nord"
DEFAULT_SEED = 2026


@dataclass
class DemoContext:
    seed: int
    workspace: Workspace
    users: dict[Role, User] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)  # by name
    organisations: dict[str, Organisation] = field(default_factory=dict)  # by spec key
    persons: dict[str, Person] = field(default_factory=dict)  # by spec key
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def scope(self) -> Scope:
        return Scope.system(self.workspace)


@dataclass(frozen=True)
class DemoResult:
    workspace: Workspace
    created: bool
    counts: Mapping[str, int]


def users_step(context: DemoContext) -> None:
    context.users = demo_users_ensure(workspace=context.workspace)
    context.counts["users"] = len(context.users)


def projects_step(context: DemoContext) -> None:
    context.projects = demo_projects_create(scope=context.scope)
    context.counts["projects"] = len(context.projects)


def contacts_step(context: DemoContext) -> None:
    plan = contacts_plan(seed=context.seed)
    written = contacts_write(workspace=context.workspace, plan=plan, authors=context.users)
    context.organisations = written.organisations
    context.persons = written.persons
    # now, not at the end: the network step stores the current metrics for this version
    contacts_changed(scope=context.scope)
    companies = sum(spec.kind == OrganisationKind.COMPANY for spec in plan.organisations)
    context.counts.update(
        companies=companies,
        partners=len(plan.organisations) - companies,
        persons=len(plan.persons),
        functions=sum(len(spec.functions) for spec in plan.persons),
        notes=len(plan.notes),
    )


def network_step(context: DemoContext) -> None:
    """The project team, door openers, ties, recommendations, partner surveys and a year of
    the network's health."""
    plan = network_plan(seed=context.seed, contacts=contacts_plan(seed=context.seed))
    written = NetworkWriter(
        workspace=context.workspace,
        users=context.users,
        projects=context.projects,
        organisations=context.organisations,
        persons=context.persons,
    ).write(plan)
    snapshots = health_history_store(scope=context.scope)
    planner_statistics_refresh(*NETWORK_TABLES)
    persons = len(plan.team.persons) + len(plan.team.acquaintances)
    context.counts.update(
        persons=context.counts.get("persons", 0) + persons,
        functions=context.counts.get("functions", 0) + persons,
        team_members=len(written.team),
        ties=written.ties,
        recommendations=len(written.recommendations),
        surveys=len(written.surveys),
        health_months=len(snapshots),
    )


def events_step(context: DemoContext) -> None:
    """The reflection workshop of October with its World Café, photos and published report,
    entered by the project lead."""
    written = DemoEventWriter(
        scope=Scope(workspace=context.workspace, role=Role.LEAD, user=context.users[Role.LEAD]),
        rng=random.Random(f"{context.seed}:events"),
        organisations=context.organisations,
        persons=context.persons,
    ).write()
    context.counts.update(
        events=1,
        event_participants=written.participants,
        event_photos=written.photos,
        event_presentations=written.presentations,
    )


def acquisition_step(context: DemoContext) -> None:
    """Needs, the projects' measures, target profiles and benefit templates, and about a year
    of approaches with their stage history, dossiers, agreed measures and activities, entered
    by the project lead and the staff member."""
    written = DemoAcquisitionWriter(
        workspace=context.workspace,
        users=context.users,
        projects=context.projects,
        organisations=context.organisations,
        persons=context.persons,
    ).write(seed=context.seed)
    planner_statistics_refresh(*ACQUISITION_TABLES)
    context.counts.update(
        needs=written.needs,
        measures=written.measures,
        approaches=written.approaches,
        stage_changes=written.stage_changes,
        activities=written.activities,
        dossiers=written.dossiers,
        open_follow_ups=written.follow_ups,
    )


def steering_step(context: DemoContext) -> None:
    """Two regional networks with their members and topics, goals with progress, a year of
    meetings with minutes, decisions and action items, and a handover plan."""
    written = DemoSteeringWriter(
        workspace=context.workspace,
        users=context.users,
        projects=context.projects,
        organisations=context.organisations,
        persons=context.persons,
    ).write(seed=context.seed)
    planner_statistics_refresh(*STEERING_TABLES)
    context.counts.update(
        networks=written.networks,
        network_members=written.members,
        network_topics=written.topics,
        goals=written.goals,
        progress_entries=written.progress_entries,
        meetings=written.meetings,
        decisions=written.decisions,
        action_items=written.action_items,
        open_action_items=written.open_action_items,
        handovers=written.handovers,
    )


def privacy_step(context: DemoContext) -> None:
    """Retention periods and the consents of the event's registrations and the surveys,
    recorded by the project lead."""
    lead = Scope(workspace=context.workspace, role=Role.LEAD, user=context.users[Role.LEAD])
    context.counts.update(privacy_write(scope=lead))


STEPS: tuple[Callable[[DemoContext], None], ...] = (
    users_step,
    projects_step,
    contacts_step,
    network_step,
    events_step,
    acquisition_step,
    steering_step,
    privacy_step,
)


@transaction.atomic
def demo_load(*, seed: int = DEFAULT_SEED) -> DemoResult:
    """Create the demo workspace with all its data; if it exists already, change nothing."""
    existing = Workspace.objects.filter(slug=DEMO_WORKSPACE_SLUG).first()
    if existing is not None:
        return DemoResult(workspace=existing, created=False, counts={})
    workspace = workspace_create(slug=DEMO_WORKSPACE_SLUG, name=DEMO_WORKSPACE_NAME)
    context = DemoContext(seed=seed, workspace=workspace)
    for step in STEPS:
        step(context)
    planner_statistics_refresh(*CONTACT_TABLES)
    activity_record(
        scope=context.scope,
        action=Action.IMPORTED,
        details={"source": "demo", "seed": seed, "counts": context.counts},
    )
    return DemoResult(workspace=workspace, created=True, counts=context.counts)
