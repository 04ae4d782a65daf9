#!/usr/bin/env bash
# Runs the whole system in one process: embedded PostgreSQL (data in FOI_DATA_DIR, default ./data), an embedded Kafka
# broker, the command side, the query side and the web UI, on http://localhost:${PORT:-8080}. Ctrl-C stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")"

JAR=infra/runtime/all-in-one/target/foi-all-in-one-exec.jar
if [ ! -f "$JAR" ] || [ -n "$(find shared-events command-side query-side infra pom.xml -newer "$JAR" \
      \( -name '*.java' -o -name '*.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.csv' \
         -o -name '*.vue' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name 'package*.json' \) \
      -not -path '*/target/*' -not -path '*/node_modules/*' -not -path '*/dist/*' -print -quit)" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "网页界面需要 Node.js（20.19 或更高）和 npm，请先安装（Debian: sudo apt-get install nodejs npm）。" >&2
    echo "The web UI is built with Node.js (>= 20.19) and npm: install them first (Debian: sudo apt-get install nodejs npm)." >&2
    exit 1
  fi
  echo "Building the all-in-one (first start, or sources changed)..."
  mvn -B -q -DskipTests install -pl infra/runtime/all-in-one -am
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
export FOI_DATA_DIR="${FOI_DATA_DIR:-./data}"
# On a small office server (2 cores) the C2 compiler alone takes a quarter of the CPU for many minutes after a start;
# the C1 compiler and the serial collector give more commands per second there (measured with ./bench.sh, see ADR 4).
# -XX:+ExitOnOutOfMemoryError: after an OutOfMemoryError the JVM is in no state to trust (a thread that died may be the
# one accepting connections); it exits with 3 and a service manager starts it again (infra/runtime/systemd).
JAVA_OPTS_DEFAULT="-Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# exec: Ctrl-C and SIGTERM reach the JVM, whose shutdown hook stops the application (the requests in flight finished),
# then Kafka, then PostgreSQL, and which then exits with 0. A fatal error (OutOfMemoryError, a Kafka fault it cannot
# survive, PostgreSQL gone) ends it with a non-zero status.
exec java ${FOI_JAVA_OPTS:-$JAVA_OPTS_DEFAULT} -jar "$JAR" "$@"
