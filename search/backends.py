"""Wagtail's database search backend, stemming every language with its own configuration.

The database backend keeps one row per object in one index table (unique on content type and
object id) and stems everything with a single ``SEARCH_CONFIG``. On this site every translated page
is its own object with its own locale, so a row only ever holds one language. On PostgreSQL this
backend therefore writes each row with the text search configuration of the object's language
(``SEARCH_CONFIGS``, e.g. ``{"nl": "dutch", "en": "english"}``) and stems each query with the
configuration of the active language. Results must be filtered to the active locale, which the
site search does.

Every word of a plain search also matches as the start of a word ("wandelen", stemmed to
"wandel", finds "Wandelvoetbal"), and pages index the parts of their Dutch compound words
(core/compounds.py), so "koffie" finds "Liftkoffie". On SQLite (no stemming in the index) each
word matches by its own start or by the start of its stem in the active language
("wandelingen" or "wandel…"), with the Snowball stemmers PostgreSQL uses too. On other databases
the ordinary database backend is used unchanged.

It builds on modelsearch's PostgreSQL compiler, including two private methods; every method it
overrides or calls is checked in tests/test_upstream_canaries.py.
"""

import copy
import re
from functools import cache
from itertools import groupby

from django.conf import settings
from django.db import connection
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

# Words shorter than this match only as a whole word: "op" should not find "opa" and "optocht".
MIN_PREFIX_LENGTH = 3
# The ranked matches of type_counts_with_slice (PostgreSQL), ranked once: the rows of the slice
# (a top-N sort, not a sort of every match) and, with no object id, the count per content type.
RANKED_SLICE_AND_COUNTS = """
WITH ranked AS MATERIALIZED ({ranked})
(
    SELECT object_id, content_type_id, rank, NULL AS type_count FROM ranked {of_type}
    ORDER BY rank DESC, object_id DESC LIMIT %s OFFSET %s
)
UNION ALL
(SELECT NULL, content_type_id, NULL, COUNT(*) FROM ranked GROUP BY content_type_id)
"""
# The stemmer of a language on SQLite, where the configuration names of SEARCH_CONFIGS (those of
# PostgreSQL, e.g. "dutch") are the names of the Snowball stemmers.
DEFAULT_STEMMERS = {"nl": "dutch", "en": "english"}


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return _localised_backend_class()(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend


def is_prefix_term(term):
    return len(term) >= MIN_PREFIX_LENGTH


@cache
def _stemmer(algorithm):
    import snowballstemmer

    if algorithm not in snowballstemmer.algorithms():
        return None
    return snowballstemmer.stemmer(algorithm)


def word_stem(word, algorithm):
    stemmer = _stemmer(algorithm) if algorithm else None
    return stemmer.stemWord(word) if stemmer else word


@cache
def _sqlite_backend_class():
    from django.db.models import Value
    from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import PlainText

    class WordForms(LexemeCombinable, Value):
        """One word of a query in FTS5's syntax: the word or its stem, each as a prefix."""

        def __init__(self, word, stem):
            self.word, self.stem = word, stem
            super().__init__(word)

        def as_sql(self, compiler, connection):
            forms = [self.word] if self.stem in ("", self.word) else [self.word, self.stem]
            star = "*" if is_prefix_term(self.word) else ""
            quoted = [f'"{form.replace(chr(34), chr(34) * 2)}"{star}' for form in forms]
            return "%s", [f"({' OR '.join(quoted)})"]

    class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
        def get_config(self, backend):
            """The Snowball stemmer of the active language (SQLite has no configurations)."""
            return backend.stemmer_for_language(translation.get_language())

        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            words = query.query_string.split()
            if not words:
                return None
            forms = [WordForms(word, word_stem(word.lower(), config)) for word in words]
            combined = forms[0]
            for word_forms in forms[1:]:
                combined = (
                    combined & word_forms
                    if query.operator.upper() == "AND"
                    else combined | word_forms
                )
            return SearchQueryExpression(combined)

    class PrefixSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = PrefixQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            self.stemmers = {**DEFAULT_STEMMERS, **params.get("SEARCH_CONFIGS", {})}

        def stemmer_for_language(self, language_code):
            language = (language_code or settings.LANGUAGE_CODE).split("-")[0]
            return self.stemmers.get(language)

    return PrefixSQLiteSearchBackend


@cache
def _localised_backend_class():
    # Imported late: the PostgreSQL modules need a PostgreSQL connection to load.
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.query import Phrase, PlainText
    from modelsearch.utils import get_descendants_content_types_pks

    class LocalisedQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for_language(translation.get_language())

        def build_tsquery_content(self, query, config=None, invert=False):
            """Every word of a plain search (three letters or more) as the start of a word:
            PostgreSQL stems it first, so "wandelen" becomes 'wandel':* ."""
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            words = [word for word in re.split(r"[\s\-]+", query.query_string) if word]
            if not words:
                return None
            lexemes = [Lexeme(w, invert=invert, prefix=is_prefix_term(w)) for w in words]
            combined = lexemes[0]
            for lexeme in lexemes[1:]:
                combined = combined & lexeme if query.operator == "and" else combined | lexeme
            return SearchQuery(combined, search_type="raw", config=config)

        def search(self, config, start, stop, score_field=None, backend=None):
            if self.fields is not None or not isinstance(self.query, (PlainText, Phrase)):
                return super().search(config, start, stop, score_field, backend)
            return self._search_index(config, start, stop, score_field)

        def _search_index(self, config, start, stop, score_field):
            """Match the title or the body column, each through its own GIN index.

            Wagtail matches ``title || body``: PostgreSQL has no statistics for that expression,
            guesses that 0.5 % of the rows match (and picks a nested loop over all pages for two
            common words), and joining two vectors for every row costs more than the search
            itself. Pages repeat their title in the body (``BasePage.title_in_body``), so words
            split over title and text still match the body alone.
            """
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_index_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.alias(
                _title_=F("index_entries__title"), _body_=F("index_entries__body")
            )
            match = Q(_title_=search_query) | Q(_body_=search_query)
            return self._apply_ordering_and_scoring(
                queryset.filter(match), rank_expression, start, stop, score_field
            )

    class LocalisedIndex(PostgresIndex):
        def add_items(self, model, objs):
            objs = sorted(objs, key=self.backend.language_of)
            for language, group in groupby(objs, key=self.backend.language_of):
                language_index = PostgresIndex(self.backend.for_language(language))
                language_index.add_items(model, list(group))

    class LocalisedSearchResults(PostgresSearchResults):
        def type_counts_with_slice(self, start, stop, content_type_id=None):
            """Matches per content type and the ranked results ``start:stop`` (of one content
            type, when given), in one query that ranks each match once.

            The query starts from the index table and keeps the rows of the searched pages
            (a semi-join on their ids, as integers), ranks each match once, and reads the slice
            with a top-N sort and the counts with a GROUP BY from those ranked rows: numbering
            every match with window functions sorted all of them twice. Returns ``({content type id: count}, [page ids in rank order])``.
            """
            compiler = self.query_compiler
            if compiler.fields is not None or not isinstance(compiler.query, (PlainText, Phrase)):
                raise ValueError("Only a plain text or phrase search over the index is supported.")
            config = compiler.get_config(self.backend)
            search_query = compiler.build_tsquery(compiler.query, config=config)
            rank = compiler._build_rank_expression(
                [(F("title"), F("title_norm")), (F("body"), 1.0)], config
            )
            page_ids = compiler.queryset.order_by().values("pk")
            ranked = (
                IndexEntry.objects.filter(
                    Q(title=search_query) | Q(body=search_query),
                    content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model),
                )
                .alias(page_id=Cast("object_id", IntegerField()))
                .filter(page_id__in=page_ids)
                .annotate(rank=rank)
                .values("object_id", "content_type_id", "rank")
            )
            ranked_sql, params = ranked.query.sql_with_params()
            of_type = ""
            if content_type_id is not None:
                of_type = "WHERE content_type_id = %s"
                params = (*params, content_type_id)
            sql = RANKED_SLICE_AND_COUNTS.format(ranked=ranked_sql, of_type=of_type)
            with connection.cursor() as cursor:
                cursor.execute(sql, (*params, stop - start, start))
                rows = cursor.fetchall()
            counts = {type_id: count for _id, type_id, _rank, count in rows if count is not None}
            page = sorted(
                ((rank, object_id) for object_id, _type, rank, count in rows if count is None),
                reverse=True,
            )
            return counts, [int(object_id) for _rank, object_id in page]

    class LocalisedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LocalisedQueryCompiler
        index_class = LocalisedIndex
        results_class = LocalisedSearchResults
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
