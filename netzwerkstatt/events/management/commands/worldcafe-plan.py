import json
import time

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.models import Event
from netzwerkstatt.events.tableplanner import Plan, Problem, plan_tables
from netzwerkstatt.events.worldcafe import selectors, services
from netzwerkstatt.events.worldcafe.report import report_data

EXIT_IMPOSSIBLE = 2
MAX_PARTICIPANTS = 1_000
PROGRESS_EVERY_SECONDS = 1.0


class Command(NetzwerkstattCommand):
    help = gettext_lazy(
        "Plan World Café table rounds so that people meet as many new people as possible. "
        "With --groups, --size and --rounds: the Social Golfer Problem for participants "
        "0 … groups·size − 1. With --event and --workspace: the event's World Café with its "
        "participants, tables, topics and wishes, as its planning page plans it; the ids "
        "are then the participants' invitation ids. Exit code 2: the parameters are impossible."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, help=_("number of tables"))
        parser.add_argument("--size", type=int, help=_("people per table"))
        self._parser = parser
        parser.add_argument(
            "--rounds", type=int, help=_("number of rounds (required without --event)")
        )
        parser.add_argument(
            "--seconds", type=float, default=5.0, help=_("time budget in seconds (default 5)")
        )
        parser.add_argument("--seed", type=int, default=0, help=_("seed of the random choices"))
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help=_('print {"rounds": [[[ids of table 1], …], …], "repeated_pairs": n}'),
        )
        parser.add_argument(
            "--event",
            type=int,
            metavar="ID",
            help=_(
                "plan this event's World Café (ids in the output: invitation ids; "
                'with --json also "report", the quality report)'
            ),
        )
        parser.add_argument("--workspace", metavar="SLUG", help=_("the event's workspace"))
        parser.add_argument(
            "--save",
            action="store_true",
            help=_("with --event: store the plan as the planning page does"),
        )

    def handle(self, *args, rounds, seconds, seed, as_json, event, workspace, save, **options):
        if event is not None:
            self._handle_event(
                event,
                workspace=workspace,
                seconds=seconds,
                seed=seed,
                save=save,
                as_json=as_json,
                rounds=rounds,
                groups=options["groups"],
                size=options["size"],
            )
            return
        if workspace is not None or save:
            self._parser.error(_("--workspace and --save belong to --event."))
        if rounds is None:
            self._parser.error(_("the following arguments are required: %s") % "--rounds")
        if rounds < 1:
            self._impossible(_("Plan at least one round."))
        if seconds <= 0:
            self._impossible(_("The time budget must be more than zero seconds."))
        problem = self._problem(rounds=rounds, **options)
        self._progress_shown = time.monotonic()
        plan = plan_tables(problem, seconds=seconds, seed=seed, progress=self._progress)
        if as_json:
            self._print_json(plan)
        else:
            self._print_table(plan)

    def _problem(self, *, rounds: int, groups: int | None, size: int | None, **options) -> Problem:
        """The problem to plan; the command's source of participants is chosen here."""
        if groups is None or size is None:
            self._impossible(_("Give the number of tables (--groups) and their size (--size)."))
        if groups < 1 or size < 1:
            self._impossible(_("Plan at least one table with at least one seat."))
        if groups * size > MAX_PARTICIPANTS:
            self._impossible(
                _("At most %(limit)d participants can be planned; %(count)d were asked for.")
                % {"limit": MAX_PARTICIPANTS, "count": groups * size}
            )
        return Problem.social_golfer(groups=groups, size=size, rounds=rounds)

    def _impossible(self, message: str) -> None:
        raise CommandError(message, returncode=EXIT_IMPOSSIBLE)

    def _progress(self, seconds: float, repeated_pairs: int) -> None:
        now = time.monotonic()
        if (
            seconds >= PROGRESS_EVERY_SECONDS
            and now - self._progress_shown >= PROGRESS_EVERY_SECONDS
        ):
            self._progress_shown = now
            self.stderr.write(
                ngettext(
                    "%(seconds)s s: the best plan so far repeats %(count)d encounter …",
                    "%(seconds)s s: the best plan so far repeats %(count)d encounters …",
                    repeated_pairs,
                )
                % {"seconds": number_format(seconds, decimal_pos=0), "count": repeated_pairs}
            )

    def _print_json(self, plan: Plan) -> None:
        data = {
            "rounds": [[list(table) for table in tables] for tables in plan.rounds],
            "repeated_pairs": plan.report.repeated_pairs,
        }
        self.stdout.write(json.dumps(data))

    def _print_table(self, plan: Plan) -> None:
        for number, tables in enumerate(plan.rounds, start=1):
            self.stdout.write(
                self.style.MIGRATE_HEADING(_("Round %(number)d") % {"number": number})
            )
            for table_number, people in enumerate(tables, start=1):
                line = _("Table %(number)d: %(people)s") % {
                    "number": table_number,
                    "people": ", ".join(str(person) for person in people),
                }
                self.stdout.write(f"  {line}")
        report = plan.report
        self.stdout.write(
            _("Repeated encounters: %(count)d. Different pairs met: %(pairs)d.")
            % {"count": report.repeated_pairs, "pairs": report.distinct_pairs_met}
        )
        how = _("by a combinatorial design") if plan.method == "design" else _("by search")
        seconds = number_format(plan.seconds, decimal_pos=2)
        if plan.optimal:
            message = _("Planned %(how)s in %(seconds)s s; no plan can do better.")
        else:
            message = _("Planned %(how)s in %(seconds)s s; the best plan found in the time given.")
        self.stdout.write(self.style.SUCCESS(message % {"how": how, "seconds": seconds}))

    # ---------------------------------------------------------------- --event

    def _handle_event(
        self, event_id, *, workspace, seconds, seed, save, as_json, rounds, groups, size
    ) -> None:
        if workspace is None:
            self._parser.error(_("--event needs --workspace."))
        if rounds is not None or groups is not None or size is not None:
            self._parser.error(
                _("With --event, tables and rounds come from the event's World Café.")
            )
        if seconds <= 0:
            self._impossible(_("The time budget must be more than zero seconds."))
        scope = Scope.system(self.get_workspace(workspace))
        event = scope.objects(Event).filter(pk=event_id).first()
        if event is None:
            raise CommandError(_("There is no event %(id)d in this workspace.") % {"id": event_id})
        world_cafe = selectors.world_cafe_of(scope=scope, event=event)
        if world_cafe is None and not save:
            raise CommandError(
                _(
                    "The event has no World Café yet: set up its tables and rounds on the "
                    "planning page, or add --save to plan it with the defaults."
                )
            )
        self._progress_shown = time.monotonic()
        try:
            if save:
                world_cafe = world_cafe or services.world_cafe_ensure(scope=scope, event=event)
                result = services.world_cafe_plan(
                    scope=scope, world_cafe=world_cafe, seed=seed, seconds=seconds
                )
            else:
                result = services.world_cafe_plan_compute(
                    scope=scope,
                    world_cafe=world_cafe,
                    seed=seed,
                    seconds=seconds,
                    progress=self._progress,
                )
        except ValidationError as error:
            self._impossible(" ".join(error.messages))
        report = report_data(
            result.problem,
            result.seating,
            method=result.plan.method,
            optimal=result.plan.optimal,
            seconds=result.plan.seconds,
        )
        if as_json:
            data = {
                "rounds": [[list(table) for table in tables] for tables in result.seating],
                "repeated_pairs": report["repeated_pairs"],
                "report": report,
            }
            self.stdout.write(json.dumps(data))
        else:
            self._print_event(scope, world_cafe, result, report, saved=save)

    def _print_event(self, scope, world_cafe, result, report: dict, *, saved: bool) -> None:
        names = {p.invitation_id: p for p in result.participants}
        topics = {
            selectors.topic_key(topic.pk): topic.title
            for topic in selectors.topics_of(scope=scope, world_cafe=world_cafe)
        }
        for number, tables in enumerate(result.seating, start=1):
            self.stdout.write(
                self.style.MIGRATE_HEADING(_("Round %(number)d") % {"number": number})
            )
            for index, people in enumerate(tables):
                spec = result.problem.tables[index]
                topic = result.problem.topics[number - 1][index] if result.problem.topics else None
                label = _("Table %(number)d") % {"number": spec.id}
                if topic is not None:
                    label = f"{label} – {topics.get(topic, topic)}"
                self.stdout.write(f"  {label}")
                for person in people:
                    participant = names[person]
                    line = participant.name
                    if participant.organisation:
                        line = f"{line} ({participant.organisation})"
                    if person == spec.host:
                        line = f"{line} – {_('host')}"
                    self.stdout.write(f"    {line}")
        self.stdout.write(
            _(
                "Repeated encounters (incl. close acquaintances): %(count)d. "
                "Different pairs met: %(pairs)d, new acquaintances: %(new)d."
            )
            % {
                "count": report["repeated_pairs"],
                "pairs": report["distinct_pairs_met"],
                "new": report["new_pairs_met"],
            }
        )
        self.stdout.write(
            _(
                "Pairs of one organisation kind at a table: %(pairs)d (at least %(bound)d). "
                "Topics discussed again: %(topics)d."
            )
            % {
                "pairs": report["same_kind_pairs"],
                "bound": report["same_kind_bound"],
                "topics": report["topic_repeats"],
            }
        )
        if report["preferences_wanted"]:
            self.stdout.write(
                _("Topic wishes met: %(met)d of %(wanted)d.")
                % {"met": report["preferences_met"], "wanted": report["preferences_wanted"]}
            )
        self.stdout.write(_("Hard rules broken: %(count)d.") % {"count": len(report["violations"])})
        if saved:
            self.stdout.write(self.style.SUCCESS(_("The plan has been saved.")))
