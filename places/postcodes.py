"""The offline table of Dutch four-digit postcodes (data/postcodes-nl.csv, built by
scripts/build_postcode_table.py): where each postcode lies, and an index of place names.

The coordinates are those of the postcode's place (a town's centre), not of the postcode area
itself: close enough to say what is within 5, 10 or 25 km, not to find a street.
"""

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent / "data" / "postcodes-nl.csv"
# Names people use for a place that the table calls otherwise.
PLACE_ALIASES = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
}


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class PostcodeArea:
    postcode: str  # four digits
    point: Point
    place: str
    province: str  # a core.provinces.Province value, or ""
    approximate: bool  # the place is not in GeoNames: the point is a neighbouring postcode's


def normalised_name(text):
    """'s-Hertogenbosch, 'S HERTOGENBOSCH and ’s-Hertogenbosch are one name: lower case, no
    accents, no punctuation."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


@functools.cache
def postcode_table():
    """postcode (four digits) -> PostcodeArea, read once per process."""
    with TABLE_PATH.open(encoding="utf-8") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        return {
            row["postcode"]: PostcodeArea(
                postcode=row["postcode"],
                point=Point(float(row["latitude"]), float(row["longitude"])),
                place=row["place"],
                province=row["province"],
                approximate=row["how"] == "nearby",
            )
            for row in rows
        }


@functools.cache
def place_index():
    """normalised place name -> Point: the middle of the place's postcodes. A name that two
    places share (Hengelo, Rijswijk) means the one with the most postcodes."""
    by_place = defaultdict(list)
    for area in postcode_table().values():
        by_place[normalised_name(area.place), area.province].append(area.point)
    index = {}
    for (name, _province), points in sorted(by_place.items(), key=lambda item: len(item[1])):
        index[name] = centre(points)  # the place with the most postcodes comes last and stays
    return index


def centre(points):
    points = list(points)
    return Point(
        round(sum(p.latitude for p in points) / len(points), 5),
        round(sum(p.longitude for p in points) / len(points), 5),
    )


def postcode_area(digits):
    """The area of a four-digit postcode; for a number the table lacks (3500: PO boxes), the
    numerically nearest one in the same two-digit area. None when that area has none."""
    table = postcode_table()
    if digits in table:
        return table[digits]
    same_area = [code for code in table if code[:2] == digits[:2]]
    if not same_area:
        return None
    nearest = min(same_area, key=lambda code: (abs(int(code) - int(digits)), code))
    return table[nearest]


def area_centre(two_digits):
    """The middle of the postcodes starting with these two digits, or None."""
    points = [area.point for code, area in postcode_table().items() if code[:2] == two_digits]
    return centre(points) if points else None


def place_point(name):
    """Where the place of this name lies, or None when the table does not know it."""
    key = normalised_name(name)
    return place_index().get(PLACE_ALIASES.get(key, key))
