#!/usr/bin/env bash
# One command brings the whole system up on this machine: dependencies, Kafka,
# databases and migrations, the five services, and realistic demo data.
#   npm run up        (stop everything with: npm run down)
# Uses DATABASE_URL / REDIS_URL / KAFKA_BROKERS when set, the local servers otherwise.
# Kafka: every service signs in as its own SCRAM identity. The local broker (infra/kafka) generates
# the credentials into infra/kafka/.data/credentials and applies the users and ACLs; with
# KAFKA_BROKERS, KAFKA_CREDENTIALS_DIR names the folder of that broker's credentials (admin.env and
# one <service>.env each) and the ACLs are applied to it.
# --with-prometheus (or MOTCUA_WITH_PROMETHEUS=1): also start Prometheus (tools/stack/prometheus.sh)
# scraping the services' management ports, with motcua's rules.
set -euo pipefail
source "$(dirname "$0")/common.sh"
with_prometheus="${MOTCUA_WITH_PROMETHEUS:-0}"
for arg in "$@"; do
  case "$arg" in
    --with-prometheus) with_prometheus=1 ;;
    *) die "unknown option $arg (known: --with-prometheus)" ;;
  esac
done

ensure_dependencies
generate_prisma_clients
build_services

kafka_credentials="${KAFKA_CREDENTIALS_DIR:-$root/infra/kafka/.data/credentials}"
if [ -z "${KAFKA_BROKERS:-}" ]; then
  say "starting Kafka (infra/kafka: SASL/SCRAM, one identity and its ACLs per service)"
  bash "$root/infra/kafka/kafka.sh" start
else
  # provision.ts below creates the topics and applies the ACLs to it, signed in as its admin.
  [ -f "$kafka_credentials/admin.env" ] \
    || die "KAFKA_BROKERS is set: set KAFKA_CREDENTIALS_DIR to the folder of that broker's credentials (admin.env and one <service>.env each)"
fi
for service in "${SERVICES[@]}"; do
  [ -f "$kafka_credentials/$service.env" ] || die "no Kafka credentials for $service in $kafka_credentials"
done
say "preparing databases, topics, Kafka ACLs and keys"
mkdir -p "$stack_dir/logs"
KAFKA_CREDENTIALS_DIR="$kafka_credentials" run_ts "$root/tools/stack/provision.ts" > "$root/.data/stack.env.tmp" \
  || { rm -f "$root/.data/stack.env.tmp"; exit 1; }
mv "$root/.data/stack.env.tmp" "$stack_dir/stack.env"
# shellcheck disable=SC1091
source "$stack_dir/stack.env"

# The OpenID Connect provider (tools/idp) before the services, which fetch its JWKS.
idp_pidfile="$stack_dir/idp.pid"
if [ -f "$idp_pidfile" ] && kill -0 "$(cat "$idp_pidfile")" 2>/dev/null; then
  say "identity provider already running (pid $(cat "$idp_pidfile"))"
else
  say "starting the OpenID Connect provider (tools/idp) on port $STACK_IDP_PORT"
  IDP_PORT=$STACK_IDP_PORT IDP_ISSUER=$STACK_AUTH_ISSUER IDP_KEYS_FILE=$STACK_IDP_KEYS_FILE IDP_CLIENT_SECRET=$STACK_IDP_CLIENT_SECRET \
    setsid nohup node -r "$root/tools/register-ts.js" "$root/tools/idp/idp.ts" >> "$stack_dir/logs/idp.log" 2>&1 &
  echo $! > "$idp_pidfile"
  for _ in $(seq 1 60); do curl -fsS "$STACK_AUTH_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$STACK_AUTH_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1 || die "the identity provider did not start (log: $stack_dir/logs/idp.log)"
fi

for service in "${SERVICES[@]}"; do start_service "$service"; done

say "waiting for the services to answer /health"
for service in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${SERVICE_PORT[$service]}/health"
  for _ in $(seq 1 60); do
    curl -fsS "$url" >/dev/null 2>&1 && break
    kill -0 "$(cat "$stack_dir/$service.pid")" 2>/dev/null || { tail -n 20 "$stack_dir/logs/$service.log" >&2; die "$service stopped while starting (log: $stack_dir/logs/$service.log)"; }
    sleep 0.5
  done
  curl -fsS "$url" >/dev/null 2>&1 || die "$service did not become healthy (log: $stack_dir/logs/$service.log)"
done

say "loading demo data"
run_ts "$root/tools/seed/seed.ts"
if [ "$with_prometheus" = 1 ]; then
  bash "$root/tools/stack/prometheus.sh" start
fi

cat <<TXT

motcua is up.
  catalog       http://127.0.0.1:${SERVICE_PORT[catalog]}       (OpenAPI: /docs)
  dossiers      http://127.0.0.1:${SERVICE_PORT[dossiers]}
  feedback      http://127.0.0.1:${SERVICE_PORT[feedback]}
  digitization  http://127.0.0.1:${SERVICE_PORT[digitization]}
  reporting     http://127.0.0.1:${SERVICE_PORT[reporting]}
  dashboard     http://127.0.0.1:${SERVICE_PORT[reporting]}/dashboard
  metrics       http://127.0.0.1:9101/metrics … 9105 (management ports, not the public ones)
  Kafka         $STACK_KAFKA_BROKERS (SASL/SCRAM-SHA-512; credentials: $kafka_credentials)
  logs          $stack_dir/logs/
  identity      $STACK_AUTH_ISSUER   (OpenID Connect; JWKS: $STACK_JWKS_URL)
  a token:      node -r ./tools/register-ts.js tools/auth/mint-token.ts --account demo-admin
                (from the provider; --role admin … mints one with the development key instead)
Stop everything with: npm run down
TXT
