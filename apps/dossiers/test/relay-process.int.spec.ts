import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** The live child processes of a process (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number),
  );
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** OUTBOX_RELAY=process: the outbox relay runs in a child process of the service's own build. */
describe('the outbox relay in its own process (OUTBOX_RELAY=process)', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;

  beforeAll(async () => {
    await h.start(4350, { OUTBOX_RELAY: 'process' });
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(() => h.stop());

  it('publishes the events of an intake from the child and marks them published; the child ends with the service', async () => {
    const relays = childrenOf(h.service.process.pid!);
    expect(relays).toHaveLength(1);
    const response = await h.intake(intakeBody(procedure));
    expect(response.status).toBe(201);
    const { id, code } = response.body.dossier;
    const published = await waitFor(
      'the intake events published by the relay child',
      async () => {
        const { rows } = await h.db.query(
          `SELECT count(*) FILTER (WHERE published_at IS NOT NULL) AS published, count(*) AS written
           FROM outbox_event WHERE event_key IN ($1, $2)`,
          [id, code],
        );
        return Number(rows[0].written) === 2 && Number(rows[0].published) === 2 ? true : undefined;
      },
      30_000,
    );
    expect(published).toBe(true);
    expect(h.service.logs.some((line) => line.includes('outbox relay process started'))).toBe(true);
    await h.service.stop();
    await waitFor(
      'the relay child to end',
      async () => (alive(relays[0]) ? undefined : true),
      20_000,
    );
    expect(alive(relays[0])).toBe(false);
  });
});
