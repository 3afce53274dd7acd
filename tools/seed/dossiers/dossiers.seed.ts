import type { SeedClient } from '../seed-client';
import { demoDossiers, type DemoDossier } from './demo-dossiers';
import { demoInterAgencyDossiers } from './demo-inter-agency-dossiers';

export type DossierSeedResult = { created: number; existing: number; actions: number };

/** The parts of the service's answers the seed reads. */
type Answer = {
  alreadySeeded?: true;
  replayed?: boolean;
  dossier?: { id: string; appointmentDate: string };
  appointmentDate?: string;
  history?: { action: string }[];
};

/**
 * Creates ~200 demo dossiers through the dossiers service's HTTP API (every event flows as in
 * production). Idempotent: each demo dossier has its own Idempotency-Key, and a replayed dossier
 * only gets the planned actions its history does not show yet. Dossiers received before today are
 * backdated (admin only; the service marks them demo), with receipt times fixed for the day.
 *
 * `dossiersUrl` defaults to the SeedClient's `dossiers` base URL (SeedClient.post cannot send the
 * Idempotency-Key header, so this seed calls fetch with the client's tokens).
 */
export async function seedDossiers(
  client: SeedClient,
  dossiersUrl?: string,
  count = 200,
): Promise<DossierSeedResult> {
  const base = dossiersUrl ?? client.baseUrls.dossiers;
  const call = async (
    method: string,
    path: string,
    role: Parameters<SeedClient['token']>[0],
    unit: string | undefined,
    body?: unknown,
    key?: string,
    attempt = 0,
    agency?: string,
  ): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await client.token(role, unit, agency)}`,
        'x-correlation-id': 'seed-dossiers',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // Right after the catalog seed, procedures may still be on their way to the dossiers' copy.
    if (response.status === 422 && text.includes('procedure-unknown') && attempt < 60) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return call(method, path, role, unit, body, key, attempt + 1, agency);
    }
    // A backdated demo dossier seeded on an earlier day has another receipt time: it is there already.
    if (response.status === 422 && key && text.includes('idempotency-key-reused'))
      return { alreadySeeded: true };
    if (!response.ok)
      throw new Error(
        `seed: ${method} dossiers${path} answered ${response.status}: ${text.slice(0, 500)}`,
      );
    return JSON.parse(text) as Answer;
  };
  const result: DossierSeedResult = { created: 0, existing: 0, actions: 0 };
  // The inter-agency demo dossiers (một cửa liên thông) come after, one per stage of each chain.
  for (const demo of [...demoDossiers(count), ...demoInterAgencyDossiers()]) {
    const intake = await call(
      'POST',
      '/dossiers',
      demo.role,
      demo.role === 'desk_officer' ? 'VP.MC' : undefined,
      demo.body,
      demo.key,
    );
    if (intake.alreadySeeded) {
      result.existing += 1;
      continue;
    }
    const id = intake.dossier!.id;
    const done = intake.replayed ? await actionsDone(call, id) : 0;
    if (intake.replayed) result.existing += 1;
    else result.created += 1;
    let dossier = intake.dossier!;
    for (const step of remaining(demo, done)) {
      const body = typeof step.body === 'function' ? step.body(dossier) : step.body;
      dossier = {
        id,
        appointmentDate:
          (
            await call(
              'POST',
              `/dossiers/${id}/actions/${step.action}`,
              step.role,
              step.unit,
              body,
              undefined,
              0,
              step.agency,
            )
          ).appointmentDate ?? dossier.appointmentDate,
      };
      result.actions += 1;
    }
  }
  return result;
}

async function actionsDone(
  call: (m: string, p: string, r: 'leader', u: string) => Promise<Answer>,
  id: string,
): Promise<number> {
  const dossier = await call('GET', `/dossiers/${id}`, 'leader', 'P.QLG');
  return (dossier.history ?? []).filter((h) => h.action !== 'intake').length;
}

function remaining(demo: DemoDossier, done: number) {
  return demo.steps.slice(done);
}
