# PostgreSQL helpers shared by .ci/run and bench/run (source it; it defines functions only, plus
# PG_HOST and PG_PORT). Every database it creates gets a role of its own with a password, so any
# pg_hba setting works, and pg_drop_database removes both.
#
#   ensure_postgres                  installs (apt-get), creates and starts a cluster as needed;
#                                    sets PG_PORT to the running cluster's port
#   pg_create_database <prefix>      creates <prefix>_<pid>_<random>; sets PG_DATABASE, PG_ROLE,
#                                    PG_PASSWORD and PG_JDBC_URL (credentials in the URL)
#   pg_drop_database <db> <role>     drops both (WITH (FORCE): open sessions are closed)
#   psql_admin [psql args]           psql as the database superuser, on database postgres

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}

pg_log() { echo "[${PG_LOG_TAG:-postgres}] $*" >&2; }

# psql as the database superuser: through the socket as the postgres OS user when we are root
# (peer authentication, the Debian default), else over TCP as user postgres (trust setups).
psql_admin() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
  fi
}

ensure_postgres() {
  if pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null || ! command -v psql >/dev/null; then
    pg_log "PostgreSQL is not installed: installing it with apt-get"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  fi
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_log "no PostgreSQL cluster: creating $version/main"
    pg_createcluster "$version" main
  fi
  local cluster_version cluster_name cluster_port cluster_status
  read -r cluster_version cluster_name cluster_port cluster_status _ < <(pg_lsclusters -h | head -n 1)
  PG_PORT=$cluster_port
  if [ "$cluster_status" != online ]; then
    pg_log "starting PostgreSQL $cluster_version/$cluster_name on port $PG_PORT"
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" "$cluster_name" start
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return
    sleep 1
  done
  pg_log "PostgreSQL did not become ready on $PG_HOST:$PG_PORT"
  return 1
}

pg_create_database() {
  local suffix
  suffix="$$_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  PG_DATABASE="${1}_$suffix"
  PG_ROLE="${1}_$suffix"
  PG_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  psql_admin -c "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD'" \
    -c "CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE"
  PG_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE?user=$PG_ROLE&password=$PG_PASSWORD"
}

pg_drop_database() {
  psql_admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "DROP ROLE IF EXISTS $2"
}
