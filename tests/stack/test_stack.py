"""The stack of several machines, on one (scripts/cluster.sh): Varnish in front of two app
nodes that share PostgreSQL, Redis and the media folder. Each test does what a visitor, an
editor or a failure does, and looks through Varnish."""

import http.client
import os
import re
import secrets
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import requests

from .conftest import CLUSTER_DIR, NODES, VARNISH, cluster, wait_for

pytestmark = pytest.mark.stack

IDEA_LISTINGS = {"nl": "/nl/ideeen/", "en": "/en/ideas/"}
SEARCH = "/nl/search/"


def get(path, **kwargs):
    return requests.get(VARNISH + path, timeout=10, allow_redirects=False, **kwargs)


def cached(path):
    """Fetch until Varnish answers from its cache; the answer."""
    for _ in range(5):
        response = get(path)
        if response.headers.get("X-Varnish-Cache") == "hit":
            return response
    raise AssertionError(f"{path} is not cached by Varnish: {response.headers}")


def shows_within(path, text, seconds=1.0):
    return wait_for(lambda: text in get(path).text, seconds)


def idea_on_both_listings(editor):
    """An idea and its translation that both language's listings show."""
    listings = {language: get(path).text for language, path in IDEA_LISTINGS.items()}
    pairs = editor.run(
        "from ideas.models import IdeaPage\n"
        "result = []\n"
        "for page in IdeaPage.objects.live().filter(locale__language_code='nl'):\n"
        "    english = page.get_translations().live().filter(locale__language_code='en').first()\n"
        "    if english: result.append([page.pk, page.url, page.title, english.pk, english.url,"
        " english.title])\n"
    )
    for pair in pairs:
        if f'href="{pair[1]}"' in listings["nl"] and f'href="{pair[4]}"' in listings["en"]:
            return pair
    raise AssertionError("no idea is on both listings")


def publish_title(editor, page_id, title):
    editor.run(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id}).specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
    )


def test_a_published_change_shows_through_varnish_within_a_second(editor):
    nl_id, nl_url, nl_title, en_id, en_url, en_title = idea_on_both_listings(editor)
    addresses = [nl_url, en_url, *IDEA_LISTINGS.values()]
    for path in addresses:
        cached(path)
    new_nl, new_en = f"Klus {secrets.token_hex(4)}", f"Job {secrets.token_hex(4)}"
    try:
        publish_title(editor, nl_id, new_nl)
        assert shows_within(nl_url, new_nl)
        assert shows_within(IDEA_LISTINGS["nl"], new_nl)
        publish_title(editor, en_id, new_en)
        assert shows_within(en_url, new_en)
        assert shows_within(IDEA_LISTINGS["en"], new_en)
    finally:
        publish_title(editor, nl_id, nl_title)
        publish_title(editor, en_id, en_title)


def test_an_unpublished_page_is_gone_from_varnish_within_a_second(editor):
    _nl_id, _nl_url, _title, en_id, en_url, _en_title = idea_on_both_listings(editor)
    cached(en_url)
    page = f"from wagtail.models import Page\npage = Page.objects.get(pk={en_id}).specific\n"
    try:
        editor.run(page + "page.unpublish()")
        assert wait_for(lambda: get(en_url).status_code == 404, 1.0)
    finally:
        editor.run(page + "page.get_latest_revision().publish()")
    assert wait_for(lambda: get(en_url).status_code == 200, 1.0)


def test_a_draft_or_a_private_page_is_never_served_from_varnish(editor):
    nl_id, nl_url, nl_title, *_english = idea_on_both_listings(editor)
    page = f"from wagtail.models import Page\npage = Page.objects.get(pk={nl_id}).specific\n"
    draft_title = f"Concept {secrets.token_hex(4)}"
    cached(nl_url)
    try:
        editor.run(page + f"page.title = {draft_title!r}\npage.save_revision()")
        time.sleep(0.5)
        assert draft_title not in get(nl_url).text
        editor.run(
            page + "from wagtail.models import PageViewRestriction\n"
            "PageViewRestriction.objects.create(page=page, restriction_type='password',"
            " password='geheim')"
        )
        for _ in range(3):
            response = get(nl_url)
            assert response.headers.get("X-Varnish-Cache") == "miss"
            assert nl_title not in response.text
    finally:
        editor.run(
            page + "page.view_restrictions.all().delete()\n"
            f"page.title = {nl_title!r}\npage.save_revision().publish()"
        )


def access_log_posts():
    logs = [CLUSTER_DIR / "logs" / f"node{number}-access.log" for number in (1, 2)]
    return [log.read_text().count('"method": "POST"') if log.exists() else 0 for log in logs]


def test_form_posts_spread_over_the_nodes_meet_one_shared_limit(editor):
    limit = editor.run(
        "from django.conf import settings\nfrom submissions.models import RateLimitCounter\n"
        "RateLimitCounter.objects.all().delete()\nresult = settings.SUBMISSIONS_RATE_LIMIT"
    )
    form = get("/en/share-your-story/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookie = f"csrftoken={form.cookies['csrftoken']}"
    posts_before = access_log_posts()
    statuses = [
        requests.post(
            VARNISH + "/en/share-your-story/",
            data={"csrfmiddlewaretoken": token, "name": "Test", "text": "Een verhaal"},
            headers={"Cookie": cookie, "Referer": VARNISH + "/en/share-your-story/"},
            timeout=10,
            allow_redirects=False,
        ).status_code
        for _ in range(limit + 6)
    ]
    assert statuses.count(429) == 6, statuses
    assert 403 not in statuses
    posts_per_node = [
        after - before for after, before in zip(access_log_posts(), posts_before, strict=True)
    ]
    assert all(posts >= limit // 2 for posts in posts_per_node), posts_per_node


def node_processes(number):
    master = int((CLUSTER_DIR / f"node{number}.pid").read_text())
    workers = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True
    ).stdout.split()
    return [master, *map(int, workers)]


def load(paths, seconds, failures, count):
    """Keep asking for the paths for `seconds`; count answers other than 200."""
    session = requests.Session()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in paths:
            try:
                status = session.get(VARNISH + path, timeout=10).status_code
            except requests.RequestException as error:
                status = repr(error)
            count.append(1)
            if status != 200:
                failures.append((path, status))


def test_killing_a_node_under_load_fails_no_request(stack):
    failures, count = [], []
    paths = ["/health/", f"{SEARCH}?query=verbinding", "/nl/ideeen/"]
    threads = [threading.Thread(target=load, args=(paths, 6, failures, count)) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        for pid in node_processes(2):
            os.kill(pid, signal.SIGKILL)
        for thread in threads:
            thread.join()
    finally:
        cluster("start")
    assert len(count) > 50
    assert failures == []


def test_the_site_answers_without_redis_and_uses_it_again_when_it_returns(stack):
    try:
        cluster("stop", "redis")
        for path in ("/nl/ideeen/", f"{SEARCH}?query={secrets.token_hex(3)}", "/en/ideas/"):
            started = time.monotonic()
            assert get(path).status_code == 200
            assert time.monotonic() - started < 3
    finally:
        cluster("start")
    node_page = f"{NODES[0]}/en/ideas/?page=1"
    assert wait_for(
        lambda: requests.get(node_page, timeout=5).headers.get("X-Page-Cache") == "hit", 10
    )


def postgres_goes_away():
    """A restart of PostgreSQL where the stack has its own server (CI); elsewhere the
    connections of the stack's database are ended, which is what the nodes see of a restart."""
    if os.environ.get("STACK_RESTART_POSTGRES") == "1":
        version = sorted(os.listdir("/usr/lib/postgresql"), key=int)[-1]
        subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True)
        return
    database = os.environ.get("CLUSTER_DATABASE", "wvdv_cluster")
    query = f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'"
    subprocess.run(["su", "postgres", "-c", f'psql -qAtc "{query}"'], check=True)


def test_the_site_recovers_from_a_postgresql_restart_by_itself(stack):
    postgres_goes_away()
    paths = [f"{SEARCH}?query={secrets.token_hex(3)}" for _ in range(6)]
    assert wait_for(lambda: get("/health/").status_code == 200, 15)
    statuses = [get(path).status_code for path in paths for _ in NODES]
    assert set(statuses) == {200}, statuses


def varnish_counters(*names):
    output = subprocess.run(
        ["varnishstat", "-n", str(CLUSTER_DIR / "varnish" / "work"), "-1"]
        + [argument for name in names for argument in ("-f", name)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = dict(line.split()[:2] for line in output.splitlines() if line.strip())
    return [int(values[name]) for name in names]


def ask_many(path, queries):
    address = urlsplit(VARNISH)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    statuses = []
    for query in queries:
        connection.request("GET", f"{path}?{query}")
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
    connection.close()
    return statuses


def test_random_query_strings_make_one_object_in_varnish(stack):
    path = "/nl/ideeen/"
    requests.request("PURGE", VARNISH + path, timeout=5)
    names = ("MAIN.n_object", "MAIN.cache_miss", "MAIN.cache_hit")
    objects_before, misses_before, hits_before = varnish_counters(*names)
    queries = [
        f"utm_{secrets.token_hex(2)}={secrets.token_hex(4)}&x{secrets.token_hex(3)}=1"
        for _ in range(10_000)
    ]
    with ThreadPoolExecutor(4) as pool:
        statuses = [
            s
            for part in pool.map(ask_many, [path] * 4, [queries[i::4] for i in range(4)])
            for s in part
        ]
    objects_after, misses_after, hits_after = varnish_counters(*names)
    assert set(statuses) == {200}
    assert misses_after - misses_before <= 1
    assert hits_after - hits_before >= 9_999
    assert objects_after - objects_before <= 1
