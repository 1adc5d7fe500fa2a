# Sourced by the end-to-end tests that need PostgreSQL: a private PostgreSQL 15 cluster (PostGIS
# available), listening only on a unix socket in its own folder, stopped and removed by the test.
#   pg_cluster_start NAME PORT_BASE [USERS]  sets $pg (the socket folder) and $port; USERS
#                                            (comma-separated) sign in with a password (scram),
#                                            everyone else (postgres, the test's superuser) is trusted
#   pg_cluster_stop                          stops it and removes its folder (from the EXIT trap)
#   as_pg CMD…                               runs CMD as postgres when the test runs as root
# A missing server or postgres user is a failure (scripts/install-deps.sh installs them).
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_cluster_start() {
  local tool
  for tool in "$PGBIN/initdb" "$PGBIN/pg_ctl" psql runuser; do
    command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test (scripts/install-deps.sh installs it)"; exit 1; }
  done
  id postgres > /dev/null 2>&1 || { echo "FAIL: the postgres user is missing (install postgresql)"; exit 1; }
  pg=$(mktemp -d "/tmp/giatlas-$1.XXXXXX")
  chown postgres "$pg"
  port=$(($2 + RANDOM % 1000))
  as_pg "$PGBIN/initdb" -D "$pg/data" -A trust -U postgres -E UTF8 > /dev/null
  [ -z "${3:-}" ] || sed -i "1i local all $3 scram-sha-256" "$pg/data/pg_hba.conf"
  as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/log" -w \
    -o "-k $pg -p $port -c listen_addresses='' -c lc_messages=C" start > /dev/null \
    || { cat "$pg/log"; echo "FAIL: PostgreSQL did not start"; exit 1; }
}

pg_cluster_stop() {
  [ -n "${pg:-}" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$pg/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$pg"
}
