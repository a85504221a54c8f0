"""The demo site, made from the data files in data/ (one per part of the site).

Idempotent: what exists already (found by slug, name or title) is left as it is. A text may have
its English next to it, `<field>_en`; the entries that have English are translated into English
through wagtail-localize (translate.py) once everything else is in place.
"""

import re
import tomllib
from pathlib import Path

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from core.models import ContactSettings
from core.provinces import Province
from editions.models import EditionIndexPage, EditionPage, EditionPartner, Partner
from home.models import HomePage, HomePageFeaturedItem
from ideas.models import IdeaIndexPage, IdeaPage, Organiser, PinnedRelatedIdea, Theme
from stories.models import Story
from teams.models import TeamIndexPage, TeamLink, TeamNeed, TeamPage

from . import translate
from .activities import activity_for, seeded_random
from .files import demo_document, demo_image

DATA = Path(__file__).with_name("data")
WELCOME_PAGE_SLUG = "home"


def read(name):
    return tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))


def load():
    demo = Demo()
    home = demo.home(read("home"))
    demo.editions(home, read("editions"))
    demo.teams(home, read("teams"))
    demo.activities(home, read("activities"))
    demo.ideas(home, read("ideas"))
    demo.stories(home, read("stories"))
    link_featured(home)
    translate.load(demo.to_translate, demo.english)


def texts(text):
    """The texts wagtail-localize translates one by one: each block of HTML, or the whole text."""
    return [part for part in re.split(r"<[^>]+>", text) if part.strip()]


class Demo:
    def __init__(self):
        self.english = {}  # Dutch text: its English
        self.to_translate = []  # what has English, in the order it was made

    def dutch(self, entry):
        """The fields of an entry without their English, which is kept for the translation."""
        fields = {key: value for key, value in entry.items() if not key.endswith("_en")}
        for key, value in fields.items():
            if f"{key}_en" not in entry:
                continue
            dutch, english = value, entry[f"{key}_en"]
            if not isinstance(dutch, list):
                dutch, english = [dutch], [english]
            for nl, en in zip(dutch, english, strict=True):
                for nl_text, en_text in zip(texts(nl), texts(en), strict=True):
                    if self.english.setdefault(nl_text, en_text) != en_text:
                        raise ValueError(f"Two English texts for {nl_text!r}")
        return fields

    def translated(self, entry, obj):
        if any(key.endswith("_en") for key in entry):
            self.to_translate.append(obj)
        return obj

    def home(self, data):
        """The Dutch home page at the root of the default site, replacing the welcome page."""
        locale = Locale.get_default()
        fields = self.dutch(data["home"])
        home = HomePage.objects.filter(depth=2, locale=locale).first()
        if home is None:
            root = Page.get_first_root_node()
            welcome = root.get_children().filter(slug=WELCOME_PAGE_SLUG, content_type__model="page")
            for page in welcome:
                page.delete()
            home = HomePage(locale=locale, **fields)
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(root_page=home, is_default_site=True, **data["site"])
        elif site.root_page_id != home.id:
            site.root_page = home
            site.save()
        ContactSettings.objects.get_or_create(site=site)
        return self.translated(data["home"], home)

    def editions(self, home, data):
        index = self.translated(
            data["index"], child_page(home, EditionIndexPage, self.dutch(data["index"]))
        )
        partners = [self.partner(entry) for entry in data["partners"]]
        every = self.dutch(data["every_edition"])
        for entry in data["editions"]:
            existing = index.get_children().filter(slug=entry["slug"]).exists()
            fields = self.dutch(entry)
            edition = child_page(index, EditionPage, every | fields)
            if not existing:
                for partner in partners:
                    EditionPartner.objects.create(page=edition, partner=partner)
                edition.save_revision().publish()
            self.translated(entry, edition)

    def partner(self, entry):
        fields = self.dutch(entry)
        colour = fields.pop("colour")
        partner = Partner.objects.filter(name=fields["name"], locale=Locale.get_default()).first()
        if partner is None:
            logo = demo_image(f"Logo {fields['name']}", colour, fields["name"], size=(480, 240))
            partner = Partner.objects.create(logo=logo, locale=Locale.get_default(), **fields)
        return self.translated(entry, partner)

    def teams(self, home, data):
        index = child_page(home, TeamIndexPage, data["index"])
        every = data["every_team"]
        for entry in data["teams"]:
            fields, slug = dict(entry), entry["slug"]
            needs = fields.pop("needs")
            existing = index.get_children().filter(slug=slug).exists()
            team = child_page(
                index,
                TeamPage,
                fields,
                contact_name=every["contact_name"],
                contact_email=every["contact_email"].format(slug=slug),
            )
            if not existing:
                for need in needs:
                    TeamNeed.objects.create(page=team, **need)
                link = {key: value.format(slug=slug) for key, value in every["link"].items()}
                TeamLink.objects.create(page=team, **link)
                team.save_revision().publish()

    def activities(self, home, data):
        """Every idea, spread over all provinces and editions, decided by a fixed seed."""
        teams = list(TeamPage.objects.live().order_by("path"))
        per_edition = {int(year): count for year, count in data["per_edition"].items()}
        editions = EditionPage.objects.live().filter(locale=home.locale, year__in=per_edition)
        for edition in editions.order_by("year"):
            rng = seeded_random("demo", edition.year)
            provinces = list(Province)
            for number in range(per_edition[edition.year]):
                province = provinces[(number + edition.year) % len(provinces)]
                place = rng.choice([place for place in data["places"] if place[3] == province])
                idea = data["ideas"][(number + edition.year) % len(data["ideas"])]
                local = [team for team in teams if team.province == province]
                # Mostly the team of the same province, if it has one.
                team = local[0] if local and rng.random() < 0.85 else None
                activity = activity_for(edition, rng, idea=idea, place=place, team=team)
                activity.slug = f"{number + 1:02d}-{slugify(activity.title)[:60]}"
                if not edition.get_children().filter(slug=activity.slug).exists():
                    edition.add_child(instance=activity)
                    activity.save_revision().publish()

    def ideas(self, home, data):
        index = self.translated(
            data["index"], child_page(home, IdeaIndexPage, self.dutch(data["index"]))
        )
        themes = {entry["slug"]: self.facet(Theme, entry) for entry in data["themes"]}
        organisers = {entry["slug"]: self.facet(Organiser, entry) for entry in data["organisers"]}
        images = {entry["slug"]: entry for entry in data["themes"]}
        documents = {entry["title"]: entry for entry in data["documents"]}
        created = []
        for entry in data["ideas"]:
            fields = self.dutch(entry)
            existing = index.get_children().filter(slug=fields["slug"]).first()
            if existing:
                self.translated(entry, existing.specific)
                continue
            body = [
                ("steps", {"heading": "", "steps": fields.pop("steps")}),
                ("what_you_need", {"heading": "", "items": fields.pop("needs")}),
                ("tips", {"heading": "", "items": fields.pop("tips")}),
            ]
            if "quote" in fields:
                body.append(("quote", fields.pop("quote")))
            if "image" in fields:
                theme = images[fields.pop("image")]
                image = demo_image(f"Idee: {theme['name']}", theme["colour"], theme["name"])
                body.append(("image", {"image": image, "alt_text": "", "caption": ""}))
            if "document" in fields:
                document = demo_document(**documents[fields.pop("document")])
                body.append(("document", {"document": document, "label": ""}))
            fields["themes"] = [themes[slug] for slug in fields["themes"]]
            fields["organisers"] = [organisers[slug] for slug in fields["organisers"]]
            created.append(self.translated(entry, child_page(index, IdeaPage, fields, body=body)))
        self.pin_related(index, created, data["pinned"])

    def facet(self, model, entry):
        fields = self.dutch(entry)
        facet, _ = model.objects.get_or_create(
            locale=Locale.get_default(),
            slug=fields["slug"],
            defaults={"name": fields["name"], "description": fields.get("description", "")},
        )
        return self.translated(entry, facet)

    def pin_related(self, index, new_ideas, pinned):
        by_slug = {page.slug: page for page in IdeaPage.objects.child_of(index)}
        for idea in new_ideas:
            for number, slug in enumerate(pinned.get(idea.slug, [])):
                PinnedRelatedIdea.objects.create(page=idea, idea=by_slug[slug], sort_order=number)
            if idea.slug in pinned:
                IdeaPage.objects.get(pk=idea.pk).save_revision().publish()

    def stories(self, home, data):
        edition = EditionPage.objects.filter(year=data["edition"], locale=home.locale).first()
        if edition is None:
            return
        for entry in data["stories"]:
            Story.objects.get_or_create(
                edition=edition,
                name=entry["name"],
                defaults={"text": entry["text"], "status": Story.Status.APPROVED},
            )


def child_page(parent, model, fields, **more):
    """The child of `parent` with this slug, made and published if it is missing."""
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing:
        return existing.specific
    page = model(**fields, **more)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def link_featured(home):
    """Point the call to action and the featured items at the demo content, once."""
    if home.featured_items.exists():
        return
    current = EditionPage.current_for_locale(home.locale)
    sections = list(home.get_children().live().in_menu())
    home.call_to_action_page = current
    for page in [current, *sections]:
        if page is not None:
            home.featured_items.add(HomePageFeaturedItem(page=page))
    home.save_revision().publish()
