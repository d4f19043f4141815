# Shell functions shared by run.sh, stop.sh, test.sh and demo.sh. Sourced, never run.
#
# Everything here works on a fresh Debian machine without Docker: PostgreSQL is used where it answers,
# started where it is installed, installed where it is missing; the Kafka broker runs from Maven
# Central jars kept in a cache.

DP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DP_LOCAL="$DP_ROOT/deploy/local"
DP_CACHE="${DESKPULSE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/deskpulse}"
DP_KAFKA_VERSION=4.3.1
DP_KAFKA_LIBS="$DP_CACHE/kafka-$DP_KAFKA_VERSION/libs"
DP_NODE_TOOLS="$DP_CACHE/node"
DP_REDOCLY_VERSION=2.77.0
DP_PLAYWRIGHT_VERSION=1.65.2

dp_log() { printf '[deskpulse] %s\n' "$*" >&2; }
dp_die() { printf '[deskpulse] error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
dp_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    dp_die "need root (or sudo) to run: $*"; fi
}

dp_tcp_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

dp_wait_tcp() { # host port seconds what
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    dp_tcp_open "$1" "$2" && return 0
    sleep 0.1
  done
  dp_die "$4 did not open $1:$2 within $3 s"
}

# The JVM options of the local services: run.sh's, and those of the tools that start a service as run.sh does
# (outage.sh, scoring-cost.sh), so that what they measure is what the stack runs. Serial GC and small heaps: see
# run.sh.
dp_service_java_opts() {
  local opts="-XX:+UseSerialGC -Xms32m -Xmx160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError"
  # A socket read into a heap buffer goes through a temporary direct buffer of the read's size, which the JDK keeps
  # per thread whatever its size: scoring's Kafka fetches left about 13 MB of them. Larger ones are freed after use.
  opts="$opts -Djdk.nio.maxCachedBufferSize=262144"
  # glibc keeps what the JIT and the I/O buffers free: after a long backlog, scoring held about 35 MB of it (a
  # manual trim gave it back). The JVM can trim periodically since 17.0.9; older JVMs do without.
  local trim="-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000"
  if java $trim -version >/dev/null 2>&1; then
    opts="$opts $trim"
  fi
  echo "$opts"
}

dp_ensure_java() {
  if command -v java >/dev/null; then
    local major
    major=$(java -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1)
    [ "${major:-0}" -ge 17 ] && return 0
  fi
  dp_log "installing a JDK 17 (Debian package openjdk-17-jdk-headless)"
  dp_as_root apt-get update -qq
  dp_as_root apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
}

# --- PostgreSQL -------------------------------------------------------------------------------

DP_PG_HOST="${DESKPULSE_PG_HOST:-127.0.0.1}"
DP_PG_PORT="${DESKPULSE_PG_PORT:-5432}"

dp_pg_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$DP_PG_HOST" -p "$DP_PG_PORT" -t 2
  else
    dp_tcp_open "$DP_PG_HOST" "$DP_PG_PORT"
  fi
}

# Makes sure a PostgreSQL server answers on DP_PG_HOST:DP_PG_PORT. Prints "started" when this call
# started (or installed) the server, so the caller can stop exactly what it started.
dp_pg_ensure_running() {
  if dp_pg_answers; then return 0; fi
  if [ "$DP_PG_HOST" != 127.0.0.1 ] && [ "$DP_PG_HOST" != localhost ]; then
    dp_die "PostgreSQL at $DP_PG_HOST:$DP_PG_PORT does not answer"
  fi
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    dp_log "PostgreSQL is not installed: installing the Debian package (needs root)"
    dp_as_root apt-get update -qq
    dp_as_root apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n1)
  dp_log "starting PostgreSQL $version"
  dp_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || dp_as_root pg_ctlcluster "$version" main start
  local i
  for ((i = 0; i < 100; i++)); do dp_pg_answers && { echo started; return 0; }; sleep 0.2; done
  dp_die "PostgreSQL $version did not start (see /var/log/postgresql)"
}

dp_pg_ctl_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n1; }

# psql as a superuser, whatever the server's authentication: trust over TCP first (the default on
# these machines), then the postgres OS user over the socket (a fresh Debian install).
dp_pg_admin() { # sql...
  if psql -h "$DP_PG_HOST" -p "$DP_PG_PORT" -U postgres -d postgres -w -Atq -v ON_ERROR_STOP=1 -c 'select 1' >/dev/null 2>&1; then
    psql -h "$DP_PG_HOST" -p "$DP_PG_PORT" -U postgres -d postgres -w -Atq -v ON_ERROR_STOP=1 "$@"
  elif [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -p "$DP_PG_PORT" -d postgres -Atq -v ON_ERROR_STOP=1 "$@")
  elif command -v sudo >/dev/null; then
    (cd / && sudo -u postgres psql -p "$DP_PG_PORT" -d postgres -Atq -v ON_ERROR_STOP=1 "$@")
  else
    dp_die "cannot connect to PostgreSQL as a superuser to create the deskpulse role"
  fi
}

# Creates (or updates) a login role with a password and CREATEDB, so it works under trust, md5 and
# scram authentication alike; the tests create their own databases with it.
dp_pg_ensure_role() { # role password
  dp_pg_admin -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$1') THEN
        CREATE ROLE $1 LOGIN CREATEDB PASSWORD '$2';
      ELSE
        ALTER ROLE $1 LOGIN CREATEDB PASSWORD '$2';
      END IF;
    END \$\$;" >/dev/null
}

dp_pg_ensure_database() { # database owner
  if [ -z "$(dp_pg_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]; then
    dp_pg_admin -c "CREATE DATABASE $1 OWNER $2" >/dev/null
  fi
}

# --- A private PostgreSQL cluster ---------------------------------------------------------------
# The fault suite (deploy/local/faults.sh) crashes and restarts its database, so it runs a cluster of its own: a
# data directory it creates, a port of its own, never the machine's server. PostgreSQL refuses to run as root: as
# root, the cluster belongs to and runs as the postgres OS user.

# The directory of initdb and pg_ctl (the newest installed version), installing the server package if none is.
dp_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(command -v initdb)"); fi
  if [ -z "$dir" ]; then
    dp_log "PostgreSQL is not installed: installing the Debian package (needs root)"
    dp_as_root apt-get update -qq
    dp_as_root apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  [ -x "$dir/initdb" ] || dp_die "no initdb in $dir"
  echo "$dir"
}

# Runs a command as the owner of private clusters: postgres when we are root, else ourselves.
dp_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Creates a cluster in <dir>/data that listens on 127.0.0.1:<port> only (trust authentication, superuser
# postgres), its socket and log in <dir>. <dir>'s parents must be searchable by the postgres user.
dp_pg_private_init() { # dir port
  local bin
  bin=$(dp_pg_bindir)
  mkdir -p "$1"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$1"; fi
  dp_pg_as_owner "$bin/initdb" -D "$1/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$1/initdb.log" 2>&1 || { cat "$1/initdb.log" >&2; dp_die "initdb failed in $1"; }
  cat >>"$1/data/postgresql.conf" <<EOF
port = $2
listen_addresses = '127.0.0.1'
unix_socket_directories = '$1'
max_connections = 60
shared_buffers = 64MB
EOF
}

dp_pg_private_start() { # dir
  dp_pg_as_owner "$(dp_pg_bindir)/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 120 start >/dev/null \
    || { tail -n 20 "$1/postgres.log" >&2; dp_die "the private PostgreSQL in $1 did not start"; }
}

# Stops the cluster: mode fast (a clean shutdown) or immediate (every process quits at once, as in a crash: the
# next start runs crash recovery).
dp_pg_private_stop() { # dir mode
  dp_pg_as_owner "$(dp_pg_bindir)/pg_ctl" -D "$1/data" -m "${2:-fast}" -w -t 120 stop >/dev/null
}

# --- Kafka ------------------------------------------------------------------------------------

dp_kafka_ensure_jars() {
  if [ -f "$DP_KAFKA_LIBS/.complete" ]; then return 0; fi
  dp_log "fetching the Kafka $DP_KAFKA_VERSION broker jars from Maven Central into $DP_KAFKA_LIBS"
  rm -rf "$DP_KAFKA_LIBS"
  mkdir -p "$DP_KAFKA_LIBS"
  "$DP_ROOT/mvnw" -q -B -f "$DP_LOCAL/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$DP_KAFKA_LIBS" -DincludeScope=runtime \
    || dp_die "could not fetch the Kafka broker jars"
  touch "$DP_KAFKA_LIBS/.complete"
}

# --- the benchmark harness (benchmark.sh, and demo.sh's traffic) ----------------------------------

# True when the file is missing or older than any of the sources (files or directories) after it.
dp_stale() { # file source...
  local file=$1
  shift
  [ ! -f "$file" ] || [ -n "$(find "$@" -newer "$file" -print -quit 2>/dev/null)" ]
}

# True when a service's packaged jar is missing or older than its sources or the modules it is built with.
dp_service_stale() { # service
  dp_stale "$DP_ROOT/$1/target/quarkus-app/quarkus-run.jar" "$DP_ROOT/$1/src/main" "$DP_ROOT/$1/pom.xml" \
    "$DP_ROOT/contract" "$DP_ROOT/platform/src/main" "$DP_ROOT/storage-contract/src/main"
}

# Sets DP_BENCHMARK_JAR to benchmark/target/deskpulse-benchmark.jar (its dependencies in lib/ beside it), building
# the module first when the jar is missing or older than its sources.
dp_benchmark_jar() {
  DP_BENCHMARK_JAR="$DP_ROOT/benchmark/target/deskpulse-benchmark.jar"
  local logs="$DP_LOCAL/.run/logs"
  if [ ! -d "$DP_ROOT/benchmark/target/lib" ] \
    || dp_stale "$DP_BENCHMARK_JAR" "$DP_ROOT/benchmark/src/main" "$DP_ROOT/benchmark/pom.xml"; then
    dp_log "building the benchmark harness (./mvnw -pl benchmark -am package)"
    mkdir -p "$logs"
    (cd "$DP_ROOT" && ./mvnw -B -q -pl benchmark -am package -DskipTests) >"$logs/benchmark-build.log" 2>&1 \
      || dp_die "the build failed, see $logs/benchmark-build.log"
  fi
}

# --- the key that encrypts stored secrets ----------------------------------------------------------

# Exports DESKPULSE_SECRETS_ENCRYPTION_KEY for every service started from this shell: the value already in the
# environment, else the key in $DP_CACHE/secrets-encryption-key, generated there (32 random bytes, base64, mode 600)
# the first time. Kept in the cache beside the machine's PostgreSQL data it protects, not in deploy/local/.run,
# which scripts clear: with the key lost, the stored webhook secrets could no longer be decrypted.
dp_secrets_key() {
  if [ -n "${DESKPULSE_SECRETS_ENCRYPTION_KEY:-}" ]; then
    export DESKPULSE_SECRETS_ENCRYPTION_KEY
    return 0
  fi
  local file="$DP_CACHE/secrets-encryption-key"
  if [ ! -s "$file" ]; then
    mkdir -p "$DP_CACHE"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file.tmp" && mv "$file.tmp" "$file")
    dp_log "generated the key that encrypts stored secrets: $file (keep it with the database)"
  fi
  DESKPULSE_SECRETS_ENCRYPTION_KEY="$(cat "$file")"
  export DESKPULSE_SECRETS_ENCRYPTION_KEY
}

# --- npm tools of the tests ------------------------------------------------------------------------

# Installs the npm packages the tests run into the cache, with npm (and Node.js 20+, from Debian if it is missing): the
# Redocly CLI that lints the OpenAPI documents, and playwright-core, which drives Debian's chromium in the dashboard's
# browser tests (playwright-core downloads no browser). The tests find them through DESKPULSE_NODE_TOOLS.
dp_node_ensure_tools() {
  local redocly playwright
  # a missing package.json is "not installed" (sed fails on it; under set -e that would end the caller silently)
  redocly=$(sed -nE 's/^  "version": "([^"]+)".*/\1/p' "$DP_NODE_TOOLS/node_modules/@redocly/cli/package.json" 2>/dev/null || true)
  playwright=$(sed -nE 's/^  "version": "([^"]+)".*/\1/p' "$DP_NODE_TOOLS/node_modules/playwright-core/package.json" 2>/dev/null || true)
  if [ "$redocly" = "$DP_REDOCLY_VERSION" ] && [ "$playwright" = "$DP_PLAYWRIGHT_VERSION" ]; then return 0; fi
  if ! command -v npm >/dev/null; then
    dp_log "installing Node.js and npm (Debian packages nodejs, npm)"
    dp_as_root apt-get update -qq
    dp_as_root apt-get install -y -qq nodejs npm >/dev/null
  fi
  local major
  major=$(node --version 2>/dev/null | sed -nE 's/^v([0-9]+).*/\1/p')
  [ "${major:-0}" -ge 20 ] || dp_die "Node.js 20 or later is needed for @redocly/cli (found $(node --version 2>&1))"
  dp_log "installing @redocly/cli $DP_REDOCLY_VERSION and playwright-core $DP_PLAYWRIGHT_VERSION into $DP_NODE_TOOLS (npm)"
  mkdir -p "$DP_NODE_TOOLS"
  npm install --prefix "$DP_NODE_TOOLS" --no-audit --no-fund --save-exact "@redocly/cli@$DP_REDOCLY_VERSION" \
    "playwright-core@$DP_PLAYWRIGHT_VERSION" >/dev/null \
    || dp_die "could not install @redocly/cli and playwright-core from the npm registry"
}

# The browser of the dashboard's tests (e2e-tests' DashboardBrowserTest): Debian's chromium, driven by Playwright
# (playwright-core, installed by dp_node_ensure_tools) through executablePath /usr/bin/chromium. Playwright's own
# browser download is never used: only the registries' packages are.
dp_browser_ensure() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  dp_log "installing the browser of the dashboard tests (Debian package chromium)"
  dp_as_root apt-get update -qq
  dp_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || dp_die "could not install the Debian package chromium"
}

# Starts a single-node KRaft broker (combined broker and controller) in the background and waits
# until it accepts connections. Writes its pid to <dir>/kafka.pid.
dp_kafka_start() { # dir port controller_port log_file
  local dir=$1 port=$2 cport=$3 log=$4
  dp_tcp_open 127.0.0.1 "$port" && dp_die "port $port is taken: another Kafka broker runs there"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    java -cp "$DP_KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)" \
      -c "$dir/server.properties" --standalone >>"$log" 2>&1 || dp_die "could not format Kafka storage (see $log)"
  fi
  nohup java -Xms128m -Xmx512m -XX:+UseG1GC -Dlog4j2.level=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$DP_KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties" >>"$log" 2>&1 &
  echo $! >"$dir/kafka.pid"
  dp_wait_tcp 127.0.0.1 "$port" 60 "the Kafka broker"
}

dp_kafka_stop() { # dir
  dp_stop_pid_file "$1/kafka.pid" "Kafka broker"
}

# Stops the process in a pid file: TERM, then KILL if it has not gone after 30 s.
dp_stop_pid_file() { # file what
  [ -f "$1" ] || return 0
  local pid i
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { dp_log "$2 ($pid) ignored TERM: killing it"; kill -9 "$pid" 2>/dev/null || true; }
  fi
  rm -f "$1"
}

# True when GET http://127.0.0.1:<port><path> answers 200 (curl where installed, else bash's /dev/tcp).
dp_http_ok() { # port path
  if command -v curl >/dev/null; then
    curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$1$2" 2>/dev/null
    return
  fi
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 \
    && head -n1 <&3) 2>/dev/null) || return 1
  [[ "$status" == *" 200 "* ]]
}

# Waits until a service's readiness endpoint answers 200; fails with the end of its log if it dies.
dp_wait_ready() { # name port pid_file log_file
  local i
  for ((i = 0; i < 1200; i++)); do
    if ! kill -0 "$(cat "$3")" 2>/dev/null; then
      tail -n 30 "$4" >&2
      dp_die "$1 exited during startup (log: $4)"
    fi
    if dp_http_ok "$2" /q/health/ready; then
      dp_log "$1 is ready"
      return 0
    fi
    sleep 0.1
  done
  dp_die "$1 was not ready within 120 s (log: $4)"
}
