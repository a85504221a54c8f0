"""The one fixture set the fuzzer runs against, built once per test class (setUpTestData).

Everything a visitor must never see carries a secret word in its title or text, so any response
that shows it is caught: DRAFT_SECRET (unpublished pages and draft revisions, unpublished
snippets), PRIVATE_SECRET (live but view-restricted pages), PENDING_SECRET (stories that are not
approved). The fuzzer never generates these words itself.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from activities.models import ActivityPage
from editions.models import EditionPartner, Partner
from stories.models import Story
from teams.models import TeamPage
from tests.factories import (
    activity_fields,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    publish,
    translate,
)
from tests.factories_ideas import make_idea, make_idea_index, make_organiser, make_theme

DRAFT_SECRET = "fzdraftsecret"
PRIVATE_SECRET = "fzprivatesecret"
PENDING_SECRET = "fzpendingsecret"
SECRETS = (DRAFT_SECRET, PRIVATE_SECRET, PENDING_SECRET)


@dataclass
class World:
    """Paths and ids the strategies draw from; `pages` maps a role to a page."""

    pages: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    stories: dict = field(default_factory=dict)
    restriction_ids: list = field(default_factory=list)
    document_restriction_ids: list = field(default_factory=list)
    # Valid private links (signups/tokens.py, followups/links.py) by kind, and links that must
    # lead nowhere: revoked, of a draft or private activity, of the wrong kind.
    tokens: dict = field(default_factory=dict)
    dead_tokens: list = field(default_factory=list)

    def path(self, role):
        return self.pages[role].url

    def ids(self):
        """Every page id of the fixture set: live, draft, private and other-language ones."""
        return sorted(page.pk for page in self.pages.values())

    def roles(self, prefix):
        return sorted(role for role in self.pages if role.startswith(prefix))


def restrict(page, restriction_type=PageViewRestriction.LOGIN):
    password = "geheim" if restriction_type == PageViewRestriction.PASSWORD else ""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name="Moderators"))
    return restriction


def add_draft_revision(page, **changes):
    """A live page with newer, unpublished changes: visitors keep seeing the live version."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision()
    page.refresh_from_db()
    return page


def build_world():
    today = timezone.localdate()
    english = Locale.objects.get_or_create(language_code="en")[0]
    world = World()
    pages = world.pages

    home = pages["home_nl"] = make_home()
    pages["home_en"] = translate(home, english, title="Week of Connection")
    index = pages["edition_index_nl"] = make_edition_index(home)
    pages["edition_index_en"] = translate(index, english, title="Editions", slug="editions")
    past = pages["edition_past_nl"] = make_edition(index, today.year - 2)
    current = pages["edition_current_nl"] = make_edition(
        index,
        today.year,
        start=(today.month, today.day),
        end=(today.month, today.day),
        slug="nu",
    )
    # The current edition runs from today for five days (it may cross the new year).
    current.end_date = today + datetime.timedelta(days=4)
    current.save_revision().publish()
    pages["edition_future_nl"] = make_edition(index, today.year + 2)
    current_en = pages["edition_current_en"] = translate(
        current, english, title="Week of Connection now", slug="now"
    )
    draft_edition = make_edition(index, today.year + 3, title=f"Editie {DRAFT_SECRET}")
    draft_edition.unpublish()
    pages["edition_draft_nl"] = draft_edition
    private_edition = pages["edition_private_nl"] = make_edition(
        index, today.year + 4, title=f"Editie {PRIVATE_SECRET}"
    )
    world.restriction_ids.append(restrict(private_edition, PageViewRestriction.PASSWORD).pk)

    add_activities(world, current, current_en, past)
    add_ideas(world, home, english)
    add_teams(world, home, english)
    add_partner(world, current)
    add_stories(world, current, past)
    add_signups(world, current)
    add_follow_ups(world)
    add_private_collection(world)
    return world


def add_private_collection(world):
    collection = Collection.get_first_root_node().add_child(name="Besloten")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim",
    )
    world.document_restriction_ids.append(restriction.pk)


def add_activities(world, current, current_en, past):
    pages = world.pages
    pages["activity_live_nl"] = make_activity(
        current, "Koffie in de lift", latitude="52.51256", longitude="6.09444"
    )
    pages["activity_formula_nl"] = make_activity(
        current,
        '=HYPERLINK("http://example.org/x","klik")',
        slug="formule",
        location_name="@SUM(1+1)",
        price="+31 6 12345678",
        cost=ActivityPage.Cost.PAID,
        introduction="-2+3 gratis",
        is_online=True,
    )
    pages["activity_draft_nl"] = make_activity(
        current, f"Concept {DRAFT_SECRET}", slug="concept", live=False
    )
    private = pages["activity_private_nl"] = make_activity(
        current, f"Besloten {PRIVATE_SECRET}", slug="besloten", latitude="52.1", longitude="5.1"
    )
    world.restriction_ids.append(restrict(private).pk)
    pages["activity_changed_nl"] = add_draft_revision(
        make_activity(current, "Soep delen", slug="soep"),
        title=f"Soep {DRAFT_SECRET}",
        introduction=DRAFT_SECRET,
    )
    pages["activity_past_nl"] = make_activity(past, "Wandelen in het park", slug="wandelen")
    english = ActivityPage(**activity_fields("Coffee in the lift", current_en, slug="coffee"))
    pages["activity_live_en"] = publish(current_en, english)


def add_ideas(world, home, english):
    pages = world.pages
    index = pages["idea_index_nl"] = make_idea_index(home)
    pages["idea_index_en"] = translate(index, english, title="Ideas", slug="ideas")
    sport = world.themes["live_nl"] = make_theme("Sport")
    draft_theme = world.themes["draft_nl"] = make_theme(f"Thema {DRAFT_SECRET}", slug="geheim")
    draft_theme.live = False
    draft_theme.save()
    english_theme = world.themes["live_en"] = make_theme("Sport", slug="sport", locale=english)
    school = make_organiser("Scholen")
    pages["idea_live_nl"] = make_idea(index, "Koffie met de buren", [sport], [school])
    pages["idea_draft_nl"] = make_idea(
        index, f"Idee {DRAFT_SECRET}", [sport, draft_theme], slug="concept-idee", live=False
    )
    private = pages["idea_private_nl"] = make_idea(
        index, f"Idee {PRIVATE_SECRET}", [sport], slug="besloten-idee"
    )
    world.restriction_ids.append(restrict(private, PageViewRestriction.GROUPS).pk)
    pages["idea_live_en"] = make_idea(
        pages["idea_index_en"], "Coffee with the neighbours", [english_theme], slug="coffee-en"
    )


def add_teams(world, home, english):
    pages = world.pages
    index = pages["team_index_nl"] = make_team_index(home)
    pages["team_index_en"] = translate(index, english, title="Teams", slug="teams")
    pages["team_contact_nl"] = make_team(
        index, "Buurtteam De Brug", contact_name="Anna", contact_email="team@example.org"
    )
    pages["team_nocontact_nl"] = make_team(index, "Sportclub Noord")
    draft = make_team(index, f"Team {DRAFT_SECRET}", slug="concept-team")
    draft.unpublish()
    pages["team_draft_nl"] = draft
    private = pages["team_private_nl"] = make_team(
        index, f"Team {PRIVATE_SECRET}", slug="besloten-team", contact_email="private@example.org"
    )
    world.restriction_ids.append(restrict(private).pk)
    english_team = TeamPage(
        title="Neighbours team",
        slug="neighbours",
        place="Zwolle",
        province="overijssel",
        contact_email="en@example.org",
    )
    pages["team_contact_en"] = publish(pages["team_index_en"], english_team)


def add_partner(world, current):
    """A Powered By partner of the current edition with a page (figures/partners.py)."""
    partner = Partner.objects.create(name="Buurtfonds", kind=Partner.Kind.POWERED_BY)
    EditionPartner.objects.create(page=current, partner=partner, sort_order=1)
    world.pages["team_contact_nl"].partners.add(partner)
    world.pages["team_contact_nl"].save_revision().publish()


def add_stories(world, current, past):
    approved = Story.Status.APPROVED
    world.stories = {
        "approved": Story.objects.create(
            edition=current, name="Marja", text="Samen puzzelen op dinsdag.", status=approved
        ),
        "pending": Story.objects.create(
            edition=current, name=PENDING_SECRET, text=f"Nog niet goedgekeurd {PENDING_SECRET}"
        ),
        "rejected": Story.objects.create(
            edition=past,
            name="Afgewezen",
            text=f"Afgewezen {PENDING_SECRET}",
            status=Story.Status.REJECTED,
        ),
    }


def add_signups(world, current):
    """An activity with sign-up on this site (starting in two days, few places) with a
    confirmed, a waiting and an unconfirmed sign-up whose texts would be formulas, and the
    organiser's link; a draft and a private activity with sign-up on site."""
    from signups import allocation, tokens
    from signups.models import OrganiserAccess, SignUp

    starts = timezone.now() + datetime.timedelta(days=2)
    activity = world.pages["activity_signup_nl"] = make_activity(
        current,
        "Samen eten",
        slug="samen-eten",
        signup_on_site=True,
        capacity=3,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    hidden = []
    for title, slug, restricted in (
        (f"Eten {DRAFT_SECRET}", "eten-concept", False),
        (f"Eten {PRIVATE_SECRET}", "eten-besloten", True),
    ):
        page = make_activity(
            current,
            title,
            slug=slug,
            signup_on_site=True,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            live=restricted,
        )
        if restricted:
            world.restriction_ids.append(restrict(page).pk)
        hidden.append(page)
    world.pages["activity_signupdraft_nl"], world.pages["activity_signupprivate_nl"] = hidden

    def signup(activity, email, **fields):
        return SignUp.objects.create(
            activity=activity, email=email, language="nl", **{"name": email, **fields}
        )

    confirmed = allocation.confirm(
        signup(activity, "a@example.org", people=2, name="=1+1", note='@SUM(1) "x"\n-2')
    )
    waiting = allocation.confirm(signup(activity, "b@example.org", people=2, phone="+316"))
    unconfirmed = signup(activity, "c@example.org")
    revoked = signup(activity, "d@example.org")
    revoked_token = tokens.confirm_token(revoked)
    revoked.key = ""
    revoked.save()
    access = OrganiserAccess.objects.create(activity=activity)
    old_organiser = tokens.organiser_token(access)
    access.revoke()
    world.tokens = {
        "confirm": [tokens.confirm_token(unconfirmed), tokens.confirm_token(confirmed)],
        "manage": [tokens.manage_token(confirmed), tokens.manage_token(waiting)],
        "organiser": [tokens.organiser_token(access)],
    }
    draft_signup = signup(hidden[0], "e@example.org")
    draft_access = OrganiserAccess.objects.create(activity=hidden[0])
    world.dead_tokens = [
        revoked_token,
        old_organiser,
        tokens.manage_token(unconfirmed)[:-1],
        tokens.confirm_token(draft_signup)[::-1],
        tokens.organiser_token(draft_access)[:-3] + "abc",
        # Signed with another link's salt: a manage link used as an organiser link and back.
        tokens.manage_token(confirmed).replace("signups.manage", ""),
    ]


def add_follow_ups(world):
    """The follow-up of the past activity (open) and of the live one (answered already)."""
    from followups.links import token_for
    from followups.models import FollowUp

    open_follow_up = FollowUp.objects.create(
        activity=world.pages["activity_past_nl"], asked_at=timezone.now()
    )
    answered = FollowUp.objects.create(
        activity=world.pages["activity_live_nl"], answered_at=timezone.now(), people=4
    )
    world.tokens["follow_up"] = [token_for(open_follow_up), token_for(answered)]
    draft = FollowUp.objects.create(activity=world.pages["activity_draft_nl"])
    world.dead_tokens.append(token_for(draft)[:-2] + "zz")
