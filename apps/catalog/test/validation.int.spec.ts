import { decisionBody, randomProcedureCode } from '@motcua/testing';
import { CatalogHarness, type Problem } from './catalog-harness';

/** Bad input: a 4xx naming the field and the rule, and nothing half-saved. */
describe('publication rules over HTTP', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4202);
  });
  afterAll(() => catalog?.stop());

  const rowsOf = async (code: string) =>
    (await catalog.count('SELECT count(*) AS n FROM procedure WHERE code = $1', [code])) +
    (await catalog.count(`SELECT count(*) AS n FROM procedure_version WHERE record->>'code' = $1`, [
      code,
    ]));
  const decisionsNumbered = (number: string) =>
    catalog.count('SELECT count(*) AS n FROM publication_decision WHERE number = $1', [number]);

  async function expectRefused(
    body: ReturnType<typeof decisionBody> | object,
    status: number,
    field: string,
    rule: string,
  ) {
    const reply = await catalog.post<Problem>('/publication-decisions', body);
    expect(reply.status).toBe(status);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule })]),
    );
    return reply.body;
  }

  it('an unknown domain: 422 on procedure.domainCode, nothing saved', async () => {
    const code = randomProcedureCode();
    const body = decisionBody('new', code);
    body.decision.number = `${code}/QĐ-UBND`; // the fixture's number repeats across runs on one database
    body.procedure.domainCode = 'XYZ';
    const problem = await expectRefused(body, 422, 'procedure.domainCode', 'known-domain');
    expect(problem.errors?.[0].message).toContain('QLG');
    expect(await rowsOf(code)).toBe(0);
    expect(await decisionsNumbered(body.decision.number)).toBe(0);
  });

  it('a negative time limit: 400 on procedure.timeLimit.value', async () => {
    const code = randomProcedureCode();
    const body = decisionBody('new', code);
    body.procedure.timeLimit.value = -5;
    await expectRefused(body, 400, 'procedure.timeLimit.value', 'too_small');
    expect(await rowsOf(code)).toBe(0);
  });

  it('workflow shares that do not add up: 400 on procedure.workflow', async () => {
    const code = randomProcedureCode();
    const body = decisionBody('new', code);
    body.procedure.workflow[0].share = 2;
    await expectRefused(body, 400, 'procedure.workflow', 'shares-add-up-to-time-limit');
    expect(await rowsOf(code)).toBe(0);
  });

  it('an effective date before the signing date: 400 on decision.effectiveFrom', async () => {
    const code = randomProcedureCode();
    await expectRefused(
      decisionBody('new', code, { signedOn: '2026-02-10', effectiveFrom: '2026-02-01' }),
      400,
      'decision.effectiveFrom',
      'not-before-signing',
    );
    expect(await rowsOf(code)).toBe(0);
  });

  it('missing legally required parts: 422 listing every one', async () => {
    const code = randomProcedureCode();
    const body = decisionBody('new', code) as { procedure: Record<string, unknown> };
    delete body.procedure.steps;
    delete body.procedure.applicantTypes;
    body.procedure.fees = undefined;
    body.procedure.legalBasis = [];
    const reply = await catalog.post<Problem>('/publication-decisions', body);
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.map((e) => e.field).sort()).toEqual([
      'procedure.applicantTypes',
      'procedure.legalBasis',
      'procedure.steps',
    ]);
    expect(await rowsOf(code)).toBe(0);
  });

  it('an amendment of an abolished procedure: 409, and the procedure stays as it was', async () => {
    const code = randomProcedureCode();
    expect((await catalog.post('/publication-decisions', decisionBody('new', code))).status).toBe(
      201,
    );
    const abolition = {
      decision: {
        number: `${code}-BB`,
        kind: 'abolished',
        signedOn: '2026-02-01',
        effectiveFrom: '2099-01-01',
      },
      code,
    };
    expect(
      (await catalog.post<{ status: string }>('/publication-decisions', abolition)).body.status,
    ).toBe('scheduled');
    expect((await catalog.get(`/procedures/${code}`)).status).toBe(200); // a future abolition changes nothing yet
    const amendment = decisionBody('amended', code, {
      signedOn: '2026-03-01',
      effectiveFrom: '2026-03-02',
    });
    amendment.decision.number = `${code}-SD`;
    await expectRefused(amendment, 409, 'procedure.code', 'not-abolished');
    expect(
      await catalog.count(
        `SELECT count(*) AS n FROM procedure_version WHERE record->>'code' = $1`,
        [code],
      ),
    ).toBe(2);
    expect(await decisionsNumbered(`${code}-SD`)).toBe(0);
    await expectRefused(abolition, 409, 'code', 'not-abolished');
  });

  it('an amendment of an unknown procedure: 404; a second new one with the same code: 409', async () => {
    const code = randomProcedureCode();
    await expectRefused(decisionBody('amended', code), 404, 'procedure.code', 'existing-procedure');
    expect((await catalog.post('/publication-decisions', decisionBody('new', code))).status).toBe(
      201,
    );
    await expectRefused(decisionBody('new', code), 409, 'procedure.code', 'unique');
  });

  it('a decision taking effect before the latest version: 422', async () => {
    const code = randomProcedureCode();
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          decisionBody('new', code, { signedOn: '2026-03-01', effectiveFrom: '2026-03-15' }),
        )
      ).status,
    ).toBe(201);
    await expectRefused(
      decisionBody('amended', code, { signedOn: '2026-03-01', effectiveFrom: '2026-03-10' }),
      422,
      'decision.effectiveFrom',
      'not-before-latest-version',
    );
  });

  it('a replacement of an abolished procedure creates no new procedure', async () => {
    const oldCode = randomProcedureCode();
    const newCode = randomProcedureCode();
    expect(
      (await catalog.post('/publication-decisions', decisionBody('new', oldCode))).status,
    ).toBe(201);
    expect(
      (
        await catalog.post('/publication-decisions', {
          decision: {
            number: 'x/QĐ',
            kind: 'abolished',
            signedOn: '2026-02-01',
            effectiveFrom: '2026-02-01',
          },
          code: oldCode,
        })
      ).status,
    ).toBe(201);
    await expectRefused(
      { ...decisionBody('replaced', newCode), replacesCode: oldCode },
      409,
      'replacesCode',
      'not-abolished',
    );
    expect(await rowsOf(newCode)).toBe(0);
  });

  it('a JSON body that is null or a bare value: 400 naming the body, nothing saved', async () => {
    const before = await catalog.count('SELECT count(*) AS n FROM publication_decision', []);
    for (const body of [null, 42, 'decision', true]) {
      const reply = await catalog.post<Problem>('/publication-decisions', body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        type: 'https://motcua.gov.vn/problems/validation-failed',
        errors: [{ field: 'body', rule: 'json-object-or-array' }],
      });
    }
    expect(await catalog.count('SELECT count(*) AS n FROM publication_decision', [])).toBe(before);
  });
});
