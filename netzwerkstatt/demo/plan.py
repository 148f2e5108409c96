"""The demo's contacts as plain data, the same for the same seed."""

import random

from faker import Faker

from .companies import companies_build
from .partners import partners_build
from .people import people_build
from .specs import ContactsPlan
from .timeline import notes_build


def contacts_plan(*, seed: int) -> ContactsPlan:
    """Organisations, persons and timeline notes generated from `seed`.

    Each builder draws from its own random stream, so changing one table (say, the
    partners) leaves what the other builders generate as it was.
    """
    faker = Faker("de_DE")

    def stream(name: str) -> random.Random:
        faker.seed_instance(f"{seed}:{name}")
        return random.Random(f"{seed}:{name}")

    companies = companies_build(rng=stream("companies"), faker=faker)
    partners = partners_build(rng=stream("partners"), faker=faker)
    organisations = (*companies, *partners)
    persons = people_build(rng=stream("people"), faker=faker, organisations=organisations)
    notes = notes_build(rng=stream("timeline"), organisations=organisations, persons=persons)
    return ContactsPlan(organisations=organisations, persons=tuple(persons), notes=tuple(notes))
