"""Dutch for the admin where Wagtail or wagtail-localize has none, or a broken one.

Nothing imports this module. It holds the upstream strings (exactly as Wagtail's and
wagtail-localize's code and templates spell them) so that `makemessages` keeps them in the
project's catalogue `locale/nl/LC_MESSAGES/django.po`, whose translations take precedence over
the packages' own (LOCALE_PATHS comes first). Check the list after upgrading Wagtail:
tests/test_admin_language.py renders the places where they appear.
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    # wagtail-localize: the column of Reports → Translations
    gettext_noop("Content type"),
    gettext_noop("Machine"),
    # Wagtail's page listing: the Dutch catalogue loses a space or moves the dash
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    # Wagtail's listings, editor and menus
    gettext_noop("Download CSV"),
    gettext_noop("Download XLSX"),
    gettext_noop("Error 404"),
    gettext_noop("Email link"),
    gettext_noop("Minimap"),
    gettext_noop("Checks"),
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    gettext_noop("Superscript"),
    gettext_noop("Subscript"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Editor Guide"),
    gettext_noop("Help"),
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("Administrator"),
    gettext_noop("Default"),
    gettext_noop("Default?"),
    gettext_noop("URL Generator"),
    gettext_noop("Workflow: start"),
    gettext_noop("hostname"),
    gettext_noop("%(classname)s object (%(id)s)"),
    gettext_noop("%(num_pages)d pages and %(num_others)d others"),
]
