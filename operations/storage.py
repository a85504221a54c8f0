from whitenoise.storage import CompressedManifestStaticFilesStorage


def without_source_map_rules(patterns):
    return tuple(
        (glob, tuple(rule for rule in rules if "sourceMappingURL" not in repr(rule)))
        for glob, rules in patterns
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage, leaving source-map comments as they are: a vendored
    minified file may name a map its package does not ship (Leaflet 1.9.4's leaflet.js does), and
    a missing map, fetched only by browser developer tools, must not stop collectstatic."""

    patterns = without_source_map_rules(CompressedManifestStaticFilesStorage.patterns)
