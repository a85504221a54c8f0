"""English for every Dutch text of the translated demo content (names stay as they are)."""

SAME = [
    "Week van de Verbinding",
    "Week van de Verbinding 2026",
    "home",
    "2026",
    "#WeekvandeVerbinding2026",
    "Mental Training Center",
    "Buurtfonds Voorbeeld",
    "Serviceclub Voorbeeld",
]

ENGLISH = {text: text for text in SAME} | {
    # Home page
    "Een week lang kleine activiteiten door heel Nederland die mensen bij elkaar brengen: "
    "tegen eenzaamheid, tegen polarisatie. Simpel, en met impact.": (
        "A week of small activities all over the Netherlands that bring people together: "
        "against loneliness, against polarisation. Simple, and with impact."
    ),
    "Organiseer deze december iets kleins dat mensen samenbrengt.": (
        "This December, organise something small that brings people together."
    ),
    "Doe mee": "Take part",
    # Editions
    "Edities": "Editions",
    "edities": "editions",
    "Elk jaar in december een week vol kleine activiteiten die verbinden.": (
        "Every December, a week full of small activities that connect people."
    ),
    "De vierde editie komt eraan. Begin een InspiratieTeam met vrienden, buren of collega's en "
    "bedenk iets kleins met grote impact.": (
        "The fourth edition is coming. Start an inspiration team with friends, neighbours or "
        "colleagues and think of something small with a big impact."
    ),
    "Simpel met Impact": "Simple with Impact",
    "Zoveel mogelijk mensen en organisaties laten ervaren dat het anders kan: met elkaar in "
    "gesprek gaan, aandacht hebben voor wie alleen is, en kijken naar wat ons bindt in plaats "
    "van wat ons scheidt. Zo zetten we samen een positieve ontwikkeling in gang.": (
        "Letting as many people and organisations as possible experience that things can be "
        "different: talking with each other, paying attention to those who are alone, and "
        "looking at what binds us rather than what divides us. Together we start a positive "
        "change."
    ),
    "De samenleving raakt steeds meer gepolariseerd, ook door het harde toontje op sociale "
    "media. Tegelijk voelen steeds meer mensen zich eenzaam, jongeren niet uitgezonderd. "
    "Aandacht voor elkaar kost niets: vraag eens hoe het met iemand gaat.": (
        "Society is becoming more polarised, partly because of the harsh tone on social media. "
        "At the same time more and more people feel lonely, young people included. Attention "
        "for each other costs nothing: ask someone how they are doing."
    ),
    "Meer verbinding, respect, begrip en aandacht voor elkaar.": (
        "More connection, respect, understanding and attention for each other."
    ),
    "Binnen: een betere werksfeer en samenwerking. Buiten: een positieve uitstraling en "
    "zichtbare betrokkenheid bij de samenleving.": (
        "Inside: a better working atmosphere and cooperation. Outside: a positive image and "
        "visible involvement in society."
    ),
    "Zingeving: je betekent iets voor een ander, en dat voelt goed.": (
        "Meaning: you matter to someone else, and that feels good."
    ),
    "We werken samen vanuit vertrouwen, verbinding en waardering.": (
        "We work together on the basis of trust, connection and appreciation."
    ),
    "We gaan respectvol, enthousiast en positief met elkaar om.": (
        "We treat each other with respect, enthusiasm and a positive attitude."
    ),
    "Vriendelijk zijn kost niets en levert veel op.": "Being kind costs nothing and gives a lot.",
    "We helpen en stimuleren elkaar, en kijken vooruit in plaats van terug (FeedForward).": (
        "We help and encourage each other, and look forward instead of back (FeedForward)."
    ),
    "Ruud de Smit, initiatiefnemer": "Ruud de Smit, initiator",
    # Partners
    "Voorbeeldpartner: een fonds dat kleine buurtactiviteiten sponsort.": (
        "Example partner: a fund that sponsors small neighbourhood activities."
    ),
    "Initiatiefnemer van de Week van de Verbinding.": "Initiator of the Week van de Verbinding.",
    "Voorbeeldpartner: een serviceclub die de week in haar netwerk promoot.": (
        "Example partner: a service club that promotes the week in its network."
    ),
}
