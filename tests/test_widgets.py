"""core.widgets.FilterSelect writes the HTML that Django's Select writes with its templates."""

import re

import pytest
from django import forms

from core.widgets import FilterSelect

CHOICES = [("", "All"), ("meal", "Meal & <drinks>"), ("walk", "Walk")]
GROUPED = [("Outside <now>", [("walk", "Walk"), ("run", "Run")]), ("meal", "Meal")]


def without_layout(html):
    """Django's template puts each option on a line of its own."""
    return re.sub(r"\n\s*", "", str(html))


@pytest.mark.parametrize("choices", [CHOICES, GROUPED], ids=["flat", "optgroups"])
@pytest.mark.parametrize("value", ["walk", "", None, "unknown"])
def test_renders_as_djangos_select(choices, value):
    attrs = {"id": "id_kind", "aria-describedby": "id_kind_helptext", "disabled": True, "x": False}
    django_html = forms.Select(choices=choices).render("kind", value, attrs)
    assert str(FilterSelect(choices=choices).render("kind", value, attrs)) == without_layout(
        django_html
    )


def test_escapes_labels_and_marks_the_chosen_option():
    html = FilterSelect(choices=CHOICES).render("kind", "meal")
    assert '<option value="meal" selected>Meal &amp; &lt;drinks&gt;</option>' in html
    assert '<option value="walk">Walk</option>' in html
