#!/usr/bin/env bash
# The benchmarks, each on a fresh all-in-one and data directory:
#   ./bench.sh [commands]  registers and decides N requests through the REST API with K concurrent clients, next to
#                          PostgreSQL's raw single-row append rate (N=2000, K=16)
#   ./bench.sh calendar    a regional holiday touching N open requests: until every due date is recomputed and
#                          projected (N=100000, AGENCIES=100)
#   ./bench.sh ledger      imports a generated ledger of N rows (N=15000; PROJECTIONS=false stops at the import)
#   ./bench.sh report      N requests over AGENCIES agencies: projection replay, one report, the roll-up, next to a
#                          CRUD GROUP BY (N=100000, AGENCIES=500)
#   ./bench.sh lists       one agency's N requests: the sorted, filtered and searched list's first page and the 工作台
#                          of its clerk and supervisor next to the unsorted, unfiltered list, medians over HTTP (N=100000)
#   ./bench.sh pages       the first render in Chromium (infra/testing/benchmark/pages/first-render.mjs, the web UI's
#                          playwright-core) of the 工作台 and of the list sorted by 剩余工作日 and filtered (overdue,
#                          dueWithin=3), as the clerk of an agency with N requests and as its city's supervisor, next to
#                          a BASELINE agency of 100 in the same run: from navigation start until the rows and counts are
#                          shown, R loads each (the first with a cold browser cache), median and p95 (N=100000, R=5)
#   ./bench.sh gaps        against the all-in-one on ./run.sh's heap: an N-row ledger refused for its last row, checked
#                          twice, imported, then a second agency's: peak heap and RSS, process up, indexes drawn
#                          without an event (N=15000)
#   ./bench.sh isolation   another office's clerk registers and reads during an N-row import, next to no import
#                          (N=15000)
#   ./bench.sh notices     one agency with N requests on file: a clerk issues M notices of each kind through the REST
#                          API; median and p95 ms per notice next to a plain step (N=10000, M=100)
#   ./bench.sh attachments against the all-in-one on ./run.sh's heap: K clients upload a file each at once for ROUNDS
#                          rounds, 1 MB files then 10 MB files: heap before/peak/after and uploads/s (K=20, ROUNDS=3)
#   ./bench.sh failover    the redundant topology of ADR 0033 as separate processes (three KRaft brokers, two command
#                          sides, two query sides, one PostgreSQL), in four phases: TK clients register and decide
#                          against one command side, then against both, TPUT_SECONDS each (commands per second side by
#                          side); K clients send a steady stream (register, correct, decide, PACE_MS between requests)
#                          while one reader reads both query sides, and the command side holding the Kafka publisher's
#                          claim, the partition leader and a query side are SIGKILLed in turn, PHASE_SECONDS apart, and
#                          restarted: publisher and query-side failover times, time to caughtUp after each kill, client
#                          errors by kind, `lost N` and `doubled N` in the event store and in each query side; last, a
#                          LEDGER-row import through command side 1 while another office registers through 2, then
#                          the same import cut by a SIGKILL of command side 1 and sent again through 2. Exits 1 if
#                          anything was lost or doubled or a client saw an error that is not retriable
#                          (K=8, TK=16, TPUT_SECONDS=30, PHASE_SECONDS=45, PACE_MS=50, LEDGER=5000; 27 minutes with
#                          PHASE_SECONDS=30 LEDGER=3000 on 2 busy shared cores, most of it waiting for caughtUp)
# ALL_IN_ONE=path/to/foi-all-in-one-exec.jar runs gaps, isolation, attachments and commands against another build (a baseline).
set -euo pipefail
cd "$(dirname "$0")"
MODE="${1:-commands}"

ALL_IN_ONE="${ALL_IN_ONE:-infra/runtime/all-in-one/target/foi-all-in-one-exec.jar}"
BENCH=infra/testing/benchmark/target/foi-benchmark-exec.jar
if [ ! -f "$ALL_IN_ONE" ] || [ ! -f "$BENCH" ]; then
  mvn -B -q -DskipTests install -pl infra/runtime/all-in-one,infra/testing/benchmark -am
fi
export AXONIQ_UPDATE_CHECKER_DISABLED=true
if [ "$MODE" = failover ]; then
  for jar in command-side/target/foi-command-side-exec.jar query-side/target/foi-query-side-exec.jar \
      infra/runtime/kafka-broker/target/foi-kafka-broker-exec.jar; do
    [ -f "$jar" ] || mvn -B -q -DskipTests install -pl command-side,query-side,infra/runtime/kafka-broker -am
  done
  # The services' output goes to a directory of this run, kept when it fails.
  LOGS="$(mktemp -d)/logs"
  echo "the services' logs: $LOGS"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dfoi.process.logs="$LOGS" \
    -Dloader.main=cn.foi.benchmark.FailoverBenchmark -cp "$BENCH" org.springframework.boot.loader.launch.PropertiesLauncher \
    --k="${K:-8}" --tk="${TK:-16}" --tput-seconds="${TPUT_SECONDS:-30}" --phase-seconds="${PHASE_SECONDS:-45}" \
    --pace-ms="${PACE_MS:-50}" --ledger="${LEDGER:-5000}"
  exit
fi

# The in-process benchmarks run the all-in-one in the benchmark's own JVM (one process to measure).
in_process() {
  local main="$1"; shift
  java ${FOI_JAVA_OPTS:--Xmx1g -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError} "$@" \
    -Dloader.main="$main" -cp "$BENCH" org.springframework.boot.loader.launch.PropertiesLauncher
}
case "$MODE" in
  calendar)
    in_process cn.foi.benchmark.CalendarChangeBenchmark -Dn="${N:-100000}" -Dagencies="${AGENCIES:-100}"
    exit ;;
  report)
    in_process cn.foi.benchmark.ReportBenchmark -Dn="${N:-100000}" -Dagencies="${AGENCIES:-500}"
    exit ;;
  lists)
    in_process cn.foi.benchmark.ListBenchmark -Dn="${N:-100000}"
    exit ;;
  pages)
    in_process cn.foi.benchmark.PageBenchmark -Dn="${N:-100000}" -Druns="${R:-5}" -Dbaseline="${BASELINE:-100}" \
      -Dscript=infra/testing/benchmark/pages/first-render.mjs
    exit ;;
  ledger)
    # The heap of the goal: a 100,000-row ledger is streamed, never held whole.
    FOI_JAVA_OPTS="${FOI_JAVA_OPTS:--Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}" \
      in_process cn.foi.benchmark.LedgerBenchmark -Dn="${N:-15000}" -Dprojections="${PROJECTIONS:-true}"
    exit ;;
  notices)
    in_process cn.foi.benchmark.NoticeBenchmark -Dn="${N:-10000}" -Dm="${M:-100}"
    exit ;;
  commands|gaps|isolation|attachments) ;;
  *) echo "usage: $0 [commands|calendar|report|lists|pages|ledger|notices|gaps|isolation|attachments|failover]" >&2; exit 2 ;;
esac

if [ "$MODE" = commands ]; then N="${N:-2000}"; else N="${N:-15000}"; fi
if [ "$MODE" = attachments ]; then K="${K:-20}"; else K="${K:-16}"; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
DB_PORT="$(free_port)"
DATA="$(mktemp -d)"
LOG="$DATA/all-in-one.log"

# ./run.sh's JVM options: the heap an office's server has.
FOI_DATA_DIR="$DATA" PORT="$PORT" FOI_DB_PORT="$DB_PORT" FOI_ADMIN_PASSWORD=bench-admin-1 \
  java ${FOI_JAVA_OPTS:--Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError} \
  -jar "$ALL_IN_ONE" >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

if [ "$MODE" = attachments ]; then
  # The client holds K files of 10 MB at once: a heap of its own for them.
  java -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dloader.main=cn.foi.benchmark.AttachmentBenchmark -cp "$BENCH" \
    org.springframework.boot.loader.launch.PropertiesLauncher --url="http://localhost:$PORT" \
    --admin=admin --password=bench-admin-1 --k="$K" --rounds="${ROUNDS:-3}" --pid="$PID"
  echo "log of the all-in-one: last lines"; grep -E "OutOfMemory|ERROR" "$LOG" | tail -5 || true
  exit
fi
if [ "$MODE" != commands ]; then
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dloader.main=cn.foi.benchmark.ImportBenchmark -cp "$BENCH" \
    org.springframework.boot.loader.launch.PropertiesLauncher --scenario="$MODE" --url="http://localhost:$PORT" \
    --admin=admin --password=bench-admin-1 --n="$N" --pid="$PID" --jdbc="jdbc:postgresql://localhost:$DB_PORT/foi_command"
  echo "log of the all-in-one: last lines"; grep -E "OutOfMemory|ERROR" "$LOG" | tail -5 || true
  exit
fi
# The client shares the machine: the light JIT keeps it from taking CPU away from the system it measures.
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$BENCH" --url="http://localhost:$PORT" --admin=admin --password=bench-admin-1 --n="$N" --k="$K" \
  --pid="$PID" --jdbc="jdbc:postgresql://localhost:$DB_PORT/foi_command"
