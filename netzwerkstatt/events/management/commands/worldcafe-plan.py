import json
import time

from django.core.management.base import CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from netzwerkstatt.core.commands import NetzwerkstattCommand
from netzwerkstatt.events.tableplanner import Plan, Problem, plan_tables

EXIT_IMPOSSIBLE = 2
MAX_PARTICIPANTS = 1_000
PROGRESS_EVERY_SECONDS = 1.0


class Command(NetzwerkstattCommand):
    help = (
        "Plan World Café table rounds so that people meet as many new people as possible. "
        "With --groups, --size and --rounds: the Social Golfer Problem for participants "
        "0 … groups·size − 1. Exit code 2: the parameters are impossible."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, help="number of tables")
        parser.add_argument("--size", type=int, help="people per table")
        parser.add_argument("--rounds", type=int, required=True, help="number of rounds")
        parser.add_argument(
            "--seconds", type=float, default=5.0, help="time budget in seconds (default 5)"
        )
        parser.add_argument("--seed", type=int, default=0, help="seed of the random choices")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help='print {"rounds": [[[ids of table 1], …], …], "repeated_pairs": n}',
        )

    def handle(self, *args, rounds, seconds, seed, as_json, **options):
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
                _("%(seconds)s s: the best plan so far repeats %(count)d encounters …")
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
