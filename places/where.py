"""What a visitor types to say where: a postcode (3511 AB, 3511AB, 3511), a postcode area (35)
or a place name (Utrecht, Den Haag), read into a point to measure distances from."""

import re
from dataclasses import dataclass

from .postcodes import Point, area_centre, place_point, postcode_area

POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})?$")
POSTCODE_AREA = re.compile(r"^[1-9][0-9]$")
DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Where:
    """A place to search around.

    `point` is where distances are measured from (None for a place name the table does not know).
    Activities that have no coordinates yet are matched by `postcode_prefix` (the four digits, or
    the two of an area) or else by `place_name`. An area (`is_area`) is a filter of its own;
    otherwise a distance around the point decides.
    """

    label: str
    point: Point | None = None
    postcode_prefix: str = ""
    place_name: str = ""
    is_area: bool = False


def parse_where(text):
    """A Where for the text, or None when it cannot be one (digits that are not a postcode)."""
    text = " ".join(text.split())
    if not text:
        return None
    if POSTCODE_AREA.match(text):
        return Where(text, point=area_centre(text), postcode_prefix=text, is_area=True)
    postcode = POSTCODE.match(text)
    if postcode:
        digits, letters = postcode.groups()
        label = f"{digits} {letters.upper()}" if letters else digits
        area = postcode_area(digits)
        return Where(label, point=area.point if area else None, postcode_prefix=digits)
    if DIGIT.search(text):
        return None
    return Where(text, point=place_point(text), place_name=text)
