"""Charts drawn on the server as SVG: horizontal bars and a shaded map of the provinces.

Only geometry is worked out here; the templates under figures/includes/ write the SVG (with
role="img", a title and a description) and the table with the same numbers next to it.
"""

import functools
import json
import math
from dataclasses import dataclass

from django.contrib.staticfiles import finders

from places.maps import OUTLINE_PATH

# Each bar has its label above it, so a chart stays readable at a phone's width.
BAR_CHART_WIDTH = 360
LABEL_HEIGHT = 20  # the label line above a bar
BAR_HEIGHT = 18
BAR_GAP = 12
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP
VALUE_WIDTH = 70  # room for the number right of a bar
MAP_WIDTH = 400
# Shades of the map, lightest first; a province with no activities gets the first.
MAP_SHADES = ("#f3f1f7", "#d9d0ea", "#b3a1d6", "#8a6fbe", "#5e3f9e", "#3a2270")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int  # top of the label line
    width: float

    @property
    def label_y(self):
        return self.y + LABEL_HEIGHT - 5

    @property
    def bar_y(self):
        return self.y + LABEL_HEIGHT

    @property
    def value_y(self):
        return self.bar_y + BAR_HEIGHT - 4


@dataclass(frozen=True)
class BarChart:
    bars: tuple
    height: int
    width: int = BAR_CHART_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)


def bar_chart(items):
    """A chart of (label, value) pairs, one bar each, scaled to the largest value."""
    items = list(items)
    largest = max((value for _label, value in items), default=0) or 1
    room = BAR_CHART_WIDTH - VALUE_WIDTH
    bars = tuple(
        Bar(str(label), value, number * ROW_HEIGHT, round(room * value / largest, 1))
        for number, (label, value) in enumerate(items)
    )
    return BarChart(bars, max(len(bars) * ROW_HEIGHT - BAR_GAP, ROW_HEIGHT - BAR_GAP))


@dataclass(frozen=True)
class Region:
    province: str
    label: str
    value: int
    path: str
    shade: str


@dataclass(frozen=True)
class ProvinceMap:
    regions: tuple
    width: int
    height: int
    legend: tuple  # (shade, lowest, highest) per class that occurs
    marker: tuple | None = None  # (x, y) of a place, if one is marked


def place_map(province, count, labels, latitude, longitude):
    """The provinces with the place's province shaded and, when known, a dot on the place."""
    provinces_map = province_map({province: count}, labels)
    if latitude is None or longitude is None:
        return provinces_map
    x, y = province_outline()["project"]((float(longitude), float(latitude)))
    return ProvinceMap(
        provinces_map.regions,
        provinces_map.width,
        provinces_map.height,
        provinces_map.legend,
        (round(x, 1), round(y, 1)),
    )


def province_map(counts, labels):
    """The provinces shaded by count: `counts` {province: count}, `labels` {province: name}."""
    outline = province_outline()
    largest = max(counts.values(), default=0)
    classes = len(MAP_SHADES) - 1
    regions = tuple(
        Region(
            province,
            str(labels.get(province, province)),
            counts.get(province, 0),
            path,
            MAP_SHADES[shade_class(counts.get(province, 0), largest, classes)],
        )
        for province, path in outline["paths"]
    )
    return ProvinceMap(regions, MAP_WIDTH, outline["height"], legend(largest, classes))


def shade_class(value, largest, classes):
    """0 for nothing, else 1 to `classes` in equal steps up to the largest value."""
    if value <= 0 or largest <= 0:
        return 0
    return max(1, math.ceil(classes * value / largest))


def legend(largest, classes):
    """(shade, lowest, highest) of each class, for the map's key."""
    rows = [(MAP_SHADES[0], 0, 0)]
    if largest <= 0:
        return tuple(rows)
    previous = 0
    for number in range(1, classes + 1):
        highest = math.floor(largest * number / classes)
        if highest > previous:
            rows.append((MAP_SHADES[number], previous + 1, highest))
            previous = highest
    return tuple(rows)


@functools.cache
def province_outline():
    """The province outline shipped for the Leaflet maps, projected once to SVG paths:
    {"paths": ((province, path data), ...), "height": ...}."""
    with open(finders.find(OUTLINE_PATH), encoding="utf-8") as file:
        features = json.load(file)["features"]
    rings = {
        feature["properties"]["province"]: polygon_rings(feature["geometry"])
        for feature in features
    }
    points = [point for parts in rings.values() for ring in parts for point in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Longitude degrees are shorter than latitude degrees this far north.
    stretch = math.cos(math.radians((south + north) / 2))
    scale = MAP_WIDTH / ((east - west) * stretch)

    def project(point):
        return ((point[0] - west) * stretch * scale, (north - point[1]) * scale)

    paths = tuple(
        (province, " ".join(ring_path([project(p) for p in ring]) for ring in parts))
        for province, parts in sorted(rings.items())
    )
    return {"paths": paths, "height": math.ceil((north - south) * scale), "project": project}


def polygon_rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def ring_path(points):
    """SVG path data of a ring, leaving out points less than half a unit from the last one."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 0.5:
            kept.append((x, y))
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z"
