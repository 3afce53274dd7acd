import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { mintDevToken } from '@motcua/auth';
import { todayInVietnam } from '@motcua/calendar';
import { decisionBody } from '../fixtures/procedure.fixture';
import { repoRoot } from '../repo-root';
import { waitFor } from '../wait-for';
import type { DrillStack } from './stack';

/** A procedure of the drill's own (fresh code and agency per run: dossier codes count per agency and day). */
export type DrillProcedure = { code: string; agencyCode: string };

/** A token for the drill: for the test run's identity provider under Jest, the local stack's otherwise. */
export function drillToken(roles: string[], extra: Record<string, string> = {}): Promise<string> {
  return mintDevToken(repoRoot(), {
    subject: `drill-${roles[0]}`,
    roles: roles as never,
    issuer: process.env.MOTCUA_TEST_AUTH_ISSUER,
    ...extra,
  });
}

/** Publishes the drill's procedure through the catalog and waits until the dossiers service has its copy. */
export async function publishDrillProcedure(stack: DrillStack): Promise<DrillProcedure> {
  const n = Math.floor(Math.random() * 90) + 10;
  const code = `8.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const agencyCode = `D${n}.00.15.H26`;
  const today = todayInVietnam();
  const admin = await drillToken(['admin']);
  const response = await fetch(`${stack.services.catalog}/publication-decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(
      decisionBody(
        'new',
        code,
        { number: `${n}/QĐ-DRILL`, signedOn: today, effectiveFrom: today },
        { name: `Diễn tập sự cố ${n}`, agencyCode },
      ),
    ),
  });
  if (response.status !== 201)
    throw new Error(
      `publishing the drill procedure answered ${response.status}: ${(await response.text()).slice(0, 400)}`,
    );
  const db = new Client({ connectionString: stack.databases.dossiers });
  await db.connect();
  try {
    await waitFor(
      `procedure ${code} in the dossiers database`,
      async () => {
        const { rowCount } = await db.query('SELECT 1 FROM procedure_copy WHERE code = $1', [code]);
        return rowCount ? true : undefined;
      },
      60_000,
    );
  } finally {
    await db.end();
  }
  return { code, agencyCode };
}

/** What one burst saw: the dossiers answered 201, and every answer of every attempt. */
export type BurstOutcome = {
  created: string[];
  gaveUp: number;
  /** Attempts by answer: an HTTP status, or `network` when no answer came. */
  answers: Map<string, number>;
  /** 503s that were application/problem+json with a Retry-After header. */
  wellFormed503: number;
  elapsedMs: number;
};

export const newOutcome = (): BurstOutcome => ({
  created: [],
  gaveUp: 0,
  answers: new Map(),
  wellFormed503: 0,
  elapsedMs: 0,
});

/**
 * `count` intakes of the drill's procedure at `concurrency`, each retried with its Idempotency-Key
 * as a well-behaved client does (on 503, on 429 and when no answer came, within `retryForMs`),
 * so a retry never makes a second dossier. `stopping()` ends the burst early.
 */
export async function intakeBurst(
  stack: DrillStack,
  procedure: DrillProcedure,
  options: { count: number; concurrency: number; retryForMs?: number; outcome?: BurstOutcome },
): Promise<BurstOutcome> {
  const token = await drillToken(['desk_officer'], { unit: 'VP.MC', agency: procedure.agencyCode });
  const outcome = options.outcome ?? newOutcome();
  const seen = (answer: string) =>
    outcome.answers.set(answer, (outcome.answers.get(answer) ?? 0) + 1);
  const started = Date.now();
  let next = 0;
  const one = async (i: number) => {
    const key = `drill-${randomUUID()}`; // the applicant's id varies so that no two intakes are one
    const body = JSON.stringify({
      procedureCode: procedure.code,
      channel: 'in_person',
      applicant: {
        type: 'business',
        personalId: String(100000000000 + i),
        name: 'Nguyễn Văn Diễn Tập',
        organisationName: 'Công ty TNHH Diễn tập',
      },
      documents: [{ code: 'BDKG', digitized: true, reused: false }],
    });
    const deadline = Date.now() + (options.retryForMs ?? 90_000);
    for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
      const response = await fetch(`${stack.services.dossiers}/dossiers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      }).catch(() => undefined);
      seen(response ? String(response.status) : 'network');
      const text = response ? await response.text().catch(() => '') : '';
      if (response?.status === 201) {
        outcome.created.push((JSON.parse(text) as { dossier: { id: string } }).dossier.id);
        return;
      }
      if (
        response?.status === 503 &&
        response.headers.get('retry-after') &&
        response.headers.get('content-type')?.includes('application/problem+json')
      ) {
        outcome.wellFormed503 += 1;
      }
      const retryable = !response || response.status === 503 || response.status === 429;
      if (!retryable || Date.now() > deadline) {
        outcome.gaveUp += 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
  const worker = async () => {
    while (next < options.count) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, worker));
  outcome.elapsedMs = Date.now() - started;
  return outcome;
}
