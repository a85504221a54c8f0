"""English for the idea toolkit's index, themes, organisers and ten ideas of the demo."""

IDEA_SLUGS = [
    "bloemetje-langsbrengen",
    "kaartje-door-de-bus",
    "schilderklus",
    "kerstboom-optuigen",
    "buurt-bbq",
    "wandelvoetbal",
    "verbindingsloop",
    "tuinklus-met-je-team",
    "inzamelactie",
    "rollenspel",
]

IDEAS_ENGLISH = {
    # Index, themes and organisers
    "Ideeën": "Ideas",
    "ideeen": "ideas",
    "Simpel met Impact: ideeën die je vandaag bedenkt en morgen uitvoert. Kies een thema, kijk "
    "wat bij jou of je organisatie past, en doe mee.": (
        "Simple with Impact: ideas you think of today and carry out tomorrow. Pick a theme, see "
        "what suits you or your organisation, and take part."
    ),
    "Activiteiten": "Activities",
    "activiteiten": "activities",
    "Iets organiseren waar mensen elkaar ontmoeten.": "Organising something where people meet.",
    "Cultuur": "Culture",
    "cultuur": "culture",
    "Cultuur verbindt: muziek, kunst, verhalen en spel.": (
        "Culture connects: music, art, stories and games."
    ),
    "Kleine gebaren": "Small gestures",
    "kleine-gebaren": "small-gestures",
    "Laat iemand merken: ik denk aan jou. Kost weinig, doet veel.": (
        "Let someone know: I am thinking of you. It costs little and means a lot."
    ),
    "Sport": "Sport",
    "sport": "sport",
    "Sport als verbindende factor in de buurt.": "Sport as something that connects a neighbourhood.",
    "Teambuilding": "Team building",
    "teambuilding": "team-building",
    "Met je team iets doen voor een ander, en elkaar beter leren kennen.": (
        "Doing something for others with your team, and getting to know each other better."
    ),
    "Bedrijven en mkb": "Companies and small businesses",
    "bedrijven": "companies",
    "Buren en bewoners": "Neighbours and residents",
    "buren": "neighbours",
    "Buurthuizen": "Community centres",
    "buurthuizen": "community-centres",
    "Goede doelen": "Charities",
    "goede-doelen": "charities",
    "Onderwijs": "Education",
    "onderwijs": "education",
    "Overheid": "Government",
    "overheid": "government",
    "Verenigingen en sportclubs": "Associations and sports clubs",
    "verenigingen": "associations",
    # Bring flowers
    "Een bloemetje langsbrengen": "Bring some flowers",
    "bloemetje-langsbrengen": "bring-flowers",
    "Breng onverwacht een bloemetje bij een buur en bel even aan.": (
        "Surprise a neighbour with a few flowers and ring the bell."
    ),
    "Koop of pluk een klein bosje bloemen.": "Buy or pick a small bunch of flowers.",
    "Bel aan en zeg dat je gewoon even aan diegene dacht.": (
        "Ring the bell and say you were simply thinking of them."
    ),
    "Heeft je buur tijd? Ga dan even zitten.": "Does your neighbour have time? Then sit down for a while.",
    "Een bosje bloemen": "A bunch of flowers",
    "Niemand thuis? Laat een kaartje met je naam achter.": "Nobody home? Leave a card with your name.",
    # A card through the letterbox
    "Een kaartje door de bus": "A card through the letterbox",
    "kaartje-door-de-bus": "card-through-the-letterbox",
    "Schrijf een kaartje of maak een tekening voor iemand die wel wat aandacht kan gebruiken.": (
        "Write a card or make a drawing for someone who could use some attention."
    ),
    "Bedenk wie je dit jaar weinig hebt gezien.": "Think of who you have hardly seen this year.",
    "Schrijf een paar persoonlijke zinnen of maak een tekening.": (
        "Write a few personal sentences or make a drawing."
    ),
    "Doe het kaartje zelf door de bus.": "Put the card through the letterbox yourself.",
    "Kaartjes of papier": "Cards or paper",
    "Een pen of potloden": "A pen or pencils",
    "Met een klas kun je een hele straat of een verpleeghuis verrassen.": (
        "With a class you can surprise a whole street or a nursing home."
    ),
    # Painting job
    "Schilderklus voor een goed doel": "A painting job for a good cause",
    "schilderklus": "painting-job",
    "Je team schildert een ruimte van een buurthuis, inloophuis of iemand die ondersteuning kan "
    "gebruiken.": (
        "Your team paints a room in a community centre, a drop-in centre or the home of someone "
        "who could use support."
    ),
    "Zoek een organisatie of persoon met een schilderklus.": (
        "Find an organisation or person with a painting job."
    ),
    "Spreek kleur, verf en planning samen af.": "Agree on colour, paint and planning together.",
    "Dek af, schilder en ruim netjes op.": "Cover up, paint and tidy up neatly.",
    "Sluit af met een gezamenlijke lunch.": "Finish with a lunch together.",
    "Verf, kwasten en rollers": "Paint, brushes and rollers",
    "Afdekfolie": "Dust sheets",
    "Lunch": "Lunch",
    "Laat een ervaren schilder uit het team de rest even instrueren.": (
        "Let an experienced painter in the team show the others how."
    ),
    # Christmas tree
    "Samen de kerstboom optuigen": "Decorating the Christmas tree together",
    "kerstboom-optuigen": "decorating-the-christmas-tree",
    "Help een buur die het niet meer alleen kan met het optuigen van de kerstboom.": (
        "Help a neighbour who can no longer manage alone to decorate the Christmas tree."
    ),
    "Vraag je buur of die hulp wil bij het versieren.": (
        "Ask your neighbour whether they would like help with the decorating."
    ),
    "Haal samen de dozen van zolder of uit de schuur.": (
        "Fetch the boxes from the attic or the shed together."
    ),
    "Tuig de boom op en luister naar de verhalen bij de ballen.": (
        "Decorate the tree and listen to the stories behind the baubles."
    ),
    "Spreek af dat je in januari helpt met opruimen.": (
        "Agree that you will help to put everything away in January."
    ),
    "Een uurtje tijd": "An hour of your time",
    "Eventueel een trapje": "A small stepladder, perhaps",
    "Neem kerstmuziek mee, dan wordt het vanzelf gezellig.": (
        "Bring Christmas music and it will be cosy in no time."
    ),
    # Neighbourhood barbecue
    "Buurt-BBQ door je bedrijf": "A neighbourhood barbecue by your company",
    "buurt-bbq": "neighbourhood-barbecue",
    "Je bedrijf steekt de barbecue aan voor de buurt. Gezellig, en meteen goede reclame.": (
        "Your company lights the barbecue for the neighbourhood. Sociable, and good publicity too."
    ),
    "Kies een plek bij je bedrijf of in de buurt.": "Choose a spot at your company or nearby.",
    "Nodig omwonenden uit met een flyer in de bus.": "Invite the neighbours with a flyer in their letterbox.",
    "Verdeel de taken: bakken, schenken, ontvangen.": "Share the tasks: grilling, pouring, welcoming.",
    "Zorg dat collega's aan tafel gaan bij de gasten.": "Make sure colleagues sit down with the guests.",
    "Barbecue en brandstof": "Barbecue and fuel",
    "Eten en drinken, ook vegetarisch": "Food and drinks, vegetarian too",
    "Tafels en statafels": "Tables and standing tables",
    "In december is het koud: denk aan een tent en warme drank.": (
        "December is cold: think of a tent and hot drinks."
    ),
    # Walking football
    "Wandelvoetbal met ouderen": "Walking football with older people",
    "wandelvoetbal": "walking-football",
    "Voetbal zonder rennen: oudere buurtgenoten spelen een potje met jongeren van de club.": (
        "Football without running: older neighbours play a match with young players from the club."
    ),
    "Reserveer een half veld en zet een klein doel neer.": "Book half a pitch and set up small goals.",
    "Nodig ouderen uit via het buurthuis en de huisartsenpraktijk.": (
        "Invite older people through the community centre and the GP practice."
    ),
    "Maak gemengde teams van jong en oud.": "Make mixed teams of young and old.",
    "Speel twee korte helften met een koffiepauze ertussen.": (
        "Play two short halves with a coffee break in between."
    ),
    "Een half veld": "Half a pitch",
    "Een bal en twee kleine doelen": "A ball and two small goals",
    "Koffie": "Coffee",
    "Regel: niet rennen en niet hoger dan heuphoogte schieten.": (
        "Rule: no running and no shots above hip height."
    ),
    # Connection run
    "VerbindingsLoop": "Connection Run",
    "verbindingsloop": "connection-run",
    "Een wandel- of hardloopronde waarbij je steeds met iemand anders oploopt.": (
        "A walking or running loop on which you keep pairing up with someone new."
    ),
    "Zet een route uit van drie tot vijf kilometer, ook geschikt voor wandelaars.": (
        "Mark out a route of three to five kilometres that walkers can do as well."
    ),
    "Deel bij de start kaartjes uit met een gespreksvraag.": (
        "Hand out cards with a conversation question at the start."
    ),
    "Wissel bij elke kilometerpost van loopmaatje.": "Change partners at every kilometre marker.",
    "Eindig bij een plek met soep of koffie.": "Finish at a place with soup or coffee.",
    "Een route en vergunning": "A route and a permit",
    "Vrijwilligers langs de route": "Volunteers along the route",
    "Gesprekskaartjes": "Conversation cards",
    "Maak er geen wedstrijd van: meedoen is het doel.": (
        "Do not make it a race: taking part is the point."
    ),
    # Garden job
    "Tuinklus met je team": "A garden job with your team",
    "tuinklus-met-je-team": "garden-job-with-your-team",
    "Met collega's de tuin opknappen van iemand die dat zelf niet meer kan.": (
        "Tidy up the garden of someone who can no longer do it, together with your colleagues."
    ),
    "Vraag via een welzijnsorganisatie wie hulp in de tuin kan gebruiken.": (
        "Ask a welfare organisation who could use help in the garden."
    ),
    "Bekijk de tuin vooraf en maak een klussenlijst.": (
        "Look at the garden beforehand and make a list of jobs."
    ),
    "Plan een ochtend met het team, gereedschap mee.": (
        "Plan a morning with the team and bring tools."
    ),
    "Neem de tijd voor koffie met de bewoner: daar gaat het om.": (
        "Take time for coffee with the resident: that is what it is about."
    ),
    "Tuingereedschap": "Garden tools",
    "Werkhandschoenen": "Work gloves",
    "Groene afvalzakken": "Garden waste bags",
    "Vraag de bewoner wat hij of zij zelf het belangrijkst vindt.": (
        "Ask the resident what matters most to them."
    ),
    # Collection drive
    "Inzamelactie voor hulpbehoevenden": "A collection for people in need",
    "inzamelactie": "collection-drive",
    "Zamel houdbaar eten, warme kleding of speelgoed in voor mensen die het nodig hebben.": (
        "Collect non-perishable food, warm clothes or toys for people who need them."
    ),
    "Vraag de voedselbank of kledingbank wat ze nu het meest nodig hebben.": (
        "Ask the food bank or clothing bank what they need most right now."
    ),
    "Zet een paar dozen op een zichtbare plek.": "Put a few boxes in a visible place.",
    "Vertel een week lang waarom je inzamelt.": "Tell people for a whole week why you are collecting.",
    "Breng de spullen samen weg en vertel daarna hoeveel het opleverde.": (
        "Deliver the goods together and afterwards tell everyone how much it raised."
    ),
    "Dozen": "Boxes",
    "Een poster": "A poster",
    "Vervoer": "Transport",
    "Een concreet doel werkt beter: 'honderd pakken rijst' in plaats van 'eten'.": (
        "A concrete goal works better: 'a hundred packs of rice' rather than 'food'."
    ),
    # Role play
    "Rollenspel: in de schoenen van een ander": "Role play: in someone else's shoes",
    "rollenspel": "role-play",
    "Een les of workshop waarin jongeren met toneel ervaren hoe het is om iemand anders te zijn.": (
        "A lesson or workshop in which young people use drama to feel what it is like to be "
        "someone else."
    ),
    "Schrijf korte situaties op kaartjes, bijvoorbeeld: de nieuwe leerling die niemand kent.": (
        "Write short situations on cards, for example: the new pupil who knows nobody."
    ),
    "Laat groepjes een situatie kort naspelen.": "Let small groups act out a situation briefly.",
    "Wissel daarna de rollen om.": "Then swap the roles.",
    "Bespreek samen: wat voelde je, en wat zou helpen?": (
        "Talk it over together: what did you feel, and what would help?"
    ),
    "Situatiekaartjes": "Situation cards",
    "Een lege ruimte": "An empty room",
    "Een begeleider": "A facilitator",
    "Veiligheid eerst: niemand hoeft iets te spelen wat te dichtbij komt.": (
        "Safety first: nobody has to act out anything that comes too close."
    ),
}
