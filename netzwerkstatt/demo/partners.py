"""About 60 network partners: chambers, social partners, employment agencies, providers.

Chambers, unions, associations, agencies and municipalities carry the kind of
name such institutions have in the region; education providers and
consultancies are invented. Every address, person and contact detail is invented.
"""

import random
from dataclasses import dataclass

from faker import Faker

from netzwerkstatt.contacts.enums import OrganisationKind as Kind

from .fictional import street_address, switchboard_number, web_domain, website
from .geography import place_of
from .german import ascii_slug
from .specs import OrganisationSpec

SOCIAL_PARTNERS = (Kind.UNION, Kind.EMPLOYERS_ASSOCIATION)
PROJECT_SHARE = 0.5  # partners tagged with each project they work with
SHARED_SHARE = 0.85


@dataclass(frozen=True)
class Partner:
    name: str
    kind: Kind
    town: str  # a town of the geography table
    domain: str = ""  # an institution's common domain; else spelt from the name


# fmt: off
PARTNERS = (
    Partner("IHK Braunschweig", Kind.CHAMBER, "Braunschweig"),
    Partner("IHK Lüneburg-Wolfsburg", Kind.CHAMBER, "Lüneburg"),
    Partner("IHK Lüneburg-Wolfsburg, Geschäftsstelle Wolfsburg", Kind.CHAMBER, "Wolfsburg", "ihk-lueneburg-wolfsburg.example"),
    Partner("IHK Hannover", Kind.CHAMBER, "Hannover"),
    Partner("Handwerkskammer Braunschweig-Lüneburg-Stade", Kind.CHAMBER, "Braunschweig"),
    Partner("Handwerkskammer Hannover", Kind.CHAMBER, "Hannover"),
    Partner("Handwerkskammer Hildesheim-Südniedersachsen", Kind.CHAMBER, "Hildesheim"),
    Partner("IG Metall Wolfsburg", Kind.UNION, "Wolfsburg", "igmetall.example"),
    Partner("IG Metall Braunschweig", Kind.UNION, "Braunschweig", "igmetall.example"),
    Partner("IG Metall Salzgitter-Peine", Kind.UNION, "Salzgitter", "igmetall.example"),
    Partner("IG Metall Hannover", Kind.UNION, "Hannover", "igmetall.example"),
    Partner("IG Metall Celle-Lüneburg", Kind.UNION, "Celle", "igmetall.example"),
    Partner("IG Metall Südniedersachsen-Harz", Kind.UNION, "Göttingen", "igmetall.example"),
    Partner("DGB Region SüdOstNiedersachsen", Kind.UNION, "Braunschweig", "dgb.example"),
    Partner("DGB Region Niedersachsen-Mitte", Kind.UNION, "Hannover", "dgb.example"),
    Partner("DGB Region Nord-Ost-Niedersachsen", Kind.UNION, "Lüneburg", "dgb.example"),
    Partner("ver.di Bezirk Region Süd-Ost-Niedersachsen", Kind.UNION, "Braunschweig", "verdi.example"),
    Partner("NiedersachsenMetall Bezirksgruppe Braunschweig", Kind.EMPLOYERS_ASSOCIATION, "Braunschweig", "niedersachsenmetall.example"),
    Partner("NiedersachsenMetall Bezirksgruppe Hannover", Kind.EMPLOYERS_ASSOCIATION, "Hannover", "niedersachsenmetall.example"),
    Partner("Arbeitgeberverband Region Braunschweig", Kind.EMPLOYERS_ASSOCIATION, "Braunschweig"),
    Partner("Arbeitgeberverband Lüneburg-Nordostniedersachsen", Kind.EMPLOYERS_ASSOCIATION, "Lüneburg"),
    Partner("Unternehmerverbände Niedersachsen", Kind.EMPLOYERS_ASSOCIATION, "Hannover"),
    Partner("Kreishandwerkerschaft Gifhorn-Wolfsburg", Kind.EMPLOYERS_ASSOCIATION, "Gifhorn"),
    Partner("DEHOGA Kreisverband Lüneburg", Kind.EMPLOYERS_ASSOCIATION, "Lüneburg"),
    Partner("Landesverband Ambulante Pflege Niedersachsen", Kind.EMPLOYERS_ASSOCIATION, "Hannover"),
    Partner("Agentur für Arbeit Braunschweig-Goslar", Kind.EMPLOYMENT_AGENCY, "Braunschweig", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Helmstedt", Kind.EMPLOYMENT_AGENCY, "Helmstedt", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Hildesheim", Kind.EMPLOYMENT_AGENCY, "Hildesheim", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Celle", Kind.EMPLOYMENT_AGENCY, "Celle", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Lüneburg-Uelzen", Kind.EMPLOYMENT_AGENCY, "Lüneburg", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Hannover", Kind.EMPLOYMENT_AGENCY, "Hannover", "arbeitsagentur.example"),
    Partner("Agentur für Arbeit Göttingen", Kind.EMPLOYMENT_AGENCY, "Göttingen", "arbeitsagentur.example"),
    Partner("Jobcenter Landkreis Gifhorn", Kind.EMPLOYMENT_AGENCY, "Gifhorn", "jobcenter-ge.example"),
    Partner("Jobcenter Braunschweig", Kind.EMPLOYMENT_AGENCY, "Braunschweig", "jobcenter-ge.example"),
    Partner("Jobcenter Wolfsburg", Kind.EMPLOYMENT_AGENCY, "Wolfsburg", "jobcenter-ge.example"),
    Partner("Jobcenter Peine", Kind.EMPLOYMENT_AGENCY, "Peine", "jobcenter-ge.example"),
    Partner("Jobcenter Salzgitter", Kind.EMPLOYMENT_AGENCY, "Salzgitter", "jobcenter-ge.example"),
    Partner("Jobcenter Wolfenbüttel", Kind.EMPLOYMENT_AGENCY, "Wolfenbüttel", "jobcenter-ge.example"),
    Partner("Bildungswerk Aller-Oker gGmbH", Kind.EDUCATION_PROVIDER, "Gifhorn"),
    Partner("Technikakademie Ostfalen gGmbH", Kind.EDUCATION_PROVIDER, "Salzgitter"),
    Partner("Lernwerk Harzvorland e.V.", Kind.EDUCATION_PROVIDER, "Goslar"),
    Partner("Berufsbildungszentrum Heide-Wendland", Kind.EDUCATION_PROVIDER, "Uelzen"),
    Partner("Pflegeakademie Fuhse-Aue", Kind.EDUCATION_PROVIDER, "Peine"),
    Partner("Weiterbildungszentrum Elm-Lappwald", Kind.EDUCATION_PROVIDER, "Helmstedt"),
    Partner("Qualifizierungszentrum Metall Wolfsburg e.V.", Kind.EDUCATION_PROVIDER, "Wolfsburg"),
    Partner("Sprachen- und Integrationswerk Hannover", Kind.EDUCATION_PROVIDER, "Hannover"),
    Partner("mk consult", Kind.CONSULTANCY, "Braunschweig"),
    Partner("demografie plus Beratung GmbH", Kind.CONSULTANCY, "Hannover"),
    Partner("Personalwerk Nord GmbH", Kind.CONSULTANCY, "Celle"),
    Partner("Brandes & Partner Organisationsberatung", Kind.CONSULTANCY, "Hildesheim"),
    Partner("zeitgewinn Arbeitszeitberatung", Kind.CONSULTANCY, "Lüneburg"),
    Partner("gleichauf Beratung für Chancengleichheit", Kind.CONSULTANCY, "Göttingen"),
    Partner("Wirtschaftsförderung Landkreis Gifhorn", Kind.MUNICIPALITY, "Gifhorn", "landkreis-gifhorn.example"),
    Partner("Wirtschaftsförderung Stadt Wolfsburg", Kind.MUNICIPALITY, "Wolfsburg", "stadt-wolfsburg.example"),
    Partner("Wirtschaftsförderung Landkreis Peine", Kind.MUNICIPALITY, "Peine", "landkreis-peine.example"),
    Partner("Wirtschaftsförderung Landkreis Helmstedt", Kind.MUNICIPALITY, "Helmstedt", "landkreis-helmstedt.example"),
    Partner("Wirtschaftsförderung Landkreis Goslar", Kind.MUNICIPALITY, "Goslar", "landkreis-goslar.example"),
    Partner("Wirtschaftsförderung Stadt Salzgitter", Kind.MUNICIPALITY, "Salzgitter", "stadt-salzgitter.example"),
    Partner("Wirtschaftsförderung Landkreis Uelzen", Kind.MUNICIPALITY, "Uelzen", "landkreis-uelzen.example"),
    Partner("Gleichstellungsbüro Landkreis Celle", Kind.MUNICIPALITY, "Celle", "landkreis-celle.example"),
    Partner("Büro für Gleichstellung Stadt Braunschweig", Kind.MUNICIPALITY, "Braunschweig", "stadt-braunschweig.example"),
    Partner("Koordinierungsstelle Frau und Wirtschaft Region Braunschweig", Kind.OTHER, "Braunschweig"),
    Partner("Fachkräftebündnis SüdOstNiedersachsen", Kind.OTHER, "Braunschweig"),
    Partner("Fachkräftebündnis Nordost-Niedersachsen", Kind.OTHER, "Lüneburg"),
    Partner("Pflegenetzwerk Landkreis Gifhorn", Kind.OTHER, "Gifhorn"),
    Partner("Unternehmerinnen-Netzwerk Hildesheim", Kind.OTHER, "Hildesheim"),
)
# fmt: on


def partners_build(*, rng: random.Random, faker: Faker) -> list[OrganisationSpec]:
    return [_partner(rng=rng, faker=faker, partner=partner) for partner in PARTNERS]


def _partner(*, rng: random.Random, faker: Faker, partner: Partner) -> OrganisationSpec:
    place = place_of(partner.town)
    domain = partner.domain or web_domain(partner.name)
    return OrganisationSpec(
        key=f"partner-{ascii_slug(partner.name)}",
        name=partner.name,
        kind=partner.kind,
        place=place,
        street=street_address(rng=rng, faker=faker),
        domain=domain,
        switchboard=switchboard_number(rng=rng, area_code=place.town.area_code),
        website=website(domain),
        tags=(
            "Netzwerkpartner",
            *(("Sozialpartner",) if partner.kind in SOCIAL_PARTNERS else ()),
            *(project for project in ("TraM", "FluGs") if rng.random() < PROJECT_SHARE),
        ),
        is_shared=rng.random() < SHARED_SHARE,
    )
