"""The A4 poster of an activity or an edition (fpdf2): title, day and time, place, a QR code to
the page (segno), the hashtag and the edition's look, in the page's language. Printable at home:
white paper with the brand colour in two bands."""

import io

import segno
from django.utils import translation
from django.utils.translation import gettext
from fpdf import FPDF

from activities.models import ActivityPage
from editions.models import EditionPage

from .artwork import ACCENT, BRAND, BRAND_DARK, FONTS, WHITE
from .images import edition_days, edition_of

TEXT = (26, 26, 26)
MUTED = (74, 74, 74)
WIDTH, HEIGHT, MARGIN = 210, 297, 18  # mm


def qr_png(url):
    """The QR code of `url` as PNG bytes: dark modules in the text colour, a quiet zone of four."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


class Poster(FPDF):
    def __init__(self, language):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_lang(language)
        self.set_creator("Week van de Verbinding")

    def connection_mark(self, x, y, radius):
        self.set_line_width(radius / 4.5)
        self.set_draw_color(*ACCENT)
        self.circle(x=x + radius, y=y + radius, radius=radius, style="D")
        self.set_draw_color(*WHITE)
        self.circle(x=x + radius * 2.2, y=y + radius, radius=radius, style="D")

    def fitted_title(self, text, width, max_height):
        """The title as large as fits in the box (from 44 down to 22 pt)."""
        size = 44
        while size > 22:
            self.set_font("DejaVu", "B", size)
            lines = self.multi_cell(
                width, size * 0.45, text, dry_run=True, output="LINES", align="L"
            )
            if len(lines) * size * 0.45 <= max_height:
                break
            size -= 2
        self.set_font("DejaVu", "B", size)
        self.multi_cell(
            width,
            size * 0.45,
            text,
            new_x="LMARGIN",
            new_y="NEXT",
            max_line_height=size * 0.45,
            align="L",  # fpdf2 justifies by default: wide gaps in a title of few words a line
        )


def poster_pdf(page, url):
    """The poster of an activity or an edition as PDF bytes; `url` is the page's full address,
    which the QR code holds."""
    edition = edition_of(page)
    with translation.override(page.locale.language_code):
        pdf = Poster(page.locale.language_code)
        pdf.set_title(page.title)
        pdf.add_page()
        header_height = 46
        pdf.set_fill_color(*BRAND)
        pdf.rect(0, 0, WIDTH, header_height, style="F")
        pdf.set_fill_color(*ACCENT)
        pdf.rect(0, header_height, WIDTH, 2.5, style="F")
        pdf.connection_mark(MARGIN, 14, 7)
        pdf.set_text_color(*WHITE)
        pdf.set_font("DejaVu", "B", 20)
        pdf.set_xy(MARGIN + 36, 13)
        pdf.cell(text=gettext("Week van de Verbinding"))
        if edition is not None:
            pdf.set_font("DejaVu", "", 14)
            pdf.set_xy(MARGIN + 36, 23)
            eyebrow = " · ".join(part for part in (str(edition.year), edition.theme) if part)
            pdf.cell(text=eyebrow)

        pdf.set_text_color(*TEXT)
        pdf.set_xy(MARGIN, header_height + 14)
        if isinstance(page, ActivityPage) and page.cancelled:
            pdf.set_text_color(179, 38, 30)
            pdf.set_font("DejaVu", "B", 20)
            pdf.cell(text=gettext("Cancelled"), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
            pdf.set_text_color(*TEXT)
        pdf.fitted_title(page.title, WIDTH - 2 * MARGIN, 70)
        pdf.ln(6)
        for label, lines in facts(page):
            pdf.set_font("DejaVu", "B", 13)
            pdf.set_text_color(*BRAND_DARK)
            pdf.cell(text=label.upper(), new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(*TEXT)
            pdf.set_font("DejaVu", "", 20)
            for line in lines:
                pdf.multi_cell(
                    WIDTH - 2 * MARGIN, 9.5, line, new_x="LMARGIN", new_y="NEXT", align="L"
                )
            pdf.ln(4)

        introduction = getattr(page, "introduction", "")
        footer_top = HEIGHT - 34
        qr_size = 62
        qr_top = footer_top - qr_size - 10
        if introduction and pdf.get_y() < qr_top - 12:
            pdf.set_font("DejaVu", "", 15)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(
                WIDTH - 2 * MARGIN, 7.5, introduction, new_x="LMARGIN", new_y="NEXT", align="L"
            )

        pdf.image(io.BytesIO(qr_png(url)), x=WIDTH - MARGIN - qr_size, y=qr_top, w=qr_size)
        pdf.set_xy(MARGIN, qr_top + qr_size - 26)
        pdf.set_font("DejaVu", "B", 15)
        pdf.set_text_color(*TEXT)
        pdf.multi_cell(
            WIDTH - 3 * MARGIN - qr_size,
            7,
            gettext("Scan the code for everything about this activity.")
            if isinstance(page, ActivityPage)
            else gettext("Scan the code for the activities near you."),
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
        )
        pdf.set_font("DejaVu", "", 10)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(
            WIDTH - 3 * MARGIN - qr_size, 5, url, new_x="LMARGIN", new_y="NEXT", align="L"
        )

        pdf.set_fill_color(*BRAND_DARK)
        pdf.rect(0, footer_top, WIDTH, HEIGHT - footer_top, style="F")
        pdf.set_fill_color(*ACCENT)
        pdf.rect(0, footer_top - 2.5, WIDTH, 2.5, style="F")
        if edition is not None and edition.hashtag:
            pdf.set_text_color(*WHITE)
            pdf.set_font("DejaVu", "B", 22)
            pdf.set_xy(MARGIN, footer_top + 10)
            pdf.cell(text=edition.hashtag)
        return bytes(pdf.output())


def facts(page):
    """(label, lines) for the poster: when and where."""
    if isinstance(page, ActivityPage):
        where = [gettext("Online")] if page.is_online else page.address_lines()
        return [(gettext("When"), [page.period()]), (gettext("Where"), where)]
    if isinstance(page, EditionPage):
        return [(gettext("When"), [edition_days(page)])]
    return []
