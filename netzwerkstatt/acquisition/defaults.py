"""The standard needs ("Standard-Bedarfe") a workspace can start its vocabulary with.

Needs are the workspace's data, written in the language of its companies, so these
are stored in German whatever the interface language; the workspace then renames,
adds and deletes as it likes.
"""

DEFAULT_NEEDS: tuple[tuple[str, str], ...] = (
    (
        "Fachkräftemangel",
        "Offene Stellen lassen sich nur schwer oder gar nicht besetzen.",
    ),
    (
        "Alternde Belegschaft",
        "Ein großer Teil der Beschäftigten ist 50 Jahre oder älter und geht in den nächsten Jahren in Rente.",
    ),
    (
        "Nachfolge",
        "Die Nachfolge in der Geschäftsführung oder in Schlüsselpositionen ist offen.",
    ),
    (
        "Vereinbarkeit von Familie und Beruf",
        "Beschäftigte brauchen flexible Arbeitszeiten und Unterstützung bei Kinderbetreuung oder Pflege von Angehörigen.",
    ),
    (
        "Digitalisierung",
        "Neue Technik und digitale Abläufe verändern die Arbeit und was sie von den Beschäftigten verlangt.",
    ),
    (
        "Fachkräftebindung",
        "Gute Leute sollen bleiben: Arbeitgeberattraktivität, Entwicklungsperspektiven, Betriebsklima.",
    ),
    (
        "Qualifizierung",
        "Beschäftigte brauchen Weiterbildung für neue Aufgaben; Kompetenzen sollen planvoll entwickelt werden.",
    ),
    (
        "Gesundheit am Arbeitsplatz",
        "Belastungen und Krankenstand senken, Arbeit alters- und alternsgerecht gestalten.",
    ),
    (
        "Wissenstransfer",
        "Das Erfahrungswissen langjähriger Beschäftigter soll im Betrieb bleiben.",
    ),
    (
        "Führung und Personalentwicklung",
        "Führungskräfte sollen Veränderungen gestalten und Beschäftigte gezielt entwickeln.",
    ),
    (
        "Ausbildung und Nachwuchs",
        "Ausbildungsplätze bleiben unbesetzt; junge Menschen sollen für den Betrieb gewonnen werden.",
    ),
)


# A new project's pipeline: the stage names of the practitioners' report, each with
# what it counts as in the figures. Stored in German like the needs above.
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("identifiziert", "identified"),
    ("recherchiert", "researched"),
    ("angesprochen", "approached"),
    ("Gespräch", "conversation"),
    ("Vereinbarung", "agreement"),
    ("aktiv in Maßnahme", "active"),
    ("abgeschlossen/Alumni", "completed"),
    ("abgesagt", "declined"),
)
