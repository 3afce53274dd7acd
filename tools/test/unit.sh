#!/usr/bin/env bash
# Every project's unit specs (`*.spec.ts`) with PostgreSQL, Redis and Kafka out of reach: their
# addresses point at a closed port and nothing starts them (the unit projects have no global
# setup; tools/test/unit-guard.js fails a spec that opens a socket to them).
#   npm run test:unit [-- <jest options or paths>]
set -euo pipefail
cd "$(dirname "$0")/../.."

closed=127.0.0.1:1 # port 1 (tcpmux): nothing listens there
export DATABASE_URL="postgresql://nobody@${closed}/none"
export REDIS_URL="redis://${closed}"
export KAFKA_BROKERS="${closed}"
for name in $(compgen -e | grep -E '^MOTCUA_TEST_(INFRA|PG|REDIS|KAFKA_BROKERS|KAFKA_CREDENTIALS)' || true); do
  unset "$name"
done
exec npx jest -c jest.unit.config.js "$@"
