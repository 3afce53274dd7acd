#!/usr/bin/env bash
# Local Apache Kafka on 127.0.0.1 (KRaft, broker+controller in one JVM per node): one node by
# default, or a cluster of three on one machine with KAFKA_NODES=3 (see README.md), with
# identities: clients sign in with SASL/SCRAM-SHA-512 and the StandardAuthorizer allows only
# what the ACLs derived from libs/contracts allow (tools/kafka/identities.ts).
# Jars come from Maven Central through pom.xml (resolved once into ./lib);
# state lives in ./.data, the generated credentials in ./.data/credentials.
# See README.md beside this file.
#
#   kafka.sh start | stop | status | wait | topics | list | logs [N] | reset
#   cluster only: start-node N | stop-node N | kill-node N | replace-node N | describe TOPIC | quorum
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIB_DIR="$HERE/lib"
LIB_STAMP="$LIB_DIR/.pom.sha256"
DATA_DIR="${KAFKA_DATA_DIR:-$HERE/.data}"
CLASSES_DIR="$LIB_DIR/classes" # compiled KafkaAdmin.java (kept by reset)
CRED_DIR="${KAFKA_CREDENTIALS_DIR:-$DATA_DIR/credentials}" # <identity>.env each (tools/kafka/identities.ts)
CLUSTER_FILE="$DATA_DIR/cluster.nodes" # "NODES PORT" of a cluster started here
ROOT="$(cd "$HERE/../.." && pwd)"

KAFKA_HOST=127.0.0.1
# A cluster started here keeps its size and ports, whatever the environment says later.
if [[ -z "${KAFKA_NODES:-}" && -f "$CLUSTER_FILE" ]]; then
  read -r KAFKA_NODES KAFKA_PORT <"$CLUSTER_FILE"
fi
KAFKA_NODES="${KAFKA_NODES:-1}"
[[ "$KAFKA_NODES" == 1 || "$KAFKA_NODES" == 3 ]] || {
  printf 'kafka.sh: KAFKA_NODES must be 1 or 3, got %s\n' "$KAFKA_NODES" >&2
  exit 64
}
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# One node: 256-512 MiB. Three on one machine: the same heap each, ~2 GiB resident for the three
# with metaspace and direct buffers, far within 24 GiB; the 2 cores are the real limit.
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_OPTS="${KAFKA_OPTS:-}"
# Three JVMs electing a controller on two busy cores need longer than one.
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-$((KAFKA_NODES == 1 ? 60 : 150))}"
KAFKA_TOPICS_FILE="${KAFKA_TOPICS_FILE:-$HERE/topics.txt}"

# Node N (1..KAFKA_NODES): its ports and folders. One node keeps the historical layout (KAFKA_PORT,
# KAFKA_CONTROLLER_PORT, everything directly in DATA_DIR); in a cluster node N listens on
# KAFKA_PORT+2(N-1) (clients) and the port after it (controller), in DATA_DIR/node-N.
select_node() {
  NODE="$1"
  if ((KAFKA_NODES == 1)); then
    NODE_DIR="$DATA_DIR"
    NODE_PORT="$KAFKA_PORT"
    NODE_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT"
  else
    NODE_DIR="$DATA_DIR/node-$NODE"
    NODE_PORT=$((KAFKA_PORT + 2 * (NODE - 1)))
    NODE_CONTROLLER_PORT=$((NODE_PORT + 1))
  fi
  STORAGE_DIR="$NODE_DIR/kraft-combined-logs"
  PROPS="$NODE_DIR/server.properties"
  PID_FILE="$NODE_DIR/kafka.pid"
  LOG_FILE="$NODE_DIR/kafka.log"        # log4j2 (log4j2.xml)
  OUT_FILE="$NODE_DIR/kafka.out"        # the JVM's own stdout/stderr
  SCRAM_STAMP="$NODE_DIR/scram.formatted" # hash of the admin credentials the storage was formatted with
}

all_nodes() { seq 1 "$KAFKA_NODES"; }

# Every node's client address (producers and consumers list them all).
bootstrap_list() {
  local n list=()
  for n in $(all_nodes); do list+=("$KAFKA_HOST:$((KAFKA_NODES == 1 ? KAFKA_PORT : KAFKA_PORT + 2 * (n - 1)))"); done
  local IFS=,
  printf '%s\n' "${list[*]}"
}

# The controllers of the cluster, host:port each (controller.quorum.bootstrap.servers).
controller_list() {
  local n list=()
  for n in $(all_nodes); do list+=("$KAFKA_HOST:$((KAFKA_PORT + 2 * (n - 1) + 1))"); done
  local IFS=,
  printf '%s\n' "${list[*]}"
}

select_node 1
BOOTSTRAP="$(bootstrap_list)"

say() { printf 'kafka.sh: %s\n' "$*"; }
die() { printf 'kafka.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools

JAVA=""
JAVAC=""
need_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "java not found — install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  fi
  local spec
  spec="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  if [[ ! "$spec" =~ ^[0-9]+$ ]] || ((spec < 17)); then
    die "$JAVA is Java ${spec:-?}; Kafka 4.1 needs 17+ — install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  fi
}

need_javac() {
  local javac
  javac="$(readlink -f "$JAVA")"
  javac="${javac%/java}/javac" # the javac of the same JDK first
  [[ -x "$javac" ]] || javac="$(command -v javac || true)"
  [[ -n "$javac" && -x "$javac" ]] \
    || die "javac not found (a JRE alone is not enough) — install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  JAVAC="$javac"
}

# Resolve the broker classpath into lib/ once; redo only when pom.xml changes.
ensure_lib() {
  local want
  want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIB_STAMP" && "$(cat "$LIB_STAMP")" == "$want" ]] \
    && compgen -G "$LIB_DIR/kafka_2.13-*.jar" >/dev/null \
    && compgen -G "$LIB_DIR/kafka-clients-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found — install Maven (apt-get install maven)"
  say "resolving Kafka jars from Maven Central into $LIB_DIR (first run only)"
  local t0=$SECONDS mvn_log="$DATA_DIR/mvn.log"
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR" "$DATA_DIR"
  # Maven 3.8 prints stray ANSI codes even with -q: keep all of its output in a file.
  if ! mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies >"$mvn_log" 2>&1; then
    tail -n 30 "$mvn_log" >&2
    die "Maven could not resolve the Kafka jars (full output: $mvn_log)"
  fi
  printf '%s\n' "$want" >"$LIB_STAMP"
  say "resolved $(find "$LIB_DIR" -name '*.jar' | wc -l) jars in $((SECONDS - t0)) s"
}

# Compile KafkaAdmin.java once (and again when it changes) against kafka-clients.
ensure_admin_tool() {
  local src="$HERE/KafkaAdmin.java" cls="$CLASSES_DIR/KafkaAdmin.class"
  if [[ -f "$cls" && "$cls" -nt "$src" && "$cls" -nt "$LIB_STAMP" ]]; then
    return 0
  fi
  need_javac
  local clients
  clients="$(compgen -G "$LIB_DIR/kafka-clients-*.jar" | head -n 1)"
  rm -rf "$CLASSES_DIR"
  mkdir -p "$CLASSES_DIR"
  "$JAVAC" -nowarn --release 17 -d "$CLASSES_DIR" -cp "$clients" "$src" >&2 \
    || die "could not compile $src"
}

admin_tool() {
  local creds=()
  [[ ! -f "$CRED_DIR/admin.env" ]] || creds=(-Dmotcua.kafka.credentials="$CRED_DIR")
  "$JAVA" -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${creds[@]}" -Dmotcua.kafka.nodes="$KAFKA_NODES" \
    -Dkafka.logs.dir="$DATA_DIR" -Dkafka.log.file=admin.log -Dkafka.log.level=WARN \
    -Dlog4j2.configurationFile="$HERE/log4j2.xml" \
    -cp "$CLASSES_DIR:$LIB_DIR/*" KafkaAdmin "$@"
}

# ---------------------------------------------------------------- process state

read_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$pid"
}

# True when PID is alive and is our broker (guards against pid reuse).
is_our_broker() {
  local pid="$1" cmd
  kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmd" == *"kafka.Kafka $PROPS"* ]]
}

running_pid() {
  local pid
  pid="$(read_pid)" || return 1
  is_our_broker "$pid" || return 1
  printf '%s\n' "$pid"
}

# A running broker keeps the port it was started with, whatever KAFKA_PORT says now.
use_running_port() {
  ((KAFKA_NODES == 1)) || return 0
  local port
  port="$(sed -n 's/^advertised\.listeners=SASL_PLAINTEXT:\/\/[^:]*:\([0-9]*\)$/\1/p' "$PROPS" 2>/dev/null || true)"
  if [[ -n "$port" && "$port" != "$KAFKA_PORT" ]]; then
    KAFKA_PORT="$port"
    BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
  fi
}

port_open() {
  (exec 3<>"/dev/tcp/$KAFKA_HOST/$1") 2>/dev/null
}

lock() {
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 120 9 || die "another kafka.sh holds $DATA_DIR/.lock"
  fi
}

# Byte sizes of the logs when this start launched the JVM: show only what it wrote.
LOG_OFFSET=0
OUT_OFFSET=0

file_size() {
  if [[ -f "$1" ]]; then stat -c %s "$1"; else echo 0; fi
}

tail_since() {
  local file="$1" offset="$2"
  local text
  [[ -s "$file" ]] || return 0
  (($(file_size "$file") >= offset)) || offset=0 # rolled over meanwhile
  text="$(tail -c "+$((offset + 1))" "$file" | tail -n 30)"
  [[ -n "$text" ]] || return 0
  printf -- '--- last 30 lines of %s ---\n%s\n' "$file" "$text"
}

show_log_tail() {
  {
    tail_since "$LOG_FILE" "$LOG_OFFSET"
    tail_since "$OUT_FILE" "$OUT_OFFSET"
  } >&2
}

# ---------------------------------------------------------------- config

# KEY of a generated credentials file (KEY=VALUE lines).
cred() {
  sed -n "s/^$2=//p" "$CRED_DIR/$1.env"
}

# Every identity's credentials (admin, the services, the portal), generated once from the
# contracts' principals; later runs only add the missing ones.
ensure_credentials() {
  command -v node >/dev/null 2>&1 || die "node not found — the credentials are generated by tools/kafka/identities.ts"
  node -r "$ROOT/tools/register-ts.js" "$ROOT/tools/kafka/identities.ts" credentials "$CRED_DIR" >&2 \
    || die "could not generate the Kafka credentials in $CRED_DIR"
}

# The users' SCRAM credentials are upserted by KafkaAdmin (wait/users); the ACLs are synced by
# tools/kafka/identities.ts from libs/contracts, signed in as the admin.
apply_acls() {
  node -r "$ROOT/tools/register-ts.js" "$ROOT/tools/kafka/identities.ts" apply \
    --bootstrap "$BOOTSTRAP" --credentials "$CRED_DIR" || die "applying the ACLs failed"
}

# One node: a static voter set of itself. A cluster: a dynamic quorum (KIP-853) found through the
# three controllers, so that a node whose disk is lost can be formatted anew and made a voter again
# in place of its old self (replace-node).
quorum_properties() {
  if ((KAFKA_NODES == 1)); then
    printf 'controller.quorum.voters=%s@%s:%s\n' "$NODE" "$KAFKA_HOST" "$NODE_CONTROLLER_PORT"
  else
    printf 'controller.quorum.bootstrap.servers=%s\n' "$(controller_list)"
  fi
}

# Internal topics: one copy on a single node; on three, three copies with two in sync, as the
# contracts' topics (libs/contracts/src/topics.ts, TOPIC_REPLICATION). A dead broker is fenced after
# broker.session.timeout.ms, which bounds how long writes to its partitions wait for a new leader.
replication_properties() {
  if ((KAFKA_NODES == 1)); then
    cat <<EOP
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOP
  else
    cat <<EOP
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
unclean.leader.election.enable=false
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000
replica.lag.time.max.ms=10000
EOP
  fi
}

write_server_properties() {
  local admin_user admin_password
  admin_user="$(cred admin KAFKA_SASL_USERNAME)"
  admin_password="$(cred admin KAFKA_SASL_PASSWORD)"
  [[ -n "$admin_user" && -n "$admin_password" ]] || die "$CRED_DIR/admin.env lacks the admin's user or password"
  (
    umask 077 # the file holds the admin's password
    cat >"$PROPS.tmp" <<EOF
# Generated by infra/kafka/kafka.sh on each start — edit kafka.sh, not this file.
process.roles=broker,controller
node.id=$NODE
$(quorum_properties)
# Clients: SASL/SCRAM-SHA-512 (SASL_PLAINTEXT on loopback; production: SASL_SSL, see README.md).
# The controller listener (KRaft, loopback only) uses SASL/PLAIN with the admin's password from this
# file: SCRAM users live in the metadata log the controller serves, so they cannot sign it in.
listeners=SASL_PLAINTEXT://$KAFKA_HOST:$NODE_PORT,CONTROLLER://$KAFKA_HOST:$NODE_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://$KAFKA_HOST:$NODE_PORT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$admin_user" password="$admin_password";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$admin_user" password="$admin_password" user_$admin_user="$admin_password";
# Deny unless an ACL allows; the admin (tooling, inter-broker, controller) is the only super user.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:$admin_user
log.dirs=$STORAGE_DIR

num.partitions=3
auto.create.topics.enable=false
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
$(replication_properties)

# Small footprint for a dev/CI machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
log.retention.hours=168
log.segment.bytes=104857600
EOF
  )
  mv "$PROPS.tmp" "$PROPS"
}

is_formatted() {
  [[ -f "$STORAGE_DIR/meta.properties" ]]
}

admin_hash() {
  sha256sum "$CRED_DIR/admin.env" | cut -d' ' -f1
}

# Storage formatted before the broker had identities (or with another admin credential) has no
# SCRAM user we can sign in with, and users cannot be added without one: start it over (topics
# are recreated; events and offsets are lost).
drop_storage_without_scram() {
  if is_formatted && [[ "$(cat "$SCRAM_STAMP" 2>/dev/null || true)" != "$(admin_hash)" ]]; then
    say "storage in $STORAGE_DIR was formatted without the admin of $CRED_DIR: formatting it again (its topics and offsets are dropped)"
    rm -rf "$STORAGE_DIR" "$DATA_DIR/topics.applied"
  fi
}

# A KRaft cluster id is a Kafka Uuid: 16 random bytes, URL-safe base64 without padding
# (what `StorageTool random-uuid` prints; made here to save a JVM start).
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" == -* ]] || break # Kafka never hands out ids starting with '-'
  done
  printf '%s\n' "$id"
}

# format_storage [QUORUM ARGS...]: format the selected node's storage (a new cluster id on one
# node; the cluster's shared id in a cluster, with --initial-controllers or --no-initial-controllers).
format_storage() {
  local cluster_id out="$NODE_DIR/storage-tool.out"
  if ((KAFKA_NODES == 1)); then
    cluster_id="$(new_cluster_id)"
  else
    cluster_id="$(cat "$DATA_DIR/cluster.id")"
  fi
  if ! "$JAVA" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$LIB_DIR/*" \
    -Dlog4j2.configurationFile="$HERE/log4j2.xml" -Dkafka.logs.dir="$NODE_DIR" \
    -Dkafka.log.file=storage-tool.log -Dkafka.log.level=WARN \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" \
    --add-scram "SCRAM-SHA-512=[name=$(cred admin KAFKA_SASL_USERNAME),password=$(cred admin KAFKA_SASL_PASSWORD)]" \
    "$@" >>"$out" 2>&1; then
    tail -n 20 "$out" >&2
    die "formatting $STORAGE_DIR failed (see $out)"
  fi
  printf '%s\n' "$cluster_id" >"$DATA_DIR/cluster.id"
  admin_hash >"$SCRAM_STAMP"
  say "formatted KRaft storage in $STORAGE_DIR (cluster id $cluster_id, SCRAM user $(cred admin KAFKA_SASL_USERNAME))"
}

# A new cluster: one id and the three voters with a directory id each, formatted into every node.
# A cluster of which some nodes hold storage: the others join as observers (--no-initial-controllers)
# and become voters through replace-node.
format_cluster() {
  local n formatted=0 voters=()
  for n in $(all_nodes); do
    select_node "$n"
    drop_storage_without_scram
    ! is_formatted || formatted=$((formatted + 1))
  done
  if ((formatted == 0)); then
    new_cluster_id >"$DATA_DIR/cluster.id"
    for n in $(all_nodes); do
      voters+=("$n@$KAFKA_HOST:$((KAFKA_PORT + 2 * (n - 1) + 1)):$(new_cluster_id)")
    done
    local IFS=,
    printf '%s\n' "${voters[*]}" >"$DATA_DIR/initial-controllers"
    unset IFS
  fi
  # The formats run side by side (a JVM start each: seconds apiece on a busy machine).
  local jobs=()
  for n in $(all_nodes); do
    select_node "$n"
    is_formatted && continue
    if ((formatted == 0)); then
      format_storage --initial-controllers "$(cat "$DATA_DIR/initial-controllers")" &
    else
      format_storage --no-initial-controllers &
      say "node $n formatted anew: it joins as an observer; run '$0 replace-node $n' to make it a voter again"
    fi
    jobs+=($!)
  done
  for n in "${jobs[@]}"; do wait "$n" || die "formatting the cluster's storage failed"; done
}

# ---------------------------------------------------------------- topics

topics_hash() {
  sha256sum "$KAFKA_TOPICS_FILE" | cut -d' ' -f1
}

apply_topics() {
  if [[ ! -f "$KAFKA_TOPICS_FILE" ]]; then
    return 0
  fi
  admin_tool topics "$BOOTSTRAP" "$KAFKA_TOPICS_FILE" || die "creating topics from $KAFKA_TOPICS_FILE failed"
  printf '%s\n' "$(topics_hash)" >"$DATA_DIR/topics.applied"
}

topics_changed() {
  [[ -f "$KAFKA_TOPICS_FILE" ]] || return 1
  [[ "$(cat "$DATA_DIR/topics.applied" 2>/dev/null || true)" != "$(topics_hash)" ]]
}

# ---------------------------------------------------------------- commands

stop_pid() {
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= 300)); then
      say "no exit after 30 s — sending SIGKILL to $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

cmd_start() {
  local t0=$SECONDS pid
  lock
  if pid="$(running_pid)"; then
    use_running_port
    if port_open "$KAFKA_PORT"; then
      say "already running (pid $pid, $BOOTSTRAP)"
      grep -q '^authorizer.class.name=' "$PROPS" \
        || die "the running broker was started without identities (an older kafka.sh): run '$0 stop', then '$0 start'"
      ensure_credentials
      need_java
      ensure_admin_tool
      if topics_changed; then
        apply_topics
      fi
      admin_tool users "$BOOTSTRAP" || die "upserting the SCRAM users failed"
      apply_acls
      return 0
    fi
    # Alive but not answering yet (e.g. a start in progress elsewhere): just wait for it.
    need_java
    ensure_admin_tool
    ensure_credentials
    wait_ready "$pid" with-topics
    apply_acls
    return 0
  fi
  rm -f "$PID_FILE"

  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      die "$KAFKA_HOST:$port is already in use by another process — stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done

  need_java
  ensure_lib
  ensure_admin_tool
  ensure_credentials
  write_server_properties
  drop_storage_without_scram
  is_formatted || format_storage
  launch_node
  pid="$(read_pid)"
  wait_ready "$pid" with-topics
  apply_acls
  say "started (pid $pid, $BOOTSTRAP, SASL/SCRAM-SHA-512) in $((SECONDS - t0)) s; logs in $LOG_FILE; credentials in $CRED_DIR"
}

# Start the JVM of the selected node (its storage formatted, its properties written), wait for its
# pid file; readiness is the caller's.
launch_node() {
  local heap=() extra=() pid
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  [[ -z "$KAFKA_OPTS" ]] || read -r -a extra <<<"$KAFKA_OPTS"
  local launcher=()
  if command -v setsid >/dev/null 2>&1; then
    launcher=(setsid)
  else
    launcher=(nohup)
  fi
  LOG_OFFSET="$(file_size "$LOG_FILE")"
  OUT_OFFSET="$(file_size "$OUT_FILE")"
  # The child writes its own pid, then execs java (so the pid is the JVM's).
  # shellcheck disable=SC2016  # expanded by the child shell, on purpose
  "${launcher[@]}" bash -c 'printf "%s\n" "$$" >"$1"; shift; exec "$@"' kafka-launch "$PID_FILE" \
    "$JAVA" -server "${heap[@]}" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dkafka.logs.dir="$NODE_DIR" -Dkafka.log.file=kafka.log \
    -Dlog4j2.configurationFile="$HERE/log4j2.xml" -Dlog4j2.shutdownHookEnabled=false \
    "${extra[@]}" \
    -cp "$LIB_DIR/*" kafka.Kafka "$PROPS" \
    >>"$OUT_FILE" 2>&1 </dev/null 9>&- &

  local i
  for ((i = 0; i < 50; i++)); do
    pid="$(read_pid)" && break
    sleep 0.1
  done
  [[ -n "${pid:-}" ]] || die "broker did not start (no pid file); see $OUT_FILE"
}

# ---------------------------------------------------------------- cluster (KAFKA_NODES=3)

cluster_start() {
  local t0=$SECONDS n port started=()
  lock
  need_java
  ensure_lib
  ensure_admin_tool
  ensure_credentials
  for n in $(all_nodes); do
    select_node "$n"
    mkdir -p "$NODE_DIR"
    running_pid >/dev/null && continue
    rm -f "$PID_FILE"
    for port in "$NODE_PORT" "$NODE_CONTROLLER_PORT"; do
      ! port_open "$port" || die "$KAFKA_HOST:$port (node $n) is already in use by another process — stop it or set KAFKA_PORT"
    done
    write_server_properties
  done
  format_cluster
  printf '%s %s\n' "$KAFKA_NODES" "$KAFKA_PORT" >"$CLUSTER_FILE"
  for n in $(all_nodes); do
    select_node "$n"
    running_pid >/dev/null && continue
    launch_node
    started+=("$n")
  done
  # Ready = every node registered as a broker with an active controller (motcua.kafka.nodes).
  wait_ready "" with-topics
  apply_acls
  say "cluster of $KAFKA_NODES nodes ready ($BOOTSTRAP; started node(s) ${started[*]:-none}) in $((SECONDS - t0)) s; logs in $DATA_DIR/node-*/kafka.log"
}

node_arg() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && ((${1} >= 1 && ${1} <= KAFKA_NODES)) \
    || die "a node number 1..$KAFKA_NODES is needed (KAFKA_NODES=$KAFKA_NODES)"
}

# start-node N: start node N again (its storage kept) and wait until all nodes are registered.
cluster_start_node() {
  node_arg "${1:-}"
  lock
  need_java
  ensure_admin_tool
  select_node "$1"
  if running_pid >/dev/null; then
    say "node $1 already running"
  else
    rm -f "$PID_FILE"
    write_server_properties
    is_formatted || die "node $1 has no storage: use '$0 replace-node $1'"
    launch_node
  fi
  wait_ready ""
  say "node $1 running ($KAFKA_HOST:$NODE_PORT)"
}

# stop-node N (SIGTERM, controlled shutdown) / kill-node N (SIGKILL, a crash).
cluster_stop_node() {
  local signal="$1" pid
  node_arg "${2:-}"
  select_node "$2"
  if ! pid="$(running_pid)"; then
    say "node $2 not running"
    return 0
  fi
  if [[ "$signal" == KILL ]]; then
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  else
    stop_pid "$pid"
  fi
  rm -f "$PID_FILE"
  say "node $2 stopped (SIG$signal, pid $pid)"
}

# replace-node N: node N's disk is lost. Its storage is deleted and formatted anew (the cluster's id,
# no voters: it joins as an observer), it starts and fetches the metadata and its partitions from
# the others, then the old voter (its lost directory id) is replaced by the new one.
cluster_replace_node() {
  node_arg "${1:-}"
  cluster_stop_node KILL "$1"
  lock
  need_java
  ensure_admin_tool
  select_node "$1"
  rm -rf "$STORAGE_DIR" "$SCRAM_STAMP"
  write_server_properties
  format_storage --no-initial-controllers
  launch_node
  wait_ready ""
  admin_tool replace-voter "$BOOTSTRAP" "$1" "$KAFKA_HOST:$NODE_CONTROLLER_PORT" \
    || die "node $1 runs, but making it a voter failed (see '$0 quorum')"
  say "node $1 replaced ($KAFKA_HOST:$NODE_PORT); partitions re-replicate to it (see '$0 describe TOPIC')"
}

cluster_stop() {
  local n pid pids=()
  lock
  # SIGTERM to all at once: stopped one by one, the last would wait for a quorum that is gone.
  for n in $(all_nodes); do
    select_node "$n"
    if pid="$(running_pid)"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$PID_FILE"
  done
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  say "stopped ${#pids[@]} node(s)"
}

cluster_status() {
  local n pid up=0
  for n in $(all_nodes); do
    select_node "$n"
    if pid="$(running_pid)" && port_open "$NODE_PORT"; then
      say "node $n running (pid $pid, $KAFKA_HOST:$NODE_PORT)"
      up=$((up + 1))
    else
      say "node $n stopped ($KAFKA_HOST:$NODE_PORT)"
    fi
  done
  ((up > 0)) || return 3
}

# wait_ready [PID] [with-topics]: block until the broker answers a metadata request
# (and, with "with-topics", create the topics of topics.txt in the same JVM).
wait_ready() {
  local pid="${1:-}" rc=0 args=()
  args=("$BOOTSTRAP" "$KAFKA_START_TIMEOUT" "${pid:--}")
  if [[ "${2:-}" == with-topics && -f "$KAFKA_TOPICS_FILE" ]]; then
    args+=("$KAFKA_TOPICS_FILE")
  fi
  admin_tool wait "${args[@]}" || rc=$?
  if ((rc == 3)); then
    die "the broker is up on $BOOTSTRAP, but creating topics from $KAFKA_TOPICS_FILE failed"
  elif ((rc == 4)); then
    die "the broker is up on $BOOTSTRAP, but upserting the SCRAM users of $CRED_DIR failed"
  elif ((rc == 0)) && ((${#args[@]} == 4)); then
    printf '%s\n' "$(topics_hash)" >"$DATA_DIR/topics.applied"
  fi
  if ((rc != 0)); then
    [[ -z "$pid" ]] || show_log_tail
    if [[ -n "$pid" ]] && is_our_broker "$pid"; then
      say "stopping the broker that did not become ready (pid $pid)" >&2
      stop_pid "$pid"
    fi
    [[ -z "$pid" ]] || rm -f "$PID_FILE"
    die "broker not ready (see $LOG_FILE)"
  fi
}

cmd_stop() {
  local pid
  lock
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  say "stopping (pid $pid)"
  stop_pid "$pid"
  rm -f "$PID_FILE"
  say "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    use_running_port
    if port_open "$KAFKA_PORT"; then
      say "running (pid $pid, $BOOTSTRAP)"
      return 0
    fi
    say "starting or unhealthy (pid $pid alive, $BOOTSTRAP not answering)"
    return 3
  fi
  say "stopped"
  return 3
}

cmd_wait() {
  need_java
  ensure_lib
  ensure_admin_tool
  local pid=""
  if pid="$(running_pid)"; then use_running_port; else pid=""; fi
  wait_ready "$pid"
  say "ready ($BOOTSTRAP)"
}

cmd_topics() {
  running_pid >/dev/null || die "not running — run: $0 start"
  use_running_port
  [[ -f "$KAFKA_TOPICS_FILE" ]] || die "no topics file at $KAFKA_TOPICS_FILE"
  need_java
  ensure_admin_tool
  apply_topics
  ensure_credentials
  admin_tool users "$BOOTSTRAP" || die "upserting the SCRAM users failed"
  apply_acls
}

# rotate IDENTITY: a new password for a service's (or the portal's) SCRAM user, written into its
# <identity>.env and upserted on the broker at once. Connections already signed in stay up (Kafka
# does not re-authenticate them); a client signing in anew needs the new password: restart the
# service's instances one by one with it (docs/operations/runbooks.md, "Rotating credentials").
cmd_rotate() {
  local identity="${1:-}" file password
  [[ "$identity" =~ ^[a-z]+$ ]] || die "rotate needs an identity: catalog, dossiers, …, portal"
  [[ "$identity" != admin ]] || die "the admin's password is in every broker's properties: see README.md, 'Rotating the admin'"
  file="$CRED_DIR/$identity.env"
  [[ -f "$file" ]] || die "no credentials file $file"
  need_java
  ensure_admin_tool
  password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  (
    umask 077
    sed "s/^KAFKA_SASL_PASSWORD=.*/KAFKA_SASL_PASSWORD=$password/" "$file" >"$file.tmp"
  )
  mv "$file.tmp" "$file"
  admin_tool users "$BOOTSTRAP" || die "upserting the SCRAM users failed (the new password is in $file)"
  say "rotated the password of $(cred "$identity" KAFKA_SASL_USERNAME) (in $file)"
}

cmd_list() {
  running_pid >/dev/null || die "not running — run: $0 start"
  use_running_port
  need_java
  ensure_admin_tool
  admin_tool list "$BOOTSTRAP"
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR"
  say "deleted $DATA_DIR (kept $LIB_DIR)"
}

usage() {
  cat <<EOF
usage: $0 COMMAND
  start      resolve jars (first run), generate credentials and format storage (first run),
             start the broker on $BOOTSTRAP (SASL/SCRAM-SHA-512), wait until it answers,
             create topics from topics.txt, upsert the users, sync the ACLs
  stop       graceful stop (SIGTERM, SIGKILL after 30 s)
  status     running/stopped; exit 0 if running, 3 if not
  wait       wait until the broker answers (up to KAFKA_START_TIMEOUT=$KAFKA_START_TIMEOUT s)
  topics     create missing topics listed in $KAFKA_TOPICS_FILE, upsert users, sync ACLs
  list       list topics with their partition counts
  logs [N]   last N (default 50) lines of $LOG_FILE
  reset      stop and delete .data (keeps the resolved jars in lib/)
  rotate IDENTITY  a new SCRAM password for a service's or the portal's user (file and broker)
  describe TOPIC  leader, replicas and in-sync replicas of each partition
  quorum     the KRaft voters and observers

With KAFKA_NODES=3 (a cluster on one machine: node N on KAFKA_PORT+2(N-1), controller the next
port, storage in KAFKA_DATA_DIR/node-N; later commands remember it), start/stop/status act on
all nodes, and:
  start-node N    start node N again (its storage kept)
  stop-node N     stop node N (SIGTERM, controlled shutdown)
  kill-node N     SIGKILL node N (a crash)
  replace-node N  node N's disk is lost: format it anew, start it, make it a voter again
  logs [LINES] [N]  the log of node N (default 1)
EOF
}

main() {
  local cmd="${1:-}"
  [[ $# -eq 0 ]] || shift
  if ((KAFKA_NODES > 1)); then
    case "$cmd" in
      start) cluster_start; return ;;
      stop) cluster_stop; return ;;
      status) cluster_status; return ;;
      start-node) cluster_start_node "$@"; return ;;
      stop-node) cluster_stop_node TERM "$@"; return ;;
      kill-node) cluster_stop_node KILL "$@"; return ;;
      replace-node) cluster_replace_node "$@"; return ;;
      reset) cluster_stop; rm -rf "$DATA_DIR"; say "deleted $DATA_DIR (kept $LIB_DIR)"; return ;;
      logs)
        select_node "${2:-1}"
        tail -n "${1:-50}" "$LOG_FILE"
        return
        ;;
    esac
  fi
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    describe)
      need_java
      ensure_admin_tool
      admin_tool describe "$BOOTSTRAP" "${1:?a topic is needed}"
      ;;
    quorum)
      need_java
      ensure_admin_tool
      admin_tool quorum "$BOOTSTRAP"
      ;;
    wait) cmd_wait ;;
    topics) cmd_topics ;;
    list) cmd_list ;;
    rotate) cmd_rotate "$@" ;;
    logs)
      [[ -f "$LOG_FILE" ]] || die "no log yet ($LOG_FILE)"
      tail -n "${1:-50}" "$LOG_FILE"
      ;;
    reset) cmd_reset ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 64
      ;;
  esac
}

main "$@"
