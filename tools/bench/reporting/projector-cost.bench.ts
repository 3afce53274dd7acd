/**
 * Benchmark: what the rollups cost the dossier projector. Projects the same dossier events (receipt,
 * processing, result return of N dossiers) into a fresh database: writing only dossier_fact, one event
 * per transaction (the baseline); with the daily and monthly rollup deltas, one event per transaction;
 * and with the rollups in batches of 100 events per transaction, as the consumer applies a busy topic.
 *   node -r ./tools/register-ts.js tools/bench/reporting/projector-cost.bench.ts
 * Needs the machine's PostgreSQL; makes and drops its own database motcua_bench_reporting_projector.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  buildEvent,
  dossierProcessed,
  dossierReceived,
  dossierResultReturned,
  type CloudEvent,
  type DossierFacts,
} from '@motcua/contracts';
import { Client, Pool } from 'pg';
import { PgSqlDatabase } from '@motcua/messaging';
import { writeDossierFacts } from '../../../apps/reporting/src/projections/dossier-fact.repository';
import { DossierProjector } from '../../../apps/reporting/src/projections/dossier.projector';

const root = join(__dirname, '..', '..', '..');
const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = 'motcua_bench_reporting_projector';
const dbUrl = server.replace(/\/[^/]*$/, `/${dbName}`);
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 1000);

type Event = CloudEvent<DossierFacts & Record<string, unknown>>;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function eventsOf(i: number): Event[] {
  const day = 1 + (i % 28);
  const base = {
    dossierId: randomUUID(),
    dossierCode: `A${String(i % 60).padStart(2, '0')}.H26-2506${String(day).padStart(2, '0')}-${String((i % 9999) + 1).padStart(4, '0')}`,
    procedureCode: `1.${String(i % 2000).padStart(6, '0')}`,
    procedureVersion: 1,
    agencyCode: `A${String(i % 60).padStart(2, '0')}.H26`,
    domainCode: `D${i % 40}`,
    channel: 'online' as const,
    applicantType: 'business' as const,
    applicantKey: 'a'.repeat(64),
    receivedAt: `2025-06-${String(day).padStart(2, '0')}T09:00:00+07:00`,
    dueDate: `2025-07-${String(day).padStart(2, '0')}T17:00:00+07:00`,
  };
  const ctx = { correlationId: 'bench' };
  return [
    buildEvent(
      dossierReceived,
      {
        ...dossierReceived.example,
        ...base,
        portalStatus: 2,
        occurredAt: base.receivedAt,
        receivedAt: base.receivedAt,
        dueDate: base.dueDate,
      },
      ctx,
    ).event,
    buildEvent(
      dossierProcessed,
      {
        ...dossierProcessed.example,
        ...base,
        portalStatus: 9,
        occurredAt: `2025-07-0${1 + (i % 5)}T10:00:00+07:00`,
      },
      ctx,
    ).event,
    buildEvent(
      dossierResultReturned,
      {
        ...dossierResultReturned.example,
        ...base,
        portalStatus: 10,
        occurredAt: `2025-07-0${2 + (i % 5)}T10:00:00+07:00`,
        returnedAt: `2025-07-0${2 + (i % 5)}T10:00:00+07:00`,
      },
      ctx,
    ).event,
  ] as Event[];
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const migrated = spawnSync(
    'bash',
    [join(root, 'tools/prisma/prisma.sh'), 'reporting', 'deploy'],
    { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' },
  );
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const db = new PgSqlDatabase(new Pool({ connectionString: dbUrl, max: 2 })); // as the projection consumers use it
  const projector = new DossierProjector();
  try {
    const events = Array.from({ length: DOSSIERS }, (_, i) => eventsOf(i)).flat();
    type Mode = 'facts' | 'rollups' | 'batches';
    const run = async (generation: number, mode: Mode) => {
      const started = process.hrtime.bigint();
      const size = mode === 'batches' ? 100 : 1;
      for (let i = 0; i < events.length; i += size) {
        const batch = events.slice(i, i + size);
        await db.$transaction((tx) =>
          mode === 'facts'
            ? writeDossierFacts(tx, generation, batch)
            : projector.applyMany(generation, batch, tx),
        );
      }
      return Number(process.hrtime.bigint() - started) / 1e6 / events.length;
    };
    await run(9, 'rollups'); // warm-up
    const best = async (mode: Mode, generations: number[]) =>
      Math.min(...[await run(generations[0], mode), await run(generations[1], mode)]);
    const facts = await best('facts', [1, 4]);
    const rollups = await best('rollups', [2, 5]);
    const batches = await best('batches', [3, 6]);
    console.log(`${events.length} dossier events (best of two runs)`);
    console.log(
      `dossier_fact only, one event a transaction:     ${facts.toFixed(2)} ms/event (${Math.round(1000 / facts)} events/s)`,
    );
    console.log(
      `with daily + monthly rollups, one a transaction: ${rollups.toFixed(2)} ms/event (${Math.round(1000 / rollups)} events/s), ${(rollups / facts).toFixed(2)}x`,
    );
    console.log(
      `with rollups, 100 events a transaction:         ${batches.toFixed(2)} ms/event (${Math.round(1000 / batches)} events/s), ${(batches / facts).toFixed(2)}x`,
    );
  } finally {
    await db.pool.end();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
