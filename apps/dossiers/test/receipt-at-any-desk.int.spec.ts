import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { Role } from '@motcua/auth';
import { contractOfType } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/**
 * Receipt regardless of administrative boundaries (docs/inter-agency.md "Receipt at any desk"): a
 * commune's public administration centre receives a dossier of a provincial department it does not
 * act for. The dossier records the receiving desk and the resolving agency, is forwarded to the
 * resolving agency, which acts on it; the centre follows it, takes the supplement and returns the
 * result where the applicant chose. Real service, database and broker; the agency tree copy is
 * written as the catalog's tree event would (apps/dossiers/test/agency-scope.int.spec.ts runs that path).
 */
describe('receipt at any desk (tiếp nhận không phụ thuộc địa giới hành chính)', () => {
  const h = new DossiersHarness();
  const prefix = randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase();
  const province = `${prefix}.00.00.H26`;
  const communeCentre = `${prefix}.31.05.H26`; // a commune's centre, receiving for nobody listed
  const otherDepartment = `${prefix}.00.16.H26`;
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: { type: string; value: string }[] = [];

  beforeAll(async () => {
    await h.start(4324);
    procedure = await h.addProcedure(testProcedure());
    const nodes = [
      { kind: 'province', code: province, name: 'UBND tỉnh' },
      {
        kind: 'department',
        code: procedure.agencyCode,
        name: 'Sở Tài chính',
        parentCode: province,
      },
      { kind: 'department', code: otherDepartment, name: 'Sở Xây dựng', parentCode: province },
      {
        kind: 'centre',
        code: communeCentre,
        name: 'Trung tâm Phục vụ hành chính công xã',
        parentCode: province,
        receivesFor: [],
      },
    ];
    await h.db.query(
      `INSERT INTO agency_tree_copy (province_code, version, nodes) VALUES ($1, 1, $2::jsonb)`,
      [province, JSON.stringify(nodes)],
    );
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-receipt-any-desk-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: ['dossiers.dossier.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void messages.push({
          type: message.headers?.ce_type?.toString() ?? '',
          value: message.value?.toString() ?? '',
        }),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  const as = (role: Role, agency: string) => ({
    role,
    agency,
    unit: 'VP.MC',
    subject: `${role}-${agency}`,
  });
  const act = (id: string, action: string, body: unknown, who: ReturnType<typeof as>) =>
    h.request('POST', `/dossiers/${id}/actions/${action}`, { ...who, body });
  const centreDesk = as('desk_officer', communeCentre);
  const receiveAtCentre = (resultReturnPlace?: string) =>
    h.request('POST', '/dossiers', {
      ...centreDesk,
      body: intakeBody(procedure, resultReturnPlace ? { resultReturnPlace } : {}),
    });
  const status = async (id: string) =>
    (await h.db.query(`SELECT status FROM dossier WHERE id = $1`, [id])).rows[0].status;

  it('a centre receives for any agency and forwards; the resolving agency acts; the centre returns the result', async () => {
    const lead = procedure.agencyCode;
    const received = await receiveAtCentre();
    expect(received.status).toBe(201);
    const dossier = received.body.dossier;
    expect(dossier).toMatchObject({
      agencyCode: lead,
      receivingAgencyCode: communeCentre,
      resultReturnPlace: 'receiving_desk',
    });
    expect(dossier.forwardedAt).toBe(dossier.receivedAt);
    expect(dossier.code.startsWith(lead)).toBe(true); // the resolving agency leads the code by default
    const id: string = dossier.id;

    // A department's own desk is not a centre: it receives only for its agency.
    const refused = await h.request('POST', '/dossiers', {
      ...as('desk_officer', otherDepartment),
      body: intakeBody(procedure),
    });
    expect({ status: refused.status, type: refused.body.type }).toEqual({
      status: 403,
      type: expect.stringContaining('agency-scope'),
    });

    // The centre follows the dossier but does not act on it: 403 naming the rule, nothing moves.
    const followed = await h.request('GET', `/dossiers/${id}`, centreDesk);
    expect(followed.status).toBe(200);
    expect(followed.body.allowedActions).not.toContain('assign');
    const assign = await act(
      id,
      'assign',
      { officerId: randomUUID() },
      as('leader', communeCentre),
    );
    expect(assign.status).toBe(403);
    expect(assign.body.type).toContain('receiving-desk-scope');
    expect(await status(id)).toBe('received');
    // A department's desk that neither received nor resolves it does not see it.
    expect(
      (await h.request('GET', `/dossiers/${id}`, as('desk_officer', otherDepartment))).status,
    ).toBe(404);

    // The resolving agency asks for a supplement; the applicant brings it to the centre.
    const asked = await act(
      id,
      'request-supplement',
      { missing: [{ documentCode: 'VBTD', description: 'Thiếu văn bản thẩm định' }] },
      as('leader', lead),
    );
    expect(asked.status).toBe(200);
    expect(
      (await act(id, 'supplement-received', { documents: [{ code: 'VBTD' }] }, centreDesk)).status,
    ).toBe(200);
    expect((await act(id, 'mark-processed', {}, as('leader', lead))).status).toBe(200);

    // The applicant chose the receiving desk: the resolving agency's desk may not return it.
    const wrongPlace = await act(id, 'return-result', { method: 'desk' }, as('desk_officer', lead));
    expect(wrongPlace.status).toBe(403);
    expect(wrongPlace.body.type).toContain('return-place');
    expect(await status(id)).toBe('processed');
    const returned = await act(id, 'return-result', { method: 'desk' }, centreDesk);
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('result_returned');

    // The received event carries the receiving desk, the forwarding and the choice, by contract.
    const event = await waitFor(
      'the received event',
      async () =>
        messages
          .filter((m) => m.type === 'motcua.dossier.received.v1')
          .map((m) => JSON.parse(m.value))
          .find((e) => e.dossierId === id),
      30000,
    );
    expect(event).toMatchObject({
      agencyCode: lead,
      receivingAgencyCode: communeCentre,
      forwarded: true,
      resultReturnPlace: 'receiving_desk',
    });
    expect(contractOfType('motcua.dossier.received.v1')!.schema.safeParse(event).success).toBe(
      true,
    );
  });

  it('returns the result at the resolving agency when the applicant chose it', async () => {
    const lead = procedure.agencyCode;
    const received = await receiveAtCentre('resolving_agency');
    expect(received.status).toBe(201);
    const id: string = received.body.dossier.id;
    expect((await act(id, 'assign', { officerId: randomUUID() }, as('leader', lead))).status).toBe(
      200,
    );
    expect((await act(id, 'mark-processed', {}, as('leader', lead))).status).toBe(200);
    const atCentre = await act(id, 'return-result', { method: 'desk' }, centreDesk);
    expect(atCentre.status).toBe(403);
    expect(atCentre.body.type).toContain('return-place');
    expect(
      (await act(id, 'return-result', { method: 'desk' }, as('desk_officer', lead))).status,
    ).toBe(200);
  });

  it('a receipt by the resolving agency’s own desk is not forwarded and changes nothing', async () => {
    const own = await h.intake(intakeBody(procedure));
    expect(own.status).toBe(201);
    expect(own.body.dossier).toMatchObject({
      receivingAgencyCode: procedure.agencyCode,
      forwardedAt: null,
      resultReturnPlace: null,
    });
  });
});
