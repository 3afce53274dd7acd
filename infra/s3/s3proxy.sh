#!/usr/bin/env bash
# A local S3-compatible server on 127.0.0.1 (S3Proxy, filesystem backend, SigV4 authentication),
# for the S3 driver's integration test (apps/digitization/test/s3-storage.int.spec.ts starts and stops
# it). Jars come from Maven Central through pom.xml (resolved once into ./lib, git-ignored).
#
#   s3proxy.sh start | stop | status
# Environment: S3PROXY_PORT (default 9000), S3PROXY_DATA_DIR (default ./.data-<port>),
# S3PROXY_ACCESS_KEY / S3PROXY_SECRET_KEY (default motcua-test / motcua-test-secret).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB_DIR="$HERE/lib"
LIB_STAMP="$LIB_DIR/.pom.sha256"
PORT="${S3PROXY_PORT:-9000}"
DATA_DIR="${S3PROXY_DATA_DIR:-$HERE/.data-$PORT}"
PID_FILE="$DATA_DIR/s3proxy.pid"
LOG_FILE="$DATA_DIR/s3proxy.log"
START_TIMEOUT="${S3PROXY_START_TIMEOUT:-90}"

resolve_jars() {
  local want
  want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIB_STAMP" && "$(cat "$LIB_STAMP")" == "$want" ]]; then return; fi
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB_DIR" >&2
  echo "$want" >"$LIB_STAMP"
}

running() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

start() {
  if running; then return; fi
  resolve_jars
  mkdir -p "$DATA_DIR/blobs"
  cat >"$DATA_DIR/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v4
s3proxy.identity=${S3PROXY_ACCESS_KEY:-motcua-test}
s3proxy.credential=${S3PROXY_SECRET_KEY:-motcua-test-secret}
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA_DIR/blobs
CONF
  nohup java -Xms32m -Xmx128m -Dlogback.configurationFile="$HERE/logback.xml" \
    -cp "$LIB_DIR/*" org.gaul.s3proxy.Main --properties "$DATA_DIR/s3proxy.conf" \
    >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  # Unsigned requests are refused (403) once it listens.
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
    if ! running; then
      tail -n 30 "$LOG_FILE" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "s3proxy.sh: not listening on $PORT after ${START_TIMEOUT}s" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "s3proxy listening on http://127.0.0.1:$PORT"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running && echo running || { echo stopped; exit 1; } ;;
  *) echo "usage: s3proxy.sh start|stop|status" >&2; exit 64 ;;
esac
