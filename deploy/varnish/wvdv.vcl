vcl 4.1;
# Varnish in front of the app nodes (docs/DEPLOYMENT.md, "Several app nodes"). Two files sit
# next to this one, both generated:
# - backends.vcl: the app nodes and a round-robin director "nodes" over them, with health
#   probes on /health/ (scripts/cluster.sh writes it; deploy/varnish/backends.example.vcl);
# - parameters.vcl: the query parameters the site's pages declare and the cookies of signed-in
#   visitors (`manage.py varnish_parameters FILE`).
# The app decides what is cacheable: an anonymous page it would keep in its own page cache
# carries `Cache-Control: public, max-age=0, s-maxage=N` and no Set-Cookie; nothing else is
# kept here. Changes are purged by the app (operations/frontend_cache.py) with PURGE requests.

import std;
import directors;

include "backends.vcl";
include "parameters.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
    unset req.http.X-Personal;
    unset req.http.X-Stashed-Cookie;
    if (req.method == "PURGE") {
        call wvdv_purge;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (previews included), documents (privacy checked per request), the health check
    # and the password form of private pages always go to the app.
    if (req.url ~ "^/(admin|documents|health|[a-z-]+/_util)/") {
        return (pass);
    }
    call wvdv_is_personal;
    if (req.http.X-Personal) {
        return (pass);
    }
    call wvdv_keep_known_parameters;
    # Anonymous: the cookies (a CSRF token, say) do not take part in the lookup; they go on to
    # the app, which marks a response that depends on them as not cacheable.
    if (req.http.Cookie) {
        set req.http.X-Stashed-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    return (hash);
}

sub wvdv_purge {
    if (client.ip !~ purgers) {
        return (synth(405, "Not allowed"));
    }
    if (req.url ~ "\*$") {
        # Everything whose address starts with it: a page and the pages below it.
        ban("obj.http.X-Path ~ ^" + regsub(req.url, "\*$", ""));
    } else {
        # What one page served: the page, its routes and every query string of them.
        ban("obj.http.X-Cache-Owner == " + regsub(req.url, "\?.*$", ""));
    }
    return (synth(200, "Purged"));
}

sub vcl_backend_fetch {
    if (bereq.http.X-Stashed-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Stashed-Cookie;
        unset bereq.http.X-Stashed-Cookie;
    }
}

sub vcl_backend_response {
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (!beresp.http.X-Cache-Owner) {
        set beresp.http.X-Cache-Owner = beresp.http.X-Path;
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.status != 200
        || beresp.http.Cache-Control !~ "s-maxage=[1-9]"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remember for a while that this address is not cacheable (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    # The app said the page is the same for every anonymous visitor.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*cookie\s*(?=,|$)", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # Served a little past its life while a fresh copy is fetched; purges remove it at once.
    set beresp.grace = 10s;
    return (deliver);
}

sub vcl_backend_error {
    # A node that died between probes: try another (reads only). The round-robin director is
    # shared by concurrent requests, so a retry can land on the dead node again: up to four.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 4) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
    unset resp.http.X-Path;
    unset resp.http.X-Cache-Owner;
    # s-maxage is for this cache, which is purged; caches further on see only max-age=0.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = "public, max-age=0";
    }
}
