#!/usr/bin/env bash
# Cached pages through Varnish against nginx serving the same bytes as a static file, side by
# side in one run with wrk, on the stack of scripts/cluster.sh (started when it is not running).
# Prints requests per second, latency and the ratio per page; exits non-zero when a page stays
# under half of nginx's requests per second (the target) or when a request fails.
#   bash scripts/benchmark_stack.sh [SECONDS per measurement, 10] [CONNECTIONS, 32]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
VARNISH="http://127.0.0.1:${VARNISH_PORT:-8281}"
NGINX_PORT=${NGINX_PORT:-8282}
DIR=${CLUSTER_DIR:-$PWD/.cluster}/nginx
PAGES=(/nl/ /nl/ideeen/ /en/ideas/ /nl/edities/2026/activiteiten/)

command -v nginx >/dev/null && command -v wrk >/dev/null || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq nginx-light wrk >/dev/null
}
bash scripts/cluster.sh start >/dev/null
mkdir -p "$DIR/html" "$DIR/logs"
cat >"$DIR/nginx.conf" <<EOF
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $DIR/html;
        location / { default_type text/html; }
    }
}
EOF
nginx -p "$DIR" -c "$DIR/nginx.conf"
trap 'nginx -p "$DIR" -c "$DIR/nginx.conf" -s stop 2>/dev/null || true' EXIT
sleep 0.5

measure() { # url -> "requests/s p50 p99 errors"
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$1" | awk '
        /Requests\/sec/ {rps = $2}
        /^ +50%/ {p50 = $2}
        /^ +99%/ {p99 = $2}
        /Non-2xx|Socket errors/ {errors = errors $0 ";"}
        END {printf "%s %s %s %s\n", rps, p50, p99, (errors == "" ? "none" : errors)}'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores, shared)"
printf "%-34s %12s %12s %8s %8s %8s\n" page varnish_rps nginx_rps ratio p50 p99
missed=0
for page in "${PAGES[@]}"; do
    file="$DIR/html/page-$(echo "$page" | tr '/' '_').html"
    curl -fs "$VARNISH$page" -o /dev/null # the first request fills the cache
    curl -fs "$VARNISH$page" -o "$file"
    read -r varnish_rps p50 p99 varnish_errors <<<"$(measure "$VARNISH$page")"
    read -r nginx_rps _ _ nginx_errors <<<"$(measure "http://127.0.0.1:$NGINX_PORT/$(basename "$file")")"
    ratio=$(python3 -c "print(f'{$varnish_rps / $nginx_rps:.2f}')")
    printf "%-34s %12s %12s %8s %8s %8s\n" "$page" "$varnish_rps" "$nginx_rps" "$ratio" "$p50" "$p99"
    [ "$varnish_errors" = none ] && [ "$nginx_errors" = none ] || {
        echo "  errors: varnish $varnish_errors nginx $nginx_errors"
        missed=1
    }
    python3 -c "import sys; sys.exit(0 if $ratio >= 0.5 else 1)" || missed=1
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target: every page at least 0.50 of nginx's requests per second, no errors"
exit "$missed"
