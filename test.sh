#!/usr/bin/env bash
# The test command: checks that this machine has what the tests need (Java 17, Maven, Node.js >= 20.19 with npm,
# Debian's chromium and nginx), installs what is missing when it runs as root (apt-get), or says what to install, then
# runs every test: `mvn -B verify`, with any arguments given (e.g. ./test.sh -pl infra/runtime/embedded -am).
# ./test.sh --check only checks and installs.
set -euo pipefail
cd "$(dirname "$0")"

missing=()        # Debian packages to install
problems=()       # what cannot be fixed by installing a package here

java_ok() { command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -q 'version "17'; }
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  # Vite 8 (the web UI's build) needs Node.js 20.19 or later.
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

java_ok || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# Chinese glyphs for the browser tests' screenshots (without them every label is a row of boxes): installed when we can,
# otherwise only mentioned, since the tests themselves pass without them.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then missing+=(fonts-wqy-microhei); else
    echo "提示：安装 fonts-wqy-microhei 后截图中的中文才能显示 / note: install fonts-wqy-microhei for readable screenshots" >&2
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "安装测试所需的软件包 / Installing what the tests need: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "测试需要以下软件包，请先安装（Debian/Ubuntu）：" >&2
    echo "The tests need these packages; install them first (Debian/Ubuntu):" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

java_ok || problems+=("需要 Java 17（java -version 显示的不是 17；可设置 JAVA_HOME 和 PATH）/ Java 17 is needed: \`java -version\` shows another version (set JAVA_HOME and PATH)")
if ! node_ok; then
  problems+=("需要 Node.js 20.19 或更高版本及 npm（当前：$(node --version 2>/dev/null || echo 无 none)）/ Node.js >= 20.19 with npm is needed (found: $(node --version 2>/dev/null || echo none)); see https://nodejs.org or NodeSource's Debian packages")
fi
if [ ${#problems[@]} -gt 0 ]; then
  printf '%s\n' "${problems[@]}" >&2
  exit 1
fi

if [ "${1:-}" = --check ]; then
  exit 0
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# Every test starts its own PostgreSQL (real binaries), Kafka brokers, nginx and headless Chromium, and stops them.
exec mvn -B verify "$@"
