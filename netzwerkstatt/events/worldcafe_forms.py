"""Forms of the World-Café pages: settings and hosts, topics, pairs to keep apart, wishes, swaps, results.

Participants are chosen by their invitation id among the event's participants
(`CafeParticipant`s), so a form never accepts someone outside the event.
"""

from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import TableRound, Topic, WorldCafe
from .worldcafe.selectors import CafeParticipant
from .worldcafe.services import MAX_ROUNDS

TABLES_BY_COUNT = "count"
TABLES_BY_SIZE = "size"


def participant_label(participant: CafeParticipant) -> str:
    if participant.organisation:
        return f"{participant.name} ({participant.organisation})"
    return participant.name


def participant_choices(participants: Sequence[CafeParticipant], *, empty=None) -> list:
    choices = [(p.invitation_id, participant_label(p)) for p in participants]
    return [("", empty), *choices] if empty is not None else choices


class WorldCafeSettingsForm(forms.Form):
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=MAX_ROUNDS)
    round_minutes = forms.IntegerField(label=_("Minutes per round"), min_value=5, max_value=180)
    tables_by = forms.ChoiceField(
        label=_("Tables"),
        choices=[
            (TABLES_BY_COUNT, _("by number of tables")),
            (TABLES_BY_SIZE, _("by people per table")),
        ],
        widget=forms.RadioSelect,
    )
    table_count = forms.IntegerField(label=_("Number of tables"), min_value=1, required=False)
    table_size = forms.IntegerField(
        label=_("People per table"),
        min_value=2,
        max_value=30,
        required=False,
        help_text=_("The number of tables follows from the participants registered now."),
    )

    def __init__(self, *args, participants: Sequence[CafeParticipant], tables: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.table_numbers = list(range(1, tables + 1))
        for number in self.table_numbers:
            self.fields[f"host_{number}"] = forms.TypedChoiceField(
                label=_("Host of table %(number)d") % {"number": number},
                choices=participant_choices(participants, empty=_("– no host –")),
                coerce=int,
                empty_value=None,
                required=False,
            )

    @classmethod
    def for_world_cafe(
        cls, data, *, world_cafe: WorldCafe | None, tables, participants, rounds, default_tables
    ):
        initial = {
            "rounds": world_cafe.rounds if world_cafe else rounds,
            "round_minutes": world_cafe.round_minutes if world_cafe else 20,
            "tables_by": TABLES_BY_COUNT,
            "table_count": len(tables) or default_tables,
            "table_size": -(-len(participants) // (len(tables) or default_tables)) or None,
            **{f"host_{table.number}": table.host_id for table in tables},
        }
        return cls(data, participants=participants, tables=len(tables), initial=initial)

    def host_fields(self):
        return [self[f"host_{number}"] for number in self.table_numbers]

    def clean(self):
        data = super().clean()
        by = data.get("tables_by")
        if by == TABLES_BY_COUNT and not data.get("table_count"):
            self.add_error("table_count", _("Give the number of tables."))
        if by == TABLES_BY_SIZE and not data.get("table_size"):
            self.add_error("table_size", _("Give the number of people per table."))
        hosts = [data.get(f"host_{number}") for number in self.table_numbers]
        chosen = [host for host in hosts if host is not None]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(_("A participant can host only one table."))
        return data

    def service_fields(self, invitations: dict) -> dict:
        data = self.cleaned_data
        by_count = data["tables_by"] == TABLES_BY_COUNT
        count = data["table_count"] if by_count else None
        hosts = {
            number: invitations[data[f"host_{number}"]]
            for number in self.table_numbers
            if data.get(f"host_{number}") is not None and (count is None or number <= count)
        }
        return {
            "rounds": data["rounds"],
            "round_minutes": data["round_minutes"],
            "table_count": count,
            "table_size": None if by_count else data["table_size"],
            "hosts": hosts,
        }


class TopicForm(forms.ModelForm):
    """A problem statement; `proposed_by` is one of the event's participants."""

    proposed_by = forms.TypedChoiceField(
        label=_("Proposed by"), coerce=int, empty_value=None, required=False
    )

    class Meta:
        model = Topic
        fields = ["title", "description", "votes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, participants: Sequence[CafeParticipant], **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = {p.person_id: p for p in participants}
        self.fields["proposed_by"].choices = [
            ("", _("– the organiser –")),
            *((p.person_id, participant_label(p)) for p in participants),
        ]
        if self.instance.pk and self.instance.proposed_by_id:
            self.initial["proposed_by"] = self.instance.proposed_by_id

    def service_fields(self, persons: dict) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "votes": data["votes"] or 0,
            "proposed_by": persons.get(data["proposed_by"]),
        }


class TopicDealForm(forms.Form):
    count = forms.IntegerField(
        label=_("Number of topics"),
        min_value=1,
        help_text=_("The topics with the most votes go to the tables, in rotation."),
    )


class TopicGridForm(forms.Form):
    """One topic per table and round: a select per table round."""

    def __init__(
        self, *args, table_rounds: Sequence[TableRound], topics: Sequence[Topic], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.table_rounds = list(table_rounds)
        self.topics = {topic.pk: topic for topic in topics}
        choices = [("", _("– no topic –")), *((t.pk, t.title) for t in topics)]
        for table_round in self.table_rounds:
            self.fields[f"topic_{table_round.pk}"] = forms.TypedChoiceField(
                label=_("Table %(table)d, round %(round)d")
                % {"table": table_round.table.number, "round": table_round.round},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=table_round.topic_id,
            )

    def rows(self) -> list[tuple[int, list]]:
        """(table number, its fields round by round), for a grid of tables × rounds."""
        rows: dict[int, list] = {}
        for table_round in sorted(self.table_rounds, key=lambda row: (row.table.number, row.round)):
            rows.setdefault(table_round.table.number, []).append(self[f"topic_{table_round.pk}"])
        return list(rows.items())

    def changes(self) -> list[tuple[TableRound, Topic | None]]:
        found = []
        for table_round in self.table_rounds:
            topic_id = self.cleaned_data.get(f"topic_{table_round.pk}")
            if topic_id != table_round.topic_id:
                found.append((table_round, self.topics.get(topic_id)))
        return found


class PairForm(forms.Form):
    """Two different participants (invitation ids)."""

    first = forms.TypedChoiceField(label=_("Participant"), coerce=int)
    second = forms.TypedChoiceField(label=_("and participant"), coerce=int)

    def __init__(self, *args, participants: Sequence[CafeParticipant], **kwargs):
        super().__init__(*args, **kwargs)
        choices = participant_choices(participants, empty="–")
        self.fields["first"].choices = choices
        self.fields["second"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("first") is not None and data.get("first") == data.get("second"):
            raise ValidationError(_("Choose two different participants."))
        return data


class SwapForm(PairForm):
    round_number = forms.TypedChoiceField(label=_("Round"), coerce=int)

    def __init__(self, *args, rounds: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round_number"].choices = [(r, r) for r in range(1, rounds + 1)]
        self.order_fields(["round_number", "first", "second"])


class WishesForm(forms.Form):
    """Per participant the topics they would like to discuss (none: no wishes)."""

    def __init__(
        self,
        *args,
        participants: Sequence[CafeParticipant],
        topics: Sequence[Topic],
        wishes: dict,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        choices = [(topic.pk, topic.title) for topic in topics]
        for participant in self.participants:
            self.fields[f"wishes_{participant.invitation_id}"] = forms.TypedMultipleChoiceField(
                label=participant_label(participant),
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=list(wishes.get(participant.invitation_id, ())),
            )

    def rows(self):
        return [
            (participant, self[f"wishes_{participant.invitation_id}"])
            for participant in self.participants
        ]

    def wishes(self) -> dict[int, list[int]]:
        return {
            participant.invitation_id: self.cleaned_data[f"wishes_{participant.invitation_id}"]
            for participant in self.participants
        }


class ResultForm(forms.Form):
    key_points = forms.CharField(
        label=_("Key points"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
    )
