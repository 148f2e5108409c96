"""The demo workspace's two projects, named after those in the workshop the product grew from."""

from dataclasses import dataclass
from datetime import date

from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import project_create


@dataclass(frozen=True)
class DemoProject:
    name: str
    title: str
    description: str
    start_date: date
    end_date: date


DEMO_PROJECTS = (
    DemoProject(
        name="TraM",
        title=(
            "Transfer von Maßnahmen zur Sicherung der Demografiefestigkeit von "
            "niedersächsischen KMU in der Metall- und Elektro-Branche"
        ),
        description=(
            "TraM unterstützt kleine und mittlere Betriebe der Metall- und Elektroindustrie "
            "in Ostniedersachsen dabei, sich auf älter werdende Belegschaften und den "
            "Fachkräftemangel einzustellen: mit Demografie-Checks und Altersstrukturanalysen, "
            "Workshops zu alternsgerechter Arbeitsgestaltung und zum Wissenstransfer zwischen "
            "Alt und Jung. Gefördert über die ESF-Sozialpartnerrichtlinie."
        ),
        start_date=date(2026, 1, 1),
        end_date=date(2028, 12, 31),
    ),
    DemoProject(
        name="FluGs",
        title="Flexibilisieren und Gleichstellen",
        description=(
            "FluGs begleitet Betriebe aus Pflege, Handel, Logistik, Gastronomie und IT dabei, "
            "Arbeitszeiten flexibler und familienfreundlicher zu gestalten und Frauen den Weg "
            "in Führungspositionen zu ebnen: mit Beratung vor Ort, Workshops zu "
            "Arbeitszeitmodellen und einem Mentoring-Programm. Die Betriebe gewinnt das Projekt "
            "vor allem über Empfehlungen der regionalen Netzwerkpartner."
        ),
        start_date=date(2026, 1, 1),
        end_date=date(2028, 6, 30),
    ),
)


def demo_projects_create(*, scope: Scope) -> dict[str, Project]:
    return {
        project.name: project_create(
            scope=scope,
            name=project.name,
            title=project.title,
            description=project.description,
            start_date=project.start_date,
            end_date=project.end_date,
        )
        for project in DEMO_PROJECTS
    }
