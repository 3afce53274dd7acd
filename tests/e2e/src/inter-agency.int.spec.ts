/* eslint-disable @nx/enforce-module-boundaries -- the demo chains and agency tree are the seed's data under tools/ (not an Nx project); this test publishes them through the real catalog. */
import type { Consumer } from 'kafkajs';
import { Client } from 'pg';
import {
  addWorkingHours,
  explainAppointment,
  toLocalDate,
  workingHoursBetween,
} from '@motcua/calendar';
import { startService, testEnv, waitFor, type RunningService } from '@motcua/testing';
import {
  AGRICULTURE_ENVIRONMENT as LAND,
  CONSTRUCTION as BUILDING,
  DEMO_AGENCY_TREE,
  FINANCE,
} from '../../../tools/seed/catalog/demo-agencies';
import {
  call,
  demoChainDecision,
  messagesOf,
  recordTopics,
  stageDue,
  type Json,
  type Message,
  type Who,
} from './inter-agency.support';

jest.setTimeout(600_000);

const DAY = 86_400_000;
const admin: Who = { role: 'admin', agency: FINANCE, unit: 'VP.MC' };
const desk: Who = { role: 'desk_officer', agency: FINANCE, unit: 'VP.MC' };
const leader: Who = { role: 'leader', agency: FINANCE, unit: 'LD.STC' };
const officer = (agency: string): Who => ({ role: 'specialist', agency, unit: 'P.X' });

/**
 * Issue 20 "Done when" (một cửa liên thông), through the real catalog, dossiers and reporting
 * services and the broker: the demo chains 1.013101 (sequential: Sở Tài chính 15 → Sở Nông nghiệp
 * và Môi trường 10, 25 working days) and 1.013102 (parallel: Sở Tài chính 5 → Sở Xây dựng 10 ‖ Sở
 * Nông nghiệp và Môi trường 12 → Sở Tài chính 13, 30 working days) are published by the catalog;
 * a dossier of each is received with a backdated receipt (the administrator's demo-data knob), so
 * that Sở Tài chính's first stage is already late; Sở Nông nghiệp và Môi trường asks for a
 * supplement in its stage. Checked: the due dates (dossier and each stage, from libs/calendar),
 * the time each agency took, the portal statuses, and reporting's per-agency figures, overdue list
 * and where each dossier waits.
 */
describe('e2e: inter-agency dossiers (một cửa liên thông), catalog → dossiers → reporting', () => {
  let catalog: RunningService;
  let dossiers: RunningService;
  let reporting: RunningService;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    [catalog, dossiers, reporting] = await Promise.all([
      startService('catalog', 4961),
      startService('dossiers', 4962),
      startService('reporting', 4963),
    ]);
    consumer = await recordTopics(messages);
    const tree = await call(catalog.url, 'PUT', '/agency-tree', admin, DEMO_AGENCY_TREE);
    expect(tree.status).toBe(200);
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await Promise.all([catalog?.stop(), dossiers?.stop(), reporting?.stop()]);
  });

  /** Publishes the chain in the catalog and waits for the dossiers service's copy. */
  async function publish(demoCode: '1.013101' | '1.013102') {
    const { code, body } = demoChainDecision(demoCode);
    const published = await call(catalog.url, 'POST', '/publication-decisions', admin, body);
    expect([published.status, published.body.status]).toEqual([201, 'announced']);
    const db = new Client({ connectionString: testEnv.databaseUrl('dossiers') });
    await db.connect();
    try {
      await waitFor(`procedure ${code} in the dossiers copy`, async () => {
        const { rowCount } = await db.query('SELECT 1 FROM procedure_copy WHERE code = $1', [code]);
        return rowCount ? true : undefined;
      });
    } finally {
      await db.end();
    }
    return { code, procedure: body.procedure };
  }

  /** Received by the administrator `daysAgo` calendar days ago at 09:00 local time (demo-data backdating). */
  async function receiveBackdated(
    procedure: { code: string; requiredDocuments: { code: string; required: boolean }[] },
    daysAgo: number,
  ) {
    const day = toLocalDate(new Date(Date.now() - daysAgo * DAY));
    const receivedAt = `${day}T09:00:00+07:00`;
    const intake = await call(dossiers.url, 'POST', '/dossiers', admin, {
      procedureCode: procedure.code,
      channel: 'in_person',
      applicant: {
        type: 'organisation',
        personalId: '001099012345',
        name: 'Trần Thị Bình',
        organisationName: 'Trung tâm Phát triển quỹ đất tỉnh',
      },
      documents: procedure.requiredDocuments
        .filter((d) => d.required)
        .map((d) => ({ code: d.code, digitized: true })),
      receivedAt,
    });
    expect(intake.status).toBe(201);
    return {
      id: intake.body.dossier.id as string,
      code: intake.body.dossier.code as string,
      receivedAt,
      dossier: intake.body.dossier,
    };
  }

  const act = async (id: string, action: string, who: Who, body: unknown = {}) => {
    const answer = await call(dossiers.url, 'POST', `/dossiers/${id}/actions/${action}`, who, body);
    expect({
      action,
      agency: who.agency,
      status: answer.status,
      body: answer.status === 200 ? undefined : answer.body,
    }).toEqual({
      action,
      agency: who.agency,
      status: 200,
      body: undefined,
    });
    return answer.body;
  };
  const view = async (id: string) =>
    (await call(dossiers.url, 'GET', `/dossiers/${id}`, leader)).body;
  /**
   * The agency runs its stage's own internal steps (the chain's workflow, ADR 0030): each by a
   * specialist of the step's unit, another unit's specialist being refused, then hands back.
   */
  const handBack = async (id: string, agency: string) => {
    const stageOf = async () =>
      (await view(id)).stages.find((s: Json) => s.agencyCode === agency && s.status === 'accepted');
    const steps: Json[] = (await stageOf()).steps;
    const due = Date.parse((await stageOf()).legalDueAt);
    expect(steps.every((s) => Date.parse(s.dueAt) <= due)).toBe(true);
    expect(steps.at(-1).dueAt).toBe((await stageOf()).legalDueAt);
    const unitOf = (unit: string): Who => ({ role: 'specialist', agency, unit });
    for (const step of steps.slice(0, -1)) {
      const refused = await call(
        dossiers.url,
        'POST',
        `/dossiers/${id}/actions/complete-stage-step`,
        unitOf('P.KHAC'),
        {},
      );
      expect([refused.status, refused.body.type]).toEqual([
        403,
        expect.stringContaining('unit-scope'),
      ]);
      await act(id, 'complete-stage-step', unitOf(step.unitCode));
    }
    await act(id, 'hand-back', unitOf(steps.at(-1).unitCode));
    expect(
      (await view(id)).stages
        .find((s: Json) => s.agencyCode === agency && s.handedBackAt)
        .steps.every((s: Json) => s.status === 'completed'),
    ).toBe(true);
  };
  const figures = async (query: string) =>
    (await call(reporting.url, 'GET', `/figures?${query}`)).body.groups[0].figures;
  const stageEvents = (id: string, count: number) =>
    messagesOf(messages, 'dossiers.dossier.v1', (d) => d.dossierId === id, count);
  // The procedure code too: a recreated database numbers dossiers again, the broker keeps older runs.
  const portal = (code: string, procedureCode: string, count: number) =>
    messagesOf(
      messages,
      'portal.dossier-status.v1',
      (d) => d.dossierCode === code && d.procedureCode === procedureCode,
      count,
    );
  const missing = (procedure: { requiredDocuments: { code: string; required: boolean }[] }) => {
    const doc = procedure.requiredDocuments.find((d) => d.required)!;
    return {
      missing: [{ documentCode: doc.code, description: 'Bản sao chưa có chứng thực' }],
      documents: [{ code: doc.code }],
    };
  };

  it('sequential 1.013101: Sở Tài chính late on its own share, Sở Nông nghiệp và Môi trường on time after a supplement', async () => {
    const { code, procedure } = await publish('1.013101');
    const range = (receivedAt: string) =>
      `procedure=${code}&period=range&from=${receivedAt.slice(0, 10)}&to=${toLocalDate(new Date())}`;
    // 25 calendar days ago: past Sở Tài chính's 15 working days, not yet the dossier's 25.
    const d = await receiveBackdated(procedure, 25);
    const dueAt = explainAppointment({
      receivedAt: new Date(d.receivedAt),
      limit: { value: 25, unit: 'working_days' },
    }).dueAt;
    expect(d.dossier.legalDueAt).toBe(dueAt.toISOString());
    expect(
      d.dossier.stages.map((s: Json) => [s.order, s.agencyCode, s.share, s.legalDueAt]),
    ).toEqual([
      [1, FINANCE, 15, stageDue(d.receivedAt, 15)],
      [2, LAND, 10, null],
    ]);
    expect(Date.parse(stageDue(d.receivedAt, 15))).toBeLessThan(Date.now());
    expect(dueAt.getTime()).toBeGreaterThan(Date.now());

    await act(d.id, 'transfer', desk, { agencyCodes: [FINANCE] });
    await act(d.id, 'accept-stage', officer(FINANCE));
    // Reporting: the dossier waits at Sở Tài chính, whose stage is late though the dossier is not.
    const waiting = await waitFor(
      'the late stage in the overdue list',
      async () => {
        const body = (
          await call(reporting.url, 'GET', `/figures/overdue?agency=${FINANCE}&procedure=${code}`)
        ).body;
        return body.dossiers.length === 1 ? body.dossiers[0] : undefined;
      },
      60_000,
    );
    expect(waiting).toMatchObject({
      dossierCode: d.code,
      dossierOverdue: false,
      lateStageAgencyCodes: [FINANCE],
      heldBy: [expect.objectContaining({ agencyCode: FINANCE, order: 1, late: true })],
    });
    const list = (await call(reporting.url, 'GET', `/figures/inter-agency?procedure=${code}`)).body;
    expect(list.waitingAt).toEqual([
      { agencyCode: FINANCE, agencyName: 'Sở Tài chính', dossiers: 1, late: 1 },
    ]);

    await handBack(d.id, FINANCE);
    await act(d.id, 'transfer', officer(FINANCE), { agencyCodes: [LAND] });
    await act(d.id, 'accept-stage', officer(LAND));
    await act(d.id, 'request-supplement', officer(LAND), { missing: missing(procedure).missing });
    await act(d.id, 'supplement-received', desk, { documents: missing(procedure).documents });
    await handBack(d.id, LAND);
    await act(d.id, 'mark-processed', leader);
    await act(d.id, 'return-result', desk, { method: 'desk' });

    const events = await stageEvents(d.id, 15);
    const handedBack = events
      .filter((e) => e.type === 'motcua.dossier.stage-handed-back.v1')
      .map((e) => e.data);
    const resumed = events.find((e) => e.type === 'motcua.dossier.resumed.v1')!.data;
    // Each agency's due date from its own share: Sở Tài chính from receipt, the next from its start, restarted by the supplement.
    expect(handedBack.map((h) => [h.stage.agencyCode, h.stageLegalDueDate, h.onTime])).toEqual([
      [FINANCE, stageDue(d.receivedAt, 15), false],
      [LAND, stageDue(resumed.occurredAt, 10), true],
    ]);
    expect(Date.parse(handedBack[1].stageStartedAt)).toBe(Date.parse(handedBack[0].stageEndedAt));
    // The time each agency took: office hours of working days, less the supplement's wait.
    expect(handedBack[0].workingHoursTaken).toBeCloseTo(
      workingHoursBetween(new Date(d.receivedAt), new Date(handedBack[0].stageEndedAt)),
      1,
    );
    expect(handedBack[1].suspendedWorkingHours).toBeGreaterThanOrEqual(0);
    const stages = (await view(d.id)).stages;
    expect(
      stages.map((s: Json) => [s.agencyCode, s.status, s.onTime, s.workingHoursTaken]),
    ).toEqual([
      [FINANCE, 'handed_back', false, handedBack[0].workingHoursTaken],
      [LAND, 'handed_back', true, handedBack[1].workingHoursTaken],
    ]);

    // The portal: received, processing through the stages, awaiting the supplement, processed, returned; no agency of the chain.
    // (Each internal step of a stage completed is one more "processing": Sở Tài chính 3, Sở Nông nghiệp và Môi trường 1.)
    const statuses = await portal(d.code, code, 15);
    expect(statuses.map((m) => m.data.portalStatus)).toEqual([
      2, 4, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 9, 10,
    ]);
    expect(statuses.some((m) => JSON.stringify(m.data).includes(LAND))).toBe(false);

    // Reporting: each agency on its own stage.
    const fin = await waitFor(
      'Sở Tài chính figures',
      async () => {
        const f = await figures(`agency=${FINANCE}&${range(d.receivedAt)}`);
        return f.stages_handed_back.value === 1 && f.returned.value === 1 ? f : undefined;
      },
      60_000,
    );
    expect(fin).toMatchObject({
      stage_late_rate: { value: 1, numerator: 1, denominator: 1 },
      avg_stage_working_hours: { value: handedBack[0].workingHoursTaken },
      stages_in_progress: { value: 0 },
      received: { value: 1 },
    });
    const land = await waitFor(
      'Sở Nông nghiệp và Môi trường figures',
      async () => {
        const f = await figures(`agency=${LAND}&${range(d.receivedAt)}`);
        return f.stages_handed_back.value === 1 ? f : undefined;
      },
      60_000,
    );
    expect(land).toMatchObject({
      stage_on_time_rate: { value: 1 },
      stage_supplements: { value: 1 },
      avg_stage_working_hours: { value: handedBack[1].workingHoursTaken },
      received: { value: 0 },
    });
    expect(
      (await call(reporting.url, 'GET', `/figures/inter-agency?procedure=${code}`)).body.dossiers,
    ).toEqual([]);
  });

  it('parallel 1.013102: two departments at once, the asking department restarts, the other pauses (ADR 0022)', async () => {
    const { code, procedure } = await publish('1.013102');
    // 9 calendar days ago: past Sở Tài chính's 5 working days.
    const d = await receiveBackdated(procedure, 9);
    expect(d.dossier.legalDueAt).toBe(
      explainAppointment({
        receivedAt: new Date(d.receivedAt),
        limit: { value: 30, unit: 'working_days' },
      }).dueAt.toISOString(),
    );
    expect(d.dossier.stages.map((s: Json) => [s.order, s.agencyCode, s.share])).toEqual(
      [
        [1, FINANCE, 5],
        [2, LAND, 12],
        [2, BUILDING, 10],
        [3, FINANCE, 13],
      ].sort(
        (a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])),
      ),
    );

    await act(d.id, 'transfer', desk, { agencyCodes: [FINANCE] });
    await act(d.id, 'accept-stage', officer(FINANCE));
    await handBack(d.id, FINANCE);
    await act(d.id, 'transfer', officer(FINANCE), { agencyCodes: [BUILDING, LAND] });
    await act(d.id, 'accept-stage', officer(BUILDING));
    await act(d.id, 'accept-stage', officer(LAND));
    // Reporting: the dossier now waits at both departments.
    const both = await waitFor(
      'the parallel order in reporting',
      async () => {
        const body = (await call(reporting.url, 'GET', `/figures/inter-agency?procedure=${code}`))
          .body;
        return body.dossiers[0]?.heldBy.length === 2 ? body : undefined;
      },
      60_000,
    );
    expect(both.waitingAt.map((w: Json) => w.agencyCode).sort()).toEqual([BUILDING, LAND].sort());

    await act(d.id, 'request-supplement', officer(LAND), { missing: missing(procedure).missing });
    await act(d.id, 'supplement-received', desk, { documents: missing(procedure).documents });
    await handBack(d.id, BUILDING);
    await handBack(d.id, LAND);
    await act(d.id, 'transfer', officer(LAND), { agencyCodes: [FINANCE] });
    await act(d.id, 'accept-stage', officer(FINANCE));
    await handBack(d.id, FINANCE);
    await act(d.id, 'mark-processed', leader);
    await act(d.id, 'return-result', desk, { method: 'desk' });

    const events = await stageEvents(d.id, 22);
    const handedBack = events
      .filter((e) => e.type === 'motcua.dossier.stage-handed-back.v1')
      .map((e) => e.data);
    const resumed = events.find((e) => e.type === 'motcua.dossier.resumed.v1')!.data;
    expect(
      events.find((e) => e.type === 'motcua.dossier.supplement-requested.v1')!.data
        .askedByAgencyCode,
    ).toBe(LAND);
    const planned = events.find(
      (e) =>
        e.type === 'motcua.dossier.stage-transferred.v1' && e.data.stage.agencyCode === BUILDING,
    )!.data.stageLegalDueDate;
    // ADR 0022: the asking department's share restarts from the complete supplement; the other
    // running department was only stopped: its due date moves by the office hours waited.
    const waited = workingHoursBetween(
      new Date(resumed.supplementRequestedAt),
      new Date(resumed.supplementReceivedAt),
    );
    const paused = waited > 0 ? addWorkingHours(new Date(planned), waited) : new Date(planned);
    expect(
      handedBack.map((h) => [h.stage.order, h.stage.agencyCode, h.stageLegalDueDate, h.onTime]),
    ).toEqual([
      [1, FINANCE, stageDue(d.receivedAt, 5), false],
      [2, BUILDING, expect.any(String), true],
      [2, LAND, stageDue(resumed.occurredAt, 12), true],
      [3, FINANCE, stageDue(handedBack[2].stageEndedAt, 13), true],
    ]);
    // Within a second: the two instants of the wait are those of the events, the service's own are a few ms apart.
    // The resumed event carries both clocks (reporting reads them at once).
    expect(
      resumed.stageClocks.map((c: Json) => [c.agencyCode, c.clock, c.stageLegalDueDate]).sort(),
    ).toEqual(
      [
        [BUILDING, 'paused', handedBack[1].stageLegalDueDate],
        [LAND, 'restarted', handedBack[2].stageLegalDueDate],
      ].sort(),
    );
    expect(Math.abs(Date.parse(handedBack[1].stageLegalDueDate) - paused.getTime())).toBeLessThan(
      1000,
    );
    // The order ends with its last stage: the third starts when the second department hands back.
    expect(handedBack[1].nextOrder).toBeUndefined();
    expect(handedBack[2].nextOrder).toBe(3);

    const statuses = await portal(d.code, code, 21);
    expect(statuses.map((m) => m.data.portalStatus)).toEqual([
      2, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 10,
    ]);
    expect(statuses.some((m) => JSON.stringify(m.data).includes(BUILDING))).toBe(false);

    const range = `procedure=${code}&period=range&from=${d.receivedAt.slice(0, 10)}&to=${toLocalDate(new Date())}`;
    const byAgency = await waitFor(
      'the per-agency figures',
      async () => {
        const body = (await call(reporting.url, 'GET', `/figures?${range}&groupBy=agency`)).body;
        const of = (agency: string) => body.groups.find((g: Json) => g.key === agency)?.figures;
        return of(FINANCE)?.stages_handed_back.value === 2 && of(FINANCE)?.returned.value === 1
          ? of
          : undefined;
      },
      60_000,
    );
    expect(byAgency(FINANCE)).toMatchObject({
      stages_handed_back: { value: 2 },
      stage_late_rate: { value: 0.5 },
      processed: { value: 1 },
    });
    // The supplement is Sở Nông nghiệp và Môi trường's (askedByAgencyCode): Sở Xây dựng only paused.
    expect(byAgency(BUILDING)).toMatchObject({
      stages_handed_back: { value: 1 },
      stage_on_time_rate: { value: 1 },
      stage_supplements: { value: 0 },
    });
    expect(byAgency(LAND)).toMatchObject({
      stages_handed_back: { value: 1 },
      stage_on_time_rate: { value: 1 },
      stage_supplements: { value: 1 },
    });
  });
});
