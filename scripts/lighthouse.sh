#!/usr/bin/env bash
# Lighthouse (pinned in scripts/lighthouse/package.json, from the npm registry) on Debian's Chromium
# against the demo site with the production settings, behind nginx as in deploy/nginx.conf (media
# files from disk, the rest from gunicorn): every public page type in Dutch and English, mobile.
# Fails when any of the four categories (performance, accessibility, best practices, SEO) of any
# page scores below 100 in its representative run of LIGHTHOUSE_RUNS (default 3). Reports land in
# artifacts/lighthouse/ (the representative JSON per page; every run in runs/).
#
# Usage: bash scripts/lighthouse.sh            (installs chromium, nginx and Lighthouse if missing)
#        LIGHTHOUSE_PAGES="/nl/ /en/" bash scripts/lighthouse.sh   (only these paths)
#        LIGHTHOUSE_RUNS=5 bash scripts/lighthouse.sh                 (runs a page, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v nginx >/dev/null || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || bash scripts/install.sh
(cd scripts/lighthouse && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
LIGHTHOUSE="$ROOT/scripts/lighthouse/node_modules/.bin/lighthouse"

work=$(mktemp -d)
APP_PORT=${LIGHTHOUSE_APP_PORT:-8131}
WEB_PORT=${LIGHTHOUSE_WEB_PORT:-8132}
cleanup() {
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [ -n "${gunicorn_pid:-}" ] && kill "$gunicorn_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=wvdv.settings.production
DJANGO_SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')
export DJANGO_SECRET_KEY
export DATABASE_URL="sqlite:///$work/db.sqlite3"
export DJANGO_MEDIA_ROOT="$work/media" DJANGO_STATIC_ROOT="$work/static" DJANGO_CACHE_DIR="$work/cache"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=false DJANGO_HSTS_SECONDS=0
export DJANGO_LOG_LEVEL=WARNING GUNICORN_BIND="127.0.0.1:$APP_PORT"
BASE="http://127.0.0.1:$WEB_PORT"
export WAGTAILADMIN_BASE_URL="$BASE"  # canonical, hreflang and share addresses point at nginx
# The demo content is loaded with the dev settings (the only ones besides test with devtools),
# into the same database and media folder the production settings then serve.
DJANGO_SETTINGS_MODULE=wvdv.settings.dev .venv/bin/python manage.py migrate --no-input -v0
DJANGO_SETTINGS_MODULE=wvdv.settings.dev .venv/bin/python manage.py load_demo_content >/dev/null
.venv/bin/python manage.py collectstatic --no-input -v0
chmod -R a+rX "$work"  # nginx's workers (www-data) read the media files

.venv/bin/gunicorn -c gunicorn.conf.py wvdv.wsgi >"$work/gunicorn.log" 2>&1 &
gunicorn_pid=$!
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<EOF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$WEB_PORT;
        location /media/documents/ { return 404; }
        location /media/ { alias $work/media/; expires 30d; }
        location / {
            proxy_pass http://127.0.0.1:$APP_PORT;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
EOF
nginx -c "$work/nginx.conf"
for _ in $(seq 60); do curl -sf "$BASE/health/" >/dev/null && break; sleep 1; done

# One page of each public type in each language (the first by path), plus the routes.
pages=${LIGHTHOUSE_PAGES:-$(.venv/bin/python manage.py shell --no-imports -v 0 -c '
from wagtail.models import Page
from core.visibility import public_pages
seen, paths = set(), []
for page in public_pages(Page.objects.filter(depth__gte=2)).select_related("locale", "content_type").order_by("path"):
    key = (page.content_type_id, page.locale.language_code)
    if key not in seen:
        seen.add(key)
        paths.append(page.url)
editions = [p for p in paths if p.rstrip("/").split("/")[-1].isdigit()]
for edition in editions:
    suffix = "activiteiten/" if edition.startswith("/nl/") else "activities/"
    kit = "promotiepakket/" if edition.startswith("/nl/") else "promotion-kit/"
    paths += [edition + suffix, edition + kit]
paths += ["/nl/privacy/", "/en/privacy/"]  # not the search: robots.txt keeps crawlers out of it
print(" ".join(paths))
' 2>/dev/null)}

# Each page is measured LIGHTHOUSE_RUNS times and judged by its representative run (the one
# closest to the median FCP and TTI, scripts/lighthouse/median.mjs), as Lighthouse's docs advise
# for pass/fail thresholds (docs/variability.md); a run that ends in a runtime error
# (NO_NAVSTART and the like on a busy machine) has no metrics and does not count.
RUNS=${LIGHTHOUSE_RUNS:-3}
rm -rf artifacts/lighthouse
mkdir -p artifacts/lighthouse/runs
failed=0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs a page"
printf '%-60s %5s %5s %5s %5s\n' page perf a11y bp seo
for path in $pages; do
    name=$(echo "$path" | tr '/?=&' '____' | sed 's/^_//; s/_$//')
    name=${name:-root}
    runs=()
    for run in $(seq "$RUNS"); do
        runs+=("$ROOT/artifacts/lighthouse/runs/$name-$run.json")
        "$LIGHTHOUSE" "$BASE$path" --quiet --output=json --output-path="${runs[-1]}" \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-path=/usr/bin/chromium \
            --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null 2>&1 || true
    done
    scores=$(node scripts/lighthouse/median.mjs "$ROOT/artifacts/lighthouse/$name.json" "${runs[@]}" \
        2>/dev/null || echo "0 0 0 0")
    # shellcheck disable=SC2086
    printf '%-60s %5s %5s %5s %5s\n' "$path" $scores
    for score in $scores; do [ "$score" -lt 100 ] && failed=1; done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failed" -ne 0 ]; then
    echo "Below 100 somewhere: see artifacts/lighthouse/<page>.json (categories, audits)." >&2
    exit 1
fi
echo "Every page scores 100 in all four categories."
