"""What the demo's networks say: who they are, their topics, goals, agendas, minutes,
decisions and tasks, in the German the team would write.

Partners are named as in the demo's partner table; companies are drawn from each
network's districts by `plan`. A meeting has one focus topic; its minutes, decisions
and tasks come from that topic's texts below, `{org}` standing for the member that
gave the talk of the meeting.
"""

from dataclasses import dataclass
from datetime import date

from netzwerkstatt.steering.enums import IndicatorKind, MemberRole


@dataclass(frozen=True)
class TopicText:
    name: str
    description: str
    talk: str  # the agenda item's talk, "Impuls: …"
    minutes: tuple[str, ...]  # sentences of the minutes on the topic, {org} the speaker
    decisions: tuple[str, ...]
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class GoalText:
    title: str
    description: str
    indicator: IndicatorKind
    target_value: int
    unit: str
    target_date: date
    indicator_filter: tuple[tuple[str, object], ...] = ()
    # manual goals: months between progress entries, the value reached by the last one
    every_months: int = 0
    reached: int = 0


@dataclass(frozen=True)
class NetworkText:
    name: str
    purpose: str
    region: str
    districts: tuple[str, ...]  # the companies come from these districts
    projects: tuple[str, ...]
    companies: int
    # partners by name with their role; the coordinating one hosts the first meeting
    partners: tuple[tuple[str, MemberRole], ...]
    persons: tuple[tuple[str, MemberRole], ...]  # person keys of the team or acquaintances
    topics: tuple[str, ...]
    goals: tuple[GoalText, ...]
    first_meeting: date
    last_meeting: date  # the last one before the reference date
    next_meeting: date  # planned, after the reference date
    # companies from this district of this WZ division are preferred (a goal counts them)
    preferred: tuple[str, str] = ("", "")
    hands_over: bool = False  # the network with a handover plan


TOPICS = {
    topic.name: topic
    for topic in (
        TopicText(
            "Fachkräftegewinnung",
            "Gemeinsam Fachkräfte für die Region gewinnen: Stellen sichtbar machen, "
            "Quereinsteigende und Zugewanderte erreichen, Bewerbungswege vereinfachen.",
            "Fachkräftesicherung in der Region – Zahlen und Wege",
            (
                (
                    "{org} stellte die aktuellen Arbeitsmarktzahlen vor: Auf jede gemeldete Stelle "
                    "in den Fertigungsberufen kommen weniger als zwei Arbeitslose."
                ),
                (
                    "In der Diskussion wurde deutlich, dass kleine Betriebe kaum Zeit für "
                    "Stellenanzeigen und Auswahlgespräche haben."
                ),
                (
                    "Mehrere Mitglieder berichteten von guten Erfahrungen mit Probearbeitstagen und "
                    "Betriebsbesichtigungen für Arbeitsuchende."
                ),
            ),
            (
                (
                    "Das Netzwerk organisiert im Frühjahr eine gemeinsame Jobbörse der "
                    "Mitgliedsbetriebe."
                ),
                (
                    "Offene Stellen der Mitglieder werden monatlich in einer gemeinsamen Liste "
                    "gesammelt und an Agentur für Arbeit und Jobcenter weitergegeben."
                ),
            ),
            (
                "Gemeinsame Stellenliste der Mitgliedsbetriebe anlegen",
                "Termin und Ort für die Jobbörse klären",
                "Betriebsbesichtigungen für Arbeitsuchende mit dem Jobcenter abstimmen",
            ),
        ),
        TopicText(
            "Ausbildung",
            "Ausbildungsplätze besetzen und Abbrüche vermeiden: Berufsorientierung an Schulen, "
            "Praktika, Verbundausbildung kleiner Betriebe.",
            "Ausbildungsplätze besetzen – was Schulen und Betriebe gemeinsam tun können",
            (
                (
                    "{org} berichtete, dass in der Region noch viele Ausbildungsplätze im Metall- "
                    "und Elektrobereich unbesetzt sind."
                ),
                (
                    "Die Betriebe wünschen sich früheren Kontakt zu Schülerinnen und Schülern, "
                    "etwa über Praktika in den Ferien."
                ),
                (
                    "Eine Verbundausbildung würde auch Kleinstbetrieben die Ausbildung ermöglichen; "
                    "dafür fehlt bisher ein Träger."
                ),
            ),
            (
                "Das Netzwerk beteiligt sich mit einem gemeinsamen Stand an der Ausbildungsmesse.",
                (
                    "Ein Konzept für eine Verbundausbildung wird bis zum nächsten Treffen "
                    "ausgearbeitet."
                ),
            ),
            (
                "Gemeinsamen Stand für die Ausbildungsmesse anmelden",
                "Konzept für die Verbundausbildung entwerfen",
                "Ferienpraktika der Mitgliedsbetriebe an die Berufsschulen melden",
            ),
        ),
        TopicText(
            "Demografie und Wissenstransfer",
            "Ältere Beschäftigte halten und ihr Wissen weitergeben: Altersstrukturanalysen, "
            "Tandems zwischen Alt und Jung, alternsgerechte Arbeit.",
            "Wenn die Erfahrenen gehen – Wissenstransfer zwischen Alt und Jung",
            (
                (
                    "{org} stellte Ergebnisse aus drei Altersstrukturanalysen vor: In zwei Betrieben "
                    "geht bis 2030 ein Drittel der Fertigung in Rente."
                ),
                (
                    "Tandems aus erfahrenen und jungen Beschäftigten haben sich in den Pilotbetrieben "
                    "bewährt, brauchen aber feste Zeiten im Schichtplan."
                ),
            ),
            (
                (
                    "Die Mitglieder stellen ihre Erfahrungen mit Wissenstandems in einer kurzen "
                    "Handreichung zusammen."
                ),
                "Interessierte Betriebe erhalten über TraM einen kostenlosen Demografie-Check.",
            ),
            (
                "Handreichung zu Wissenstandems zusammenstellen",
                "Betriebe für den Demografie-Check ansprechen",
                "Ergebnisse der Altersstrukturanalysen anonymisiert aufbereiten",
            ),
        ),
        TopicText(
            "Gesundheit im Betrieb",
            "Gesund bis zur Rente: betriebliches Gesundheitsmanagement, das auch für kleine "
            "Betriebe machbar ist.",
            "Betriebliches Gesundheitsmanagement im Kleinbetrieb",
            (
                "{org} stellte Angebote der Krankenkassen vor, die kleine Betriebe kaum kennen.",
                (
                    "Die Betriebe berichteten von steigenden Krankenständen, besonders in Montage "
                    "und Pflege."
                ),
            ),
            (
                "Das Netzwerk lädt eine Krankenkasse zum nächsten Treffen ein.",
                "Ein gemeinsamer Gesundheitstag für die Beschäftigten der Mitglieder wird geprüft.",
            ),
            (
                "Krankenkasse für einen Impuls einladen",
                "Kosten und Termin für einen gemeinsamen Gesundheitstag klären",
            ),
        ),
        TopicText(
            "Digitalisierung",
            "Digitale Werkzeuge in Produktion und Verwaltung, und die Qualifizierung der "
            "Beschäftigten dafür.",
            "Digitalisierung in kleinen Betrieben – wo anfangen?",
            (
                (
                    "{org} zeigte an zwei Beispielen, wie Betriebe mit kleinen Schritten anfangen "
                    "können, etwa mit digitalen Schichtplänen."
                ),
                (
                    "Viele Mitglieder sehen den Bedarf, finden aber keine passenden Schulungen für "
                    "ältere Beschäftigte."
                ),
            ),
            ("Das Netzwerk sammelt Schulungsangebote zur Digitalisierung für kleine Betriebe.",),
            (
                "Schulungsangebote zur Digitalisierung zusammentragen",
                "Förderprogramme für digitale Qualifizierung prüfen",
            ),
        ),
        TopicText(
            "Unternehmensnachfolge",
            "Nachfolge in Familienbetrieben rechtzeitig planen, damit Arbeitsplätze und "
            "Wissen in der Region bleiben.",
            "Nachfolge rechtzeitig regeln",
            (
                (
                    "{org} berichtete, dass in der Region in den nächsten fünf Jahren viele "
                    "Familienbetriebe eine Nachfolge suchen."
                ),
                (
                    "Die Betriebe wünschen sich vertrauliche Beratung und Kontakte zu anderen "
                    "Inhaberinnen und Inhabern, die die Übergabe schon hinter sich haben."
                ),
            ),
            ("Das Netzwerk richtet einen vertraulichen Gesprächskreis zur Nachfolge ein.",),
            (
                "Ersten Gesprächskreis zur Nachfolge einladen",
                "Beratungsangebote der Kammern zur Nachfolge zusammenstellen",
            ),
        ),
        TopicText(
            "Vereinbarkeit von Familie und Beruf",
            "Beruf, Kinderbetreuung und Pflege von Angehörigen vereinbaren: Angebote der "
            "Betriebe und der Region.",
            "Vereinbarkeit als Standortvorteil",
            (
                (
                    "{org} stellte Ergebnisse einer Befragung von Beschäftigten mit Kindern und "
                    "Pflegeaufgaben vor."
                ),
                (
                    "Die Mitglieder berichteten, dass gute Vereinbarkeit bei Bewerbungen zunehmend "
                    "den Ausschlag gibt."
                ),
            ),
            (
                (
                    "Die Mitglieder erstellen eine gemeinsame Übersicht über Betreuungsangebote in "
                    "der Region."
                ),
                (
                    "Das Netzwerk bewirbt sich gemeinsam um das Siegel „Familienfreundlicher "
                    "Arbeitgeber“."
                ),
            ),
            (
                "Übersicht der Betreuungsangebote in der Region erstellen",
                "Bewerbungsunterlagen für das Siegel sichten",
            ),
        ),
        TopicText(
            "Flexible Arbeitszeitmodelle",
            "Arbeitszeiten, die zu Betrieb und Beschäftigten passen: Gleitzeit, Teilzeit, "
            "Schichtmodelle, Wunschdienstpläne.",
            "Arbeitszeitmodelle aus der Praxis",
            (
                (
                    "{org} stellte drei Arbeitszeitmodelle aus Pflege und Handel vor, die in FluGs "
                    "erprobt werden."
                ),
                (
                    "Die Betriebe diskutierten, wie Wunschdienstpläne mit langen Öffnungszeiten "
                    "vereinbar sind."
                ),
            ),
            (
                "Interessierte Betriebe erhalten über FluGs eine Arbeitszeitberatung vor Ort.",
                "Die Erfahrungen der Pilotbetriebe werden beim übernächsten Treffen vorgestellt.",
            ),
            (
                "Pilotbetriebe für die Arbeitszeitberatung gewinnen",
                "Beispiele für Wunschdienstpläne zusammenstellen",
            ),
        ),
        TopicText(
            "Frauen in Führung",
            "Mehr Frauen in Führungspositionen: Führen in Teilzeit, Mentoring, "
            "Personalentwicklung.",
            "Führen in Teilzeit – geht das?",
            (
                "{org} berichtete über Erfahrungen mit geteilter Führung in zwei Betrieben.",
                (
                    "Mehrere Betriebe sehen Potenzial bei Beschäftigten, die bisher keine "
                    "Führungsaufgaben übernehmen wollten."
                ),
            ),
            ("Das Netzwerk startet ein gemeinsames Mentoring-Programm mit FluGs.",),
            (
                "Mentorinnen und Mentoren aus den Mitgliedsbetrieben gewinnen",
                "Auftaktveranstaltung des Mentoring-Programms planen",
            ),
        ),
    )
}

# Said at the first meeting of every network.
KICKOFF_TALK = "Auftakt: Ziele, Themen und Arbeitsweise des Netzwerks"
KICKOFF_MINUTES = (
    "Die Teilnehmenden stellten sich vor und nannten die Themen, die ihnen am wichtigsten "
    "sind. Daraus wurden die Themen des Netzwerks abgeleitet."
)
KICKOFF_DECISIONS = (
    "Das Netzwerk trifft sich alle sechs bis acht Wochen, reihum bei den Mitgliedern.",
    "Die Koordination übernehmen {coordination} gemeinsam mit dem Bildungsverein Nord.",
    "Die gemeinsamen Ziele werden bis zum nächsten Treffen als Entwurf vorgelegt.",
)
KICKOFF_TASKS = (
    "Entwurf der gemeinsamen Ziele erstellen",
    "Einladungsliste um weitere Betriebe der Region ergänzen",
)
# Said at every later meeting besides its focus topic.
REGULAR_MINUTES = (
    "Das Protokoll des letzten Treffens wurde ohne Änderungen angenommen.",
    "Die offenen Aufgaben wurden durchgesprochen; erledigte wurden abgehakt.",
    "Aus {project} wurde über den Stand der Betriebsansprachen in der Region berichtet.",
)
REGULAR_TASKS = (
    "Protokoll an alle Mitglieder versenden",
    "Raum und Verpflegung für das nächste Treffen organisieren",
    "Neue Mitgliedsbetriebe zum nächsten Treffen einladen",
)
EVENT_MINUTES = (
    "Das Treffen fand im Rahmen des Reflexionsworkshops des Bildungsvereins statt. Die "
    "Ergebnisse der World-Café-Runde zur Nachhaltigkeit von Netzwerken wurden für das "
    "Netzwerk ausgewertet."
)
EVENT_DECISIONS = (
    (
        "Das Netzwerk erarbeitet bis zum Frühjahr einen Plan, wer die Koordination nach dem "
        "Projektende übernimmt."
    ),
)
AGENDA = (
    "1. Begrüßung und Protokoll des letzten Treffens\n"
    "2. Berichte aus den Projekten {projects}\n"
    "3. Impuls: {talk} ({org})\n"
    "4. Offene Aufgaben und Verabredungen\n"
    "5. Verschiedenes, nächster Termin"
)
KICKOFF_AGENDA = (
    "1. Begrüßung und Vorstellungsrunde\n"
    "2. {talk}\n"
    "3. Themensammlung und Interessen der Mitglieder\n"
    "4. Verabredungen zur Zusammenarbeit\n"
    "5. Nächster Termin"
)
EVENT_TITLE = "Netzwerktreffen im Reflexionsworkshop"
TITLE = "{number}. Netzwerktreffen: {topic}"
KICKOFF_TITLE = "Auftakttreffen"
NEXT_TITLE = "{number}. Netzwerktreffen"
NEXT_AGENDA = (
    "1. Begrüßung und Protokoll des letzten Treffens\n"
    "2. Stand der gemeinsamen Ziele\n"
    "3. Offene Aufgaben\n"
    "4. Planung der Treffen im nächsten Jahr\n"
    "5. Verschiedenes"
)
PROGRESS_NOTES = (
    "Stand laut Rückmeldung der Betriebe.",
    "Zwei Betriebe neu dazugekommen.",
    "Stand nach dem letzten Netzwerktreffen.",
    "",
    "",
)
# The demo users' open tasks around the reference date, for their "Heute" page.
REMINDER_TASKS = (
    "Einladung zum nächsten Netzwerktreffen verschicken",
    "Stand der gemeinsamen Ziele für den Jahresbericht zusammenstellen",
    "Termine der Netzwerktreffen 2027 mit den Mitgliedern abstimmen",
    "Neue Betriebe aus der Region zum nächsten Treffen einladen",
    "Nachfolge in der Koordination mit der Wirtschaftsförderung besprechen",
    "Ergebnisse des Reflexionsworkshops für das Netzwerk aufbereiten",
)
HANDOVER_NOTES = (
    "Bei einem gemeinsamen Termin vorgestellt.",
    "Vorstellung beim nächsten Netzwerktreffen geplant.",
    "Erst nach der Ausbildungsmesse, vorher ist kein gemeinsamer Termin frei.",
)

NETWORKS = (
    NetworkText(
        name="Fachkräftenetzwerk Gifhorn-Wolfsburg",
        purpose=(
            "Betriebe der Metall- und Elektroindustrie, Kammern, Sozialpartner und "
            "Arbeitsverwaltung aus dem Landkreis Gifhorn und der Stadt Wolfsburg sichern "
            "gemeinsam Fachkräfte: Sie tauschen Erfahrungen zu Ausbildung, Wissenstransfer "
            "und Gesundheit aus, bündeln Angebote und sprechen weitere Betriebe an. Das "
            "Netzwerk soll über das Ende von TraM hinaus bestehen."
        ),
        region="Landkreis Gifhorn und Stadt Wolfsburg",
        districts=("Landkreis Gifhorn", "Stadt Wolfsburg"),
        projects=("TraM",),
        companies=9,
        partners=(
            ("Wirtschaftsförderung Landkreis Gifhorn", MemberRole.COORDINATION),
            ("IHK Lüneburg-Wolfsburg, Geschäftsstelle Wolfsburg", MemberRole.MEMBER),
            ("Kreishandwerkerschaft Gifhorn-Wolfsburg", MemberRole.MEMBER),
            ("IG Metall Wolfsburg", MemberRole.MEMBER),
            ("Wirtschaftsförderung Stadt Wolfsburg", MemberRole.MEMBER),
            ("Bildungswerk Aller-Oker gGmbH", MemberRole.MEMBER),
            ("Qualifizierungszentrum Metall Wolfsburg e.V.", MemberRole.MEMBER),
            ("Agentur für Arbeit Helmstedt", MemberRole.GUEST),
            ("Jobcenter Landkreis Gifhorn", MemberRole.GUEST),
        ),
        persons=(
            ("team-ohlendorf", MemberRole.COORDINATION),
            ("team-wittkamp", MemberRole.MEMBER),
            ("former-brueggemann", MemberRole.MEMBER),
        ),
        topics=(
            "Fachkräftegewinnung",
            "Ausbildung",
            "Demografie und Wissenstransfer",
            "Gesundheit im Betrieb",
            "Digitalisierung",
            "Unternehmensnachfolge",
        ),
        goals=(
            GoalText(
                "Mindestens 6 Metallbetriebe aus dem Landkreis Gifhorn sind Mitglied",
                "Betriebe der Herstellung von Metallerzeugnissen (WZ 25) aus dem Landkreis "
                "Gifhorn, die dem Netzwerk beigetreten sind.",
                IndicatorKind.MEMBER_ORGANISATIONS,
                6,
                "Betriebe",
                date(2027, 6, 30),
                (("sector", "25"), ("district", "Landkreis Gifhorn")),
            ),
            GoalText(
                "Jedes Thema tragen mindestens zwei Mitglieder außerhalb des Projektteams",
                "Damit das Netzwerk nach TraM weiterarbeitet, soll kein Thema nur am "
                "Projektteam hängen.",
                IndicatorKind.TOPIC_COVERAGE,
                6,
                "Themen",
                date(2027, 12, 31),
                (("min_members", 2),),
            ),
            GoalText(
                "Im Schnitt mindestens 12 Teilnehmende je Netzwerktreffen",
                "Durchschnittliche Teilnahme an den Netzwerktreffen.",
                IndicatorKind.MEETING_ATTENDANCE,
                12,
                "Teilnehmende",
                date(2027, 6, 30),
            ),
            GoalText(
                "20 Betriebe machen den Demografie-Check",
                "Mitgliedsbetriebe und von Mitgliedern empfohlene Betriebe, die einen "
                "Demografie-Check mit TraM abgeschlossen haben.",
                IndicatorKind.MANUAL,
                20,
                "Betriebe",
                date(2027, 12, 31),
                every_months=1,
                reached=13,
            ),
        ),
        first_meeting=date(2025, 11, 12),
        last_meeting=date(2026, 10, 14),  # the reflection workshop
        next_meeting=date(2026, 12, 2),
        preferred=("Landkreis Gifhorn", "25"),
        hands_over=True,
    ),
    NetworkText(
        name="Arbeitgeberkreis Lüneburger Heide",
        purpose=(
            "Arbeitgeber aus Handel, Pflege, Logistik, Gastronomie und Industrie in den "
            "Landkreisen Lüneburg, Uelzen, Celle und Heidekreis machen ihre Betriebe "
            "familienfreundlicher und flexibler: mit Arbeitszeitmodellen, Mentoring für "
            "Frauen in Führung und gemeinsamer Fachkräftegewinnung, begleitet von "
            "Sozialpartnern, Kammern und Arbeitsagenturen."
        ),
        region="Landkreise Lüneburg, Uelzen, Celle und Heidekreis",
        districts=(
            "Landkreis Lüneburg",
            "Landkreis Uelzen",
            "Landkreis Celle",
            "Landkreis Heidekreis",
        ),
        projects=("FluGs", "TraM"),
        companies=7,
        partners=(
            ("Arbeitgeberverband Lüneburg-Nordostniedersachsen", MemberRole.COORDINATION),
            ("IHK Lüneburg-Wolfsburg", MemberRole.MEMBER),
            ("DEHOGA Kreisverband Lüneburg", MemberRole.MEMBER),
            ("DGB Region Nord-Ost-Niedersachsen", MemberRole.MEMBER),
            ("IG Metall Celle-Lüneburg", MemberRole.MEMBER),
            ("Berufsbildungszentrum Heide-Wendland", MemberRole.MEMBER),
            ("zeitgewinn Arbeitszeitberatung", MemberRole.MEMBER),
            ("Gleichstellungsbüro Landkreis Celle", MemberRole.MEMBER),
            ("Wirtschaftsförderung Landkreis Uelzen", MemberRole.MEMBER),
            ("Agentur für Arbeit Lüneburg-Uelzen", MemberRole.GUEST),
            ("Agentur für Arbeit Celle", MemberRole.GUEST),
            ("Fachkräftebündnis Nordost-Niedersachsen", MemberRole.GUEST),
        ),
        persons=(
            ("team-behrends", MemberRole.COORDINATION),
            ("team-grabowski", MemberRole.MEMBER),
        ),
        topics=(
            "Fachkräftegewinnung",
            "Vereinbarkeit von Familie und Beruf",
            "Flexible Arbeitszeitmodelle",
            "Frauen in Führung",
            "Gesundheit im Betrieb",
        ),
        goals=(
            GoalText(
                "15 Betriebe führen ein flexibles Arbeitszeitmodell ein",
                "Mitgliedsbetriebe und Betriebe aus FluGs, die nach der Beratung ein neues "
                "Arbeitszeitmodell eingeführt haben.",
                IndicatorKind.MANUAL,
                15,
                "Betriebe",
                date(2028, 3, 31),
                every_months=3,
                reached=6,
            ),
            GoalText(
                "Mindestens 4 Betriebe aus dem Landkreis Uelzen sind Mitglied",
                "Mitgliedsbetriebe aus dem Landkreis Uelzen, wo das Netzwerk bisher wenig "
                "vertreten ist.",
                IndicatorKind.MEMBER_ORGANISATIONS,
                4,
                "Betriebe",
                date(2027, 3, 31),
                (("district", "Landkreis Uelzen"),),
            ),
            GoalText(
                "Im Schnitt mindestens 10 Teilnehmende je Netzwerktreffen",
                "Durchschnittliche Teilnahme an den Netzwerktreffen.",
                IndicatorKind.MEETING_ATTENDANCE,
                10,
                "Teilnehmende",
                date(2027, 6, 30),
            ),
        ),
        first_meeting=date(2025, 12, 4),
        last_meeting=date(2026, 10, 22),
        next_meeting=date(2026, 12, 10),
    ),
)

HANDOVER_PLAN = (
    "Ab Herbst 2028 übernimmt {successor} ({organisation}) die Koordination des "
    "Netzwerks; bis dahin koordinieren die Wirtschaftsförderung und der Bildungsverein Nord "
    "gemeinsam.\n\n"
    "Bis Mitte 2028:\n"
    "- Einladungen, Protokolle und Aufgabenliste gehen schrittweise an die "
    "Wirtschaftsförderung über.\n"
    "- Jede enge Beziehung des Projektteams zu Mitgliedern erhält eine Nachfolge, die "
    "persönlich vorgestellt wird.\n"
    "- Die Mitglieder vereinbaren, wer welches Thema nach dem Projektende trägt.\n"
    "- Das Netzwerk klärt, wie Raum und Verpflegung künftig finanziert werden."
)
HANDOVER_ON = date(2028, 10, 1)
