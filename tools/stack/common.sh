# Shared by tools/stack/*.sh and tools/test/run-all.sh (sourced, not run).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES=(catalog dossiers feedback digitization reporting)
declare -A SERVICE_PORT=([catalog]=3101 [dossiers]=3102 [feedback]=3103 [digitization]=3104 [reporting]=3105)
# Management ports: /metrics only (Prometheus scrapes these; the public ports above do not serve it).
declare -A METRICS_PORT=([catalog]=9101 [dossiers]=9102 [feedback]=9103 [digitization]=9104 [reporting]=9105)
stack_dir="${MOTCUA_STACK_DIR:-$root/.data/stack}"
# MOTCUA_STACK_DIR and MOTCUA_STACK_PORT_OFFSET put a stack's state and ports aside, so a second
# one can run beside the standard one (the test of start-service.sh does).
for _service in "${SERVICES[@]}"; do
  SERVICE_PORT[$_service]=$((SERVICE_PORT[$_service] + ${MOTCUA_STACK_PORT_OFFSET:-0}))
  METRICS_PORT[$_service]=$((METRICS_PORT[$_service] + ${MOTCUA_STACK_PORT_OFFSET:-0}))
done
unset _service

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf 'motcua: %s\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "node not found — install Node.js 20.19+ (or 22)"
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js $(node -v) is too old — install Node.js 20.19+ (or 22)"
}

# Installs dependencies when node_modules is missing or older than the lockfile.
ensure_dependencies() {
  require_node
  if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    say "installing dependencies (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

generate_prisma_clients() {
  say "generating Prisma clients"
  for service in "${SERVICES[@]}"; do bash "$root/tools/prisma/prisma.sh" "$service" generate >/dev/null; done
}

build_services() {
  say "building the services"
  for service in "${SERVICES[@]}"; do node "$root/tools/build/build-service.mjs" "$service" >/dev/null; done
}

run_ts() { node -r "$root/tools/register-ts.js" "$@"; }

# Starts one built service of the stack in the background (needs $stack_dir/stack.env sourced),
# unless it already runs; used by up.sh and by tools/stack/start-service.sh (the drills' restarts).
start_service() {
  local service=$1 pidfile="$stack_dir/$1.pid" db_var="DATABASE_URL_${1^^}"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "$service already running (pid $(cat "$pidfile"))"; return 0
  fi
  mkdir -p "$stack_dir/logs"
  [ -f "$STACK_KAFKA_CREDENTIALS/$service.env" ] || die "no Kafka credentials for $service in $STACK_KAFKA_CREDENTIALS"
  (
    # The service's own Kafka identity (KAFKA_SASL_MECHANISM / _USERNAME / _PASSWORD), exported to it only.
    set -a
    # shellcheck disable=SC1090
    source "$STACK_KAFKA_CREDENTIALS/$service.env"
    set +a
    PORT=${SERVICE_PORT[$service]} METRICS_PORT=${METRICS_PORT[$service]} DATABASE_URL=${!db_var} REDIS_URL=$STACK_REDIS_URL KAFKA_BROKERS=$STACK_KAFKA_BROKERS \
    AUTH_JWKS_URL=$STACK_JWKS_URL AUTH_ISSUER=$STACK_AUTH_ISSUER AUTH_AUDIENCE=$STACK_AUTH_AUDIENCE \
    APPLICANT_KEY_SECRET=$([ "$service" = dossiers ] && echo "$STACK_APPLICANT_KEY_SECRET") \
    SIGNATURE_TRUST_ANCHORS_FILE=$([ "$service" = digitization ] && echo "$STACK_SIGNATURE_TRUST_ANCHORS_FILE") \
    PUBLIC_BASE_URL="http://127.0.0.1:${SERVICE_PORT[$service]}" \
    NODE_OPTIONS="--max-semi-space-size=4" \
      setsid nohup node --enable-source-maps "$root/dist/apps/$service/main.js" >> "$stack_dir/logs/$service.log" 2>&1 &
    echo $! > "$pidfile"
  )
}

# The dashboard's page test drives Debian's Chromium (no test tool may download a browser).
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's prometheus (promtool) for the alerting-rule tests"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  fi
  command -v promtool >/dev/null || die "promtool not found — install Debian's package: apt-get install prometheus"
}

ensure_chromium() {
  command -v chromium >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the page tests"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  command -v chromium >/dev/null || die "chromium not found — install Debian's package: apt-get install chromium"
}
