"""A few approved stories on the story wall of the 2025 edition (created once, by name)."""

from editions.models import EditionPage

from .models import Story

DEMO_STORIES = [
    (
        "Marja uit Zwolle",
        "Ik had mijn overbuurvrouw in tien jaar nooit gesproken. Tijdens de koffieochtend in het "
        "buurthuis bleek dat we allebei graag puzzelen. Nu doen we elke dinsdag samen de "
        "kruiswoordpuzzel.",
    ),
    (
        "Team Sportclub Noord",
        "We nodigden de bewoners van het verzorgingshuis uit voor een middagje jeu de boules. "
        "De jongste speler was negen, de oudste eenennegentig. Volgend jaar doen we het weer.",
    ),
]


def load(home):
    edition = EditionPage.objects.filter(year=2025, locale=home.locale).first()
    if edition is None:
        return
    for name, text in DEMO_STORIES:
        Story.objects.get_or_create(
            edition=edition,
            name=name,
            defaults={"text": text, "status": Story.Status.APPROVED},
        )
