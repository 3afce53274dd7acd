/**
 * Rebuilds the reporting projections: starts a new generation (replay of every topic from the
 * beginning) and follows its lag until the service switches to it.
 *   node -r ./tools/register-ts.js apps/reporting/scripts/rebuild-projections.ts [http://127.0.0.1:3105]
 * Token: REPORTING_TOKEN (an admin bearer token); without it, one is minted with the local dev key.
 */
import { mintDevToken } from '@motcua/auth';
import { join } from 'node:path';

type State = {
  generations: { generation: number; status: string }[];
  building?: { generation: number; lag: number | null };
};

async function main(): Promise<void> {
  const base = process.argv[2] ?? process.env.REPORTING_URL ?? 'http://127.0.0.1:3105';
  const token =
    process.env.REPORTING_TOKEN ??
    (await mintDevToken(join(__dirname, '..', '..', '..'), {
      subject: 'rebuild-script',
      roles: ['admin'],
    }));
  const headers = { authorization: `Bearer ${token}` };
  const started = await fetch(`${base}/admin/projections/rebuild`, { method: 'POST', headers });
  const body = (await started.json()) as { generation?: number; detail?: string };
  if (started.status !== 202)
    throw new Error(`rebuild refused (${started.status}): ${body.detail ?? JSON.stringify(body)}`);
  console.log(
    `generation ${body.generation} is replaying every topic; the active generation keeps serving`,
  );
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const state = (await (await fetch(`${base}/admin/projections`, { headers })).json()) as State;
    const active = state.generations.find((g) => g.status === 'active')?.generation;
    if (active === body.generation) {
      console.log(`switched: generation ${active} is active`);
      return;
    }
    console.log(`catching up: lag ${state.building?.lag ?? 'unknown'} messages`);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
