"""Spreadsheet cells from text someone typed: it must never run as a formula.

A spreadsheet program runs a CSV cell that starts with one of FORMULA_PREFIXES as a formula
(`=HYPERLINK(...)`); a leading apostrophe makes it plain text.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail views with spreadsheet export (reports, listings): CSV cells are made safe.
    Wagtail itself already writes such XLSX cells as text, not as formulas."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value
