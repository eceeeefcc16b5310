#!/usr/bin/env bash
# Benchmarks the Requests API through the Gateway (REST → gRPC → PostgreSQL + outbox) and, in the same run, Redmine's
# REST API with ../shared/bench/peer-redmine.sh, then prints both side by side with the ratios.
#
#   bash bench/requests.sh             # ours, then Redmine (about 20 min: the peer run takes ~17)
#   PEER=0 bash bench/requests.sh      # ours only
#
# Workload (same shape as the peer's): create a request with a full body (~600 characters of text), get one by id,
# list 25; hey at concurrency C (16) with N (3000) requests per run, RUNS (2) runs each, after WARMUP (1000) warm-up
# requests per endpoint: .NET's tiered JIT needs that many to reach steady state (with 200, run 1 of create was half run 2).
# All traffic goes to 127.0.0.1; every hey run is bounded by -n and by `timeout`. Needs root for the peer's install.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

N="${N:-3000}"; C="${C:-16}"; RUNS="${RUNS:-2}"; WARMUP="${WARMUP:-1000}"; PEER="${PEER:-1}"
PORT="${PORT:-5180}"
OUT="${OUT:-/tmp/md-bench.$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
# shellcheck source=bench/system.sh
. bench/system.sh

command -v hey >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey; }
build_release
start_system

TEXT=$(printf 'Marketing asked for a landing page variant with tracked CTA clicks and a GA4 event plan. %.0s' $(seq 1 10) | cut -c1-600)
cat >"$OUT/request.json" <<JSON
{"title":"Benchmark landing page","type":"landingPage","priority":"high","launchDate":"2027-06-01",
 "userStory":{"asA":"campaign manager","iWant":"a spring landing page","soThat":"we capture more qualified leads"},
 "acceptanceCriteria":[{"text":"When the form is submitted a confirmation appears within 1 second"}],
 "marketingContext":{"campaignGoal":"$TEXT","audience":"SMB owners","businessImpact":"Q2 pipeline",
   "kpi":{"name":"Sign-ups","baseline":120,"target":500,"unit":"per week"}},
 "trackingRequirements":[{"eventName":"sign_up","trigger":"Form submitted","parameters":[{"name":"method","description":"form"}]}]}
JSON
ID=$(curl -fsS -X POST "$BASE/api/v1/requests" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' --data-binary @"$OUT/request.json" \
  | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ -n "$ID" ] || { echo "could not create the first request" >&2; exit 1; }

# The README's promise: a new request is in the metrics summary within 2 s (REST → gRPC → outbox → RabbitMQ → consumer).
# Measured on the idle system, first request included, before any load.
LATENCY="$OUT/event-latency.txt"
drafted() { curl -fsS "$BASE/api/v1/metrics/summary" -H "X-Api-Key: $KEY" | sed -n 's/.*"requestsDrafted":\([0-9]*\).*/\1/p'; }
for i in $(seq 1 10); do
  before=$(drafted); t0=$(date +%s%N)
  curl -fsS -o /dev/null -X POST "$BASE/api/v1/requests" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' --data-binary @"$OUT/request.json"
  for _ in $(seq 1 200); do [ "$(drafted)" -gt "$before" ] && break; sleep 0.01; done
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$LATENCY"
done

SUMMARY="$OUT/ours.tsv"
printf 'test\tconc\trequests\trun\treq/s\tp50_ms\tp95_ms\tp99_ms\terrors\n' >"$SUMMARY"
ms() { awk -v s="$1" 'BEGIN { if (s == "") print "-"; else printf "%.1f", s * 1000 }'; }
run_hey() { # name expected-status n c hey-args...
  local name=$1 expect=$2 n=$3 c=$4; shift 4
  local f="$OUT/hey.$(echo "$name" | tr ' /?=' '____').c$c.$RUN.txt"
  timeout 600 hey -n "$n" -c "$c" -H "X-Api-Key: $KEY" "$@" >"$f" 2>&1 || true
  local rps p50 p95 p99 total ok
  rps=$(awk '/Requests\/sec:/ {print $2}' "$f")
  p50=$(awk '/ 50%+ in / {print $3}' "$f"); p95=$(awk '/ 95%+ in / {print $3}' "$f"); p99=$(awk '/ 99%+ in / {print $3}' "$f")
  total=$(awk '/\[[0-9]+\]/ {s += $2} END {print s + 0}' "$f")
  ok=$(awk -v e="[$expect]" '$1 == e {print $2}' "$f")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$c" "$total" "$RUN" "${rps:--}" "$(ms "$p50")" "$(ms "$p95")" "$(ms "$p99")" \
    "$(( total - ${ok:-0} ))" >>"$SUMMARY"
}

for RUN in warmup; do
  timeout 120 hey -n "$WARMUP" -c "$C" -H "X-Api-Key: $KEY" -m POST -T application/json -D "$OUT/request.json" "$BASE/api/v1/requests" >/dev/null
  timeout 120 hey -n "$WARMUP" -c "$C" -H "X-Api-Key: $KEY" "$BASE/api/v1/requests/$ID" >/dev/null
  timeout 120 hey -n "$WARMUP" -c "$C" -H "X-Api-Key: $KEY" "$BASE/api/v1/requests?limit=25" >/dev/null
done
for RUN in $(seq 1 "$RUNS"); do
  log "run $RUN: POST /api/v1/requests"
  run_hey "POST create" 201 "$N" "$C" -m POST -T application/json -D "$OUT/request.json" "$BASE/api/v1/requests"
  log "run $RUN: GET /api/v1/requests?limit=25"
  run_hey "GET list 25" 200 "$N" "$C" "$BASE/api/v1/requests?limit=25"
  log "run $RUN: GET /api/v1/requests/{id}"
  run_hey "GET one" 200 "$N" "$C" "$BASE/api/v1/requests/$ID"
done
stop_system

echo; echo "== MarketingDev ($(nproc) cores, c=$C, n=$N per run)"; column -t -s $'\t' "$SUMMARY"
echo; echo "== Create → visible in the metrics summary (ms, 10 requests on the idle system; promise: 2,000)"
sort -n "$LATENCY" | awk '{ v[NR] = $1 } END { printf "min %d  median %d  max %d\n", v[1], v[int((NR + 1) / 2)], v[NR] }'

if [ "$PEER" = 1 ]; then
  # The peer uses the system PostgreSQL cluster; start it if the machine has not, and stop it again afterwards.
  if command -v pg_lsclusters >/dev/null && ! pg_lsclusters -h | awk '$4 == "online"' | grep -q .; then
    CLUSTER="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
    pg_ctlcluster "$CLUSTER" main start
    trap 'pg_ctlcluster "$CLUSTER" main stop' EXIT
  fi
  log "peer: Redmine (about 17 minutes)"
  OUT="$OUT/peer" N="$N" C="$C" RUNS="$RUNS" bash ../shared/bench/peer-redmine.sh >"$OUT/peer.log" 2>&1 || { tail -30 "$OUT/peer.log"; exit 1; }
  echo; echo "== Redmine (same machine, same run)"; column -t -s $'\t' "$OUT/peer/summary.tsv"
  echo; echo "== Ratios (best run of each at c=$C: ours / Redmine)"
  awk -F'\t' -v c="$C" '
    FNR == 1 { next }
    FILENAME ~ /ours/ && $2 == c { k = $1; if ($5 > ours[k]) { ours[k] = $5; p99[k] = $8 } }
    FILENAME ~ /summary/ && $2 == c {
      k = ($1 ~ /^post/) ? "POST create" : ($1 ~ /list/) ? "GET list 25" : "GET one"
      if ($5 > peer[k]) { peer[k] = $5; ppeer[k] = $9 }
    }
    END {
      printf "%-12s %12s %12s %8s %14s %14s\n", "test", "ours req/s", "redmine", "ratio", "ours p99 ms", "redmine p99"
      for (k in ours) printf "%-12s %12.1f %12.1f %7.1fx %14s %14s\n", k, ours[k], peer[k], (peer[k] > 0 ? ours[k] / peer[k] : 0), p99[k], ppeer[k]
    }' "$SUMMARY" "$OUT/peer/summary.tsv"
fi
log "raw output in $OUT"
