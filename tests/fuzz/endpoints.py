"""Every public (anonymous) endpoint of the site, with a strategy for what a visitor sends to it.

`covers` names what an endpoint exercises: URL names from the URL conf ("search",
"activities:register") and page routes ("editions.EditionPage:activities_json"; a page type
without routes is "home.HomePage"). tests/fuzz/test_fuzz_coverage.py fails when the URL conf or
the page models offer something no endpoint covers.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from hypothesis import strategies as st
from wagtail.models import Locale

from activities.models import ActivityPage
from activities.submission import ActivitySubmissionForm
from core.provinces import Province
from core.target_groups import TargetGroup
from followups.forms import AnswerForm
from ideas.models import FACT_FIELDS, IdeaPage
from signups.forms import SignUpForm
from stories.forms import StoryForm
from teams.forms import TeamContactForm
from teams.models import TeamPage
from teams.submission import TeamSubmissionForm

from . import forms
from .hostile import (
    dates_as_text,
    hostile_text,
    hostile_values,
    markers,
    numbers_as_text,
    query_params,
    raw_query_strings,
)
from .requests import Request

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Endpoint:
    name: str
    covers: tuple
    build: object  # world -> strategy of a list of Requests
    # Posts that may change data: after each example nothing new may be live or public.
    changes_data: bool = False

    def requests(self, world):
        return self.build(world)


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def language_urls(name):
    return [url(name, language) for language in LANGUAGES]


def one(strategy):
    return strategy.map(lambda request: [request])


# Mostly GET; now and then a method the address does not expect.
METHODS = ("GET",) * 12 + ("HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH")


@st.composite
def get(draw, paths, known=None, headers=None):
    """A GET of one of the paths with fuzzed parameters (or a raw, broken query string)."""
    path = draw(st.sampled_from(paths))
    params = draw(query_params({**COMMON_PARAMETERS, **(known or {})}))
    raw = draw(st.one_of(st.just(""), st.just(""), raw_query_strings()))
    sent_headers = draw(headers) if headers is not None else {}
    method = draw(st.sampled_from(METHODS))
    return Request(method, path, params, raw_query=raw, headers=sent_headers)


def pages_get(roles, suffix="", known=None):
    def build(world):
        paths = [world.path(role) + suffix for role in roles(world)]
        return one(get(paths, known))

    return build


def by_prefix(*prefixes):
    return lambda world: [role for prefix in prefixes for role in world.roles(prefix)]


def ids_and_noise(world):
    """Ids of fixture pages (drafts, private and other-language ones first) and noise."""
    hidden = [
        str(page.pk)
        for role, page in sorted(world.pages.items())
        if not role.endswith("_nl") or "draft" in role or "private" in role
    ]
    return st.one_of(
        st.sampled_from(hidden),
        st.sampled_from([str(pk) for pk in world.ids()]),
        numbers_as_text,
    )


COMMON_PARAMETERS = {
    "untranslated": hostile_values("nl", "en", "de", "NL", "en-gb"),
    "page": numbers_as_text,
}

ACTIVITY_FILTERS = {
    "province": hostile_values(*Province.values),
    "place": hostile_values("Zwolle", "80", "zwolle ", "8012", "99", "10"),
    "day": hostile_values("2026-12-07", "2026-12-31", "0001-01-01", "9999-12-31"),
    "kind": hostile_values(*ActivityPage.Kind.values),
    "target_group": hostile_values(*TargetGroup.values),
    "audience": hostile_values(*TargetGroup.values, "families"),  # the former name: redirects
    "distance": hostile_values("5", "10", "25", "all"),
    "online_too": hostile_values("on", "true", "1"),
    "online": hostile_values("yes", "no"),
    "free": hostile_values("on", "true", "1", "0", "false"),
    "sort": hostile_values("latest", "soonest"),
    "view": hostile_values("map", "list", "MAP"),
}

IDEA_FILTERS = {
    "theme": hostile_values("sport", "geheim", "Sport"),
    "organiser": hostile_values("scholen"),
    **{
        name: hostile_values(*(value for value, _label in IdeaPage._meta.get_field(name).choices))
        for name in FACT_FIELDS
    },
}

SEARCH_PARAMETERS = {
    "query": hostile_values("koffie", "Coffee", "wandel*", '"koffie', "koffie OR lift", "a" * 300),
    "type": hostile_values("idea", "activity", "team", "edition", "page"),
    "year": hostile_values("2026", "2024", "0", "-1"),
    "province": hostile_values(*Province.values),
}


EDITIONS = by_prefix(
    "edition_past", "edition_current", "edition_future", "edition_draft", "edition_private"
)


# The overview's segment per language; the other language's segment is tried too (the Dutch one
# redirects on an English page, the English one leads nowhere on a Dutch page).
OVERVIEW_SEGMENTS = {"nl": "activiteiten/", "en": "activities/"}


def edition_routes(suffix=None):
    """The edition pages, or with `suffix` the overview route ending in it (e.g. "ics/")."""
    if suffix is None:
        return pages_get(EDITIONS, "", ACTIVITY_FILTERS)

    def build(world):
        paths = []
        for role in EDITIONS(world):
            page = world.pages[role]
            own = OVERVIEW_SEGMENTS[page.locale.language_code]
            other = [segment for segment in OVERVIEW_SEGMENTS.values() if segment != own]
            paths += [page.url + own + suffix] * 3 + [
                page.url + segment + suffix for segment in other
            ]
        return one(get(paths, ACTIVITY_FILTERS))

    return build


# The week in numbers and the place pages (figures/routes.py), per language.
FIGURES_SEGMENTS = {"nl": "cijfers/", "en": "numbers/"}
PLACES_SEGMENTS = {"nl": "plaatsen/", "en": "places/"}
PARTNERS_SEGMENTS = {"nl": "partners/", "en": "partners/"}
PLACE_SLUGS = st.one_of(
    st.sampled_from(["zwolle", "zwolle", "online", "Zwolle", "-", "_"]),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20),
    hostile_text(max_filler=2),
)
PARTNER_SLUGS = st.one_of(
    st.sampled_from(["buurtfonds", "buurtfonds", "Buurtfonds", "-"]),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20),
)


def edition_pages_routes(segments, suffix="", slugs=None):
    """The edition pages' route at `segments` (per language; the other language's segment is
    tried too) + suffix, with a place slug in between when `slugs` is given."""

    def build(world):
        bases = []
        for role in EDITIONS(world):
            page = world.pages[role]
            own = segments[page.locale.language_code]
            bases += [page.url + own] * 3 + [
                page.url + segment for segment in segments.values() if segment != own
            ]

        @st.composite
        def request(draw):
            path = draw(st.sampled_from(bases))
            if slugs is not None:
                path += draw(slugs) + "/"
            return draw(get([path + suffix], ACTIVITY_FILTERS))

        return one(request())

    return build


def overview_routes(name):
    """A route of the overview and the alias of its Dutch segment (core/routes.py)."""
    return (f"editions.EditionPage:{name}", f"editions.EditionPage:{name}_source")


def health(world):
    return one(get(["/health/"]))


def root(world):
    languages = st.sampled_from(["", "nl", "en", "de", "en-GB,en;q=0.9", "*", "xx-YY;q=abc"])
    headers = st.one_of(
        languages.map(lambda value: {"accept-language": value}),
        hostile_text().map(lambda value: {"accept-language": value}),
    )
    return one(get(["/", "/nl", "/en", "/de/", "/xx/"], headers=headers))


def unknown_paths(world):
    """Addresses below real pages that lead nowhere (Wagtail's catch-all route)."""
    segment = st.one_of(
        st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20),
        hostile_text(max_filler=2),
        st.sampled_from(["..", ".", "%2e%2e", "%00", "_util", "bedankt"]),
    )
    bases = ["/nl/", "/en/", *(world.path(role) for role in sorted(world.pages))]

    @st.composite
    def requests(draw):
        base = draw(st.sampled_from(bases))
        tail = "/".join(draw(st.lists(segment, min_size=1, max_size=3)))
        slash = draw(st.sampled_from(["/", "/", ""]))
        return Request("GET", base + tail + slash, draw(query_params(COMMON_PARAMETERS)))

    return one(requests())


def language_fallback(world):
    """Pages with the language fallback notice parameter, and pages asked for under the other
    language's prefix."""
    paths = []
    for _role, page in sorted(world.pages.items()):
        other = "en" if page.url.startswith("/nl/") else "nl"
        paths += [page.url, f"/{other}/{page.url.split('/', 2)[2]}"]
    fallback = {"untranslated": hostile_values("nl", "en", "de", "NL", "en-gb", "xx")}
    return one(get(paths, fallback).filter(asks_for_a_language))


def asks_for_a_language(request):
    return any(name == "untranslated" for name, _value in request.params)


def idea_theme_prints(world):
    slugs = st.one_of(
        st.sampled_from([theme.slug for theme in world.themes.values()]),
        st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=30),
        markers,
    )
    bases = [world.path(role) for role in by_prefix("idea_index")(world)]
    return one(
        st.builds(
            lambda base, slug, params: Request("GET", f"{base}print/{slug}/", params),
            st.sampled_from(bases),
            slugs,
            query_params(COMMON_PARAMETERS),
        )
    )


def story_form_get(world):
    return one(get(language_urls("stories:create"), {"edition": ids_and_noise(world)}))


def activity_form_get(world):
    return one(get(language_urls("activities:register"), {"idea": ids_and_noise(world)}))


def team_form_get(world):
    return one(get(language_urls("teams:start")))


def thanks_pages(world):
    names = ["stories:thanks", "activities:register_thanks", "teams:start_thanks"]
    return one(get([path for name in names for path in language_urls(name)]))


def privacy_statement(world):
    return one(get(language_urls("privacy:statement")))


def search(world):
    return one(get(language_urls("search"), SEARCH_PARAMETERS))


def search_suggest(world):
    return one(get(language_urls("search_suggest"), {"query": SEARCH_PARAMETERS["query"]}))


# Sign-ups and follow-ups: ids in the path, and private links (signed tokens)


def activity_ids(world):
    """The activity taking sign-ups first, then hidden and other pages, and noise."""
    return st.one_of(
        st.just(str(world.pages["activity_signup_nl"].pk)),
        ids_and_noise(world),
        st.integers(-(2**70), 2**70).map(str),
    )


def with_id(name, language, value):
    """The address of a route taking an activity id, with any text in its place."""
    return url(name, language, 987654321).replace("987654321", value)


def id_routes(*names, known=None):
    def build(world):
        @st.composite
        def request(draw):
            name, language = draw(st.sampled_from(names)), draw(st.sampled_from(LANGUAGES))
            return draw(get([with_id(name, language, draw(activity_ids(world)))], known))

        return one(request())

    return build


def tokens(world, kind):
    """Valid links of the kind, dead ones (revoked, of another kind, of a draft), tampered
    and forged ones."""
    valid = world.tokens[kind]
    others = [token for other, tokens in world.tokens.items() if other != kind for token in tokens]
    return st.one_of(
        st.sampled_from(valid),
        st.sampled_from(valid),
        st.sampled_from(world.dead_tokens + others),
        st.tuples(st.sampled_from(valid), st.text(min_size=1, max_size=3)).map(
            lambda pair: pair[0][: -len(pair[1])] + pair[1]
        ),
        st.sampled_from(valid).map(lambda token: token.replace(":", "x:", 1)),
        hostile_text(max_filler=3),
        st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.", max_size=80),
    )


def token_paths(world, name, kind):
    return st.builds(
        lambda language, token: url(name, language, "TOKEN").replace("TOKEN", quote_token(token)),
        st.sampled_from(LANGUAGES),
        tokens(world, kind),
    )


def quote_token(token):
    return token.replace("%", "%25").replace("/", "%2F").replace("?", "%3F").replace("#", "%23")


def token_route(name, kind, actions):
    """GETs and POSTs (with the route's actions and fields, and anything else) to a link."""

    def build(world):
        body = st.lists(
            st.tuples(
                st.sampled_from(sorted(actions)),
                st.one_of(*(hostile_values(*values) for values in actions.values())),
            ),
            max_size=4,
        )

        @st.composite
        def request(draw):
            path = draw(token_paths(world, name, kind))
            if draw(st.booleans()):
                return draw(get([path]))
            return Request("POST", path, draw(body))

        return st.lists(request(), min_size=1, max_size=3)

    return build


MANAGE_FIELDS = {"action": ("people", "cancel", "delete", "people"), "people": ("1", "3", "0")}
ORGANISER_FIELDS = {
    "action": ("close", "open", "cancel", "message", "propose"),
    "message": ("Het gaat niet door.", ""),
    "subject": ("Verandering",),
    "title": ("Samen eten",),
    "introduction": ("Kom eten.",),
    "description": ("We eten samen.",),
}


def signup_posts(world):
    activity = world.pages["activity_signup_nl"]
    baseline = {
        "name": forms.typical_text("Anna de Vries"),
        "email": st.one_of(st.emails(), st.just("a@example.org"), hostile_text()),
        "people": st.one_of(st.sampled_from(["1", "2", "4"]), numbers_as_text),
        "phone": forms.typical_text("06 12345678"),
        "note": forms.typical_text("Ik kom met de rolstoel.", "=1+1"),
        "waiting_list": st.sampled_from(["", "on"]),
    }
    bodies = forms.form_bodies(
        baseline, SignUpForm, {"activity": activity}, email=st.emails(), note=st.text(max_size=999)
    )
    paths = [with_id("signups:create", "nl", str(activity.pk))] * 4 + [
        with_id("signups:create", "en", str(activity.pk)),
        with_id("signups:create", "nl", str(world.pages["activity_signupdraft_nl"].pk)),
    ]
    return posts(paths, bodies)


def signups_places(world):
    ids = st.lists(activity_ids(world), max_size=8).map(",".join)
    return one(
        get(language_urls("signups:places"), {"ids": st.one_of(ids, hostile_values("1,2", ",,"))})
    )


def follow_up_posts(world):
    baseline = {
        "people": st.one_of(st.just("12"), numbers_as_text),
        "sentence": forms.typical_text("Veertig buren aten samen.", "=1+1"),
        "story_consent": st.sampled_from(["", "on"]),
    }
    photo = st.one_of(
        st.just({}), forms.uploads.map(lambda data: {"photo": upload_file("foto.jpg", data)})
    )
    bodies = forms.form_bodies(baseline, AnswerForm, {}, photo=st.none())
    paths = [
        url("followups:answer", language, token)
        for language in LANGUAGES
        for token in world.tokens["follow_up"][:1] * 3 + world.dead_tokens[:1]
    ]
    return posts(paths, bodies, photo)


# Posts


def posts(paths, bodies, files=None, max_posts=3):
    """One to max_posts form posts to the paths (a sequence: a visitor trying again)."""

    @st.composite
    def request(draw):
        pairs, dropped = draw(bodies)
        uploads = draw(files) if files is not None else {}
        return Request(
            "POST", draw(st.sampled_from(paths)), pairs, files=uploads, must_be_dropped=dropped
        )

    return st.lists(request(), min_size=1, max_size=max_posts)


def edition_ids(world, language):
    locale = Locale.objects.get(language_code=language)
    return [
        str(page.pk)
        for role, page in sorted(world.pages.items())
        if role.startswith("edition_") and "index" not in role and page.locale_id == locale.pk
    ]


def story_posts(world):
    baseline = {
        "name": forms.typical_text("Marja", "Team Noord"),
        "email": st.one_of(st.just(""), st.emails(), hostile_text()),
        "text": forms.typical_text("Ik had mijn overbuurvrouw in tien jaar nooit gesproken."),
        "photo_description": forms.typical_text("Twee buren op een bankje"),
        "edition": st.one_of(st.sampled_from(edition_ids(world, "nl")), ids_and_noise(world)),
    }
    photo = st.one_of(
        st.just({}), forms.uploads.map(lambda data: {"photo": upload_file("foto.jpg", data)})
    )
    bodies = forms.form_bodies(
        baseline, StoryForm, {}, photo=st.none(), edition=st.sampled_from(edition_ids(world, "nl"))
    )
    return posts(language_urls("stories:create"), bodies, photo)


def upload_file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def submitter_fields():
    return {
        "submitter_name": forms.typical_text("Anna de Vries"),
        "submitter_email": st.one_of(st.emails(), st.just("anna@example.org"), hostile_text()),
        "submitter_phone": forms.typical_text("06 12345678", "+31 6 1234 5678"),
    }


def activity_posts(world):
    edition = world.pages["edition_current_nl"]
    day = edition.start_date.isoformat()
    baseline = {
        "title": forms.typical_text("Soep voor de straat"),
        "description": forms.typical_text("We koken soep.\n\nNeem een kom mee."),
        "starts_at": st.one_of(st.just(f"{day}T14:00"), dates_as_text),
        "ends_at": st.one_of(st.just(f"{day}T16:00"), dates_as_text),
        "related_event": st.sampled_from(["", "on"]),
        "is_online": st.sampled_from(["", "on"]),
        "location_name": forms.typical_text("Buurthuis De Brug"),
        "street_address": forms.typical_text("Assendorperstraat 12"),
        "postcode": forms.typical_text("8012dh", "8012 DH", "1234 SA"),
        "city": forms.typical_text("Zwolle"),
        "province": st.sampled_from(Province.values),
        "kind": st.sampled_from(ActivityPage.Kind.values),
        "target_group": st.sampled_from(TargetGroup.values),
        "registration_required": st.sampled_from(["", "on"]),
        "registration_url": st.one_of(st.just(""), st.just("https://example.org/"), hostile_text()),
        "capacity": st.one_of(st.just(""), numbers_as_text),
        "cost": st.sampled_from(["free", "paid"]),
        "price": forms.typical_text("€ 5"),
        **{name: st.sampled_from(["", "on"]) for name in ActivityPage.ACCESSIBILITY_FLAGS},
        "accessibility_notes": forms.typical_text("Drempelvrij"),
        **submitter_fields(),
    }
    bodies = forms.form_bodies(
        baseline,
        ActivitySubmissionForm,
        {"parent": edition},
        submitter_email=st.emails(),
        description=st.text(max_size=3000),
    )
    return posts(language_urls("activities:register"), bodies)


def team_posts(world):
    baseline = {
        "title": forms.typical_text("Buurtteam Zon"),
        "introduction": forms.typical_text("Wij organiseren koffie."),
        "kind": st.sampled_from(TeamPage.Kind.values),
        "place": forms.typical_text("Zwolle"),
        "province": st.sampled_from(Province.values),
        "story": forms.typical_text("Wij zijn buren."),
        "contact_name": forms.typical_text("Anna"),
        **submitter_fields(),
    }
    bodies = forms.form_bodies(
        baseline,
        TeamSubmissionForm,
        {"parent": world.pages["team_index_nl"]},
        submitter_email=st.emails(),
        story=st.text(max_size=3000),
    )
    return posts(language_urls("teams:start"), bodies)


def team_contact_get(world):
    return pages_get(by_prefix("team_"), "contact/")(world)


def team_contact_posts(world):
    baseline = {
        "name": forms.typical_text("Piet"),
        "email": st.one_of(st.emails(), hostile_text()),
        "message": forms.typical_text("Mogen wij meedoen?"),
    }
    bodies = forms.form_bodies(baseline, TeamContactForm, website=st.just(""))
    paths = [world.path(role) + "contact/" for role in by_prefix("team_")(world)]
    return posts(paths, bodies)


def wagtail_login(world):
    """Wagtail's front-end login and the admin's login and password reset (anonymous)."""
    next_urls = hostile_values("/nl/", "https://evil.example/", "//evil.example", "/\\evil.example")
    field = st.tuples(
        st.sampled_from(["username", "password", "email", "next"]),
        st.one_of(next_urls, hostile_values("admin", "admin@example.org")),
    )
    body = st.lists(field, max_size=5).map(lambda pairs: (pairs, False))
    paths = ["/nl/_util/login/", "/en/_util/login/", "/admin/login/", "/admin/password_reset/"]
    return st.one_of(one(get(paths, {"next": next_urls})), posts(paths, body, max_posts=1))


def page_passwords(world):
    """Wagtail's password forms for view-restricted pages and documents, with any ids."""
    noise = st.integers(0, 10**6)
    page_restrictions = st.one_of(st.sampled_from(world.restriction_ids), noise)
    document_restrictions = st.one_of(st.sampled_from(world.document_restriction_ids), noise)
    page_ids = st.one_of(st.sampled_from(world.ids()), noise)

    @st.composite
    def request(draw):
        language = draw(st.sampled_from(LANGUAGES))
        if draw(st.booleans()):
            path = url(
                "wagtailcore_authenticate_with_password",
                language,
                draw(page_restrictions),
                draw(page_ids),
            )
        else:
            path = reverse(
                "wagtaildocs_authenticate_with_password", args=[draw(document_restrictions)]
            )
        method = draw(st.sampled_from(["GET", "POST"]))
        params = [
            ("password", draw(hostile_values("geheim", ""))),
            ("return_url", draw(hostile_values("/nl/", "https://evil.example/", "edities"))),
        ]
        return Request(method, path, params)

    return one(request())


def documents(world):
    @st.composite
    def request(draw):
        document_id = draw(st.one_of(st.integers(0, 10**6).map(str), numbers_as_text))
        name = draw(st.one_of(st.text(min_size=0, max_size=30), hostile_text(max_filler=3)))
        return Request("GET", f"/documents/{document_id}/{name}", [])

    return one(request().filter(lambda request: request.path.startswith("/documents/")))


ENDPOINTS = (
    Endpoint("health", ("health",), health),
    Endpoint("root", ("wagtail_serve",), root),
    Endpoint("home", ("home.HomePage",), pages_get(by_prefix("home_"))),
    Endpoint(
        "edition_index", ("editions.EditionIndexPage",), pages_get(by_prefix("edition_index"))
    ),
    Endpoint("edition", ("editions.EditionPage:index_route",), edition_routes()),
    Endpoint("activity_overview", overview_routes("activities"), edition_routes("")),
    Endpoint("activity_overview_ics", overview_routes("activities_ics"), edition_routes("ics/")),
    Endpoint("activity_overview_json", overview_routes("activities_json"), edition_routes("json/")),
    Endpoint("activity_overview_csv", overview_routes("activities_csv"), edition_routes("csv/")),
    Endpoint("activity_overview_map", overview_routes("activities_map"), edition_routes("map/")),
    Endpoint(
        "activity", ("activities.ActivityPage:index_route",), pages_get(by_prefix("activity_"))
    ),
    Endpoint(
        "activity_ics", ("activities.ActivityPage:ics",), pages_get(by_prefix("activity_"), "ics/")
    ),
    Endpoint(
        "activity_print",
        ("activities.ActivityPage:print",),
        pages_get(by_prefix("activity_"), "print/"),
    ),
    Endpoint(
        "idea_index",
        ("ideas.IdeaIndexPage:index_route",),
        pages_get(by_prefix("idea_index"), "", IDEA_FILTERS),
    ),
    Endpoint("idea_print_theme", ("ideas.IdeaIndexPage:print_theme",), idea_theme_prints),
    Endpoint(
        "idea",
        ("ideas.IdeaPage:index_route",),
        pages_get(by_prefix("idea_live", "idea_d", "idea_p")),
    ),
    Endpoint(
        "idea_print",
        ("ideas.IdeaPage:print",),
        pages_get(by_prefix("idea_live", "idea_d", "idea_p"), "print/"),
    ),
    Endpoint("team_index", ("teams.TeamIndexPage",), pages_get(by_prefix("team_index"))),
    Endpoint(
        "team",
        ("teams.TeamPage:team_route", "teams.TeamPage:index_route"),
        pages_get(
            by_prefix("team_c", "team_n", "team_d", "team_p"),
            "",
            {"verzonden": hostile_values("1", "")},
        ),
    ),
    Endpoint("team_contact", ("teams.TeamPage:contact",), team_contact_get),
    Endpoint(
        "team_contact_post", ("teams.TeamPage:contact",), team_contact_posts, changes_data=True
    ),
    Endpoint("story_form", ("stories:create",), story_form_get),
    Endpoint("story_form_post", ("stories:create",), story_posts, changes_data=True),
    Endpoint("activity_form", ("activities:register",), activity_form_get),
    Endpoint("activity_form_post", ("activities:register",), activity_posts, changes_data=True),
    Endpoint("team_form", ("teams:start",), team_form_get),
    Endpoint("team_form_post", ("teams:start",), team_posts, changes_data=True),
    Endpoint(
        "thanks_pages",
        ("stories:thanks", "activities:register_thanks", "teams:start_thanks"),
        thanks_pages,
    ),
    Endpoint("figures", overview_routes("figures"), edition_pages_routes(FIGURES_SEGMENTS)),
    Endpoint(
        "figures_csv",
        overview_routes("figures_csv"),
        edition_pages_routes(FIGURES_SEGMENTS, "csv/"),
    ),
    Endpoint(
        "figures_json",
        overview_routes("figures_json"),
        edition_pages_routes(FIGURES_SEGMENTS, "json/"),
    ),
    Endpoint("places", overview_routes("places"), edition_pages_routes(PLACES_SEGMENTS)),
    Endpoint(
        "place", overview_routes("place"), edition_pages_routes(PLACES_SEGMENTS, "", PLACE_SLUGS)
    ),
    Endpoint(
        "place_ics",
        overview_routes("place_ics"),
        edition_pages_routes(PLACES_SEGMENTS, "ics/", PLACE_SLUGS),
    ),
    Endpoint(
        "partner",
        overview_routes("partner"),
        edition_pages_routes(PARTNERS_SEGMENTS, "", PARTNER_SLUGS),
    ),
    Endpoint(
        "signup_pages",
        ("signups:create", "signups:thanks", "signups:already"),
        id_routes("signups:create", "signups:thanks", "signups:already"),
    ),
    Endpoint("signup_form_post", ("signups:create",), signup_posts, changes_data=True),
    Endpoint("signup_places", ("signups:places",), signups_places),
    Endpoint(
        "signup_confirm",
        ("signups:confirm",),
        token_route("signups:confirm", "confirm", {"action": ("confirm",)}),
        changes_data=True,
    ),
    Endpoint(
        "signup_manage",
        ("signups:manage",),
        token_route("signups:manage", "manage", MANAGE_FIELDS),
        changes_data=True,
    ),
    Endpoint(
        "signup_organiser",
        ("signups:organiser",),
        token_route("signups:organiser", "organiser", ORGANISER_FIELDS),
        changes_data=True,
    ),
    Endpoint(
        "signup_organiser_csv",
        ("signups:organiser_csv",),
        token_route("signups:organiser_csv", "organiser", {"action": ("csv",)}),
    ),
    Endpoint(
        "follow_up",
        ("followups:answer", "followups:thanks"),
        lambda world: one(
            st.one_of(
                token_paths(world, "followups:answer", "follow_up").flatmap(
                    lambda path: get([path])
                ),
                get(language_urls("followups:thanks")),
            )
        ),
    ),
    Endpoint("follow_up_post", ("followups:answer",), follow_up_posts, changes_data=True),
    Endpoint("privacy_statement", ("privacy:statement",), privacy_statement),
    Endpoint("search", ("search",), search),
    Endpoint("search_suggest", ("search_suggest",), search_suggest),
    Endpoint("language_fallback", ("wagtail_serve",), language_fallback),
    Endpoint("unknown_paths", ("wagtail_serve",), unknown_paths),
    Endpoint(
        "login",
        ("wagtailcore_login", "wagtailadmin_login", "wagtailadmin_password_reset"),
        wagtail_login,
        changes_data=True,
    ),
    Endpoint(
        "page_passwords",
        ("wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"),
        page_passwords,
    ),
    Endpoint("documents", ("wagtaildocs_serve",), documents),
)


# Sharing (sharing/): sitemap, robots.txt, manifest, icon, share images and posters, Atom feeds,
# the host kit page and the embeddable widget.

KIT_SEGMENTS = {"nl": "promotiepakket/", "en": "promotion-kit/"}
SHARE_SIZES = ("landscape", "square", "story")


def site_files(world):
    paths = ["/sitemap.xml", "/robots.txt", "/manifest.webmanifest", "/favicon.ico"]
    return one(get(paths))


def share_versions(world):
    """The current share version of every fixture page (drafts and private ones too)."""
    from sharing.images import edition_of, version_of

    versions = {}
    for _role, page in sorted(world.pages.items()):
        page = page.specific
        versions[str(page.pk)] = version_of(page, edition_of(page))
    return versions


def share_files(world):
    """Share images and posters: ids of hidden pages and noise, current and stale versions."""
    versions = share_versions(world)
    sizes = st.one_of(st.sampled_from(SHARE_SIZES), hostile_text(max_filler=1))
    noise = st.one_of(st.text("abcdef0123456789", min_size=1, max_size=20), markers)

    @st.composite
    def request(draw):
        page_id = draw(st.one_of(st.sampled_from(sorted(versions)), ids_and_noise(world)))
        version = draw(st.one_of(st.just(versions.get(page_id, "0")), noise))
        if draw(st.booleans()):
            path = f"/share-images/{page_id}/{draw(sizes)}-{version}.png"
        else:
            path = f"/share-images/{page_id}/poster-{version}.pdf"
        params = draw(query_params({**COMMON_PARAMETERS, "download": hostile_values("", "1")}))
        method = draw(st.sampled_from(METHODS))
        return Request(method, path, params)

    return one(request())


def ideas_feed(world):
    return one(get(language_urls("ideas_feed"), IDEA_FILTERS))


def team_ids(world):
    teams = [str(page.pk) for role, page in sorted(world.pages.items()) if role.startswith("team_")]
    return st.one_of(st.sampled_from(teams), ids_and_noise(world))


def widget_routes(world):
    known = {**ACTIVITY_FILTERS, "team": team_ids(world)}
    paths = [path + "embed/" for path in edition_paths(world, OVERVIEW_SEGMENTS)]
    return one(get(paths, known))


def edition_paths(world, segments):
    """Each edition's path with its own language's segment, and now and then the other one."""
    paths = []
    for role in EDITIONS(world):
        page = world.pages[role]
        own = segments[page.locale.language_code]
        others = [segment for segment in segments.values() if segment != own]
        paths += [page.url + own] * 3 + [page.url + segment for segment in others]
    return paths


def kit_pages(world):
    known = {
        "place": ACTIVITY_FILTERS["place"],
        "province": ACTIVITY_FILTERS["province"],
        "team": team_ids(world),
        "map": hostile_values("on", "true", ""),
    }
    return one(get(edition_paths(world, KIT_SEGMENTS), known))


SHARING_ENDPOINTS = (
    Endpoint("site_files", ("sitemap", "robots_txt", "sharing:manifest", "favicon"), site_files),
    Endpoint("share_files", ("sharing:page_image", "sharing:page_poster"), share_files),
    Endpoint("ideas_feed", ("ideas_feed",), ideas_feed),
    Endpoint("activity_feed", overview_routes("activities_feed"), edition_routes("feed/")),
    Endpoint("activity_widget", overview_routes("activities_embed"), widget_routes),
    Endpoint(
        "edition_kit", ("editions.EditionPage:kit", "editions.EditionPage:kit_source"), kit_pages
    ),
)
ENDPOINTS += SHARING_ENDPOINTS


BY_NAME = {endpoint.name: endpoint for endpoint in ENDPOINTS}
