# Shared by the benchmarks (source it): build, start the whole system with the AppHost, and reach its private servers.
# Expects OUT (a directory for this run) and PORT (the Gateway's port); sets BASE, KEY and APPHOST.
#   NO_BUILD=1   skip the Release build (when the caller already built under the shared build lock)
#   APPHOST_ENV  extra environment for the AppHost and the services it starts (e.g. "Metrics__InputsCache=false")
#   APPHOST_ARGS arguments for the AppHost (e.g. --seed-demo)
#   SERVICE_ENVIRONMENT  the services' environment (Production: what a deployment runs, without developer pages and DI
#                        scope checks; Development is what `dotnet run --project AppHost` gives)
#   TRACE_SAMPLE_RATIO   share of calls traced into the dashboard (0.1, a deployment's sampling; 1 traces every call)

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

build_release() {
  [ "${NO_BUILD:-0}" = 1 ] && return 0
  log "building (Release)"
  # Machines shared by several builders serialise builds on a lock file (BUILD_LOCK); without flock it just builds.
  local lock=(); command -v flock >/dev/null && lock=(flock "${BUILD_LOCK:-/tmp/md-build.lock}")
  "${lock[@]}" dotnet build MarketingDev.sln -c Release -v quiet -nologo >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
}

start_system() {
  log "starting the system (AppHost, data in $OUT/data, Gateway on 127.0.0.1:$PORT)"
  # The admin key's rate limit (50 calls/s) would measure the limiter, not the system: the benchmarks lift it (the
  # limiter still runs on every call). APPHOST_ENV can set it back.
  # shellcheck disable=SC2086 # APPHOST_ENV is a list of NAME=value words
  # The services run as deployed (SERVICE_ENVIRONMENT, TRACE_SAMPLE_RATIO): on two cores the dashboard's intake of every
  # span competes with the system it watches.
  env Gateway__RateLimits__Admin__TokenLimit=1000000 Gateway__RateLimits__Admin__TokensPerPeriod=1000000 \
    AppHost__ServiceEnvironment="${SERVICE_ENVIRONMENT:-Production}" AppHost__TraceSampleRatio="${TRACE_SAMPLE_RATIO:-0.1}" \
    ${APPHOST_ENV:-} ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    AppHost__DataDir="$OUT/data" AppHost__GatewayPort="$PORT" \
    dotnet AppHost/bin/Release/net10.0/MarketingDev.AppHost.dll ${APPHOST_ARGS:-} >"$OUT/apphost.log" 2>&1 &
  APPHOST=$!
  trap 'stop_system' EXIT
  for _ in $(seq 1 360); do
    grep -q "MarketingDev is up" "$OUT/apphost.log" && break
    kill -0 $APPHOST 2>/dev/null || { tail -30 "$OUT/apphost.log"; exit 1; }
    sleep 0.5
  done
  grep -q "MarketingDev is up" "$OUT/apphost.log" || { echo "the system did not come up in 3 minutes" >&2; exit 1; }
  BASE="http://127.0.0.1:$PORT"
  KEY=$(cat "$OUT/data/admin-api-key")
}

stop_system() {
  [ -n "${APPHOST:-}" ] || return 0
  kill -TERM "$APPHOST" 2>/dev/null; wait "$APPHOST" 2>/dev/null || true
  APPHOST=""
  trap - EXIT
  # The orchestrator stops the services after the AppHost has exited: wait for them, or the next run shares the cores
  # with a system still shutting down.
  for _ in $(seq 1 60); do
    pgrep -f "dcp start-apiserver --monitor|MarketingDev\.(Gateway|Requests|Metrics|KnowledgeBase|SyncMeetings)( |$)" >/dev/null || return 0
    sleep 1
  done
}

# The private PostgreSQL's port (in the name of its newest socket: an earlier, killed run may have left one) and psql.
pg_port() { local s; s=$(ls -t "$OUT/data/postgres"/.s.PGSQL.* 2>/dev/null | grep -v lock | head -1 || true); echo "${s##*.}"; }
pg_psql() { # database, then psql arguments
  local db=$1; shift
  local psql; psql=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort | tail -1 || command -v psql)
  PGPASSWORD=$(cat "$OUT/data/postgres-password") "$psql" -h "$OUT/data/postgres" -p "$(pg_port)" -U marketingdev -d "$db" -X -q "$@"
}

# hey's figures for one run: req/s p50 p95 p99 (ms) total non-2xx
hey_figures() {
  awk '
    /Requests\/sec:/ { rps = $2 }
    / 50%+ in / { p50 = $3 * 1000 } / 95%+ in / { p95 = $3 * 1000 } / 99%+ in / { p99 = $3 * 1000 }
    /\[[0-9]+\]/ { total += $2; if ($1 !~ /^\[2/) bad += $2 }
    END { printf "%s\t%.1f\t%.1f\t%.1f\t%d\t%d\n", rps, p50, p95, p99, total, bad }' "$1"
}
