"""What the demo's past event says: title, programme, topics, results, captions and slides.

Modelled on the practitioners' report the product grew from: a reflection workshop
with two talks on winning companies in the morning and a World Café on three
self-chosen problem statements in the afternoon. People appear by their part in
the workshop (`Part`); the writer casts demo persons for them.
"""

import enum
from dataclasses import dataclass
from datetime import date, time

# A Wednesday two and a half weeks before the demo's reference date.
EVENT_DAY = date(2026, 10, 14)
STARTS, ENDS = time(9, 30), time(15, 30)
INVITED_DAYS_BEFORE = 42
REGISTRATION_CLOSES_DAYS_BEFORE = 7
CAPACITY = 30

TITLE = "Reflexionsworkshop: Netzwerke aufbauen – Partner und Betriebe einbinden"
VENUE = "Seminarzentrum des Bildungsvereins Nord"
DESCRIPTION = (
    "Wie gewinnen Projekte Betriebe, und wie binden sie Kammern, Gewerkschaften, "
    "Arbeitsagenturen und Bildungsträger so ein, dass ein tragfähiges Netzwerk entsteht? "
    "Der Reflexionsworkshop bringt Projektteams, Netzwerkpartner und Betriebe aus TraM und "
    "FluGs zusammen: am Vormittag mit zwei Erfahrungsberichten aus der Unternehmensakquise, "
    "am Nachmittag in einem World Café zu drei Problemstellungen, die die Teilnehmenden "
    "selbst wählen."
)
SUMMARY = (
    "Am 14. Oktober tauschten sich 25 Teilnehmende aus Projekten, Netzwerkpartnern und "
    "Betrieben über den Aufbau von Netzwerken und die Einbindung von Partnern und Betrieben "
    "aus.\n\n"
    "Das Fazit aus TraM: Kaltakquise nach dem Gießkannenprinzip führt nicht zum Erfolg. Gute "
    "Akquise braucht Vorbereitung und eine auf jeden Betrieb zugeschnittene Ansprache. In "
    "FluGs öffneten die langjährige Zusammenarbeit mit regionalen Partnern und persönliche "
    "Empfehlungen die Türen, zusammen mit einem passgenauen Nutzen für jeden Betrieb.\n\n"
    "Einig waren sich alle: Gute Netzwerke brauchen gemeinsame Ziele und Themen, Steuerung "
    "und vertrauensvolle persönliche Beziehungen. Im World Café am Nachmittag entstanden "
    "Lösungen zur Akquise zum Projektstart, zur Arbeit in gemischten Gruppen und zur "
    "Nachhaltigkeit von Netzwerken."
)


class Part(enum.Enum):
    """Who does what at the workshop; `writer.cast` finds a demo person for each."""

    HEAD = "the managing director, who welcomes the guests"
    LEAD = "the project lead, speaker on TraM and host of a table"
    COORDINATOR = "the network coordinator, who moderates"
    COLLEAGUE = "the FluGs team member, host of a table"
    CONSULTANT = "a working-time consultant, speaker on FluGs and host of a table"
    CHAMBER = "a chamber's staff member, host of a table"


@dataclass(frozen=True)
class Slide:
    title: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class Talk:
    """A presentation given at a programme item; its speaker is the item's first."""

    title: str
    slides: tuple[Slide, ...]


@dataclass(frozen=True)
class Item:
    starts: time
    ends: time
    title: str
    room: str
    description: str
    speakers: tuple[Part, ...]
    talk: Talk | None = None


PLENUM = "Plenum, Raum 1.01"
TRAM_TALK = Talk(
    title="Unternehmensakquise in TraM: Erfahrungen aus dem ersten Projektjahr",
    slides=(
        Slide(
            "Ausgangslage",
            (
                "KMU der Metall- und Elektroindustrie in Ostniedersachsen",
                "Einstieg über Demografie-Check und Altersstrukturanalyse",
                "Erste Welle: Anschreiben und Telefonakquise",
            ),
        ),
        Slide(
            "Was nicht funktioniert hat",
            (
                "Kaltakquise nach dem Gießkannenprinzip: viele Anrufe, wenige Termine",
                "Allgemeine Projektflyer ohne Bezug zum Betrieb",
                "Zu wenig Zeit, um einzelne Gespräche vorzubereiten",
            ),
        ),
        Slide(
            "Was funktioniert",
            (
                "Gründliche Vorbereitung: Branche, Altersstruktur, aktuelle Themen",
                "Eine auf jeden Betrieb zugeschnittene, zielgerichtete Ansprache",
                "Türöffner aus Kammern, Verbänden und Gewerkschaften",
                "Mitarbeitende, die das kommunikative Handwerk beherrschen",
            ),
        ),
    ),
)
FLUGS_TALK = Talk(
    title="FluGs: Betriebe über Netzwerkpartner und Empfehlungen gewinnen",
    slides=(
        Slide(
            "Unser Zugang",
            (
                "Langjährige Zusammenarbeit mit regionalen Netzwerkpartnern",
                "Persönliche Empfehlungen öffnen Türen",
                "Vertrauensvolles Networking statt Massenansprache",
            ),
        ),
        Slide(
            "Nutzen für den Betrieb",
            (
                "Ein passgenauer, bedarfsorientierter Nutzen für jeden Betrieb",
                "Anknüpfen an die Lage vor Ort: Dienstpläne, Teilzeitwünsche, Fachkräftebedarf",
                "Konkrete nächste Schritte schon im Erstgespräch",
            ),
        ),
        Slide(
            "Erfahrungen",
            (
                "Empfehlungen führen viel öfter zum Termin als Kaltakquise",
                "Partner wollen hören, was aus ihrer Empfehlung geworden ist",
                "Gute Beziehungen tragen über das Projekt hinaus",
            ),
        ),
    ),
)

PROGRAMME = (
    Item(
        time(9, 30),
        time(9, 45),
        "Begrüßung und Einführung",
        PLENUM,
        "Ziele des Workshops, Vorstellungsrunde und Ablauf des Tages.",
        (Part.HEAD,),
    ),
    Item(
        time(9, 45),
        time(10, 30),
        "Unternehmensakquise in TraM: Warum Kaltakquise nicht trägt",
        PLENUM,
        "Erfahrungen aus dem ersten Projektjahr: Vorbereitung, zielgerichtete Ansprache "
        "einzelner Betriebe und was die Startphase an Personal braucht.",
        (Part.LEAD,),
        TRAM_TALK,
    ),
    Item(
        time(10, 30),
        time(11, 15),
        "FluGs: Betriebe über Netzwerkpartner gewinnen",
        PLENUM,
        "Wie die Zusammenarbeit mit regionalen Partnern den Zugang zu Betrieben öffnet und "
        "wie ein passgenauer Nutzen für jeden Betrieb formuliert wird.",
        (Part.CONSULTANT, Part.COLLEAGUE),
        FLUGS_TALK,
    ),
    Item(
        time(11, 30),
        time(12, 30),
        "Diskussion: Was macht Netzwerke tragfähig?",
        PLENUM,
        "Gemeinsame Ziele und Themen, Steuerung und vertrauensvolle persönliche Beziehungen – "
        "und was davon über das Projektende hinaus trägt.",
        (Part.COORDINATOR,),
    ),
    Item(
        time(13, 15),
        time(14, 45),
        "World Café: drei Problemstellungen in drei Runden",
        "Seminarräume 1.02 und 1.03",
        "An fünf Tischen mit festen Gastgeberinnen und Gastgebern, drei Runden zu je "
        "25 Minuten. Die Problemstellungen haben die Teilnehmenden am Vormittag gewählt.",
        (Part.COORDINATOR,),
    ),
    Item(
        time(14, 45),
        time(15, 30),
        "Ergebnissicherung und Ausblick",
        PLENUM,
        "Die Gastgeberinnen und Gastgeber stellen die Ergebnisse ihrer Tische vor; "
        "Verabredungen für das nächste Netzwerktreffen.",
        (Part.LEAD,),
    ),
)

ROUNDS = 3
ROUND_MINUTES = 25
# Table number → its host, who keeps the table's topic in every round.
HOSTS = {
    1: Part.LEAD,
    2: Part.CONSULTANT,
    3: Part.COORDINATOR,
    4: Part.COLLEAGUE,
    5: Part.CHAMBER,
}


@dataclass(frozen=True)
class TopicText:
    title: str
    description: str
    proposed_by: Part
    votes: int
    # What one table worked out, line by line, round by round (a topic discussed at two
    # tables takes them in turn); each also ends up on a flip chart.
    key_points: tuple[tuple[str, ...], ...]


TOPICS = (
    TopicText(
        "Wie gewinnen wir KMU ohne Kaltakquise?",
        "Erfolgsfaktoren der Unternehmensakquise zum Projektstart",
        Part.LEAD,
        14,
        (
            (
                "– Betriebe vorab gründlich recherchieren: Branche, Größe, Themen vor Ort",
                "– Ansprechpersonen persönlich ansprechen statt Serienbriefe",
                "– Erstkontakt über bekannte Gesichter aus Kammer oder Verband",
            ),
            (
                "– Telefonische Kaltakquise: viel Aufwand, kaum Termine",
                "– Veranstaltungen der Kammern und Verbände nutzen, um ins Gespräch zu kommen",
                "– Ein kurzes, verständliches Angebot auf einer Seite",
            ),
            (
                "– Den Nutzen in der Sprache des Betriebs sagen: Fachkräfte halten, Ausfälle vermeiden",
                "– Nicht das Projekt verkaufen, sondern ein Problem des Betriebs lösen",
                "– Referenzbetriebe als Türöffner gewinnen",
            ),
            (
                "– In der Startphase braucht das Team Leute, die Akquise können",
                "– Gesprächsleitfaden gemeinsam entwickeln und nach jedem Termin nachschärfen",
                "– Absagen festhalten: Warum nicht? Wann wieder anfragen?",
            ),
            (
                "Fazit: Gute Akquise ist vorbereitet, persönlich und auf den Betrieb zugeschnitten.",
                "– Netzwerkpartner um Empfehlungen bitten und das Ergebnis zurückmelden",
                "– Erfolge sichtbar machen: kurze Betriebsbeispiele",
            ),
            (
                "Fazit: Ein Akquiseplan mit Zielbetrieben, Türöffnern und nächstem Schritt.",
                "– Betriebe nach dem ersten Workshop um Weiterempfehlung bitten",
                "– Geduld einplanen: bis zur Vereinbarung vergehen oft drei Monate",
            ),
        ),
    ),
    TopicText(
        "Wie arbeiten Betriebe, Kammern und Gewerkschaften in einem Netzwerk gut zusammen?",
        "Netzwerkarbeit mit gemischten Teilnehmendengruppen",
        Part.CONSULTANT,
        11,
        (
            (
                "– Erwartungen offen ansprechen: Betriebe wollen schnelle Ergebnisse, Verbände langfristige Themen",
                "– Eine gemeinsame Sprache finden, Fachbegriffe erklären",
                "– Betriebs- und Personalräte früh einbeziehen",
            ),
            (
                "– Sozialpartner gemeinsam an den Tisch holen schafft Vertrauen in den Betrieben",
                "– Rollen klären: Wer lädt ein, wer moderiert, wer berichtet?",
                "– Kleine Formate wie Frühstück oder Betriebsbesuch statt großer Runden",
            ),
            (
                "– Gemeinsame Ziele und Themen sind die Grundlage, sonst zerfällt die Gruppe",
                "– Konkurrenz unter Bildungsträgern ansprechen, Arbeitsteilung vereinbaren",
                "– Jedes Treffen mit einem konkreten Ergebnis beenden",
            ),
            (
                "– Betriebe bleiben, wenn sie voneinander lernen: Praxisbeispiele statt Vorträge",
                "– Termine an den Arbeitsalltag anpassen: früh, kurz, vor Ort",
                "– Protokolle knapp halten und zeitnah verschicken",
            ),
            (
                "Fazit: Klare Rollen, gemeinsame Ziele und Formate, die Betrieben etwas bringen.",
                "– Eine feste Ansprechperson im Projekt",
                "– Ergebnisse an alle Beteiligten zurückspiegeln",
            ),
            (
                "Fazit: Steuerung und Vertrauen gehören zusammen.",
                "– Eine Koordination hält den Faden, persönliche Beziehungen tragen",
                "– Neue Mitglieder mit einer Patin oder einem Paten einführen",
            ),
        ),
    ),
    TopicText(
        "Wie bleibt das Netzwerk nach Projektende tragfähig?",
        "Sicherung der Nachhaltigkeit von Netzwerken",
        Part.COORDINATOR,
        9,
        (
            (
                "– Netzwerke tragen nur, wenn sie den Beteiligten auch ohne Förderung nutzen",
                "– Früh klären, wer die Koordination danach übernimmt: Kammer, Verband, Wirtschaftsförderung",
                "– Kontakte und Absprachen festhalten, nicht nur im Kopf einer Person",
            ),
            (
                "– Themen wählen, die über das Projekt hinaus wichtig bleiben: Fachkräfte, Demografie, Vereinbarkeit",
                "– Kleine, regelmäßige Treffen statt großer Einzelveranstaltungen",
                "– Verantwortung auf mehrere Schultern verteilen",
            ),
            (
                "Fazit: Nachhaltigkeit von Anfang an mitplanen.",
                "– Die Übergabe an einen regionalen Partner im letzten Projektjahr vorbereiten",
                "– Betriebe als aktive Mitglieder gewinnen, nicht nur als Teilnehmende",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class Scene:
    """A photo of the plenary with a slide on the screen. It shows the speakers of the
    programme item at index `speakers_of`, or (None) a few participants who consented."""

    caption: str
    slide: str
    speakers_of: int | None = None


SCENES = (
    Scene("Begrüßung im Plenum", TITLE),
    Scene("Vortrag zur Unternehmensakquise in TraM", TRAM_TALK.title, speakers_of=1),
    Scene("Erfahrungsbericht aus FluGs", FLUGS_TALK.title, speakers_of=2),
    Scene("Diskussion im Plenum", "Was macht Netzwerke tragfähig?"),
)
CROWD_SHOWN = 3
TABLE_PHOTO_CAPTION = "World Café: Gespräch an Tisch {table} in Runde {round}"
FLIP_CHART_CAPTION = "Flipchart von Tisch {table}, Runde {round}: {topic}"
