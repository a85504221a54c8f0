from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The years a date may fall in. Far outside them the site's code cannot work (Python's dates end
# at the years 1 and 9999, and a time zone or a day more goes past them), and no date there is real.
FIRST_YEAR, LAST_YEAR = 2000, 2100

# The largest value an integer column holds on every database the site runs on.
MAX_INTEGER = 2**31 - 1


def positive_number(value):
    """A positive whole number written in ASCII digits (an id, a page number), else None.

    str.isdigit() alone lets through "²" (which int() refuses) and numbers no column holds.
    """
    if not (isinstance(value, str) and value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_INTEGER else None


class PageChoiceField(forms.ModelChoiceField):
    """A choice among pages by id. An id no integer column holds is an invalid choice: Django
    checks the range of an id for plain integer keys, not for a page type's `page_ptr`, so the
    database would fail on it (OverflowError on SQLite)."""

    def to_python(self, value):
        if value not in self.empty_values and positive_number(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class QueryFilterForm(forms.Form):
    """Filters read from a query string. Values that do not validate are dropped; the rest apply."""

    @classmethod
    def from_query(cls, data, **kwargs):
        form = cls(data, **kwargs)
        form.is_valid()
        return form

    def applied(self):
        """The filters that validated and have a value."""
        return {name: value for name, value in self.cleaned_data.items() if value}


def validate_supported_year(value):
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s."),
            code="unsupported_year",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class SupportedDatesFormMixin:
    """Every date and date-time field of the form takes only dates in the supported years, checked
    on the field itself, so an unusable date never reaches the model."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, (forms.DateField, forms.DateTimeField)):
                field.validators.append(validate_supported_year)


class BasePageForm(SupportedDatesFormMixin, WagtailAdminPageForm):
    """The admin form of every page (BasePage.base_form_class): its own date fields and
    Wagtail's scheduled publishing dates take only supported years."""
