/**
 * Benchmark: what the rollups cost the dossier projector. Projects the same dossier events (receipt,
 * processing, result return of N dossiers) twice into a fresh database, each in its own transaction as
 * the consumer does: once writing only dossier_fact, once with the daily and monthly rollup deltas.
 *   node -r ./tools/register-ts.js tools/bench/reporting/projector-cost.bench.ts
 * Needs the machine's PostgreSQL; makes and drops its own database motcua_bench_reporting_projector.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { buildEvent, dossierProcessed, dossierReceived, dossierResultReturned, type CloudEvent, type DossierFacts } from '@motcua/contracts';
import { Client } from 'pg';
import { PrismaClient } from '../../../apps/reporting/src/generated/prisma/client';
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
    dossierId: randomUUID(), dossierCode: `A${String(i % 60).padStart(2, '0')}.H26-2506${String(day).padStart(2, '0')}-${String((i % 9999) + 1).padStart(4, '0')}`,
    procedureCode: `1.${String(i % 2000).padStart(6, '0')}`, procedureVersion: 1, agencyCode: `A${String(i % 60).padStart(2, '0')}.H26`, domainCode: `D${i % 40}`,
    channel: 'online' as const, applicantType: 'business' as const, applicantKey: 'a'.repeat(64),
    receivedAt: `2025-06-${String(day).padStart(2, '0')}T09:00:00+07:00`, dueDate: `2025-07-${String(day).padStart(2, '0')}T17:00:00+07:00`,
  };
  const ctx = { correlationId: 'bench' };
  return [
    buildEvent(dossierReceived, { ...dossierReceived.example, ...base, portalStatus: 2, occurredAt: base.receivedAt, receivedAt: base.receivedAt, dueDate: base.dueDate }, ctx).event,
    buildEvent(dossierProcessed, { ...dossierProcessed.example, ...base, portalStatus: 9, occurredAt: `2025-07-0${1 + (i % 5)}T10:00:00+07:00` }, ctx).event,
    buildEvent(dossierResultReturned, { ...dossierResultReturned.example, ...base, portalStatus: 10, occurredAt: `2025-07-0${2 + (i % 5)}T10:00:00+07:00`, returnedAt: `2025-07-0${2 + (i % 5)}T10:00:00+07:00` }, ctx).event,
  ] as Event[];
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const migrated = spawnSync('bash', [join(root, 'tools/prisma/prisma.sh'), 'reporting', 'deploy'], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl, max: 2 }) });
  const projector = new DossierProjector();
  try {
    const events = Array.from({ length: DOSSIERS }, (_, i) => eventsOf(i)).flat();
    const run = async (generation: number, withRollups: boolean) => {
      const started = process.hrtime.bigint();
      for (const event of events) {
        await db.$transaction((tx) => (withRollups ? projector.apply(generation, event, tx) : projector.applyFactOnly(generation, event, tx)));
      }
      return Number(process.hrtime.bigint() - started) / 1e6 / events.length;
    };
    await run(9, true); // warm-up
    const factsOnly = await run(1, false);
    const withRollups = await run(2, true);
    const factsOnlyAgain = await run(3, false);
    const withRollupsAgain = await run(4, true);
    const facts = Math.min(factsOnly, factsOnlyAgain);
    const rollups = Math.min(withRollups, withRollupsAgain);
    console.log(`${events.length} dossier events, one transaction each (best of two runs)`);
    console.log(`dossier_fact only:            ${facts.toFixed(2)} ms/event (${Math.round(1000 / facts)} events/s)`);
    console.log(`with daily + monthly rollups: ${rollups.toFixed(2)} ms/event (${Math.round(1000 / rollups)} events/s), ${(rollups / facts).toFixed(2)}x`);
  } finally {
    await db.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
