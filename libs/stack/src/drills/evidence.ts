import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../repo-root';
import type { KafkaCluster } from './kafka-cluster';

/**
 * What a failed cluster drill leaves behind to find out why (the spec keeps the cluster's folder
 * and prints where): each node's log segments of `topic` dumped with Kafka's DumpLogSegments
 * (records with their keys, values, producer ids and sequences), the dossiers service's outbox
 * rows of the topic, and the last log lines of each service. Returns the folder written.
 */
export async function keepClusterEvidence(options: {
  dir: string;
  cluster: KafkaCluster;
  topic: string;
  dossiersDatabaseUrl: string;
  /** Each service's name and last log lines (a RunningService of the tests has both). */
  services: { name: string; logs: string[] }[];
}): Promise<string> {
  const out = join(options.dir, 'evidence');
  mkdirSync(out, { recursive: true });
  for (const service of options.services)
    writeFileSync(join(out, `${service.name}.log`), `${service.logs.join('\n')}\n`);
  const outbox = await outboxRows(options.dossiersDatabaseUrl, options.topic).catch(
    (error: Error) => `not read: ${error.message}\n`,
  );
  writeFileSync(join(out, 'outbox.tsv'), outbox);
  const dumps: string[] = [];
  // One DumpLogSegments per node (a JVM start takes seconds on a loaded machine), every partition.
  for (const node of options.cluster.nodes) {
    const logs = join(options.cluster.dataDir, `node-${node}`, 'kraft-combined-logs');
    if (!existsSync(logs)) continue;
    const segments = readdirSync(logs)
      .filter((folder) => folder.startsWith(`${options.topic}-`))
      .flatMap((folder) =>
        readdirSync(join(logs, folder))
          .filter((f) => f.endsWith('.log'))
          .map((f) => join(logs, folder, f)),
      );
    const dump = dumpLogSegments(segments);
    dumps.push(dump);
    writeFileSync(join(out, `dump-node-${node}.txt`), dump);
  }
  // Outbox rows whose key is in no node's log: the events Kafka never got (or lost).
  const keys = new Set(dumps.flatMap((d) => [...d.matchAll(/ key: (\S+)/g)].map((m) => m[1])));
  const [header = '', ...rows] = outbox.trim().split('\n');
  const absent = rows.filter((row) => !keys.has(row.split('\t')[1]));
  writeFileSync(join(out, 'outbox-absent-from-log.tsv'), [header, ...absent].join('\n') + '\n');
  return out;
}

/** `kafka.tools.DumpLogSegments --deep-iteration --print-data-log` of the given segment files. */
export function dumpLogSegments(segments: string[]): string {
  if (segments.length === 0) return 'no segment\n';
  try {
    return execFileSync(
      process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java',
      [
        '-Xmx128m',
        '-cp',
        join(repoRoot(), 'infra/kafka/lib/*'),
        'kafka.tools.DumpLogSegments',
        '--deep-iteration',
        '--print-data-log',
        '--files',
        segments.join(','),
      ],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 },
    );
  } catch (error) {
    return `DumpLogSegments failed: ${(error as Error).message}\n`;
  }
}

async function outboxRows(databaseUrl: string, topic: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  db.on('error', () => undefined);
  await db.connect();
  try {
    const { rows } = await db.query<Record<string, string>>(
      `SELECT position::text, event_key, envelope->>'id' AS event_id, envelope->>'type' AS type,
              created_at::text, published_at::text
         FROM outbox_event WHERE topic = $1 ORDER BY position`,
      [topic],
    );
    const columns = ['position', 'event_key', 'event_id', 'type', 'created_at', 'published_at'];
    return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]
      .map((line) => line.join('\t'))
      .join('\n')
      .concat('\n');
  } finally {
    await db.end();
  }
}
