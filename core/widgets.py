from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class FilterSelect(forms.Select):
    """Django's Select, written here instead of by its templates, which include one template per
    option and one per attribute list: the filter forms of the overview and of search render
    some 80 options on every request. The same HTML, options in optgroups included."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = (option_group(label, options) for label, options, _index in widget["optgroups"])
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            html_attributes(widget["attrs"]),
            mark_safe("".join(groups)),  # every part went through format_html
        )


def option_group(label, options):
    html = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (option["value"], html_attributes(option["attrs"]), option["label"])
            for option in options
        ),
    )
    return format_html('<optgroup label="{}">{}</optgroup>', label, html) if label else html


def html_attributes(attrs):
    """As Django's attrs.html: True as the bare name, False left out."""
    return mark_safe(  # every part went through format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )
