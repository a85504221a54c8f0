from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from localization import section_po


class Command(BaseCommand):
    help = "One PO file with the texts of a page and its translated descendants in a language."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="the top page of the section (any language)")
        parser.add_argument("locale", help="language code of the translations, e.g. en")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, page_id, locale, output=None, **options):
        page = Page.objects.filter(id=page_id).first()
        target = Locale.objects.filter(language_code=locale).first()
        if page is None or target is None:
            raise CommandError(f"No page {page_id} or no language {locale!r} on this site.")
        section = section_po.build_section(section_po.source_page_of(page), target)
        if not section.pages:
            raise CommandError(f"No page of this section has a {locale!r} translation.")
        po = section_po.export_po(section)
        if output:
            po.save(output)
        else:
            self.stdout.write(str(po))
        for missing in section.missing:
            self.stderr.write(f"Left out, no translation yet: {missing.title} (page {missing.id})")
