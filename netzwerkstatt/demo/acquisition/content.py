"""What the demo's acquisition says: measures, target profiles, benefit templates and the
German texts of research notes, activities and closing notes. Plain data, no ORM.

Like `defaults.py` of the acquisition app these are the project's own data, so they
are German whatever the interface language.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from netzwerkstatt.acquisition.enums import Effort
from netzwerkstatt.contacts.enums import SizeClass


@dataclass(frozen=True)
class MeasureText:
    name: str
    description: str
    target_group: str
    effort: Effort
    effort_note: str
    duration: str
    needs: tuple[str, ...]  # names of DEFAULT_NEEDS
    funded: bool = True
    cost: Decimal | None = None


# fmt: off
MEASURES: dict[str, tuple[MeasureText, ...]] = {
    "TraM": (
        MeasureText(
            "Demografie-Check",
            "Kurzanalyse der demografischen Lage des Betriebs: Altersstruktur, Renteneintritte der nächsten zehn Jahre, Schlüsselpositionen und die wichtigsten Handlungsfelder.",
            "Geschäftsführung und Personalverantwortliche in KMU",
            Effort.LOW, "ein Termin von drei Stunden vor Ort", "vier Wochen",
            ("Alternde Belegschaft", "Fachkräftemangel", "Nachfolge"),
        ),
        MeasureText(
            "Altersstrukturanalyse",
            "Auswertung der Personaldaten nach Alter, Qualifikation und Bereichen mit einer Prognose für fünf und zehn Jahre und Empfehlungen für die Personalplanung.",
            "Personalabteilung und Bereichsleitungen",
            Effort.MEDIUM, "Lieferung anonymisierter Personaldaten und zwei Auswertungstermine", "zwei Monate",
            ("Alternde Belegschaft", "Wissenstransfer", "Qualifizierung"),
        ),
        MeasureText(
            "Führungskräfte-Workshop „Alternsgerecht führen“",
            "Zwei Workshops für Meister/innen und Schichtleitungen: Belastungen erkennen, altersgemischte Teams führen, Gespräche über Gesundheit und Entwicklung führen.",
            "Meister/innen, Team- und Schichtleitungen",
            Effort.MEDIUM, "zwei halbtägige Workshops", "zwei Monate",
            ("Führung und Personalentwicklung", "Gesundheit am Arbeitsplatz", "Fachkräftebindung"),
        ),
        MeasureText(
            "Qualifizierungsplanung",
            "Kompetenzen erfassen, Qualifizierungsbedarfe für neue Technik ableiten und einen Qualifizierungsplan mit passenden Förderprogrammen erstellen.",
            "Personalverantwortliche und Beschäftigte in Fertigung und Montage",
            Effort.MEDIUM, "drei Termine und kurze Gespräche mit Beschäftigten", "drei Monate",
            ("Qualifizierung", "Digitalisierung", "Fachkräftebindung"),
        ),
        MeasureText(
            "Wissenstransfer-Tandems",
            "Erfahrene Fachkräfte geben ihr Wissen strukturiert an Jüngere weiter: Wissenslandkarte, Tandems aus Alt und Jung und Begleitung über ein halbes Jahr.",
            "erfahrene Fachkräfte und Nachwuchskräfte, Ausbilder/innen",
            Effort.HIGH, "je Tandem zwei Stunden im Monat, Auftakt und Abschluss mit der Geschäftsführung", "sechs Monate",
            ("Wissenstransfer", "Alternde Belegschaft", "Ausbildung und Nachwuchs"),
        ),
        MeasureText(
            "Nachfolge-Check",
            "Standortbestimmung zur Nachfolge in der Geschäftsführung und in Schlüsselpositionen, mit einem Fahrplan für die nächsten drei Jahre.",
            "Inhaber/innen und Geschäftsführung",
            Effort.LOW, "zwei Gespräche von je zwei Stunden", "sechs Wochen",
            ("Nachfolge", "Wissenstransfer"),
            funded=False, cost=Decimal("490.00"),
        ),
        MeasureText(
            "Gesundheitstag",
            "Ein Aktionstag im Betrieb mit Checks, Kurzvorträgen und Beratung zu Rücken, Ergonomie und Schichtarbeit, gemeinsam mit einer Krankenkasse.",
            "alle Beschäftigten",
            Effort.LOW, "ein Tag, im Schichtbetrieb gestaffelt", "ein Tag",
            ("Gesundheit am Arbeitsplatz", "Alternde Belegschaft", "Fachkräftebindung"),
            funded=False, cost=Decimal("350.00"),
        ),
    ),
    "FluGs": (
        MeasureText(
            "Arbeitszeitmodelle",
            "Workshop-Reihe zu Dienstplänen, Schichtmodellen, Teilzeit und Arbeitszeitkonten, an deren Ende ein Modell steht, das zum Betrieb passt.",
            "Geschäftsführung, Dienstplanverantwortliche und Beschäftigtenvertretung",
            Effort.MEDIUM, "drei Workshops von je vier Stunden", "drei Monate",
            ("Vereinbarkeit von Familie und Beruf", "Fachkräftebindung", "Fachkräftemangel"),
        ),
        MeasureText(
            "Vereinbarkeits-Check",
            "Kurzbefragung der Beschäftigten und Auswertung: wo Familie, Pflege und Beruf kollidieren und was im Betrieb schnell hilft.",
            "alle Beschäftigten und die Personalverantwortlichen",
            Effort.LOW, "Fragebogen und ein Auswertungstermin", "sechs Wochen",
            ("Vereinbarkeit von Familie und Beruf", "Fachkräftebindung"),
        ),
        MeasureText(
            "Mentoring-Programm „Frauen in Führung“",
            "Beschäftigte mit Führungsinteresse werden neun Monate von erfahrenen Führungskräften aus anderen Betrieben begleitet, mit drei gemeinsamen Seminartagen.",
            "weibliche Beschäftigte mit Führungsinteresse und ihre Vorgesetzten",
            Effort.HIGH, "monatliche Mentoring-Treffen und drei Seminartage", "neun Monate",
            ("Führung und Personalentwicklung", "Fachkräftebindung", "Nachfolge"),
        ),
        MeasureText(
            "Führungskräfte-Workshop „Führen in Teilzeit“",
            "Wie Führung in Teilzeit und im Jobsharing gelingt: Aufgaben teilen, Erreichbarkeit regeln, Teams auf neue Modelle vorbereiten.",
            "Führungskräfte, Team- und Bereichsleitungen",
            Effort.MEDIUM, "zwei Workshoptage", "ein Monat",
            ("Führung und Personalentwicklung", "Vereinbarkeit von Familie und Beruf"),
        ),
        MeasureText(
            "Wiedereinstiegsbegleitung",
            "Elternzeit und Rückkehr gemeinsam planen: Kontakthalteprogramm, Wiedereinstiegsgespräche und ein Leitfaden für die Führungskräfte.",
            "Beschäftigte vor, in und nach der Elternzeit; Personalverantwortliche",
            Effort.LOW, "zwei Beratungstermine und ein Leitfaden", "vier Monate",
            ("Vereinbarkeit von Familie und Beruf", "Fachkräftebindung", "Fachkräftemangel"),
        ),
        MeasureText(
            "Digitale Dienstplanung",
            "Auswahl und Einführung einer digitalen Dienstplanung, in der Beschäftigte Wünsche eintragen und Schichten tauschen können.",
            "Dienstplanverantwortliche und Leitungen",
            Effort.MEDIUM, "Anforderungsworkshop, Einführung und Schulung", "zwei Monate",
            ("Digitalisierung", "Vereinbarkeit von Familie und Beruf"),
            funded=False, cost=Decimal("900.00"),
        ),
    ),
}
# fmt: on


@dataclass(frozen=True)
class ProfileText:
    sectors: tuple[str, ...]  # WZ 2008 divisions
    size_classes: tuple[SizeClass, ...]
    districts: tuple[str, ...]
    weights: dict[str, int]  # TargetProfile's <part>_weight fields


BRAUNSCHWEIG_REGION = (
    "Stadt Braunschweig", "Stadt Salzgitter", "Stadt Wolfsburg", "Landkreis Wolfenbüttel",
    "Landkreis Helmstedt", "Landkreis Peine", "Landkreis Goslar", "Landkreis Gifhorn",
)  # fmt: skip
PROFILES = {
    "TraM": ProfileText(
        sectors=("24", "25", "26", "27", "28", "29", "30", "33"),
        size_classes=(SizeClass.SMALL, SizeClass.MEDIUM),
        districts=(*BRAUNSCHWEIG_REGION, "Landkreis Celle", "Region Hannover"),
        weights={
            "sector": 4,
            "size": 2,
            "region": 2,
            "needs": 3,
            "warm_path": 3,
            "recommendation": 2,
            "contact": 1,
        },
    ),
    "FluGs": ProfileText(
        sectors=("10", "47", "49", "52", "56", "62", "86", "87", "88"),
        size_classes=(SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM),
        districts=(),  # FluGs works wherever its partners recommend it
        weights={
            "sector": 2,
            "size": 1,
            "region": 0,
            "needs": 3,
            "warm_path": 4,
            "recommendation": 5,
            "contact": 2,
        },
    ),
}

BENEFIT_TEMPLATE_NAME = "Erstansprache"
# The project's template, with the placeholders of acquisition.benefit_text; sentences in
# [ ] drop out where the company's fact is missing.
BENEFIT_TEMPLATES = {
    "TraM": (
        "{anrede|Sehr geehrte Damen und Herren},\n\n"
        "[{einfuehrung} hat uns geraten, Sie anzusprechen.] Im Projekt TraM unterstützen wir "
        "Metall- und Elektrobetriebe in Ostniedersachsen dabei, sich auf älter werdende "
        "Belegschaften und den Fachkräftemangel einzustellen.\n\n"
        "[Bei {firma} sehen wir vor allem diese Themen: {bedarfe}.] [{lage}] [Rund "
        "{anteil_50plus} Ihrer Beschäftigten sind 50 Jahre oder älter.]\n\n"
        "[Dazu passen aus unserem Angebot: {massnahmen}.] Die Maßnahmen sind über die "
        "ESF-Sozialpartnerrichtlinie gefördert und für Ihren Betrieb in der Regel kostenfrei.\n\n"
        "Gern stellen wir Ihnen das Angebot in einem kurzen Gespräch im Betrieb vor."
    ),
    "FluGs": (
        "Guten Tag {ansprechperson|zusammen},\n\n"
        "[{einfuehrung} hat uns empfohlen, mit Ihnen Kontakt aufzunehmen.] Im Projekt FluGs "
        "begleiten wir Betriebe dabei, Arbeitszeiten flexibler und familienfreundlicher zu "
        "gestalten und Frauen den Weg in Führungspositionen zu ebnen.\n\n"
        "[Bei {firma} sehen wir vor allem diese Themen: {bedarfe}.] [{lage}] [Derzeit suchen "
        "Sie Personal für {offene_stellen}.]\n\n"
        "[Dazu passen aus unserem Angebot: {massnahmen}.] Das Projekt ist öffentlich "
        "gefördert; für Ihren Betrieb ist die Teilnahme in der Regel kostenfrei.\n\n"
        "Gern stellen wir Ihnen das Angebot in einem kurzen Gespräch vor."
    ),
}

# A trade fair where the team met companies in spring; the companies tagged
# "Messe-Kontakt 2026" were met there.
FAIR = "Fachkräftemesse Region Braunschweig"
FAIR_DAY = date(2026, 3, 19)

# Needs the companies' tags and notes point at (first matching words win).
NEEDS_BY_TAG = {
    "Demografie": "Alternde Belegschaft",
    "Fachkräftemangel": "Fachkräftemangel",
    "Ausbildungsbetrieb": "Ausbildung und Nachwuchs",
    "Vereinbarkeit": "Vereinbarkeit von Familie und Beruf",
    "Gleichstellung": "Führung und Personalentwicklung",
    "Arbeitszeitmodelle": "Vereinbarkeit von Familie und Beruf",
}
NEEDS_BY_WORD = (
    ("Nachfolge", "Nachfolge"),
    ("Wissenstransfer", "Wissenstransfer"),
    ("Altersdurchschnitt", "Alternde Belegschaft"),
    ("Altersstrukturanalyse", "Alternde Belegschaft"),
    ("Krankenstand", "Gesundheit am Arbeitsplatz"),
    ("Schicht", "Gesundheit am Arbeitsplatz"),
    ("Auszubildende", "Ausbildung und Nachwuchs"),
    ("Teilzeit", "Vereinbarkeit von Familie und Beruf"),
    ("Elternzeit", "Vereinbarkeit von Familie und Beruf"),
    ("Dienstpläne", "Vereinbarkeit von Familie und Beruf"),
    ("Frauenanteil", "Führung und Personalentwicklung"),
    ("Fluktuation", "Fachkräftebindung"),
)
PROJECT_NEEDS = {
    "TraM": (
        "Alternde Belegschaft", "Wissenstransfer", "Fachkräftemangel", "Qualifizierung",
        "Gesundheit am Arbeitsplatz", "Nachfolge", "Digitalisierung",
    ),
    "FluGs": (
        "Vereinbarkeit von Familie und Beruf", "Fachkräftebindung",
        "Führung und Personalentwicklung", "Fachkräftemangel", "Digitalisierung",
    ),
}  # fmt: skip
EVIDENCE = {
    "Alternde Belegschaft": "Laut Geschäftsführung gehen in den nächsten fünf Jahren mehrere Fachkräfte in Rente.",
    "Wissenstransfer": "Das Wissen über ältere Anlagen liegt bei wenigen erfahrenen Beschäftigten.",
    "Fachkräftemangel": "Mehrere Stellen sind seit Monaten ausgeschrieben.",
    "Qualifizierung": "Neue Maschinen kommen, die Bedienung lernen die Beschäftigten bisher nebenbei.",
    "Gesundheit am Arbeitsplatz": "Krankenstand in der Fertigung über dem Branchenschnitt.",
    "Nachfolge": "Der Inhaber ist Anfang sechzig, eine Nachfolge ist nicht geregelt.",
    "Digitalisierung": "Dienst- und Arbeitspläne laufen noch über Papier und Tabellen.",
    "Vereinbarkeit von Familie und Beruf": "Viele Beschäftigte in Teilzeit; Schichtwünsche werden bisher auf Zuruf geregelt.",
    "Fachkräftebindung": "Hohe Fluktuation im ersten Jahr nach der Einstellung.",
    "Führung und Personalentwicklung": "Kaum Frauen in Leitungsfunktionen, obwohl die Belegschaft überwiegend weiblich ist.",
    "Ausbildung und Nachwuchs": "Ausbildungsplätze blieben im letzten Jahr unbesetzt.",
}  # fmt: skip

RESEARCH_NOTES = (
    ("Website: Stellenanzeigen für {stelle}, seit Wochen online.", "{website}"),
    ("Bericht in der Lokalzeitung über die Erweiterung am Standort {ort}.", "Lokalzeitung {ort}"),
    ("Handelsregister: Geschäftsführung vor zwei Jahren gewechselt.", "Handelsregister"),
    ("Kurzporträt im Mitgliedermagazin der Kammer, Schwerpunkt Ausbildung.", "IHK-Zeitung {monat}"),
    ("Jobbörse der Bundesagentur: {stellen} offene Stellen gemeldet.", "Jobbörse der Bundesagentur für Arbeit"),
    ("Karriereseite nennt Teilzeit und flexible Arbeitszeiten, aber keine Details.", "{website}"),
    ("Hat beim regionalen Unternehmerfrühstück über Nachwuchssorgen gesprochen.", "Unternehmerfrühstück {ort}"),
)  # fmt: skip
JOBS = {
    "TraM": ("Zerspanungsmechaniker/in", "Industriemechaniker/in", "Elektroniker/in", "Schweißer/in"),
    "FluGs": ("Pflegefachkraft", "Verkäufer/in", "Berufskraftfahrer/in", "Servicekraft", "Fachinformatiker/in"),
}  # fmt: skip
RECENT_EVENTS = (
    "Neue Halle in Betrieb genommen, Belegschaft soll wachsen.",
    "Großauftrag gewonnen, Schichtbetrieb wird ausgeweitet.",
    "Wechsel in der Geschäftsführung im Frühjahr.",
    "Zwei langjährige Meister gehen zum Jahresende in Rente.",
    "Neues Dienstplansystem wird eingeführt.",
    "",
    "",
)
SITUATIONS = {
    "TraM": (
        "Familiengeführter Betrieb mit stabiler Auftragslage; die Fertigung hängt an wenigen erfahrenen Fachkräften.",
        "Zulieferer mit schwankenden Abrufen; die Geschäftsführung will die Belegschaft halten und weiterentwickeln.",
        "Wachsender Betrieb, der kaum Nachwuchs findet; Ausbildung wird wieder ausgebaut.",
        "Betrieb im Umbruch: neue Anlagen, ältere Belegschaft, wenig Zeit für Personalentwicklung.",
    ),
    "FluGs": (
        "Viele Beschäftigte in Teilzeit, Dienstpläne werden kurzfristig geändert; die Leitung sucht verlässlichere Modelle.",
        "Betrieb mit hoher Fluktuation; die Geschäftsführung will Arbeitgeberin werden, bei der man bleibt.",
        "Überwiegend weibliche Belegschaft, Leitungsfunktionen fast nur mit Männern besetzt.",
        "Lange Öffnungszeiten und Wochenenddienste; Vereinbarkeit ist das Thema in jedem Bewerbungsgespräch.",
    ),
}  # fmt: skip

# Activities along an approach; {kontakt} is the person to contact, {einfuehrung} the
# introducer with their organisation, {massnahme} the measure talked about or agreed.
FIRST_CONTACT = {
    "cold": (
        ("call", "Erstanruf: {kontakt} kurz erreicht und das Projekt {projekt} vorgestellt.", "Bittet um Infomaterial per E-Mail."),
        ("call", "Kaltakquise per Telefon; über die Zentrale zu {kontakt} durchgestellt.", "Unterlagen zuschicken, dann nachfassen."),
        ("email", "Anschreiben mit Projektflyer an {kontakt} geschickt.", "Noch keine Antwort."),
    ),
    "warm": (
        ("email", "Kontakt zu {kontakt} mit Bezug auf die Einführung durch {einfuehrung} aufgenommen.", "Telefontermin vereinbart."),
        ("call", "{kontakt} angerufen; {einfuehrung} hatte uns angekündigt.", "Interesse an einem Gespräch im Betrieb."),
    ),
    "recommendation": (
        ("call", "Auf Empfehlung von {einfuehrung} bei {kontakt} angerufen.", "Offen für ein Gespräch."),
        ("email", "{kontakt} angeschrieben und uns auf die Empfehlung von {einfuehrung} bezogen.", "Rückmeldung mit Terminvorschlägen."),
    ),
    "event": (
        ("email", "Nach dem Gespräch auf der Messe Unterlagen an {kontakt} geschickt.", "Will sich nach Rücksprache melden."),
        ("call", "{kontakt} nach der Veranstaltung angerufen und an das Gespräch angeknüpft.", "Termin für ein Erstgespräch in Aussicht."),
    ),
}  # fmt: skip
CHASE = ("call", "Bei {kontakt} nachgefasst.", "Noch keine Entscheidung, erneut melden.")
CONVERSATION = (
    "Erstgespräch im Betrieb mit {kontakt}: Lage und Bedarfe besprochen, {massnahme} vorgestellt.",
    "Termin vor Ort mit {kontakt}; Rundgang durch den Betrieb, Gespräch über {bedarf}.",
)
CONVERSATION_OUTCOME = "Interesse an {massnahme}; Angebot folgt."
AGREEMENT = (
    "Vereinbarung über {massnahme} unterschrieben zurückbekommen.",
    "Vereinbarung über {massnahme} getroffen.",
)
ACTIVE = (
    "Auftakt von {massnahme} im Betrieb mit {kontakt}.",
    "Termine für die nächsten Wochen stehen.",
)
COMPLETED = (
    "Abschlussgespräch mit {kontakt}: Ergebnisse von {massnahme} ausgewertet.",
    "Maßnahme abgeschlossen; der Betrieb bleibt als Alumni im Netzwerk.",
)
DECLINE = (
    "{kontakt} hat abgesagt.",
    "Absage von {kontakt} per E-Mail.",
)
CLOSING_NOTES = (
    "Die Auftragslage lässt derzeit keine Freistellung für Workshops zu.",
    "Die Geschäftsführung sieht keinen Bedarf; in einem Jahr noch einmal anfragen.",
    "Arbeitet bereits mit einer Unternehmensberatung am Thema.",
    "Kein Betriebsrat und keine Personalabteilung, die das begleiten könnten; zu wenig Kapazität.",
    "Nach dem Gespräch kein Interesse an einer geförderten Maßnahme.",
    "Der Betrieb wird verkauft; neue Inhaber erst abwarten.",
)
NEXT_STEPS = {
    "identified": "Recherche für das Dossier",
    "researched": "Erstansprache vorbereiten",
    "approached": "Nachfassen und Termin für ein Erstgespräch vereinbaren",
    "conversation": "Angebot nachfassen",
    "agreement": "Auftakttermin abstimmen",
    "active": "Zwischenstand mit dem Betrieb besprechen",
}
