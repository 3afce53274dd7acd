import type { Producer } from 'kafkajs';
import {
  dossierDueDateRederived,
  dossierProcessed,
  dossierResumed,
  dossierStageAccepted,
  dossierStageHandedBack,
  dossierStageTransferred,
  dossierSupplementRequested,
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
  publish,
  received,
  uniqueAgency,
  type Built,
  type Dossier,
} from './fixtures';

jest.setTimeout(300_000);

type Stage = { order: number; agencyCode: string; agencyName: string; external: boolean };
const stageOf = (order: number, agencyCode: string, agencyName: string): Stage => ({
  order,
  agencyCode,
  agencyName,
  external: false,
});

/** The three stage events of one stage: sent, taken, handed back (hours from now). */
function stageEvents(
  d: Dossier,
  stage: Stage,
  clock: { started: number; due: number; accepted?: number; ended?: number; hours?: number },
  extra: { suspended?: number; from?: string } = {},
): Built[] {
  const base = { stage, stageStartedAt: at(clock.started), stageLegalDueDate: at(clock.due) };
  const built: Built[] = [
    event(dossierStageTransferred, {
      ...dossierStageTransferred.example,
      ...facts(d, 4, at(clock.started)),
      ...base,
      transferredAt: at(clock.started),
      fromAgencyCode: extra.from ?? d.agencyCode,
    } as never),
  ];
  if (clock.accepted !== undefined)
    built.push(
      event(dossierStageAccepted, {
        ...dossierStageAccepted.example,
        ...facts(d, 4, at(clock.accepted)),
        ...base,
        acceptedAt: at(clock.accepted),
      } as never),
    );
  if (clock.ended !== undefined)
    built.push(
      event(dossierStageHandedBack, {
        ...dossierStageHandedBack.example,
        ...facts(d, 4, at(clock.ended)),
        ...base,
        stageEndedAt: at(clock.ended),
        workingHoursTaken: clock.hours ?? 0,
        suspendedWorkingHours: extra.suspended ?? 0,
        onTime: clock.ended <= clock.due,
      } as never),
    );
  return built;
}

/**
 * Một cửa liên thông in reporting: the stage events of a sequential and a parallel dossier are
 * projected per stage; each agency is judged on its own share (figures by the stage's agency), the
 * overdue list names the agency whose running stage is late, the dashboard's list says where each
 * dossier waits, and a rebuild gives the same answers.
 */
describe('reporting of inter-agency dossiers (một cửa liên thông)', () => {
  let service: RunningService;
  let producer: Producer;
  const lead = uniqueAgency(); // Sở Tài chính: stage 1 of both chains
  const land = uniqueAgency(); // Sở Nông nghiệp và Môi trường
  const building = uniqueAgency(); // Sở Xây dựng
  const code = randomProcedureCode();
  const sequential = newDossier(lead, code);
  const parallel = newDossier(lead, code);

  beforeAll(async () => {
    service = await startService('reporting', 4604);
    producer = await connectProducer();
    const supplementAt = -10;
    await publish(producer, [
      // Sequential: the lead's stage hands back late (20 working hours, due 24 h ago); the land
      // department's stage waits 5 hours for a supplement, restarts, hands back on time in 8 hours.
      received(sequential, at(-60), at(100)),
      ...stageEvents(sequential, stageOf(1, lead, 'Sở Tài chính'), {
        started: -60,
        due: -30,
        accepted: -59,
        ended: -20,
        hours: 20,
      }),
      ...stageEvents(
        sequential,
        stageOf(2, land, 'Sở Nông nghiệp và Môi trường'),
        { started: -20, due: 30, accepted: -19 },
        { from: lead },
      ),
      event(dossierSupplementRequested, {
        ...dossierSupplementRequested.example,
        ...facts(sequential, 5, at(supplementAt), { supplementRequestedAt: at(supplementAt) }),
      } as never),
      event(dossierResumed, {
        ...dossierResumed.example,
        ...facts(sequential, 4, at(-5), {
          supplementRequestedAt: at(supplementAt),
          supplementReceivedAt: at(-5),
          dueDate: at(100),
        }),
      } as never),
      ...stageEvents(
        sequential,
        stageOf(2, land, 'Sở Nông nghiệp và Môi trường'),
        { started: -20, due: 40, ended: -1, hours: 8 },
        { suspended: 5 },
      ).slice(-1),
      // Parallel: the lead's stage on time, then land ‖ building; the building department's stage is late.
      received(parallel, at(-50), at(200)),
      ...stageEvents(parallel, stageOf(1, lead, 'Sở Tài chính'), {
        started: -50,
        due: -10,
        accepted: -49,
        ended: -30,
        hours: 6,
      }),
      ...stageEvents(
        parallel,
        stageOf(2, building, 'Sở Xây dựng'),
        { started: -30, due: -2, accepted: -29 },
        { from: lead },
      ),
      ...stageEvents(
        parallel,
        stageOf(2, land, 'Sở Nông nghiệp và Môi trường'),
        { started: -30, due: 50, accepted: -28 },
        { from: lead },
      ),
    ]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const figures = async (query: string) =>
    (await getJson(`${service.url}/figures?period=year${query}`)).body;

  /** What the API shows of the three agencies' stages, without the generation number. */
  async function snapshot() {
    const byAgency = await figures(`&procedure=${code}&groupBy=agency`);
    const overdue = (await getJson(`${service.url}/figures/overdue?agency=${building}`)).body;
    const list = (await getJson(`${service.url}/figures/inter-agency?agency=${lead}`)).body;
    const strip = ({ generation: _g, ...rest }: Record<string, unknown>) => rest;
    return { byAgency: strip(byAgency), overdue: strip(overdue), list: strip(list) };
  }

  it('judges each agency on its own stage, names who holds a late stage, and rebuilds the same', async () => {
    const settled = await waitFor(
      'the stages projected',
      async () => {
        const f = (await figures(`&agency=${building}`)).groups[0].figures;
        const l = (await figures(`&agency=${land}`)).groups[0].figures;
        return f.stages_overdue.value === 1 && l.stages_handed_back.value === 1 ? true : undefined;
      },
      120_000,
    );
    expect(settled).toBe(true);

    // The lead agency: two stages handed back, one late (20 h) and one on time (6 h).
    const leadFigures = (await figures(`&agency=${lead}`)).groups[0].figures;
    expect(leadFigures).toMatchObject({
      stages_started: { value: 2 },
      stages_handed_back: { value: 2 },
      stage_on_time_rate: { value: 0.5, numerator: 1, denominator: 2 },
      stage_late_rate: { value: 0.5, numerator: 1, denominator: 2 },
      avg_stage_working_hours: { value: 13, numerator: 26, denominator: 2 },
      stages_in_progress: { value: 0 },
    });
    // Its own dossiers as the resolving agency are counted as before.
    expect(leadFigures.received.value).toBe(2);

    // The land department: on time in 8 h after the supplement (its clock restarted), and one stage running in time.
    expect((await figures(`&agency=${land}`)).groups[0].figures).toMatchObject({
      stages_started: { value: 2 },
      stages_handed_back: { value: 1 },
      stage_on_time_rate: { value: 1 },
      avg_stage_working_hours: { value: 8 },
      stage_supplements: { value: 1 },
      stages_in_progress: { value: 1 },
      stages_overdue: { value: 0 },
      received: { value: 0 },
    });
    // The building department: its running stage is past its own due date.
    expect((await figures(`&agency=${building}`)).groups[0].figures).toMatchObject({
      stages_started: { value: 1 },
      stages_in_progress: { value: 1 },
      stages_overdue: { value: 1 },
      stages_handed_back: { value: 0 },
      stage_on_time_rate: { value: null },
    });
    const grouped = await figures(`&procedure=${code}&groupBy=agency`);
    expect(grouped.groups.map((g: { key: string }) => g.key).sort()).toEqual(
      [lead, land, building].sort(),
    );
    const unitFiltered = await figures(`&agency=${lead}&unit=P.QLG`);
    expect(unitFiltered.notes).toContain(
      "stage figures are not filtered by unit: a stage is an agency's, without a unit",
    );

    // The overdue list names the building department, whose stage is late, though the dossier is not.
    const overdue = (await getJson(`${service.url}/figures/overdue?agency=${building}`)).body;
    expect(overdue.dossiers).toEqual([
      expect.objectContaining({
        dossierCode: parallel.dossierCode,
        agencyCode: lead,
        dossierOverdue: false,
        lateStageAgencyCodes: [building],
        heldBy: expect.arrayContaining([
          expect.objectContaining({ order: 2, agencyCode: building, late: true }),
          expect.objectContaining({ order: 2, agencyCode: land, late: false }),
        ]),
      }),
    ]);
    expect(overdue.dossiers[0].daysLate).toBeGreaterThan(0);
    const csv = await fetch(`${service.url}/figures/overdue?agency=${building}&format=csv`);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('heldBy,lateStageAgencyCodes');
    expect(lines[1]).toContain(`,${building}`);
    // Not late for the land department, nor for the lead agency's own dossiers.
    expect((await getJson(`${service.url}/figures/overdue?agency=${land}`)).body.dossiers).toEqual(
      [],
    );

    // The dashboard's list: where each unfinished inter-agency dossier waits.
    const list = (await getJson(`${service.url}/figures/inter-agency?agency=${lead}`)).body;
    const byCode = new Map(
      list.dossiers.map((d: { dossierCode: string }) => [d.dossierCode, d] as const),
    );
    expect(byCode.get(sequential.dossierCode)).toMatchObject({
      heldBy: [],
      stages: [
        { order: 1, agencyCode: lead, status: 'handed_back', onTime: false, workingHoursTaken: 20 },
        { order: 2, agencyCode: land, status: 'handed_back', onTime: true, workingHoursTaken: 8 },
      ],
    });
    expect(
      (byCode.get(parallel.dossierCode) as { heldBy: { agencyCode: string }[] }).heldBy
        .map((s) => s.agencyCode)
        .sort(),
    ).toEqual([building, land].sort());
    expect(list.waitingAt).toEqual(
      [
        { agencyCode: lead, agencyName: 'Sở Tài chính', dossiers: 1, late: 0 },
        { agencyCode: land, agencyName: 'Sở Nông nghiệp và Môi trường', dossiers: 1, late: 0 },
        { agencyCode: building, agencyName: 'Sở Xây dựng', dossiers: 1, late: 1 },
      ].sort((a, b) => a.agencyCode.localeCompare(b.agencyCode)),
    );
    const bad = await getJson(`${service.url}/figures/inter-agency?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'query.limit' });

    // Once the lead agency decides, the sequential dossier leaves the list.
    await publish(producer, [
      event(dossierProcessed, {
        ...dossierProcessed.example,
        ...facts(sequential, 9, at(-0.5)),
      } as never),
    ]);
    await waitFor(
      'the processed dossier to leave the list',
      async () => {
        const body = (await getJson(`${service.url}/figures/inter-agency?agency=${lead}`)).body;
        return body.dossiers.length === 1 ? true : undefined;
      },
      60_000,
    );

    // A rebuild replays the stage events into the new generation: the same answers.
    const live = await snapshot();
    const admin = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const started = await getJson(`${service.url}/admin/projections/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(started.status).toBe(202);
    await waitFor(
      'the rebuilt generation to become active',
      async () => {
        const body = await figures(`&agency=${lead}`);
        return body.generation === started.body.generation ? true : undefined;
      },
      240_000,
    );
    expect(await snapshot()).toEqual(live);
  });

  it('counts a supplement on the asking agency only and takes each running stage’s new clock from the resumed event (ADR 0022)', async () => {
    const asker = uniqueAgency();
    const other = uniqueAgency();
    const d = newDossier(lead, randomProcedureCode());
    await publish(producer, [
      received(d, at(-40), at(200)),
      ...stageEvents(d, stageOf(1, asker, 'Sở Nông nghiệp và Môi trường'), {
        started: -30,
        due: 5,
        accepted: -29,
      }),
      ...stageEvents(d, stageOf(1, other, 'Sở Xây dựng'), { started: -30, due: -6, accepted: -29 }),
      event(dossierSupplementRequested, {
        ...dossierSupplementRequested.example,
        ...facts(d, 5, at(-10), { supplementRequestedAt: at(-10) }),
        askedByAgencyCode: asker,
      } as never),
      event(dossierResumed, {
        ...dossierResumed.example,
        ...facts(d, 4, at(-5), {
          supplementRequestedAt: at(-10),
          supplementReceivedAt: at(-5),
          dueDate: at(200),
        }),
        stageClocks: [
          // The asker restarts its share; the other was paused by the wait: due later, still past.
          {
            order: 1,
            agencyCode: asker,
            clock: 'restarted',
            stageLegalDueDate: at(40),
            suspendedWorkingHours: 5,
          },
          {
            order: 1,
            agencyCode: other,
            clock: 'paused',
            stageLegalDueDate: at(-1),
            suspendedWorkingHours: 5,
          },
        ],
      } as never),
    ]);
    const of = async (agency: string) => (await figures(`&agency=${agency}`)).groups[0].figures;
    const projected = await waitFor(
      'the supplement and the clocks projected',
      async () => ((await of(asker)).stage_supplements.value === 1 ? true : undefined),
      60_000,
    );
    expect(projected).toBe(true);
    expect(await of(asker)).toMatchObject({
      stage_supplements: { value: 1 },
      stages_overdue: { value: 0 },
    });
    // Not the other agency's supplement; its paused due date is known at once (and passed).
    expect(await of(other)).toMatchObject({
      stage_supplements: { value: 0 },
      stages_overdue: { value: 1 },
    });
    const overdue = (await getJson(`${service.url}/figures/overdue?agency=${other}`)).body;
    expect(overdue.dossiers).toEqual([
      expect.objectContaining({ dossierCode: d.dossierCode, lateStageAgencyCodes: [other] }),
    ]);
  });

  it('takes a running stage’s due date moved by a calendar change from due-date-rederived', async () => {
    const moved = uniqueAgency();
    const d = newDossier(lead, randomProcedureCode());
    await publish(producer, [
      received(d, at(-40), at(200)),
      // Due an hour ago by the old calendar: overdue until the change moves it.
      ...stageEvents(d, stageOf(1, moved, 'Sở Xây dựng'), { started: -30, due: -1, accepted: -29 }),
    ]);
    const of = async () => (await figures(`&agency=${moved}`)).groups[0].figures;
    await waitFor(
      'the stage overdue',
      async () => ((await of()).stages_overdue.value === 1 ? true : undefined),
      60_000,
    );
    await publish(producer, [
      event(dossierDueDateRederived, {
        ...dossierDueDateRederived.example,
        ...facts(d, 4, at(0), { dueDate: at(208) }),
        previousDueDate: at(200),
        stageClocks: [
          {
            order: 1,
            agencyCode: moved,
            clockStartedAt: at(-30),
            previousStageLegalDueDate: at(-1),
            stageLegalDueDate: at(7),
          },
        ],
      } as never),
    ]);
    const after = await waitFor(
      'the moved due date projected',
      async () => ((await of()).stages_overdue.value === 0 ? true : undefined),
      60_000,
    );
    expect(after).toBe(true);
    expect((await of()).stages_in_progress.value).toBe(1);
  });
});
