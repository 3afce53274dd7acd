import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  dossierExtended,
  dossierOverdue,
  dossierProcessed,
  dossierResultReturned,
  feedbackAnswered,
  feedbackReceived,
  feedbackRated,
} from '@motcua/contracts';
import {
  mintTestToken,
  startService,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import {
  at,
  connectProducer,
  event,
  facts,
  getJson,
  newDossier,
  procedure,
  publish,
  received,
  uniqueAgency,
  type Built,
} from './fixtures';

jest.setTimeout(300_000);

describe('rebuilding the projections from the topics', () => {
  let service: RunningService;
  let producer: Producer;
  const agency = uniqueAgency();
  const code = randomProcedureCode();

  beforeAll(async () => {
    service = await startService('reporting', 4603);
    producer = await connectProducer();
    const events: Built[] = [procedure(code, agency, 'partial')];
    for (let i = 0; i < 6; i += 1) {
      const d = newDossier(agency, code, i % 2 === 0 ? 'QLG' : 'TCDN');
      events.push(
        received(d, at(-10 + i), at(i % 3 === 0 ? -1 : 24), {
          channel: i % 2 === 0 ? 'online' : 'postal',
          populationDataUsed: i % 2 === 0,
        }),
      );
      if (i % 3 === 1)
        events.push(
          event(dossierExtended, {
            ...dossierExtended.example,
            ...facts(d, 4, at(-3), { previousDueDate: at(24), dueDate: at(30) }),
          } as never),
        );
      if (i < 4)
        events.push(
          event(dossierProcessed, {
            ...dossierProcessed.example,
            ...facts(d, 9, at(-2 + i * 0.1)),
            electronicResult: i % 2 === 0,
          } as never),
        );
      if (i === 1)
        events.push(
          event(dossierResultReturned, {
            ...dossierResultReturned.example,
            ...facts(d, 10, at(-0.5), { returnedAt: at(-0.5) }),
          } as never),
        );
      if (i === 5)
        events.push(
          event(dossierOverdue, {
            ...dossierOverdue.example,
            ...facts(d, 4, at(-0.2)),
            deadline: { scope: 'dossier', responsibleUnitCode: 'P.QLG', deadline: at(-0.3) },
            overdueSince: at(-0.3),
          } as never),
        );
    }
    const fb = { feedbackId: randomUUID(), feedbackCode: 'PAKN-R-1', agencyCode: agency };
    events.push(
      event(feedbackReceived, {
        ...feedbackReceived.example,
        ...fb,
        occurredAt: at(-5),
        receivedAt: at(-5),
      }),
      event(feedbackAnswered, {
        ...feedbackAnswered.example,
        ...fb,
        occurredAt: at(-1),
        answerBy: at(-2),
      }),
      event(feedbackRated, {
        ...feedbackRated.example,
        ...fb,
        occurredAt: at(-0.5),
        satisfaction: 'acceptable',
      }),
    );
    await publish(producer, events);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  /** Everything the dashboard and the API show for the agency, without the generation number. */
  async function snapshot() {
    const strip = ({ generation: _g, ...rest }: Record<string, unknown>) => rest;
    const urls = [
      `/figures?agency=${agency}`,
      `/figures?agency=${agency}&groupBy=domain&period=year`,
      `/figures?agency=${agency}&groupBy=day`,
      `/index-766?agency=${agency}`,
    ];
    const answers = await Promise.all(
      urls.map(async (u) => strip((await getJson(service.url + u)).body)),
    );
    const overdue = (
      await getJson(`${service.url}/figures/overdue?agency=${agency}`)
    ).body.dossiers.map((d: { dossierCode: string; dueDate: string }) => [
      d.dossierCode,
      d.dueDate,
    ]);
    return { answers, overdue };
  }

  it('replays every topic into a new generation while the old one serves, then switches with identical figures', async () => {
    await waitFor(
      'the agency projected live',
      async () => {
        const f = (await getJson(`${service.url}/figures?agency=${agency}`)).body.groups[0].figures;
        return f.received.value === 6 &&
          f.processed.value === 4 &&
          f.satisfaction_rate.sampleSize === 1
          ? true
          : undefined;
      },
      120_000,
    );
    // the dossier topic may still be behind the feedback topic: wait until the snapshot stops changing
    let live = await snapshot();
    await waitFor(
      'the live projections to settle',
      async () => {
        await new Promise((r) => setTimeout(r, 1500));
        const next = await snapshot();
        const settled = JSON.stringify(next) === JSON.stringify(live) && next.overdue.length === 1;
        live = next;
        return settled ? true : undefined;
      },
      60_000,
    );
    expect(live.answers[0]).toMatchObject({
      groups: [
        {
          figures: {
            received: { value: 6 },
            extensions: { value: 2 },
            feedback_on_time_rate: { value: 0 },
          },
        },
      ],
    });
    expect(live.overdue.length).toBe(1);

    const admin = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const officer = await mintTestToken({ subject: 'desk-1', roles: ['desk_officer'] });
    const forbidden = await fetch(`${service.url}/admin/projections/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(forbidden.status).toBe(403);

    const oldGeneration = (await getJson(`${service.url}/figures?agency=${agency}`)).body
      .generation as number;
    // Two admins at once: one rebuild starts, the other is told it is running (never two, never a 500).
    const start = () =>
      getJson(`${service.url}/admin/projections/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
    const both = await Promise.all([start(), start()]);
    expect(both.map((answer) => answer.status).sort()).toEqual([202, 409]);
    const started = both.find((answer) => answer.status === 202)!;
    expect(both.find((answer) => answer.status === 409)!.body.type).toMatch(/rebuild-in-progress$/);
    expect(started.body.generation).toBeGreaterThan(oldGeneration);
    expect((await getJson(`${service.url}/figures?agency=${agency}`)).body.generation).toBe(
      oldGeneration,
    );

    await waitFor(
      'the rebuilt generation to become active',
      async () => {
        const state = (
          await getJson(`${service.url}/admin/projections`, {
            headers: { authorization: `Bearer ${admin}` },
          })
        ).body;
        const active = state.generations.find((g: { status: string }) => g.status === 'active');
        return active?.generation === started.body.generation ? true : undefined;
      },
      240_000,
    );
    expect((await getJson(`${service.url}/figures?agency=${agency}`)).body.generation).toBe(
      started.body.generation,
    );
    expect(await snapshot()).toEqual(live);
  });

  it('shuts down cleanly during a rebuild, which goes on after a restart', async () => {
    const admin = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const state = async () =>
      (
        await getJson(`${service.url}/admin/projections`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).body as { generations: { generation: number; status: string }[] };
    const started = await getJson(`${service.url}/admin/projections/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(started.status).toBe(202);
    // SIGTERM while the new generation replays (or switches): the process finishes its hooks and exits 0, not killed
    await service.stop();
    expect({ code: service.process.exitCode, signal: service.process.signalCode }).toEqual({
      code: 0,
      signal: null,
    });
    expect(service.logs.some((line) => line.includes('"msg":"shut down"'))).toBe(true);
    service = await startService('reporting', 4603);
    await waitFor(
      'the rebuilt generation to become active after the restart',
      async () => {
        const active = (await state()).generations.find((g) => g.status === 'active');
        return active?.generation === started.body.generation ? true : undefined;
      },
      240_000,
    );
    expect((await state()).generations.filter((g) => g.status === 'building')).toEqual([]);
  });
});
