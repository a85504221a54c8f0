"""Fields of the idea toolkit that look personal but are not (privacy/register.py)."""

from privacy.register import not_personal

not_personal("ideas.Theme.name", "the name of a theme of ideas")
not_personal("ideas.Organiser.name", "the name of a kind of organiser of ideas")
