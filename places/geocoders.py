"""Where an address lies: the offline postcode table (the default, and in tests) or PDOK's
Locatieserver (the Dutch government's free geocoder), chosen by the setting PLACES_GEOCODER.

Only background jobs and commands call these, never a visitor's request: PDOK may be slow or
away. It gets PLACES_GEOCODER_TIMEOUT seconds; when it fails or finds nothing, the table answers.
"""

import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings

from .postcodes import Point, postcode_table

logger = logging.getLogger(__name__)

PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
WKT_POINT = re.compile(r"^POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)$")
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")


@dataclass(frozen=True)
class Location:
    point: Point
    precision: str  # ADDRESS: the building itself; POSTCODE: the place of the postcode


ADDRESS, POSTCODE_AREA = "address", "postcode"


def compact_postcode(postcode):
    """'3511 AB' -> '3511AB'; None unless it is a postcode."""
    match = POSTCODE.match((postcode or "").strip().upper())
    return "".join(match.groups()) if match else None


class PostcodeTableGeocoder:
    """The place of the four-digit postcode, from the table shipped with the site."""

    def locate(self, postcode, house_number=""):
        compact = compact_postcode(postcode)
        area = postcode_table().get(compact[:4]) if compact else None
        return Location(area.point, POSTCODE_AREA) if area else None


class PdokGeocoder:
    """The address itself from PDOK's Locatieserver, else the postcode table."""

    def __init__(self, timeout=None, fallback=None):
        self.timeout = timeout or settings.PLACES_GEOCODER_TIMEOUT
        self.fallback = fallback or PostcodeTableGeocoder()

    def locate(self, postcode, house_number=""):
        compact = compact_postcode(postcode)
        found = None
        if compact:
            try:
                found = self.ask_pdok(compact, house_number)
            except (OSError, ValueError) as error:  # no network, a timeout, an error page
                logger.warning("PDOK did not answer for %s: %r", compact, error)
        return found or self.fallback.locate(postcode, house_number)

    def ask_pdok(self, compact, house_number):
        kind = "adres" if house_number else "postcode"
        query = {
            "q": f"{compact} {house_number}".strip(),
            "fq": f"type:{kind}",
            "rows": 1,
            "fl": "centroide_ll,postcode,type",
        }
        request = Request(f"{PDOK_URL}?{urlencode(query)}", headers={"Accept": "application/json"})
        with urlopen(request, timeout=self.timeout) as response:
            answer = json.load(response)
        return location_from_pdok(answer, compact, ADDRESS if house_number else POSTCODE_AREA)


def location_from_pdok(answer, compact, precision):
    """The point of PDOK's first document, if it is of the same postcode."""
    docs = answer.get("response", {}).get("docs", [])
    if not docs or docs[0].get("postcode", "").replace(" ", "") != compact:
        return None
    match = WKT_POINT.match(docs[0].get("centroide_ll", ""))
    if not match:
        return None
    longitude, latitude = (float(value) for value in match.groups())
    return Location(Point(latitude, longitude), precision)


GEOCODERS = {"table": PostcodeTableGeocoder, "pdok": PdokGeocoder}


def configured_geocoder():
    return GEOCODERS[settings.PLACES_GEOCODER]()
