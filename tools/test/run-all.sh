#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing, generates the
# Prisma clients, builds the services, type-checks, lints, checks formatting and
# unused code (knip), then runs every Jest project in one run: the unit specs
# (*.spec.ts, no infrastructure) and the integration specs (*.int.spec.ts) against
# real PostgreSQL, Redis and Kafka (the integration projects' global setup finds or
# starts them and stops what it started).
#   npm test
set -euo pipefail
source "$(dirname "$0")/../stack/common.sh"
cd "$root"

ensure_dependencies
ensure_chromium
ensure_promtool
generate_prisma_clients
build_services
say "building the sample portal consumer (apps/portal-sync, started by its e2e test)"
node tools/build/build-service.mjs portal-sync >/dev/null

say "type-checking"
npx tsc -p tsconfig.json --noEmit

say "linting (type-aware rules, module boundaries)"
npx nx show projects >/dev/null # computes the project graph the boundary rule reads
npx eslint --max-warnings=0 apps libs tests tools

say "checking formatting (Prettier)"
npx prettier --check . >/dev/null || { npx prettier --list-different . >&2; die "files not formatted: npm run format"; }

say "looking for unused files, exports and dependencies (knip)"
npx knip

say "running the tests"
npx jest --ci "$@"
