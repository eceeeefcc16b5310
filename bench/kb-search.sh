#!/usr/bin/env bash
# Benchmarks knowledge-base search through the Gateway (REST → gRPC → PostgreSQL full-text search, GIN index), with
# search counting on, over the shared corpus (../shared/bench/kb-corpus.py: 10,000 articles of 1–5 KB, deterministic).
#
#   bash bench/kb-search.sh                 # build, start the system, load the corpus through the API, measure
#   ARTICLES=2000 NS=200 bash bench/kb-search.sh
#   flock /tmp/md-build.lock sh -c 'dotnet build MarketingDev.sln -c Release -v quiet && NO_BUILD=1 bash bench/kb-search.sh'
#
# After WARMUP_S (60) seconds of the same searches (a warm system, see below), for each of the corpus's QUERIES: hey at
# concurrency SC (8) with NS (400) requests per query after WARMUP (200) warm-up requests, GET /api/v1/kb/search?q=…&limit=25 (Redmine's peer run asks for 25 too). Prints req/s and
# p50/p95/p99 per query, then EXPLAIN ANALYZE of the search query (the GIN index must be used). With PEER=1 (the
# default when root), Redmine's search over the same corpus runs next in the same run (`WORKLOAD=search
# ../shared/bench/peer-redmine.sh`, PEER_NS (200) requests per query, on the system PostgreSQL cluster, which it starts
# and stops again) and both sides print in one table. All traffic goes to 127.0.0.1.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

ARTICLES="${ARTICLES:-10000}"; NS="${NS:-400}"; SC="${SC:-8}"; WARMUP="${WARMUP:-200}"; WARMUP_S="${WARMUP_S:-60}"
PEER="${PEER:-$([ "$(id -u)" = 0 ] && echo 1 || echo 0)}"; PEER_NS="${PEER_NS:-200}"
PEER_SH="${PEER_SH:-../shared/bench/peer-redmine.sh}"
[ -f "$PEER_SH" ] || PEER_SH=/work/shared/bench/peer-redmine.sh
PORT="${PORT:-5181}"
CORPUS_PY="${CORPUS_PY:-../shared/bench/kb-corpus.py}"
[ -f "$CORPUS_PY" ] || CORPUS_PY=/work/shared/bench/kb-corpus.py
OUT="${OUT:-/tmp/md-kb-bench.$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
# shellcheck source=bench/system.sh
. bench/system.sh

command -v hey >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey; }
build_release
start_system

log "loading $ARTICLES articles through POST /api/v1/kb/articles (8 at a time)"
python3 "$CORPUS_PY" "$ARTICLES" >"$OUT/corpus.jsonl"
LOAD_START=$(date +%s)
BASE="$BASE" KEY="$KEY" python3 - "$OUT/corpus.jsonl" <<'PY' >"$OUT/load.log"
import json, os, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, key = os.environ["BASE"], os.environ["KEY"]

def article(line):
    a = json.loads(line)
    body = {"kind": a["kind"], "title": a["title"][:200], "body": a["body"], "tags": a["tags"]}
    system = a["title"].split(" #")[0]
    # The corpus has no structured data; the kinds that need it get a minimal, valid object.
    if a["kind"] == "techStack":
        body["techStack"] = {"component": system[:200], "category": "other", "version": "1.0", "vendor": system[:200], "owner": "bench"}
    elif a["kind"] == "apiDoc":
        body["apiDoc"] = {"system": system[:200], "baseUrl": "https://api.example.com", "auth": "apiKey",
                          "rateLimit": {"limit": 100, "windowSeconds": 10}, "endpoints": [{"method": "GET", "path": "/records", "summary": "List records"}]}
    elif a["kind"] == "dataSchema":
        body["dataSchema"] = {"entity": system[:200], "fields": [{"name": "id", "type": "string", "access": "read"}]}
    return body

def post(line):
    request = urllib.request.Request(base + "/api/v1/kb/articles", data=json.dumps(article(line)).encode(), method="POST",
                                     headers={"X-Api-Key": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status

with open(sys.argv[1]) as corpus, ThreadPoolExecutor(8) as pool:
    statuses = list(pool.map(post, corpus))
print(f"loaded {statuses.count(201)} of {len(statuses)}")
PY
LOAD_S=$(( $(date +%s) - LOAD_START ))
cat "$OUT/load.log"
mapfile -t QUERIES < <(python3 -c "import importlib.util as u, sys; s = u.spec_from_file_location('c', sys.argv[1]); m = u.module_from_spec(s); s.loader.exec_module(m); print('\n'.join(m.QUERIES))" "$CORPUS_PY")

# A just-started service spends most of its CPU compiling its hot paths (tiered JIT with PGO: libclrjit was 14% of
# the Gateway's samples after the old 200-request warm-up, 0% after 30,000 calls, and throughput tripled). A deployed
# service is warm; so is the measured one: WARMUP_S seconds of the same searches first, shared by the queries.
log "warming up: ${WARMUP_S} s of searches over the ${#QUERIES[@]} queries"
for q in "${QUERIES[@]}"; do
  timeout 300 hey -z "$(awk -v s="$WARMUP_S" -v n="${#QUERIES[@]}" 'BEGIN { printf "%.1fs", s / n }')" -c "$SC" -H "X-Api-Key: $KEY" \
    "$BASE/api/v1/kb/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")&limit=25" >/dev/null
done

SUMMARY="$OUT/search.tsv"
printf 'query\tconc\trequests\treq/s\tp50_ms\tp95_ms\tp99_ms\terrors\thits\n' >"$SUMMARY"
ms() { awk -v s="$1" 'BEGIN { if (s == "") print "-"; else printf "%.1f", s * 1000 }'; }
for q in "${QUERIES[@]}"; do
  url="$BASE/api/v1/kb/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")&limit=25"
  hits=$(curl -fsS "$url" -H "X-Api-Key: $KEY" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')
  timeout 300 hey -n "$WARMUP" -c "$SC" -H "X-Api-Key: $KEY" "$url" >/dev/null
  f="$OUT/hey.$(echo "$q" | tr ' /' '__').txt"
  log "search: $q"
  timeout 600 hey -n "$NS" -c "$SC" -H "X-Api-Key: $KEY" "$url" >"$f" 2>&1 || true
  rps=$(awk '/Requests\/sec:/ {print $2}' "$f")
  p50=$(awk '/ 50%+ in / {print $3}' "$f"); p95=$(awk '/ 95%+ in / {print $3}' "$f"); p99=$(awk '/ 99%+ in / {print $3}' "$f")
  total=$(awk '/\[[0-9]+\]/ {s += $2} END {print s + 0}' "$f")
  ok=$(awk '$1 == "[200]" {print $2}' "$f")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$q" "$SC" "$total" "${rps:--}" "$(ms "$p50")" "$(ms "$p95")" "$(ms "$p99")" "$(( total - ${ok:-0} ))" "$hits" >>"$SUMMARY"
done

# EXPLAIN ANALYZE of the service's search statement (Features/Search/ArticleSearch.cs) for the first query, over the
# private PostgreSQL's socket (its port is in the socket's name).
if [ -n "$(pg_port)" ]; then
  pg_psql knowledgedb -v q="${QUERIES[0]}" >"$OUT/explain.txt" 2>&1 <<'SQL' || true
EXPLAIN (ANALYZE, BUFFERS)
WITH q AS (SELECT websearch_to_tsquery('english', :'q') AS q),
hits AS (
    SELECT a.id, a.kind, a.title, a.tags, a.body, a.seq, ts_rank(a.search_vector, q.q) AS rank
    FROM articles a, q
    WHERE a.search_vector @@ q.q
    ORDER BY rank DESC, a.seq DESC
    LIMIT 25)
SELECT h.id, h.kind, h.title, h.tags, h.rank, ts_headline('english', h.body, q.q, 'MaxWords=35, MinWords=12, MaxFragments=2')
FROM hits h, q
ORDER BY h.rank DESC, h.seq DESC;
SQL
else
  echo "no PostgreSQL socket found under $OUT/data" >"$OUT/explain.txt"
fi
stop_system

# Redmine's side, same corpus, same queries, same concurrency, right after ours on the same machine.
if [ "$PEER" = 1 ]; then
  log "peer: Redmine's search over the same corpus ($PEER_NS requests per query, c=$SC)"
  cluster_was_down=0
  pg_ctlcluster 15 main status >/dev/null 2>&1 || { cluster_was_down=1; pg_ctlcluster 15 main start 2>/dev/null || true; }
  WORKLOAD=search N_PAGES="$ARTICLES" SC="$SC" NS="$PEER_NS" RUNS=1 OUT="$OUT/peer" bash "$PEER_SH" >"$OUT/peer.log" 2>&1 \
    || { echo "the Redmine peer run failed (see $OUT/peer.log):" >&2; tail -5 "$OUT/peer.log" >&2; }
  [ "$cluster_was_down" = 1 ] && pg_ctlcluster 15 main stop 2>/dev/null || true
fi

echo; echo "== Knowledge-base search through the Gateway ($(nproc) cores, c=$SC, $NS requests per query, $ARTICLES articles loaded in ${LOAD_S} s; services ${SERVICE_ENVIRONMENT:-Production}, traces sampled at ${TRACE_SAMPLE_RATIO:-0.1}, ${WARMUP_S} s warm-up)"
column -t -s $'\t' "$SUMMARY"
awk -F'\t' 'NR > 1 && $4 != "-" { n++; rps += $4; if ($6 > p95) p95 = $6 } END { if (n) printf "\nall queries: mean %.0f searches/s, worst p95 %.1f ms\n", rps / n, p95 }' "$SUMMARY"
if [ -s "$OUT/peer/summary.tsv" ]; then
  echo; echo "== Side by side, this run (c=$SC; ours $NS requests per query, Redmine $PEER_NS)"
  # The peer names its rows search:<query with _ for spaces>.
  awk -F'\t' 'NR == FNR { if (FNR > 1 && $1 ~ /^search:/) { q = substr($1, 8); gsub(/_/, " ", q); rps[q] = $5; p95[q] = $8 } next }
    FNR == 1 { print "query\tMarketingDev req/s\tp95 ms\tRedmine req/s\tp95 ms\tthroughput ratio"; next }
    { r = ($1 in rps && rps[$1] > 0) ? sprintf("%.0fx", $4 / rps[$1]) : "-"
      print $1 "\t" $4 "\t" $6 "\t" (($1 in rps) ? rps[$1] : "-") "\t" (($1 in p95) ? p95[$1] : "-") "\t" r }' \
    "$OUT/peer/summary.tsv" "$SUMMARY" | column -t -s $'\t'
fi
echo; echo "== EXPLAIN ANALYZE (q = \"${QUERIES[0]}\")"; cat "$OUT/explain.txt"
grep -q "ix_articles_search_vector" "$OUT/explain.txt" && echo "→ the GIN index ix_articles_search_vector is used" || echo "→ WARNING: the GIN index is not in the plan"
log "raw output in $OUT"
