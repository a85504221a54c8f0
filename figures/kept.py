"""The figures of editions kept in the database, so that a page reads them instead of counting
100,000 activities on every request.

Every change to content raises FiguresVersion.number in its own transaction (the signal
core.page_cache.content_changed). Figures are stored with the number read *before* they were
counted: a change that commits later raises the number past it, one that committed earlier is in
the count, so figures whose number is the current one are exactly what a fresh count gives.
Figures that are out of date are counted afresh on the spot, and a job queued after the change
commits (recount_figures) counts them again so that visitors rarely wait for it.
"""

import dataclasses
import datetime
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.fields.json import KeyTransform
from django.utils.text import slugify
from django_tasks import task

from core.page_cache import remembered, remembered_in_process
from editions.models import EditionPage

from .models import FiguresVersion, KeptFigures
from .stats import EditionFigures, Place, comparable_editions, place_figures_of, places_of
from .stats import figures_of as count_figures

COUNTERS = ("per_day", "per_province", "per_kind", "per_target_group")
DATES = ("start_date", "end_date")
EDITION_FIELDS = ("year", "title", *DATES)  # what a place's figures share with the edition's
KEPT = ("figures", "places", "place_figures")
PLACE = "place"  # the key of the Place itself in a place's kept entry


def figures_data(figures):
    data = {field.name: getattr(figures, field.name) for field in dataclasses.fields(figures)}
    for name in COUNTERS:
        data[name] = dict(data[name])
    for name in DATES:
        data[name] = data[name].isoformat()
    data["per_day"] = {day.isoformat(): count for day, count in figures.per_day.items()}
    return data


def figures_from_data(data):
    data = dict(data)
    for name in DATES:
        data[name] = datetime.date.fromisoformat(data[name])
    data["per_day"] = {datetime.date.fromisoformat(day): n for day, n in data["per_day"].items()}
    for name in COUNTERS:
        data[name] = Counter(data[name])
    return EditionFigures(**data)


def place_figures_data(figures):
    data = figures_data(figures)
    return {name: value for name, value in data.items() if name not in EDITION_FIELDS}


def place_figures_from_data(edition, data):
    data = {name: value for name, value in data.items() if name != PLACE}
    edition_data = {name: getattr(edition, name) for name in EDITION_FIELDS}
    edition_data.update({name: edition_data[name].isoformat() for name in DATES})
    return figures_from_data({**data, **edition_data})


def place_data(place):
    data = dataclasses.asdict(place)
    for name in ("latitude", "longitude"):
        data[name] = None if data[name] is None else float(data[name])
    return data


def current_version():
    row = FiguresVersion.objects.first()
    return row.number if row else 0


def raise_version(**kwargs):
    """The handler of core.page_cache.content_changed: the recount is queued when the
    transaction commits (a job that finds nothing out of date ends after two small queries)."""
    if not FiguresVersion.objects.update(number=F("number") + 1):
        FiguresVersion.objects.create(number=1)
    transaction.on_commit(recount_figures.enqueue)


def kept_figures(editions, *fields):
    """{edition pk: KeptFigures} of the given editions with only `fields` read ("figures",
    "places"), exact: those out of date (or never counted) are counted together and stored."""
    version = current_version()
    rows = KeptFigures.objects.filter(edition__in=editions).only("edition", "version", *fields)
    kept = {row.edition_id: row for row in rows}
    stale = [edition for edition in editions if stale_row(kept.get(edition.pk), version)]
    if stale:
        kept.update(count_and_keep(stale, version))
    return kept


def stale_row(row, version):
    return row is None or row.version != version


def count_and_keep(editions, version):
    """Count the editions afresh and store what was counted at `version` (read before)."""
    rows = {}
    for edition, figures in zip(editions, count_figures(editions), strict=True):
        places = places_of(edition)
        per_place = place_figures_of(edition, places)
        row = KeptFigures(
            edition=edition,
            version=version,
            figures=figures_data(figures),
            places=[place_data(place) for place in places.values()],
            place_figures={
                slug: {**place_figures_data(f), PLACE: place_data(places[slug])}
                for slug, f in per_place.items()
            },
        )
        keep(row)
        rows[edition.pk] = row
    return rows


def keep(row):
    """Store the row unless figures counted at a later version are there already (a request
    and the job, or two requests, may count at once)."""
    values = {name: getattr(row, name) for name in ("version", *KEPT)}
    kept = KeptFigures.objects.filter(edition=row.edition)
    if kept.filter(version__lt=row.version).update(**values) or kept.exists():
        return
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        pass  # stored by another count meanwhile


def figures_of(editions):
    """EditionFigures per edition, in the same order, as kept (exact, see kept_figures)."""
    kept = kept_figures(editions, "figures")
    return [figures_from_data(kept[edition.pk].figures) for edition in editions]


def places_of_edition(edition):
    """{slug: Place} of the edition, as kept."""
    rows = kept_figures([edition], "places")[edition.pk].places
    return {row["slug"]: Place(**row) for row in rows}


def edition_comparison(edition):
    """The figures of the edition and of the earlier public editions of its language, oldest
    first; also kept in the page cache until content changes."""
    return remembered("figures", lambda: figures_of(comparable_editions(edition)), edition.pk)


def edition_places(edition):
    """{slug: Place} of the edition's places, also kept in the page cache and in memory."""
    return remembered_in_process("places", lambda: places_of_edition(edition), edition.pk)


def kept_place_entry(edition, slug):
    """The kept entry of the edition's place with this slug (its figures and the Place), read
    alone from the row; None when the edition has no such place. Exact, see kept_figures."""
    found = list(
        KeptFigures.objects.filter(edition=edition, version=current_version())
        .annotate(entry=KeyTransform(slug, "place_figures"))
        .values_list("entry", flat=True)[:1]
    )
    if not found:  # out of date: count the edition again
        return kept_figures([edition], "place_figures")[edition.pk].place_figures.get(slug)
    return found[0]


def kept_place(edition, slug):
    """(Place, its figures) of the edition's place with this slug, or None."""
    entry = kept_place_entry(edition, slug)
    if entry is None:
        return None
    return Place(**entry[PLACE]), place_figures_from_data(edition, entry)


def place_with_figures(edition, slug):
    """kept_place, also kept in the page cache."""
    return remembered("place", lambda: kept_place(edition, slug), edition.pk, slug)


def place_named(edition, name):
    """The edition's Place with this name (any spelling with its slug), or None."""
    return edition_places(edition).get(slugify(name))


@task()
def recount_figures():
    """Count the editions whose kept figures are out of date (after a change committed)."""
    version = current_version()
    kept = dict(KeptFigures.objects.values_list("edition_id", "version"))
    stale = [edition for edition in EditionPage.objects.all() if kept.get(edition.pk) != version]
    if stale:
        count_and_keep(stale, version)
