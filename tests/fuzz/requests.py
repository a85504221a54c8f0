"""A request the fuzzer sends, and how it is sent through Django's test client."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.utils.datastructures import MultiValueDict

MARKER = re.compile(r"fz[a-z0-9]{6}")
QUERY_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass
class Request:
    method: str
    path: str
    params: list = field(default_factory=list)  # (name, value) pairs: the query, or the POST body
    raw_query: str = ""
    files: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)
    # A form post the site must drop: no valid form token, or the honeypot filled in.
    must_be_dropped: bool = False

    def query_string(self):
        pairs = self.params if self.method in QUERY_METHODS else []
        encoded = urlencode(pairs)
        return "&".join(part for part in (encoded, self.raw_query) if part)

    def url(self):
        path = quote(self.path, safe="/%")
        query = self.query_string()
        return f"{path}?{query}" if query else path

    def markers(self):
        """The markers of the hostile values in this request."""
        texts = [self.path, self.raw_query, *self.headers.values()]
        texts += [f"{name}\n{value}" for name, value in self.params]
        return set(MARKER.findall("\n".join(texts)))

    def send(self, client):
        if self.method in QUERY_METHODS:
            return client.generic(self.method, self.url(), headers=self.headers)
        if self.method != "POST":
            body = urlencode(self.params)
            return client.generic(
                self.method,
                self.url(),
                body,
                "application/x-www-form-urlencoded",
                headers=self.headers,
            )
        data = MultiValueDict()
        for name, value in self.params:
            data.appendlist(name, value)
        for name, upload in self.files.items():
            upload.seek(0)
            data.appendlist(name, upload)
        return client.post(self.url(), data=dict(data.lists()), headers=self.headers)
