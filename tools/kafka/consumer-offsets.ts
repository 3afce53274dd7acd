/**
 * The committed offsets of a consumer group, and moving them back to a point in time: what an
 * operator runs after restoring a service's database from a dump (docs/operations/runbooks.md,
 * "Database restore for one service").
 *
 *   node -r ./tools/register-ts.js tools/kafka/consumer-offsets.ts show  <service|group>
 *   node -r ./tools/register-ts.js tools/kafka/consumer-offsets.ts reset <service|group> --to-datetime <ISO> [--dry-run]
 *
 * A service name stands for its consumer group (`motcua.<service>`). `reset` moves every
 * partition the group has committed offsets on to the first message at or after the time (to the
 * end where none is that recent); Kafka accepts it only while the group has no member, so the
 * service's instances must be stopped. The broker is KAFKA_BROKERS (default 127.0.0.1:9092),
 * signed in as its admin (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, else the local broker's
 * credentials). Prints one JSON line: the group and, per topic and partition, the offset before
 * and after.
 */
import { SERVICES, consumerGroupOf, type ServiceName } from '@motcua/contracts';
import { createKafka } from '@motcua/messaging';
import { createLogger } from '@motcua/observability';
import { operatorKafkaSasl } from './operator-identity';

type Move = { topic: string; partition: number; from: string; to: string };

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: consumer-offsets.ts show <service|group> | reset <service|group> --to-datetime <ISO> [--dry-run]\n`,
  );
  process.exit(2);
}

function parse(argv: string[]) {
  const [command, target, ...rest] = argv;
  if (command !== 'show' && command !== 'reset') usage(`unknown command '${command ?? ''}'`);
  if (!target) usage('name a service or a consumer group');
  const group = (SERVICES as readonly string[]).includes(target)
    ? consumerGroupOf(target as ServiceName)
    : target;
  let toDatetime: Date | undefined;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--dry-run') dryRun = true;
    else if (rest[i] === '--to-datetime') {
      toDatetime = new Date(rest[++i] ?? '');
      if (Number.isNaN(toDatetime.getTime())) usage('--to-datetime needs an ISO date-time');
    } else usage(`unexpected argument ${rest[i]}`);
  }
  if (command === 'reset' && !toDatetime) usage('reset needs --to-datetime <ISO>');
  return { command, group, toDatetime, dryRun };
}

async function main(): Promise<void> {
  const { command, group, toDatetime, dryRun } = parse(process.argv.slice(2));
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const kafka = createKafka('motcua-consumer-offsets', brokers, createLogger('offsets', 'warn'), {
    sasl: operatorKafkaSasl(),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId: group });
    if (command === 'show') {
      process.stdout.write(`${JSON.stringify({ group, topics: committed })}\n`);
      return;
    }
    const moves: Move[] = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map(
        (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]),
      );
      const at = await admin.fetchTopicOffsetsByTimestamp(topic, toDatetime!.getTime());
      const target = new Map(
        at.map((p) => [p.partition, p.offset === '-1' ? (ends.get(p.partition) ?? '0') : p.offset]),
      );
      for (const { partition, offset } of partitions) {
        const to = target.get(partition);
        if (to !== undefined) moves.push({ topic, partition, from: offset, to });
      }
      const sets = partitions
        .filter(({ partition }) => target.has(partition))
        .map(({ partition }) => ({ partition, offset: target.get(partition)! }));
      if (!dryRun && sets.length > 0)
        await admin.setOffsets({ groupId: group, topic, partitions: sets });
    }
    process.stdout.write(`${JSON.stringify({ group, dryRun, toDatetime, moves })}\n`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `consumer-offsets: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
