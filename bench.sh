#!/usr/bin/env bash
# The command benchmark: starts the all-in-one on a fresh data directory, registers and decides N requests through the
# REST API with K concurrent clients, and prints the figures next to PostgreSQL's raw single-row append rate.
set -euo pipefail
cd "$(dirname "$0")"
N="${N:-2000}"
K="${K:-16}"

ALL_IN_ONE=infra/all-in-one/target/foi-all-in-one-exec.jar
BENCH=infra/benchmark/target/foi-benchmark-exec.jar
if [ ! -f "$ALL_IN_ONE" ] || [ ! -f "$BENCH" ]; then
  mvn -B -q -DskipTests install -pl infra/all-in-one,infra/benchmark -am
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
DB_PORT="$(free_port)"
DATA="$(mktemp -d)"
LOG="$DATA/all-in-one.log"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
FOI_DATA_DIR="$DATA" PORT="$PORT" FOI_DB_PORT="$DB_PORT" FOI_ADMIN_PASSWORD=bench-admin-1 \
  java ${FOI_JAVA_OPTS:--Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
  -jar "$ALL_IN_ONE" >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

# The client shares the machine: the light JIT keeps it from taking CPU away from the system it measures.
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$BENCH" --url="http://localhost:$PORT" --admin=admin --password=bench-admin-1 --n="$N" --k="$K" \
  --pid="$PID" --jdbc="jdbc:postgresql://localhost:$DB_PORT/foi_command"
