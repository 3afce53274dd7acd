/**
 * Two drills on a stack whose Kafka is the three-node cluster of infra/kafka/kafka.sh
 * (KAFKA_NODES=3; KAFKA_PORT, default 29700, and KAFKA_DATA_DIR, default infra/kafka/.data-cluster,
 * say which): (1) the leader of the dossier topic's partition 0 SIGKILLed mid-burst and started
 * again DRILL_DOWN_MS later, every delivery invariant verified from the databases and the topic;
 * (2) the leader of the portal topic's partition 0 SIGKILLed under a running portal consumer,
 * which must go on receiving every dossier's status.
 *   KAFKA_BROKERS=127.0.0.1:29700,127.0.0.1:29702,127.0.0.1:29704 \
 *   KAFKA_CREDENTIALS_DIR=infra/kafka/.data-cluster/credentials \
 *   node -r ./tools/register-ts.js tools/drills/kafka-cluster.ts
 */
import { join } from 'node:path';
import {
  commandFault,
  DOSSIER_TOPIC,
  KafkaCluster,
  PORTAL_TOPIC,
  runPortalLeaderDrill,
} from '@motcua/stack';

import { drill, env, finish, main, root, stack } from './drill-cli';

const cluster = new KafkaCluster(
  env.KAFKA_DATA_DIR ?? join(root, 'infra/kafka/.data-cluster'),
  Number(env.KAFKA_PORT ?? 29700),
);
const leaderOf = async (topic: string) =>
  (await cluster.partitions(topic)).find((p) => p.partition === 0)?.leader ?? -1;

main(async () => {
  const victim = await leaderOf(DOSSIER_TOPIC);
  await drill(
    commandFault(
      `Kafka node ${victim} (leader of ${DOSSIER_TOPIC} partition 0) killed (SIGKILL) in a 3-node cluster, started again`,
      `KAFKA_NODES=3 KAFKA_PORT=${cluster.port} KAFKA_DATA_DIR='${cluster.dataDir}' bash '${root}/infra/kafka/kafka.sh' kill-node ${victim}`,
      `KAFKA_NODES=3 KAFKA_PORT=${cluster.port} KAFKA_DATA_DIR='${cluster.dataDir}' bash '${root}/infra/kafka/kafka.sh' start-node ${victim}`,
    ),
    { servingWithinMs: 30_000 },
  );
  if (process.exitCode) return;
  await finish(
    await runPortalLeaderDrill({
      stack,
      portal: cluster.sasl('portal'),
      leaderOf: () => leaderOf(PORTAL_TOPIC),
      killLeader: async (node) => void cluster.killNode(node),
      restore: async (node) => void cluster.startNode(node),
      count: Number(env.DRILL_PORTAL_COUNT ?? 60),
      log: (line) => process.stdout.write(`  ${line}\n`),
    }),
  );
});
