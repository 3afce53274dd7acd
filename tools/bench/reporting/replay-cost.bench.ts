/**
 * Benchmark: where a rebuild's time goes, per replayed dossier event. Takes the messages a replay
 * reads (receipt, processing and return of N dossiers, published in blocks as a busy day
 * interleaves them) and runs the consumer's own steps on them in one process: decoding and
 * validating each message (CloudEvents headers, the contract's schema), then the chunk
 * transactions of a building generation (`applyTogether`: the inbox rows, then the projections),
 * with every statement timed by its kind, and BEGIN/COMMIT apart.
 *   node -r ./tools/register-ts.js tools/bench/reporting/replay-cost.bench.ts [dossiers=5000] [chunk=200] [building|active]
 * Needs the machine's PostgreSQL; makes and drops its own database <prefix>_bench_replay_cost.
 */
import { Pool } from 'pg';
import {
  CONSUMERS,
  contractOfType,
  fromKafkaMessage,
  toKafkaRecord,
  type CloudEvent,
} from '@motcua/contracts';
import { PgSqlDatabase, subscribeInBatches, type SqlTransaction } from '@motcua/messaging';
import { replayedEvents } from './replayed-events';
import { scratchReportingDatabase } from './scratch-database';
import { applyTogether } from '../../../libs/messaging/src/consumer/chunk-transaction';
import { CatalogProjector } from '../../../apps/reporting/src/projections/catalog.projector';
import { DigitizationProjector } from '../../../apps/reporting/src/projections/digitization.projector';
import { DossierProjector } from '../../../apps/reporting/src/projections/dossier.projector';
import { FeedbackProjector } from '../../../apps/reporting/src/projections/feedback.projector';
import { PortalAckProjector } from '../../../apps/reporting/src/projections/portal-ack.projector';
import { ProjectionSubscriptions } from '../../../apps/reporting/src/projections/projection-subscriptions';

const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `${process.env.MOTCUA_TEST_DB_PREFIX ?? 'motcua'}_bench_replay_cost`;
const DOSSIERS = Number(process.argv[2] ?? 5000);
const CHUNK = Number(process.argv[3] ?? 200);
/** The generation's status: a rebuild's 'building' one, or the live 'active' one. */
const STATUS = process.argv[4] ?? 'building';

/** Statement kinds by their first words: what the breakdown is printed by. */
function kindOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (s.includes('INSERT INTO inbox_event')) return 'inbox rows';
  if (s.includes('FROM projection_generation')) return 'generation status';
  if (s.startsWith('SELECT (SELECT COALESCE(json_agg')) return 'rollups: contributions before';
  if (s.includes('INSERT INTO dossier_fact')) return 'facts: upsert';
  if (s.includes('UPDATE dossier_fact')) return 'facts: changes';
  if (s.includes('new_day AS')) return 'rollups: deltas';
  if (s.includes('dossier_stage_fact')) return 'stage facts';
  if (s.includes('_rollup')) return 'rollups: other';
  return s.slice(0, 50);
}

async function main(): Promise<void> {
  const scratch = await scratchReportingDatabase(server, dbName);
  const pool = new Pool({ connectionString: scratch.url, max: 2 });
  const db = new PgSqlDatabase(pool);
  const spent = new Map<string, number>();
  const charge = (kind: string, ms: number) => spent.set(kind, (spent.get(kind) ?? 0) + ms);
  const timed = <T>(kind: string, work: Promise<T>): Promise<T> => {
    const t0 = performance.now();
    return work.finally(() => charge(kind, performance.now() - t0));
  };
  // The transactions' statements timed by kind; what is left of a transaction is BEGIN, COMMIT and JavaScript.
  const timedDb = {
    ...db,
    $transaction: <R>(work: (tx: SqlTransaction) => Promise<R>) =>
      db.$transaction((tx) =>
        work({
          $executeRawUnsafe: (q: string, ...v: unknown[]) =>
            timed(kindOf(q), tx.$executeRawUnsafe(q, ...v)),
          $queryRawUnsafe: <T>(q: string, ...v: unknown[]) =>
            timed(kindOf(q), tx.$queryRawUnsafe<T>(q, ...v)),
        }),
      ),
  } as PgSqlDatabase;
  const subscriptions = new ProjectionSubscriptions(
    new DossierProjector(),
    new FeedbackProjector(),
    new DigitizationProjector(),
    new CatalogProjector(),
    new PortalAckProjector(),
  );
  const generation = 2;
  await db.$executeRawUnsafe(
    `INSERT INTO projection_generation (generation, group_id, status) VALUES ($1, 'bench', $2)`,
    generation,
    STATUS,
  );
  const handlers = new Map(
    subscribeInBatches<SqlTransaction>(
      CONSUMERS.reporting.map((c) => contractOfType(c.type)!),
      (events: CloudEvent<never>[], tx) =>
        subscriptions.applyRun(generation, events, tx, undefined),
    ).map((s) => [s.contract.type, s]),
  );
  try {
    const messages = replayedEvents(DOSSIERS).map(({ event, key }) => {
      const record = toKafkaRecord(event, key);
      return { key, value: record.value, headers: record.headers };
    });
    const t0 = performance.now();
    const checked = messages.map((m) => {
      const event = fromKafkaMessage(m.headers, m.value);
      const subscription = handlers.get(event.type)!;
      const data = subscription.contract.schema.parse(event.data);
      return {
        delivery: { topic: 'dossiers.dossier.v1', partition: 0, message: m as never },
        event: { ...event, data },
        subscription,
      };
    });
    const decode = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < checked.length; i += CHUNK)
      await applyTogether(timedDb, `bench.g${generation}`, checked.slice(i, i + CHUNK));
    const applying = performance.now() - t1;
    const n = messages.length;
    const statements = [...spent.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${n} dossier events, ${STATUS} generation, chunks of ${CHUNK}: ${(n / ((decode + applying) / 1000)).toFixed(0)} events/s`,
    );
    console.log(`  decode + validate             ${(decode / n).toFixed(3)} ms/event`);
    for (const [kind, ms] of [...spent].sort((a, b) => b[1] - a[1]))
      console.log(`  ${kind.padEnd(30)}${(ms / n).toFixed(3)} ms/event`);
    console.log(
      `  BEGIN, COMMIT, JavaScript     ${((applying - statements) / n).toFixed(3)} ms/event`,
    );
  } finally {
    await pool.end();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
