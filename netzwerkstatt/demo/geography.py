"""Real districts and towns of Lower Saxony, where the demo network is located.

Postal codes and telephone area codes are the real ones of each town (its main
postal code where it has several). The weights put most of the network in the
east of Lower Saxony, where a "Bildungsverein Nord" would work.
"""

import random
from dataclasses import dataclass
from functools import cache

from netzwerkstatt.contacts.enums import State

STATE = State.NI


@dataclass(frozen=True)
class Town:
    name: str
    postal_code: str
    area_code: str


@dataclass(frozen=True)
class District:
    name: str
    weight: int  # relative share of the demo's companies
    towns: tuple[Town, ...]  # the district's seat first


@dataclass(frozen=True)
class Place:
    district: District
    town: Town


DISTRICTS = (
    District("Stadt Braunschweig", 14, (Town("Braunschweig", "38100", "0531"),)),
    District(
        "Stadt Wolfsburg",
        10,
        (Town("Wolfsburg", "38440", "05361"), Town("Wolfsburg", "38448", "05363")),
    ),
    District(
        "Stadt Salzgitter",
        8,
        (Town("Salzgitter", "38226", "05341"), Town("Salzgitter", "38259", "05341")),
    ),
    District(
        "Landkreis Gifhorn",
        12,
        (
            Town("Gifhorn", "38518", "05371"),
            Town("Wittingen", "29378", "05831"),
            Town("Meinersen", "38536", "05372"),
            Town("Isenbüttel", "38550", "05374"),
            Town("Wesendorf", "29392", "05376"),
            Town("Sassenburg", "38524", "05371"),
            Town("Meine", "38527", "05304"),
            Town("Calberlah", "38547", "05374"),
        ),
    ),
    District(
        "Landkreis Peine",
        9,
        (
            Town("Peine", "31224", "05171"),
            Town("Ilsede", "31241", "05172"),
            Town("Lengede", "38268", "05344"),
            Town("Vechelde", "38159", "05302"),
            Town("Edemissen", "31234", "05176"),
            Town("Hohenhameln", "31249", "05128"),
            Town("Wendeburg", "38176", "05303"),
        ),
    ),
    District(
        "Landkreis Wolfenbüttel",
        7,
        (
            Town("Wolfenbüttel", "38300", "05331"),
            Town("Cremlingen", "38162", "05306"),
            Town("Sickte", "38173", "05305"),
            Town("Schladen-Werla", "38315", "05335"),
            Town("Schöppenstedt", "38170", "05332"),
        ),
    ),
    District(
        "Landkreis Helmstedt",
        6,
        (
            Town("Helmstedt", "38350", "05351"),
            Town("Schöningen", "38364", "05352"),
            Town("Königslutter am Elm", "38154", "05353"),
            Town("Lehre", "38165", "05308"),
            Town("Velpke", "38458", "05364"),
            Town("Grasleben", "38368", "05357"),
        ),
    ),
    District(
        "Landkreis Goslar",
        7,
        (
            Town("Goslar", "38640", "05321"),
            Town("Bad Harzburg", "38667", "05322"),
            Town("Seesen", "38723", "05381"),
            Town("Langelsheim", "38685", "05326"),
            Town("Clausthal-Zellerfeld", "38678", "05323"),
            Town("Braunlage", "38700", "05520"),
        ),
    ),
    District(
        "Landkreis Hildesheim",
        6,
        (
            Town("Hildesheim", "31134", "05121"),
            Town("Sarstedt", "31157", "05066"),
            Town("Alfeld (Leine)", "31061", "05181"),
            Town("Bad Salzdetfurth", "31162", "05063"),
            Town("Algermissen", "31191", "05126"),
            Town("Holle", "31188", "05062"),
        ),
    ),
    District(
        "Landkreis Celle",
        6,
        (
            Town("Celle", "29221", "05141"),
            Town("Bergen", "29303", "05051"),
            Town("Südheide", "29320", "05052"),
            Town("Wathlingen", "29339", "05144"),
            Town("Lachendorf", "29331", "05145"),
            Town("Faßberg", "29328", "05055"),
        ),
    ),
    District(
        "Landkreis Uelzen",
        4,
        (
            Town("Uelzen", "29525", "0581"),
            Town("Bad Bevensen", "29549", "05821"),
            Town("Ebstorf", "29574", "05822"),
            Town("Suderburg", "29556", "05826"),
            Town("Bienenbüttel", "29553", "05823"),
        ),
    ),
    District(
        "Landkreis Lüneburg",
        4,
        (
            Town("Lüneburg", "21335", "04131"),
            Town("Adendorf", "21365", "04131"),
            Town("Bleckede", "21354", "05852"),
            Town("Scharnebeck", "21379", "04136"),
            Town("Dahlenburg", "21368", "05851"),
        ),
    ),
    District(
        "Landkreis Lüchow-Dannenberg",
        2,
        (
            Town("Lüchow (Wendland)", "29439", "05841"),
            Town("Dannenberg (Elbe)", "29451", "05861"),
            Town("Hitzacker (Elbe)", "29456", "05862"),
        ),
    ),
    District(
        "Landkreis Heidekreis",
        3,
        (
            Town("Soltau", "29614", "05191"),
            Town("Walsrode", "29664", "05161"),
            Town("Munster", "29633", "05192"),
            Town("Bad Fallingbostel", "29683", "05162"),
        ),
    ),
    District(
        "Region Hannover",
        8,
        (
            Town("Hannover", "30159", "0511"),
            Town("Langenhagen", "30853", "0511"),
            Town("Garbsen", "30823", "05131"),
            Town("Laatzen", "30880", "0511"),
            Town("Lehrte", "31275", "05132"),
            Town("Burgdorf", "31303", "05136"),
            Town("Wunstorf", "31515", "05031"),
            Town("Barsinghausen", "30890", "05105"),
        ),
    ),
    District(
        "Landkreis Göttingen",
        3,
        (
            Town("Göttingen", "37073", "0551"),
            Town("Hann. Münden", "34346", "05541"),
            Town("Duderstadt", "37115", "05527"),
            Town("Osterode am Harz", "37520", "05522"),
        ),
    ),
    District(
        "Landkreis Northeim",
        2,
        (
            Town("Northeim", "37154", "05551"),
            Town("Einbeck", "37574", "05561"),
            Town("Uslar", "37170", "05571"),
        ),
    ),
    District("Stadt Osnabrück", 1, (Town("Osnabrück", "49074", "0541"),)),
    District("Stadt Oldenburg (Oldb)", 1, (Town("Oldenburg (Oldb)", "26122", "0441"),)),
)

SEAT_WEIGHT = 3  # a district's seat gets this many times the companies of its other towns


def place_choose(rng: random.Random) -> Place:
    """A town drawn by the districts' weights, the district's seat more often than the others."""
    (district,) = rng.choices(DISTRICTS, weights=[district.weight for district in DISTRICTS])
    weights = [SEAT_WEIGHT] + [1] * (len(district.towns) - 1)
    (town,) = rng.choices(district.towns, weights=weights)
    return Place(district=district, town=town)


@cache
def _places_by_town() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for district in DISTRICTS:
        for town in district.towns:
            places.setdefault(town.name, Place(district=district, town=town))
    return places


def place_of(town_name: str) -> Place:
    """The place of a town in the table (its first postal code where it has several)."""
    return _places_by_town()[town_name]
