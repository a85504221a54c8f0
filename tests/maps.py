"""The overview's map as map.js sees it: the page names its markers' address, which it fetches."""


def markers_shown(client, overview_response):
    """The markers map.js fetches for this map view of the overview."""
    url = overview_response.context["map_markers_url"]
    response = client.get(url)
    assert response.status_code == 200, url
    return response.json()["markers"]
