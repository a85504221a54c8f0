"""Small builders for test fixtures: a site with a Dutch home page and an edition section."""

import datetime

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from activities.models import ActivityPage
from activities.validation import EDITION_TIME_ZONE
from core.models import ContactSettings
from core.provinces import Province
from devtools.bulk import bulk_add_live_children
from editions.models import EditionIndexPage, EditionPage, EditionPartner, Partner
from home.models import HomePage
from teams.models import TeamIndexPage, TeamPage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published translation of `page` (and of its parents where missing), with `fields` set."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_home(title="Week van de Verbinding"):
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = publish(root, HomePage(title=title, slug="home", locale=Locale.get_default()))
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    ContactSettings.objects.create(site=site)
    return home


def make_edition_index(home):
    return publish(home, EditionIndexPage(title="Edities", slug="edities", show_in_menus=True))


def make_edition(index, year, start=(12, 7), end=(12, 11), **fields):
    fields.setdefault("title", f"Week van de Verbinding {year}")
    fields.setdefault("slug", str(year))
    fields.setdefault("theme", "Simpel met Impact")
    fields.setdefault("hashtag", f"#WeekvandeVerbinding{year}")
    edition = EditionPage(
        year=year,
        start_date=datetime.date(year, *start),
        end_date=datetime.date(year, *end),
        **fields,
    )
    return publish(index, edition)


def add_partners(edition, count):
    for number in range(count):
        partner = Partner.objects.create(name=f"Partner {number}", kind=Partner.Kind.SPONSOR)
        EditionPartner.objects.create(page=edition, partner=partner, sort_order=number)


def make_team_index(home):
    return publish(home, TeamIndexPage(title="InspiratieTeams", slug="inspiratieteams"))


def make_team(index, title="Buurtteam De Brug", **fields):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("place", "Zwolle")
    fields.setdefault("province", Province.OVERIJSSEL)
    return publish(index, TeamPage(title=title, **fields))


def amsterdam_time(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EDITION_TIME_ZONE)


ONLINE = {
    "is_online": True,
    "location_name": "",
    "street_address": "",
    "postcode": "",
    "city": "",
    "province": "",
}


def activity_fields(title, edition, **fields):
    """Valid fields for an activity on the edition's first day, 14:00–16:00, in Zwolle."""
    day = edition.start_date
    fields.setdefault("slug", slugify(title))
    fields.setdefault("starts_at", amsterdam_time(day.year, day.month, day.day, 14))
    fields.setdefault("ends_at", amsterdam_time(day.year, day.month, day.day, 16))
    fields.setdefault("location_name", "Buurthuis De Brug")
    fields.setdefault("street_address", "Assendorperstraat 12")
    fields.setdefault("postcode", "8012 DH")
    fields.setdefault("city", "Zwolle")
    fields.setdefault("province", Province.OVERIJSSEL)
    return {"title": title, **fields}


def make_activity(edition, title="Koffie in de lift", live=True, **fields):
    activity = ActivityPage(live=live, **activity_fields(title, edition, **fields))
    edition.add_child(instance=activity)
    revision = activity.save_revision()
    if live:
        revision.publish()
    activity.refresh_from_db()
    return activity


def add_live_activities(edition, count, **fields):
    """`count` more live activities in the edition, inserted in bulk (no revisions, no search
    index entries), numbered on after the activities already there."""
    start = ActivityPage.objects.count()
    pages = [
        ActivityPage(**activity_fields(f"Activiteit {start + n}", edition, **fields))
        for n in range(count)
    ]
    return bulk_add_live_children(edition, pages)


def make_user(username, *group_names, superuser=False):
    """An active user with an email address, in the named groups."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="secret-password"
    )
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user
