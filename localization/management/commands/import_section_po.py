from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from localization import section_po


class Command(BaseCommand):
    help = (
        "Import a section PO file (from export_section_po or the admin) into the translated "
        "strings. Nothing is published: submit the pages for review afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the PO file")
        parser.add_argument("--user", required=True, help="username recorded as the translator")

    def handle(self, file, user, **options):
        translator = get_user_model().objects.filter(username=user).first()
        if translator is None:
            raise CommandError(f"No user {user!r}.")
        with open(file, "rb") as handle:
            data = handle.read()
        try:
            po = section_po.parse_po(data)
            section = section_po.build_section(*section_po.section_of_file(po))
            if not section_po.user_may_translate(translator, section):
                raise CommandError(f"{user} may not change the translated pages of this section.")
            report = section_po.import_po(po, section, translator)
        except section_po.SectionPOError as error:
            raise CommandError(str(error)) from None
        self.write_report(report)

    def write_report(self, report):
        for result in report.pages:
            page = result.section_page.target_page
            self.stdout.write(f"{result.updated:5d} changed  {page.title} (page {page.id})")
        for entry in report.ignored:
            self.stdout.write(f"ignored: {entry.msgctxt} {entry.msgid[:60]!r}: {entry.reason}")
        self.stdout.write(f"{report.updated} texts changed. Nothing was published.")
