"""Numbering of generated pages (benchmark volume), shared by the generate_* commands."""

GENERATED_SLUG_PREFIX = "gegenereerd-"


def next_generated_number(pages):
    """One more than the highest number in a 'gegenereerd-<number>' slug among `pages`."""
    slugs = pages.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", flat=True)
    numbers = [int(slug[len(GENERATED_SLUG_PREFIX) :]) for slug in slugs]
    return max(numbers, default=0) + 1
