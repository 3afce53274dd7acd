#!/usr/bin/env bash
# Stops what `npm run up` started: the five services, then the local Kafka broker.
set -euo pipefail
source "$(dirname "$0")/common.sh"

for service in "${SERVICES[@]}"; do
  pidfile="$stack_dir/$service.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    say "stopped $service"
  fi
  rm -f "$pidfile"
done
idp_pidfile="$stack_dir/idp.pid"
if [ -f "$idp_pidfile" ]; then
  pid=$(cat "$idp_pidfile")
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" && say "stopped the identity provider"
  rm -f "$idp_pidfile"
fi
bash "$root/tools/stack/prometheus.sh" stop # only when `up --with-prometheus` started it
[ -n "${KAFKA_BROKERS:-}" ] || bash "$root/infra/kafka/kafka.sh" stop
