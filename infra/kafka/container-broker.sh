#!/usr/bin/env bash
# The broker of the apache/kafka image configured as infra/kafka/kafka.sh configures the local one
# (SASL/SCRAM-SHA-512 for clients, SASL/PLAIN on the controller listener, the StandardAuthorizer,
# the admin as the only super user), for docker-compose.yml and the testcontainers test setup.
#
#   container-broker.sh start   format (first start, with the admin's SCRAM user) and run the broker
#   container-broker.sh init    upsert the SCRAM users of $CREDENTIALS_DIR and create the topics of
#                               $TOPICS_FILE (run against a started broker)
#
# Environment: CREDENTIALS_DIR (default /credentials: admin.env and one <identity>.env each, as
# tools/kafka/identities.ts writes them), KAFKA_ADVERTISED_HOST (default: the host name),
# KAFKA_PORT (9092), KAFKA_BOOTSTRAP for init (localhost:$KAFKA_PORT), TOPICS_FILE (/topics.txt),
# KAFKA_DATA (/var/lib/kafka/data), KAFKA_BIN (/opt/kafka/bin).
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
CREDENTIALS_DIR="${CREDENTIALS_DIR:-/credentials}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_ADVERTISED_HOST="${KAFKA_ADVERTISED_HOST:-$(hostname)}"
KAFKA_DATA="${KAFKA_DATA:-/var/lib/kafka/data}"
TOPICS_FILE="${TOPICS_FILE:-/topics.txt}"
PROPS=/tmp/server.properties
CLIENT_PROPS=/tmp/admin-client.properties

cred() { sed -n "s/^$2=//p" "$CREDENTIALS_DIR/$1.env"; }
ADMIN_USER="$(cred admin KAFKA_SASL_USERNAME)"
ADMIN_PASSWORD="$(cred admin KAFKA_SASL_PASSWORD)"
[[ -n "$ADMIN_USER" && -n "$ADMIN_PASSWORD" ]] || { echo "container-broker.sh: no admin in $CREDENTIALS_DIR/admin.env" >&2; exit 78; }

umask 077
cat >"$CLIENT_PROPS" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$ADMIN_USER" password="$ADMIN_PASSWORD";
EOF

start() {
  cat >"$PROPS" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$KAFKA_CONTROLLER_PORT
listeners=SASL_PLAINTEXT://0.0.0.0:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://$KAFKA_ADVERTISED_HOST:$KAFKA_PORT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$ADMIN_USER" password="$ADMIN_PASSWORD";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$ADMIN_USER" password="$ADMIN_PASSWORD" user_$ADMIN_USER="$ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:$ADMIN_USER
log.dirs=$KAFKA_DATA
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
    "$BIN/kafka-storage.sh" format -t "$("$BIN/kafka-storage.sh" random-uuid)" -c "$PROPS" \
      --add-scram "SCRAM-SHA-512=[name=$ADMIN_USER,password=$ADMIN_PASSWORD]"
  fi
  exec "$BIN/kafka-server-start.sh" "$PROPS"
}

init() {
  local bootstrap="${KAFKA_BOOTSTRAP:-localhost:$KAFKA_PORT}" file name password
  for file in "$CREDENTIALS_DIR"/*.env; do
    [[ "$(basename "$file")" != admin.env ]] || continue
    name="$(sed -n 's/^KAFKA_SASL_USERNAME=//p' "$file")"
    password="$(sed -n 's/^KAFKA_SASL_PASSWORD=//p' "$file")"
    "$BIN/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$CLIENT_PROPS" --alter \
      --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
  done
  { grep -v '^#' "$TOPICS_FILE" || true; } | while read -r topic partitions _replicas _min_insync configs; do # one broker: 1 copy
    [[ -n "$topic" ]] || continue
    local config_args=() config
    for config in $configs; do config_args+=(--config "$config"); done
    "$BIN/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$CLIENT_PROPS" --create --if-not-exists \
      --topic "$topic" --partitions "${partitions:-3}" --replication-factor 1 "${config_args[@]}"
    # An existing topic is brought to the declared retention too (the configs are set, not merged away).
    [[ -z "$configs" ]] || "$BIN/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$CLIENT_PROPS" \
      --alter --entity-type topics --entity-name "$topic" --add-config "$(tr ' ' ',' <<<"$configs")"
  done
}

case "${1:-}" in
  start) start ;;
  init) init ;;
  *) echo "usage: container-broker.sh start|init" >&2; exit 64 ;;
esac
