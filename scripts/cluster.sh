#!/usr/bin/env bash
# The whole stack on one machine: PostgreSQL, Redis, N gunicorn app nodes, the background worker
# and the scheduler, and Varnish in front with a round-robin director over the nodes
# (docs/DEPLOYMENT.md, "Several app nodes").
#
#   bash scripts/cluster.sh start            start what is not running (idempotent)
#   bash scripts/cluster.sh stop [PART]      stop everything, or one part: node1, node2, ...,
#                                            worker, scheduler, redis, varnish
#   bash scripts/cluster.sh status           what runs, with its pid and address
#   bash scripts/cluster.sh manage ARGS...   manage.py with the stack's settings
#
# Settings from the environment (defaults): CLUSTER_NODES (2), CLUSTER_PORT (8220, the first
# node; the others follow), VARNISH_PORT (8281), REDIS_PORT (6391), CLUSTER_DATABASE (wvdv_cluster,
# on the local PostgreSQL), CLUSTER_DIR (.cluster: pids, logs, media, generated VCL),
# GUNICORN_WORKERS per node (2). PostgreSQL is the machine's own service: stop leaves it running.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

NODES=${CLUSTER_NODES:-2}
FIRST_PORT=${CLUSTER_PORT:-8220}
VARNISH_PORT=${VARNISH_PORT:-8281}
REDIS_PORT=${REDIS_PORT:-6391}
DATABASE=${CLUSTER_DATABASE:-wvdv_cluster}
DIR=${CLUSTER_DIR:-$ROOT/.cluster}
mkdir -p "$DIR/logs" "$DIR/media" "$DIR/varnish"

cluster_environment() {
    if [ ! -f "$DIR/secret_key" ]; then
        python3 -c "import secrets; print(secrets.token_urlsafe(64))" >"$DIR/secret_key"
    fi
    export DJANGO_SETTINGS_MODULE=wvdv.settings.cluster
    export DJANGO_SECRET_KEY
    DJANGO_SECRET_KEY=$(cat "$DIR/secret_key")
    export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
    export DJANGO_SECURE_SSL_REDIRECT=false
    export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$VARNISH_PORT"
    export DATABASE_URL="postgres://wvdv:wvdv@127.0.0.1:5432/$DATABASE"
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
    export WVDV_VARNISH_URL="http://127.0.0.1:$VARNISH_PORT"
    export DJANGO_MEDIA_ROOT="$DIR/media"
    export DJANGO_STATIC_ROOT="$DIR/static"
    export DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
    export DJANGO_LOG_FORMAT=plain
    export SUBMISSIONS_TRUSTED_PROXIES=1 # Varnish appends the visitor to X-Forwarded-For
    export GUNICORN_WORKERS=${GUNICORN_WORKERS:-2}
}

alive() { # pid file
    [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

node_port() { echo $((FIRST_PORT + $1 - 1)); }

install_packages() {
    local missing=()
    command -v varnishd >/dev/null || missing+=(varnish)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v curl >/dev/null || missing+=(curl)
    command -v ps >/dev/null || missing+=(procps) # tests/stack finds a node's workers with it
    if [ ${#missing[@]} -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    [ -x .venv/bin/gunicorn ] || bash scripts/install.sh
}

start_redis() {
    alive "$DIR/redis.pid" && return
    # A cache, not a store: nothing written to disk; only keys with an expiry are evicted,
    # never the page cache's generation (docs/DEPLOYMENT.md).
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
        --pidfile "$DIR/redis.pid" --logfile "$DIR/logs/redis.log" --dir "$DIR" \
        --save "" --appendonly no --maxmemory 256mb --maxmemory-policy volatile-lru
    for _ in $(seq 50); do alive "$DIR/redis.pid" && break; sleep 0.1; done
}

code_version() {
    { git rev-parse HEAD && git diff HEAD; } 2>/dev/null | sha1sum | cut -c1-16
}

prepare_database() { # once per database and version of the code
    bash scripts/postgres.sh "$DATABASE" >/dev/null
    local marker="$DIR/prepared-$DATABASE"
    [ "$(cat "$marker" 2>/dev/null)" = "$(code_version)" ] && return
    # Static files need no database: collected while the database is migrated.
    .venv/bin/python manage.py collectstatic --no-input -v 0 &
    local collecting=$!
    .venv/bin/python manage.py migrate --no-input -v 0
    .venv/bin/python manage.py load_demo_content -v 0 >/dev/null
    wait "$collecting"
    code_version >"$marker"
}

start_node() { # number
    local pid="$DIR/node$1.pid"
    alive "$pid" && return
    GUNICORN_BIND="127.0.0.1:$(node_port "$1")" .venv/bin/gunicorn -c gunicorn.conf.py \
        --daemon --pid "$pid" --error-logfile "$DIR/logs/node$1.log" \
        --access-logfile "$DIR/logs/node$1-access.log" wvdv.wsgi
}

start_background() { # name, manage.py arguments...
    local name=$1
    shift
    alive "$DIR/$name.pid" && return
    nohup .venv/bin/python manage.py "$@" >>"$DIR/logs/$name.log" 2>&1 &
    echo $! >"$DIR/$name.pid"
}

write_backends_vcl() {
    local file="$DIR/varnish/backends.vcl"
    {
        echo 'probe health { .url = "/health/"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; }'
        for number in $(seq "$NODES"); do
            echo "backend node$number { .host = \"127.0.0.1\"; .port = \"$(node_port "$number")\"; .probe = health; .connect_timeout = 0.5s; .first_byte_timeout = 30s; }"
        done
        echo 'sub vcl_init {'
        echo '    new nodes = directors.round_robin();'
        for number in $(seq "$NODES"); do echo "    nodes.add_backend(node$number);"; done
        echo '}'
    } >"$file"
    .venv/bin/python manage.py varnish_parameters "$DIR/varnish/parameters.vcl"
}

start_varnish() {
    alive "$DIR/varnish.pid" && return
    write_backends_vcl
    # -j none: runs as the user who starts it, so it reads the VCL where it is.
    varnishd -j none -n "$DIR/varnish/work" -P "$DIR/varnish.pid" \
        -a "127.0.0.1:$VARNISH_PORT" -T 127.0.0.1:0 -s malloc,256m \
        -p vcl_path="$DIR/varnish:$ROOT/deploy/varnish" -f "$ROOT/deploy/varnish/wvdv.vcl" \
        -p max_retries=3
}

wait_until_answering() { # url
    for _ in $(seq 100); do
        curl -fs -o /dev/null "$1" && return 0
        sleep 0.2
    done
    echo "no answer from $1" >&2
    return 1
}

start() {
    install_packages
    cluster_environment
    start_redis
    prepare_database
    for number in $(seq "$NODES"); do start_node "$number"; done
    start_background worker db_worker --no-reload
    start_background scheduler run_scheduler
    for number in $(seq "$NODES"); do
        wait_until_answering "http://127.0.0.1:$(node_port "$number")/health/"
    done
    start_varnish
    wait_until_answering "http://127.0.0.1:$VARNISH_PORT/health/"
    status
}

stop_part() { # name
    local pid="$DIR/$1.pid"
    if alive "$pid"; then
        kill "$(cat "$pid")"
        for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
        if alive "$pid"; then kill -9 "$(cat "$pid")"; fi
    fi
    rm -f "$pid"
}

parts() {
    echo varnish
    for number in $(seq "$NODES"); do echo "node$number"; done
    echo worker scheduler redis
}

stop() {
    if [ -n "${1:-}" ]; then
        stop_part "$1"
        return
    fi
    for part in $(parts); do stop_part "$part"; done
}

status() {
    local address
    for part in $(parts); do
        case $part in
            varnish) address="http://127.0.0.1:$VARNISH_PORT/" ;;
            redis) address="redis://127.0.0.1:$REDIS_PORT" ;;
            node*) address="http://127.0.0.1:$(node_port "${part#node}")/" ;;
            *) address="" ;;
        esac
        if alive "$DIR/$part.pid"; then
            echo "$part running (pid $(cat "$DIR/$part.pid")) $address"
        else
            echo "$part stopped"
        fi
    done
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    status) status ;;
    manage)
        shift
        cluster_environment
        exec .venv/bin/python manage.py "$@"
        ;;
    *)
        echo "usage: $0 start|stop [PART]|status|manage ARGS..." >&2
        exit 2
        ;;
esac
