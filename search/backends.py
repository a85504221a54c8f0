"""Wagtail's database search backend, stemming every language with its own configuration.

The database backend keeps one row per object in one index table (unique on content type and
object id) and stems everything with a single ``SEARCH_CONFIG``. On this site every translated page
is its own object with its own locale, so a row only ever holds one language. On PostgreSQL this
backend therefore writes each row with the text search configuration of the object's language
(``SEARCH_CONFIGS``, e.g. ``{"nl": "dutch", "en": "english"}``) and stems each query with the
configuration of the active language. Results must be filtered to the active locale, which the
site search does. On other databases the ordinary database backend is used unchanged.
"""

import copy
from functools import cache
from itertools import groupby

from django.conf import settings
from django.db import connection
from django.db.models import F, Q
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _localised_backend_class()(params)


@cache
def _localised_backend_class():
    # Imported late: the PostgreSQL modules need a PostgreSQL connection to load.
    from modelsearch.query import Phrase, PlainText
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LocalisedQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for_language(translation.get_language())

        def search(self, config, start, stop, score_field=None, backend=None):
            if self.fields is not None or not isinstance(self.query, (PlainText, Phrase)):
                return super().search(config, start, stop, score_field, backend)
            return self._search_index(config, start, stop, score_field)

        def _search_index(self, config, start, stop, score_field):
            """Match ``title || body`` like Wagtail, but spelled so PostgreSQL can estimate it.

            PostgreSQL has no statistics for the expression ``title || body`` and guesses that
            0.5 % of the rows match; for a query of two common words it then expects one row,
            chooses a nested loop over all pages and takes seconds. The equivalent condition
            below also tests each column, whose statistics give a realistic estimate.
            """
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_index_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.alias(
                _title_=F("index_entries__title"),
                _body_=F("index_entries__body"),
                _vector_=F("index_entries__title")._combine(F("index_entries__body"), "||", False),
            )
            match = Q(_title_=search_query) | Q(_body_=search_query)
            if self._has_several_terms():
                # Words may be split over title and body; joining the vectors is slow, so last.
                match |= Q(_vector_=search_query)
            return self._apply_ordering_and_scoring(
                queryset.filter(match), rank_expression, start, stop, score_field
            )

        def _has_several_terms(self):
            return isinstance(self.query, Phrase) or len(self.query.query_string.split()) > 1

    class LocalisedIndex(PostgresIndex):
        def add_items(self, model, objs):
            objs = sorted(objs, key=self.backend.language_of)
            for language, group in groupby(objs, key=self.backend.language_of):
                language_index = PostgresIndex(self.backend.for_language(language))
                language_index.add_items(model, list(group))

    class LocalisedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LocalisedQueryCompiler
        index_class = LocalisedIndex
        supports_fuzzy = True

        def __init__(self, params):
            super().__init__(params)
            self.search_configs = dict(params.get("SEARCH_CONFIGS", {}))
            self.default_language = settings.LANGUAGE_CODE.split("-")[0]
            if not self.config:
                self.config = self.search_configs.get(self.default_language)
            self._locale_languages = None

        def config_for_language(self, language_code):
            language = (language_code or self.default_language).split("-")[0]
            return self.search_configs.get(language, self.config)

        def for_language(self, language_code):
            """A copy of this backend that writes with the configuration of one language."""
            clone = copy.copy(self)
            clone.config = self.config_for_language(language_code)
            return clone

        def language_of(self, obj):
            locale_id = getattr(obj, "locale_id", None)
            if locale_id is None:
                return self.default_language
            return self.locale_languages().get(locale_id, self.default_language)

        def locale_languages(self):
            if self._locale_languages is None:
                from wagtail.models import Locale

                self._locale_languages = dict(Locale.objects.values_list("id", "language_code"))
            return self._locale_languages

    return LocalisedPostgresSearchBackend
