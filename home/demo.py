from wagtail.models import Page, Site

from core.demo import source_locale
from core.models import ContactSettings
from editions.models import EditionPage

from .models import HomePage, HomePageFeaturedItem

WELCOME_PAGE_SLUG = "home"


def load():
    """The Dutch home page at the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.filter(depth=2, locale=source_locale()).first()
    if home is None:
        home = create_home()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Week van de Verbinding",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.save()
    ContactSettings.objects.get_or_create(site=Site.objects.get(is_default_site=True))
    return home


def create_home():
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug=WELCOME_PAGE_SLUG, content_type__model="page")
    for page in welcome:
        page.delete()
    home = HomePage(
        title="Week van de Verbinding",
        slug=WELCOME_PAGE_SLUG,
        locale=source_locale(),
        introduction=(
            "Een week lang kleine activiteiten door heel Nederland die mensen bij elkaar brengen: "
            "tegen eenzaamheid, tegen polarisatie. Simpel, en met impact."
        ),
        call_to_action_text="Organiseer deze december iets kleins dat mensen samenbrengt.",
        call_to_action_label="Doe mee",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


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
