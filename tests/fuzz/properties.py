"""What must hold for every response to a public endpoint, and for the data after a post.

Each check has a name; a failure is reported as (check, message) to a Findings object.
"""

import csv
import io
import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar
from PIL import Image
from pypdf import PdfReader
from wagtail.models import Page, PageViewRestriction

from core.mail import deliver_email
from core.visibility import is_public
from editions.models import Partner
from followups.models import FollowUp
from ideas.models import Organiser, Theme
from signups.models import SignUp
from stories.models import Story
from submissions.models import SubmitterContact

from .world import DRAFT_SECRET, PENDING_SECRET, PRIVATE_SECRET

SECRET_CHECKS = {
    DRAFT_SECRET: "draft_content",
    PRIVATE_SECRET: "private_content",
    PENDING_SECRET: "pending_content",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SCRIPT_URL = re.compile(
    r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript):""",
    re.IGNORECASE,
)
REDIRECTS = {301, 302, 303, 307, 308}


class Findings:
    def __init__(self):
        self.items = []

    def fail(self, check, message):
        self.items.append((check, message))

    def __bool__(self):
        return bool(self.items)

    def report(self):
        return "\n".join(f"[{check}] {message}" for check, message in self.items)


def body_of(response):
    return content_of(response).decode("utf-8", errors="replace")


def content_of(response):
    """The bytes of the response (a streamed one is read once and kept)."""
    if not response.streaming:
        return response.content
    if not hasattr(response, "fuzz_content"):
        response.fuzz_content = b"".join(response.streaming_content)
    return response.fuzz_content


def check_response(request, response, findings):
    label = f"{request.method} {request.url()}"
    if response.status_code >= 500:
        findings.fail("server_error", f"{label} answered {response.status_code}")
    check_redirect(label, response, findings)
    if request.method == "HEAD":
        return  # no body to check
    content_type = response.get("Content-Type", "")
    body = body_of(response)
    for secret, check in SECRET_CHECKS.items():
        if secret in body.lower():
            findings.fail(check, f"{label} shows {secret!r}")
    if content_type.startswith("text/html"):
        check_html(label, request, body, findings)
    elif content_type.startswith("application/json"):
        check_json(label, body, findings)
    elif content_type.startswith("text/csv"):
        check_csv(label, body, findings)
    elif content_type.startswith("text/calendar"):
        check_calendar(label, response.content, findings)
    else:
        check_sharing_formats(label, request, response, content_type, findings)
    check_share_file_is_public(label, request, response, findings)


SHARE_FILE = re.compile(r"^/share-images/(\d+)/")


def check_share_file_is_public(label, request, response, findings):
    """A share image or poster (or a redirect to its current version) only of a public page:
    what it shows is drawn, so the secret words cannot be found in its bytes."""
    match = SHARE_FILE.match(request.path)
    if not match or response.status_code >= 400:
        return
    page = Page.objects.filter(pk=match[1]).first()
    if page is None or not is_public(page):
        findings.fail("private_content", f"{label} answered {response.status_code}")


def check_redirect(label, response, findings):
    if response.status_code not in REDIRECTS:
        return
    location = response["Location"]
    target = urlsplit(location)
    if (target.netloc and target.netloc != "testserver") or location.startswith(("/\\", "\\")):
        findings.fail("open_redirect", f"{label} redirects to {location!r}")


def forbidden_reflections(request):
    """For each marker in the input: the markup around it that must never come back verbatim.

    `<fz…`, `"fz…` and `'fz…` (a tag or an attribute breaker), and `<script>fz…` (a whole tag).
    """
    forbidden = set()
    texts = [request.path, request.raw_query] + [f"{n}\n{v}" for n, v in request.params]
    for text in texts:
        lower = text.lower()
        for marker in request.markers():
            for match in re.finditer(marker, lower):
                start = match.start()
                before = lower[start - 1] if start else ""
                if before in "<\"'" and before:
                    forbidden.add(before + marker)
                elif before == ">" and "<" in lower[max(0, start - 12) : start]:
                    opening = lower.rindex("<", 0, start)
                    forbidden.add(lower[opening : match.end()])
    return forbidden


def check_html(label, request, body, findings):
    lower = body.lower()
    for bad in forbidden_reflections(request):
        for found in re.finditer(re.escape(bad), lower):
            if bad[0] in "\"'" and found.start() and lower[found.start() - 1] == "\\":
                continue  # a quote escaped inside a script's JSON string
            findings.fail("unescaped_reflection", f"{label} reflects {bad!r} unescaped")
            break
    if SCRIPT_URL.search(body):
        findings.fail("script_url", f"{label} has a javascript: address")


def check_json(label, body, findings):
    try:
        json.loads(body)
    except ValueError as error:
        findings.fail("format", f"{label} is not valid JSON: {error}")


def check_csv(label, body, findings):
    try:
        rows = list(csv.reader(io.StringIO(body)))
    except csv.Error as error:
        findings.fail("format", f"{label} is not valid CSV: {error}")
        return
    for row in rows[1:]:
        for cell in row:
            if cell.startswith(FORMULA_PREFIXES) and not is_number(cell):
                findings.fail("formula", f"{label} has a formula cell {cell!r}")


def is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def check_calendar(label, content, findings):
    try:
        Calendar.from_ical(content)
    except ValueError as error:
        findings.fail("format", f"{label} is not valid iCalendar: {error}")


# What a post may and may not change


def public_state():
    """Everything visitors can see, as comparable sets."""
    return {
        "live pages": set(
            Page.objects.live().values_list(
                "pk", "title", "url_path", "live_revision_id", "locale_id", "first_published_at"
            )
        ),
        "view restrictions": set(
            PageViewRestriction.objects.values_list("pk", "page_id", "restriction_type")
        ),
        "approved stories": set(
            Story.objects.approved().values_list("pk", "name", "text", "edition_id", "photo")
        ),
        "live snippets": {
            (model.__name__, *row)
            for model in (Theme, Organiser, Partner)
            for row in model.objects.filter(live=True).values_list("pk", "live_revision_id")
        },
    }


def mail_count():
    """Messages queued for delivery (core/mail.py), whether the worker sent them yet or not."""
    return DBTaskResult.objects.filter(task_path=deliver_email.module_path).count()


def check_jobs(label, findings):
    """No background job a request queued has failed (the worker ran them)."""
    for job in DBTaskResult.objects.filter(status=TaskResultStatus.FAILED):
        findings.fail(
            "job_failed", f"{label}: job {job.task_path} failed: {job.exception_class_path}"
        )
        job.delete()  # report it once


def row_counts():
    """What a form post may add: pages, stories, submitters, sign-ups, follow-up answers."""
    return (
        Page.objects.count(),
        Story.objects.count(),
        SubmitterContact.objects.count(),
        SignUp.objects.count(),
        FollowUp.objects.filter(answered_at__isnull=False).count(),
    )


def check_public_state(before, findings):
    after = public_state()
    for name, rows in before.items():
        if after[name] != rows:
            added, removed = after[name] - rows, rows - after[name]
            findings.fail("nothing_public", f"{name} changed: added {added}, removed {removed}")


def item_ids():
    return set(Page.objects.values_list("pk", flat=True)), set(
        Story.objects.values_list("pk", flat=True)
    )


def check_new_items_wait_for_review(ids_before, findings):
    """What a post created is a draft page in the review workflow, or a pending story."""
    pages_before, stories_before = ids_before
    for page in Page.objects.exclude(pk__in=pages_before):
        if page.live or not page.workflow_in_progress:
            findings.fail("moderation", f"new page {page.title!r} is live or not in review")
    for story in Story.objects.exclude(pk__in=stories_before):
        if story.status != Story.Status.PENDING:
            findings.fail("moderation", f"new story {story.pk} is {story.status}")


def check_dropped_post(request, counts_before, mails_before, findings):
    """A post without a valid form token, or with the honeypot filled in, changes nothing."""
    if not request.must_be_dropped:
        return
    if row_counts() != counts_before or mail_count() != mails_before:
        findings.fail(
            "form_protection",
            f"POST {request.path} without a valid token (or with the honeypot) was accepted",
        )


# Formats of the sharing app: Atom feeds and the sitemap (XML), the web app manifest (JSON),
# share images (PNG) and posters (PDF).

XML_TYPES = ("application/atom+xml", "application/xml", "text/xml")


def check_sharing_formats(label, request, response, content_type, findings):
    if response.status_code != 200:
        return
    if content_type.startswith(XML_TYPES):
        check_xml(label, request, content_of(response), findings)
    elif content_type.startswith("application/manifest+json"):
        check_json(label, body_of(response), findings)
    elif content_type.startswith("image/png"):
        check_png(label, content_of(response), findings)
    elif content_type.startswith("application/pdf"):
        check_pdf(label, content_of(response), findings)


def check_xml(label, request, content, findings):
    try:
        ElementTree.fromstring(content)
    except ElementTree.ParseError as error:
        findings.fail("format", f"{label} is not well-formed XML: {error}")
    lower = content.decode("utf-8", errors="replace").lower()
    for bad in forbidden_reflections(request):
        if bad.startswith("<") and bad in lower:
            findings.fail("unescaped_reflection", f"{label} reflects {bad!r} unescaped")


def check_png(label, content, findings):
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            if image.format != "PNG":
                findings.fail("format", f"{label} is a {image.format}, not a PNG")
    except Exception as error:  # Pillow raises many kinds on a broken file
        findings.fail("format", f"{label} is not a valid PNG: {error!r}")


def check_pdf(label, content, findings):
    try:
        pages = len(PdfReader(io.BytesIO(content), strict=True).pages)
    except Exception as error:  # pypdf raises many kinds on a broken file
        findings.fail("format", f"{label} is not a valid PDF: {error!r}")
        return
    if pages < 1:
        findings.fail("format", f"{label} is a PDF without pages")
