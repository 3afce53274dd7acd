#!/usr/bin/env bash
# Runs the Prisma CLI for one service without engine downloads.
#   tools/prisma/prisma.sh <service> generate|deploy|new-migration <name>|status
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
service=${1:?usage: prisma.sh <service> generate|deploy|new-migration <name>|status}
action=${2:?usage: prisma.sh <service> generate|deploy|new-migration <name>|status}
app="$root/apps/$service"
[ -f "$app/prisma/schema.prisma" ] || { echo "prisma.sh: no schema for service '$service'" >&2; exit 2; }
# The CLI insists on a schema-engine path before it looks at prisma.config.ts; the
# JS engine configured there is what actually runs.
export PRISMA_SCHEMA_ENGINE_BINARY=${PRISMA_SCHEMA_ENGINE_BINARY:-/nonexistent-prisma-uses-js-engine}
export PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_DISABLE_WARNINGS=1
# generate only parses the schema; it needs a syntactically valid URL, not a server.
# (diff also needs a reachable server: the JS engine connects even to compare two files.)
export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
prisma="$root/node_modules/.bin/prisma"
config=(--config "$app/prisma.config.ts")
case "$action" in
  generate) "$prisma" generate "${config[@]}" | grep -v '^$' | grep -v 'Loaded Prisma config' || true ;;
  deploy) "$prisma" migrate deploy "${config[@]}" ;;
  status) "$prisma" migrate status "${config[@]}" ;;
  new-migration)
    # With the JS schema engine, Prisma can diff two schema files but not a live
    # database; the "before" schema is the one last committed (it matches the
    # committed migrations), or a file given as the 4th argument.
    name=${3:?usage: prisma.sh <service> new-migration <name> [previous-schema-file]}
    before=${4:-}
    if [ -z "$before" ]; then
      before=$(mktemp --suffix=.prisma)
      trap 'rm -f "$before"' EXIT
      git -C "$root" show "HEAD:apps/$service/prisma/schema.prisma" > "$before"
    fi
    sql=$("$prisma" migrate diff "${config[@]}" --from-schema-datamodel "$before" \
      --to-schema-datamodel "$app/prisma/schema.prisma" --script | grep -v 'Loaded Prisma config' || true)
    if ! grep -q '[A-Z]' <<<"$sql" || grep -q '^-- This is an empty migration' <<<"$sql"; then
      echo "prisma.sh: schema of $service has no change since the last commit"; exit 0
    fi
    dir="$app/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
    mkdir -p "$dir"
    printf '%s\n' "$sql" > "$dir/migration.sql"
    echo "wrote $dir/migration.sql" ;;
  *) echo "prisma.sh: unknown action '$action'" >&2; exit 2 ;;
esac
