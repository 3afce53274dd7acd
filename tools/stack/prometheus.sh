#!/usr/bin/env bash
# Prometheus (Debian's package, installed on first use like promtool) beside the local stack:
# scrapes the services' management ports and loads motcua's alerting and recording rules.
#   bash tools/stack/prometheus.sh start | stop | status
# `npm run up -- --with-prometheus` (or MOTCUA_WITH_PROMETHEUS=1 npm run up) starts it after the
# services; `npm run down` stops it. Environment:
#   PROMETHEUS_PORT       listen port on 127.0.0.1 (default 9090)
#   PROMETHEUS_CONFIG     configuration (default infra/prometheus/prometheus.yml; its rule files
#                         are read relative to it)
#   PROMETHEUS_DATA_DIR   TSDB, pid file and log (default .data/prometheus)
set -euo pipefail
source "$(dirname "$0")/common.sh"

port="${PROMETHEUS_PORT:-9090}"
config="${PROMETHEUS_CONFIG:-$root/infra/prometheus/prometheus.yml}"
data="${PROMETHEUS_DATA_DIR:-$root/.data/prometheus}"
pidfile="$data/prometheus.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

ensure_prometheus() {
  command -v prometheus >/dev/null && return 0
  ensure_promtool # the same Debian package brings both
  command -v prometheus >/dev/null || die "prometheus not found — install Debian's package: apt-get install prometheus"
}

case "${1:-}" in
  start)
    if running; then
      say "Prometheus already running (pid $(cat "$pidfile"), http://127.0.0.1:$port)"
      exit 0
    fi
    ensure_prometheus
    mkdir -p "$data"
    promtool check config "$config" >"$data/check.log" 2>&1 || { cat "$data/check.log" >&2; die "invalid Prometheus configuration $config"; }
    setsid nohup prometheus --config.file="$config" --storage.tsdb.path="$data/tsdb" \
      --web.listen-address="127.0.0.1:$port" --storage.tsdb.retention.time=7d \
      >>"$data/prometheus.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 60); do
      curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 && break
      kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -n 20 "$data/prometheus.log" >&2; die "Prometheus stopped while starting (log: $data/prometheus.log)"; }
      sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1 || die "Prometheus not ready (log: $data/prometheus.log)"
    say "Prometheus on http://127.0.0.1:$port (pid $(cat "$pidfile"); config $config; log $data/prometheus.log)"
    ;;
  stop)
    if running; then
      pid=$(cat "$pidfile")
      kill -TERM "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      say "stopped Prometheus"
    fi
    rm -f "$pidfile"
    ;;
  status)
    if running; then say "Prometheus running (pid $(cat "$pidfile"), http://127.0.0.1:$port)"; else say "Prometheus stopped"; exit 3; fi
    ;;
  *)
    echo "usage: $0 start | stop | status" >&2
    exit 64
    ;;
esac
