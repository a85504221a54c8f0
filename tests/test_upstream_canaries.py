"""Every place where the site leans on an upstream symbol that is private, undocumented or
replaced by name, address or template: one test each, in this one module.

An upgrade of Wagtail, wagtail-localize, modelsearch, django-treebeard or Django that renames,
moves or changes one of them fails here, with the symbol, what the project expects of it and
where the project uses it. Update the project code named in the message, then the expectation
here. Everything else the project uses is public, documented API.
"""

import hashlib
import inspect
from pathlib import Path

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.core.mail import utils as mail_utils
from django.db import connection
from django.db.models import Model, QuerySet
from django.template import engines
from django.template.loader_tags import BlockNode, ExtendsNode
from django.test import SimpleTestCase
from django.urls import resolve, reverse
from modelsearch import tasks as modelsearch_tasks
from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from treebeard.mp_tree import MP_Node
from wagtail.admin import mail as wagtail_mail
from wagtail.admin import signal_handlers as wagtail_signal_handlers
from wagtail.admin.utils import get_admin_base_url
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.contrib.search_promotions import admin_urls as promotion_urls
from wagtail.contrib.search_promotions.views.reports import (
    SearchTermsReportView as WagtailSearchTermsReportView,
)
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.search.utils import normalise_query_string
from wagtail.signals import workflow_approved
from wagtail_localize import fields as localize_fields
from wagtail_localize import models as localize_models
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationLog
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from accounts.middleware import OPEN_VIEWS
from activities.models import ActivityPage
from core.models import BasePage
from localization import views as localization_views
from localization.wagtail_hooks import CONVERT_TO_ALIAS_MENU_ITEM
from search.views_admin import SearchTermsReportView

PROJECT = Path(settings.BASE_DIR).resolve()
ENGINE = engines["django"].engine
# Upstream templates the project extends: Wagtail's admin and wagtail-localize's.
UPSTREAM_TEMPLATE_PREFIXES = ("wagtailadmin/", "wagtail_localize/")
EDIT_TRANSLATION_TEMPLATE = "wagtail_localize/admin/edit_translation.html"
REPORT_RESULTS_TEMPLATE = "wagtail_localize/admin/translations_report_results.html"
# sha256 of wagtail-localize 1.14.5's results of Reports → Translations, which
# localization/templates/wagtail_localize/admin/translations_report_results.html replaces.
REPORT_RESULTS_TEMPLATE_SHA256 = "3c1b6b14486fe49a5f955ece33ef9b75ad3afe68f6a5b22c03631c91b943d3aa"
# The element wagtail-localize's JavaScript draws the translation editor's footer as, which
# localization/static/localization/translation-editor.css hides (the project draws its own).
LOCALIZE_FOOTER = '"footer",{className:"footer w-grid md:w-grid-flow-col"}'
# The English-only heading it writes above the texts, which
# localization/static/localization/translation-editor.js translates.
LOCALIZE_HEADING = "{title:`${r.sourceLocale.displayName} to ${r.locale.displayName} translation`}"
# sha256 of wagtail-localize 1.14.5's translation editor template, which
# localization/templates/wagtail_localize/admin/edit_translation.html extends.
EDIT_TRANSLATION_TEMPLATE_SHA256 = (
    "52b849c00b09876c0fb0e7314a762f1eebb1c4212120828c61c1350a301a5ba7"
)


def parameters(function):
    return str(inspect.signature(function))


def names_used(function):
    """The global and attribute names a function's code (comprehensions included) looks up."""

    def walk(code):
        yield from code.co_names
        for constant in code.co_consts:
            if inspect.iscode(constant):
                yield from walk(constant)

    return set(walk(function.__code__))


def is_project_file(path):
    return PROJECT in Path(path).resolve().parents and ".venv" not in Path(path).parts


def upstream_template(name):
    """The template `name` as its package ships it, skipping any project template of that name."""
    skip = []
    template, origin = ENGINE.find_template(name)
    while is_project_file(origin.name):
        skip.append(origin)
        template, origin = ENGINE.find_template(name, skip=skip)
    return template


def blocks_of(template):
    """Every block name `template` and the templates it extends define."""
    names = {node.name for node in template.nodelist.get_nodes_by_type(BlockNode)}
    for extends in template.nodelist.get_nodes_by_type(ExtendsNode):
        parent_name = extends.parent_name.resolve({})
        skip = [template.origin] if parent_name == template.origin.template_name else None
        parent, _origin = ENGINE.find_template(parent_name, skip=skip)
        names |= blocks_of(parent)
    return names


def project_templates_extending_upstream():
    """(project template file, its Template, the upstream name it extends)."""
    paths = [*PROJECT.glob("templates/**/*"), *PROJECT.glob("*/templates/**/*")]
    for path in sorted(paths):
        if not path.is_file() or ".venv" in path.parts:
            continue
        template = ENGINE.from_string(path.read_text())
        for extends in template.nodelist.get_nodes_by_type(ExtendsNode):
            parent_name = extends.parent_name.resolve({})
            if parent_name.startswith(UPSTREAM_TEMPLATE_PREFIXES):
                yield path.relative_to(PROJECT), extends, parent_name


def localize_editor_script():
    """The JavaScript of wagtail-localize's translation editor, as it ships."""
    scripts = Path(localize_models.__file__).parent / "static" / "wagtail_localize" / "js"
    return (scripts / "wagtail-localize.js").read_text()


def live_receivers(signal, sender):
    sync_receivers, async_receivers = signal._live_receivers(sender)
    return [*sync_receivers, *async_receivers]


class WagtailLocalizeCanaryTest(SimpleTestCase):
    """localization/ patches two wagtail-localize functions, replaces two of its admin URLs and
    extends its translation editor template."""

    def test_create_or_update_translation_is_guarded_for_live_translations(self):
        patched = localize_models.TranslationSource.create_or_update_translation
        self.assertTrue(
            getattr(patched, "keeps_live_translations", False),
            "TranslationSource.create_or_update_translation is not wrapped by "
            "localization/drafts.py: a draft would overwrite a live translation",
        )
        expected = (
            "(self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False)"
        )
        self.assertEqual(
            parameters(inspect.unwrap(patched)),
            expected,
            "wagtail_localize.models.TranslationSource.create_or_update_translation changed: "
            f"localization/drafts.py wraps it expecting {expected}",
        )

    def test_copy_synchronised_fields_is_followed_by_the_many_to_many_step(self):
        patched = localize_models.copy_synchronised_fields
        self.assertTrue(
            getattr(patched, "follows_many_to_many", False),
            "wagtail_localize.models.copy_synchronised_fields is not wrapped by "
            "localization/relations.py: translations would keep the source's snippets",
        )
        self.assertIs(inspect.unwrap(patched), localize_fields.copy_synchronised_fields)
        self.assertEqual(
            parameters(localize_fields.copy_synchronised_fields),
            "(source, target)",
            "wagtail_localize.fields.copy_synchronised_fields(source, target) changed "
            "(localization/relations.py wraps it)",
        )
        source = localize_models.TranslationSource
        for caller in (
            inspect.unwrap(source.create_or_update_translation),
            source.get_ephemeral_translated_instance,
        ):
            self.assertIn(
                "copy_synchronised_fields",
                names_used(caller),
                f"wagtail_localize.models.TranslationSource.{caller.__name__} no longer looks up "
                "copy_synchronised_fields in its module, so localization/relations.py's wrapper "
                "is not called",
            )

    def served_by_the_project(self, upstream_name, project_name):
        """The view at the address of wagtail-localize's `upstream_name`, which must be the
        project's `project_name` (localization/wagtail_hooks.py)."""
        url = reverse(upstream_name, args=[1])
        message = (
            f"{upstream_name} moved from {url}: localization/wagtail_hooks.py serves "
            f"{project_name} at its address"
        )
        self.assertEqual(url, reverse(project_name, args=[1]), message)
        self.assertEqual(resolve(url).view_name, project_name, message)
        return resolve(url).func

    def test_convert_to_alias_is_served_by_the_guarded_view(self):
        view = self.served_by_the_project(
            "wagtail_localize:convert_to_alias", "localization_convert_to_alias"
        )
        self.assertIs(inspect.unwrap(view), localization_views.convert_to_alias)
        self.assertEqual(
            parameters(convert.convert_to_alias),
            "(request, page_id)",
            "wagtail_localize.views.convert.convert_to_alias(request, page_id) changed "
            "(localization.views.convert_to_alias calls it)",
        )

    def test_convert_to_alias_is_offered_under_the_names_the_project_hides(self):
        menu_item = localize_hooks.ConvertToAliasPageActionMenuItem
        self.assertEqual(
            menu_item.name,
            CONVERT_TO_ALIAS_MENU_ITEM,
            "wagtail-localize's convert-to-alias action menu item was renamed "
            "(localization.wagtail_hooks.hide_convert_to_alias hides it by name)",
        )
        self.assertIn(
            '"convertToAliasUrl"',
            inspect.getsource(edit_translation.edit_translation),
            "wagtail-localize's translation editor props no longer hold links.convertToAliasUrl "
            "(the translation_editor_props tag of localization removes it)",
        )

    def test_update_translations_is_served_by_the_reviewed_view(self):
        view = self.served_by_the_project(
            "wagtail_localize:update_translations", "localization_update_translations"
        )
        self.assertIs(view.view_class, localization_views.ReviewedUpdateTranslationsView)
        view = update_translations.UpdateTranslationsView
        self.assertEqual(parameters(view.get_form), "(self)")
        self.assertIn(
            "publish_translations",
            update_translations.UpdateTranslationsForm.base_fields,
            "UpdateTranslationsView.get_form() or its publish_translations field changed "
            "(ReviewedUpdateTranslationsView hides that field)",
        )

    def test_translation_editor_template_is_extended_as_it_was(self):
        ours = ENGINE.find_template(EDIT_TRANSLATION_TEMPLATE)[1]
        self.assertTrue(
            is_project_file(ours.name),
            f"{EDIT_TRANSLATION_TEMPLATE} is no longer the project's: the app localization must "
            "come before wagtail_localize in INSTALLED_APPS",
        )
        upstream = upstream_template(EDIT_TRANSLATION_TEMPLATE)
        source = Path(upstream.origin.name).read_bytes()
        self.assertEqual(
            hashlib.sha256(source).hexdigest(),
            EDIT_TRANSLATION_TEMPLATE_SHA256,
            f"{upstream.origin.name} changed: check that its block 'content' still renders the "
            "editor from the context variables 'props', 'instance', 'translation' and "
            "'source_translation' (with its 'editUrl'), and that the block 'extra_css' is still "
            "there (the project's template sets 'props' and 'source_translation', puts its bar "
            "above block.super and its footer below), then update the hash",
        )
        self.assertIn(b"source_translation.editUrl", source)
        view_source = inspect.getsource(edit_translation.edit_translation)
        for variable in ('"props"', '"instance"', '"translation"', '"source_translation"'):
            self.assertIn(variable, view_source)

    def test_translation_editors_own_footer_is_still_the_element_the_project_hides(self):
        self.assertEqual(
            localize_editor_script().count(LOCALIZE_FOOTER),
            1,
            "wagtail-localize's translation editor no longer draws its footer as "
            '<footer class="footer w-grid md:w-grid-flow-col">: '
            "localization/static/localization/translation-editor.css may no longer hide it, and "
            "its actions (Delete or Convert to alias page as the main one) would show beside the "
            "project's footer (localization/editor_actions.py)",
        )

    def test_translation_editors_english_heading_is_still_the_one_the_project_translates(self):
        self.assertIn(
            LOCALIZE_HEADING,
            localize_editor_script(),
            "wagtail-localize's translation editor no longer writes the heading "
            "'<source> to <target> translation' (an h3): check what "
            "localization/static/localization/translation-editor.js replaces, and the "
            "editor_heading tag of localization",
        )

    def test_translations_report_results_are_replaced_as_they_were(self):
        ours = ENGINE.find_template(REPORT_RESULTS_TEMPLATE)[1]
        self.assertTrue(is_project_file(ours.name))
        upstream = upstream_template(REPORT_RESULTS_TEMPLATE)
        self.assertEqual(
            hashlib.sha256(Path(upstream.origin.name).read_bytes()).hexdigest(),
            REPORT_RESULTS_TEMPLATE_SHA256,
            f"{upstream.origin.name} changed: the project's copy in localization/templates "
            "(with its own status column and links to the read-only original) must follow it, "
            "then update the hash",
        )

    def test_translate_this_page_is_served_by_the_view_that_ticks_the_only_language(self):
        view = self.served_by_the_project(
            "wagtail_localize:submit_page_translation", "localization_submit_page_translation"
        )
        self.assertIs(view.view_class, localization_views.TranslatePageView)
        args = ["ideas", "theme", "1"]
        url = reverse("wagtail_localize:submit_snippet_translation", args=args)
        self.assertEqual(url, reverse("localization_submit_snippet_translation", args=args))
        self.assertIs(resolve(url).func.view_class, localization_views.TranslateSnippetView)
        self.assertEqual(parameters(submit_translations.SubmitTranslationView.get_form), "(self)")
        self.assertIn("locales", submit_translations.SubmitTranslationForm.base_fields)

    def test_undocumented_helpers_called(self):
        """localization/views.py and devtools/demo/translate.py call these wagtail-localize helpers."""
        helpers = {
            "StringSegmentQuerySet.annotate_translation (localization.untranslated.located_strings)": (
                localize_models.StringSegmentQuerySet.annotate_translation,
                "(self, locale, include_errors=False)",
            ),
            "operations.TranslationCreator (devtools/demo/translate.py)": (
                TranslationCreator,
                "(user, target_locales)",
            ),
            "views.edit_translation.get_segment_location_info (localization/untranslated.py)": (
                edit_translation.get_segment_location_info,
                "(source_instance, tab_helper, content_path, field_path, widget=False)",
            ),
            "views.edit_translation.TabHelper (localization/untranslated.py)": (
                edit_translation.TabHelper,
                "(instance)",
            ),
            "TranslationSource.update_from_db (localization/out_of_date.py)": (
                localize_models.TranslationSource.update_from_db,
                "(self)",
            ),
            "TranslationSource.get_ephemeral_translated_instance (localization/drafts.py)": (
                localize_models.TranslationSource.get_ephemeral_translated_instance,
                "(self, locale, fallback=False)",
            ),
        }
        for name, (function, expected) in helpers.items():
            with self.subTest(name):
                self.assertEqual(parameters(function), expected, f"wagtail_localize {name}")
        self.assertTrue(
            hasattr(edit_translation.TabHelper, "tabs_with_slugs")
            and issubclass(edit_translation.FieldHasNoEditPanelError, KeyError),
            "wagtail_localize.views.edit_translation.TabHelper.tabs_with_slugs or "
            "FieldHasNoEditPanelError changed (localization/untranslated.py)",
        )
        self.assertEqual(
            {"source", "locale", "revision"} - {f.name for f in TranslationLog._meta.get_fields()},
            set(),
            "wagtail_localize.models.TranslationLog lost a field localization/drafts.py sets",
        )


class WagtailCanaryTest(SimpleTestCase):
    def test_undocumented_helpers_called(self):
        """Wagtail functions outside its documented API that the project calls."""
        helpers = {
            "admin.views.pages.utils.get_valid_next_url_from_request (localization/views.py)": (
                get_valid_next_url_from_request,
                "(request)",
            ),
            "coreutils.find_available_slug (localization/drafts.py, submissions/page_forms.py)": (
                find_available_slug,
                "(parent, requested_slug, ignore_page_id=None)",
            ),
            "admin.utils.get_admin_base_url (submissions/notifications.py)": (
                get_admin_base_url,
                "()",
            ),
            "search.utils.normalise_query_string (search/service.py)": (
                normalise_query_string,
                "(query_string)",
            ),
        }
        for name, (function, expected) in helpers.items():
            with self.subTest(name):
                self.assertEqual(parameters(function), expected, f"wagtail.{name}")

    def test_search_terms_report_is_ours_at_wagtails_address(self):
        """search/wagtail_hooks.py serves Wagtail's report at Wagtail's address with safe CSV."""
        wagtail_views = {
            str(url.pattern): getattr(url.callback, "view_class", None)
            for url in promotion_urls.urlpatterns
        }
        self.assertIs(
            wagtail_views.get("reports/search-terms/"),
            WagtailSearchTermsReportView,
            "wagtail.contrib.search_promotions moved its search terms report: follow it in "
            "search/wagtail_hooks.py (SEARCH_TERMS_REPORT_PATH)",
        )
        for name in ("search_terms", "search_terms_results"):
            address = reverse(f"wagtailsearchpromotions:{name}")
            self.assertTrue(address.startswith("/admin/searchpicks/reports/search-terms/"))
            self.assertIs(resolve(address).func.view_class, SearchTermsReportView)

    def test_spreadsheet_export_preprocesses_every_csv_cell(self):
        """core.spreadsheets.SafeSpreadsheetExportMixin makes cells safe in this method."""
        self.assertEqual(
            parameters(SpreadsheetExportMixin.preprocess_field_value),
            "(self, field, value, export_format)",
            "wagtail.admin.views.mixins.SpreadsheetExportMixin.preprocess_field_value changed "
            "(core/spreadsheets.py overrides it)",
        )
        self.assertIn(
            "preprocess_field_value",
            names_used(SpreadsheetExportMixin.write_csv_row),
            "SpreadsheetExportMixin.write_csv_row no longer calls preprocess_field_value: "
            "CSV exports would hand spreadsheets formulas (core/spreadsheets.py)",
        )

    def test_wagtails_approval_email_is_sent_with_the_approval_comment_template(self):
        """Wagtail's own approval email is the one sent; moderation's template of the same name
        adds the comment (moderation/templates/wagtailadmin/notifications/)."""
        notifier = wagtail_signal_handlers.workflow_approval_email_notifier
        receivers = live_receivers(workflow_approved, WorkflowState)
        self.assertIn(
            notifier,
            receivers,
            "wagtail.admin.signal_handlers.workflow_approval_email_notifier is no longer "
            "connected to workflow_approved: find what sends the approval email now",
        )
        notifiers = [r for r in receivers if isinstance(r, wagtail_mail.Notifier)]
        self.assertEqual(notifiers, [notifier], "more than one approval email would be sent")
        self.assertEqual(
            notifier.get_template_set(WorkflowState())["text"],
            "wagtailadmin/notifications/workflow_state_approved.txt",
        )
        self.assertIn('context["object"]', inspect.getsource(notifier.get_context))

    def test_second_step_lets_through_the_wagtail_views_it_names(self):
        """accounts.middleware.OPEN_VIEWS names Wagtail's URLs that a half signed-in account
        may reach; a renamed one would lock it out of signing out or loading icons."""
        for name in OPEN_VIEWS:
            with self.subTest(name):
                self.assertTrue(reverse(name), f"Wagtail's URL name {name!r} is gone")

    def test_project_templates_override_blocks_that_upstream_still_has(self):
        found = list(project_templates_extending_upstream())
        self.assertTrue(found)
        for path, extends, parent_name in found:
            with self.subTest(str(path)):
                available = blocks_of(upstream_template(parent_name))
                overridden = {n.name for n in extends.nodelist if isinstance(n, BlockNode)}
                missing = overridden - available
                self.assertFalse(
                    missing,
                    f"{path} overrides block(s) {sorted(missing)} that the upstream template "
                    f"{parent_name} no longer defines",
                )

    def test_sitemap_builds_its_urls_in_the_private_urls_method(self):
        """sharing/sitemaps.py overrides Wagtail's Sitemap._urls (Django's private hook that
        get_urls() calls per page of the sitemap) to add the hreflang alternates."""
        self.assertEqual(
            parameters(WagtailSitemap._urls),
            "(self, page, protocol, domain)",
            "wagtail.contrib.sitemaps Sitemap._urls changed (sharing.sitemaps.MultilingualSitemap)",
        )
        self.assertIn(
            "self._urls(",
            inspect.getsource(DjangoSitemap.get_urls),
            "django Sitemap.get_urls no longer calls _urls (sharing.sitemaps.MultilingualSitemap)",
        )


class ModelsearchCanaryTest(SimpleTestCase):
    """search/backends.py builds on modelsearch's PostgreSQL backend (compiler, index, results)."""

    compiler = modelsearch_postgres.PostgresSearchQueryCompiler

    def assert_signature(self, owner, name, expected):
        self.assertEqual(
            parameters(getattr(owner, name)),
            expected,
            f"modelsearch {owner.__name__}.{name} changed; search/backends.py expects "
            f"{name}{expected}",
        )

    def test_private_rank_and_ordering_helpers(self):
        """Called by LocalisedQueryCompiler._search_index and type_counts_with_slice."""
        self.assert_signature(self.compiler, "_build_rank_expression", "(self, vectors, config)")
        self.assert_signature(
            self.compiler,
            "_apply_ordering_and_scoring",
            "(self, queryset, rank_expression, start, stop, score_field=None)",
        )

    def test_compiler_methods_the_backend_overrides_or_calls(self):
        self.assert_signature(
            self.compiler, "search", "(self, config, start, stop, score_field=None, backend=None)"
        )
        self.assert_signature(self.compiler, "get_config", "(self, backend)")
        self.assert_signature(self.compiler, "build_tsquery", "(self, query, config=None)")
        self.assert_signature(self.compiler, "get_index_vectors", "(self, search_query)")

    def test_prefix_search_builds_on_the_query_builders(self):
        """Both backends build a plain search's words themselves, as prefixes (search/backends.py):
        PostgreSQL through Lexeme(prefix=...), SQLite through FTS5 strings in a
        SearchQueryExpression; each compiler's method for a PlainText query is overridden."""
        from modelsearch.backends.database.postgres.query import Lexeme

        self.assert_signature(
            self.compiler, "build_tsquery_content", "(self, query, config=None, invert=False)"
        )
        self.assert_signature(
            Lexeme,
            "__init__",
            "(self, value, output_field=None, *, invert=False, prefix=False, weight=None)",
        )
        if connection.vendor != "sqlite":
            return  # the SQLite modules need the SQLite index model: checked in the SQLite run
        from modelsearch.backends.database.sqlite import query as sqlite_query
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

        self.assert_signature(
            SQLiteSearchQueryCompiler, "build_search_query_content", "(self, query, config=None)"
        )
        self.assert_signature(SQLiteSearchQueryCompiler, "get_config", "(self, backend)")
        self.assert_signature(
            sqlite_query.SearchQueryExpression,
            "__init__",
            "(self, value: modelsearch.backends.database.sqlite.query.LexemeCombinable, using=None, **extra)",
        )
        self.assertTrue(hasattr(sqlite_query.LexemeCombinable, "__and__"))

    def test_index_writes_through_add_items(self):
        """LocalisedIndex.add_items writes each language with its own configuration."""
        index = modelsearch_postgres.PostgresIndex
        self.assert_signature(index, "add_items", "(self, model, objs)")
        backend = modelsearch_postgres.PostgresSearchBackend
        for attribute in ("query_compiler_class", "index_class", "results_class"):
            self.assertTrue(hasattr(backend, attribute), f"PostgresSearchBackend.{attribute}")

    def test_index_entry_columns(self):
        """type_counts_with_slice queries modelsearch's index table directly."""
        fields = {field.name for field in modelsearch_postgres.IndexEntry._meta.get_fields()}
        expected = {"content_type", "object_id", "title", "title_norm", "body"}
        self.assertLessEqual(expected, fields, f"modelsearch IndexEntry lost {expected - fields}")

    def test_indexing_task_arguments(self):
        """operations/jobs.py reads (app_label, model_name, pk) from the finished task."""
        self.assertEqual(
            parameters(modelsearch_tasks.insert_or_update_object_task.func),
            "(app_label, model_name, pk)",
            "modelsearch.tasks.insert_or_update_object_task changed its arguments "
            "(operations.jobs.new_generation_after_indexing unpacks them)",
        )


class DjangoAndTreebeardCanaryTest(SimpleTestCase):
    def test_get_field_display_is_served_by_the_base_page(self):
        """core.models.BasePage overrides Django's private Model._get_FIELD_display, which every
        get_<field>_display() calls (Field.contribute_to_class binds it)."""
        self.assertEqual(
            parameters(Model._get_FIELD_display),
            "(self, field)",
            "django.db.models.Model._get_FIELD_display(self, field) changed "
            "(core.models.BasePage overrides it)",
        )
        bound = ActivityPage.__dict__["get_kind_display"]
        self.assertIs(
            bound.func,
            BasePage._get_FIELD_display,
            "ActivityPage.get_kind_display no longer calls BasePage._get_FIELD_display",
        )

    def test_bulk_insert_of_child_rows(self):
        """devtools/bulk.py inserts the rows of a multi-table page model."""
        signature = inspect.signature(QuerySet._insert)
        self.assertEqual(
            list(signature.parameters)[:3],
            ["self", "objs", "fields"],
            f"django.db.models.QuerySet._insert{signature} changed (devtools/bulk.py)",
        )

    def test_materialised_path_helpers(self):
        """devtools/bulk.py computes page paths in bulk."""
        self.assertEqual(parameters(MP_Node._get_path), "(path, depth, newstep)")
        self.assertEqual(parameters(MP_Node._str2int), "(num)")
        self.assertEqual(Page._get_path("0001", 2, 3), "00010003", "treebeard MP_Node._get_path")
        self.assertEqual(Page._str2int("000A"), 10, "treebeard MP_Node._str2int")
        self.assertEqual(Page.steplen, 4, "treebeard MP_Node.steplen")

    def test_parent_list_ends_with_the_base_model(self):
        """privacy/erasure.py finds the model revisions are stored under (as Wagtail's
        RevisionMixin.get_base_content_type does) with the undocumented Options.get_parent_list."""
        self.assertEqual(
            ActivityPage._meta.get_parent_list()[-1],
            Page,
            "django Options.get_parent_list() no longer lists a model's parents up to the base "
            "(privacy.erasure.empty_in_revisions)",
        )

    def test_message_ids_use_djangos_cached_host_name(self):
        """core.mail.message_data makes Message-IDs with django.core.mail.utils.DNS_NAME."""
        self.assertTrue(
            str(mail_utils.DNS_NAME),
            "django.core.mail.utils.DNS_NAME is gone or empty (core/mail.py)",
        )
