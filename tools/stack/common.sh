# Shared by tools/stack/*.sh and tools/test/run-all.sh (sourced, not run).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES=(catalog dossiers feedback digitization reporting)
declare -A SERVICE_PORT=([catalog]=3101 [dossiers]=3102 [feedback]=3103 [digitization]=3104 [reporting]=3105)
stack_dir="$root/.data/stack"

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
