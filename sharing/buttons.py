"""The share links under a page: plain addresses of the sites' own share forms, so the page
loads nothing from them (no script, image or cookie) and the visitor's browser only goes there
on a click. sharing/static/sharing/share.js adds "copy link" and, where the browser has the Web
Share API (phones), the phone's own share menu."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext


def query(**values):
    """A query string with %20 for spaces: mail programs show a "+" as it is."""
    return urlencode(values, quote_via=quote)


def share_links(request, title, hashtag=""):
    url = request.build_absolute_uri()
    text = f"{title} {hashtag}".strip()
    return [
        {
            "key": "whatsapp",
            "name": "WhatsApp",
            "url": "https://wa.me/?" + query(text=f"{text} {url}"),
        },
        {
            "key": "linkedin",
            "name": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + query(url=url),
        },
        {
            "key": "facebook",
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + query(u=url),
        },
        {
            "key": "x",
            "name": "X",
            "url": "https://x.com/intent/post?" + query(text=text, url=url),
        },
        {
            "key": "email",
            "name": gettext("E-mail"),
            "url": "mailto:?" + query(subject=title, body=f"{text}\n\n{url}"),
        },
    ]
