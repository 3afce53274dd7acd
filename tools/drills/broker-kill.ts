/**
 * The Kafka broker SIGKILLed mid-burst and started again DRILL_DOWN_MS later (default 15 s).
 * Nothing committed is lost: the outbox keeps the rows until the broker acknowledges them.
 * Commands: DRILL_BROKER_STOP_CMD (default: SIGKILL to infra/kafka's pid file) and
 * DRILL_BROKER_START_CMD (default: `bash infra/kafka/kafka.sh start`).
 *   node -r ./tools/register-ts.js tools/drills/broker-kill.ts
 */
import { commandFault } from '@motcua/stack';
import { drill, env, main, root } from './drill-cli';

const pidFile = `${env.KAFKA_DATA_DIR ?? `${root}/infra/kafka/.data`}/kafka.pid`;
const stop = `kill -9 "$(cat '${pidFile}')"`;
const start = `bash '${root}/infra/kafka/kafka.sh' start`;

// A broker restart re-elects partition leaders and lets clients re-discover it: allow 30 s.
main(() =>
  drill(
    commandFault(
      'Kafka broker killed (SIGKILL) and started again',
      env.DRILL_BROKER_STOP_CMD ?? stop,
      env.DRILL_BROKER_START_CMD ?? start,
    ),
    { servingWithinMs: 30_000 },
  ),
);
