from devtools.management.commands.benchmark_overview import Command as OverviewBenchmark

# Searches near a place: every form of the where filter, each distance, with other filters,
# a later page and the map.
NEARBY_REQUESTS = [
    {"place": "3511"},
    {"place": "3511 AB", "distance": "5"},
    {"place": "8012DH", "distance": "25"},
    {"place": "Utrecht", "distance": "10", "kind": "meal"},
    {"place": "Den Haag", "distance": "all"},
    {"place": "35"},
    {"place": "9712", "online_too": "on", "page": "3"},
    {"place": "1011", "distance": "25", "view": "map"},
]


class Command(OverviewBenchmark):
    filter_sets = NEARBY_REQUESTS
    help = (
        "Time the activity overview searched near a place (p50/p95, uncached). Adds generated "
        "activities, spread over every Dutch postcode, until the edition has --activities."
    )
