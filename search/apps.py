from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def set_close_match_threshold(sender, connection, **kwargs):
    """The word similarity at which the trigram operator (and its index) counts a title as close."""
    if connection.vendor != "postgresql":
        return
    from .service import CLOSE_MATCH_SIMILARITY

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(CLOSE_MATCH_SIMILARITY)],
        )


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        connection_created.connect(set_close_match_threshold, dispatch_uid="search.close_match")
