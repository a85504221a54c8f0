from django import forms


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
