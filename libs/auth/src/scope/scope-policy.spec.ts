import type { AgencyNode } from '@motcua/contracts';
import type { Principal } from '../roles';
import type { RawSql } from './agency-directory';
import { ScopePolicy } from './scope-policy';

const PROVINCE = '000.00.00.H26';
const FINANCE = '000.00.15.H26';
const CONSTRUCTION = '000.00.16.H26';
const CENTRE = '000.00.31.H26';
const nodes: AgencyNode[] = [
  { kind: 'province', code: PROVINCE, name: 'UBND tỉnh' },
  { kind: 'department', code: FINANCE, name: 'Sở Tài chính', parentCode: PROVINCE },
  { kind: 'department', code: CONSTRUCTION, name: 'Sở Xây dựng', parentCode: PROVINCE },
  {
    kind: 'centre',
    code: CENTRE,
    name: 'Trung tâm PVHCC',
    parentCode: PROVINCE,
    receivesFor: [FINANCE],
  },
];

/** The service's copy of the tree as the database would answer it (no database in a unit test of the rule). */
const copy: RawSql = {
  $executeRawUnsafe: () => Promise.resolve(0),
  $queryRawUnsafe: <T>() => Promise.resolve([{ nodes }] as T),
};
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
  }
}
const policy = new ScopePolicy(copy, (...problem) => new Refused(...problem));
const as = (roles: Principal['roles'], agency?: string): Principal => ({
  subject: 's',
  roles,
  agency,
});
const hidden = () => new Refused(404, 'thing-not-found', 'Not found', 'No thing.');

describe('ScopePolicy (the scope rule on a service’s objects)', () => {
  it('answers an object outside scope, or missing, with the service’s 404', async () => {
    const thing = { agencyCode: FINANCE };
    await expect(policy.visible(as(['leader'], CENTRE), thing, (t) => t, hidden)).resolves.toBe(
      thing,
    );
    await expect(
      policy.visible(as(['leader'], CONSTRUCTION), thing, (t) => t, hidden),
    ).rejects.toMatchObject({
      status: 404,
      slug: 'thing-not-found',
    });
    await expect(
      policy.visible(as(['admin']), null, (t: typeof thing) => t, hidden),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('keeps a list to the objects in scope', async () => {
    const rows = [{ agencyCode: FINANCE }, { agencyCode: CONSTRUCTION }, { agencyCode: CENTRE }];
    expect(await policy.filter(as(['desk_officer'], CENTRE), rows, (r) => r)).toEqual([
      rows[0],
      rows[2],
    ]);
    expect(await policy.filter(as(['citizen']), rows, (r) => r)).toEqual([]);
  });

  it('refuses acting for another agency with 403 agency-scope naming the agency and the field', async () => {
    await expect(
      policy.assertActsFor(as(['leader'], CENTRE), FINANCE, 'A report'),
    ).resolves.toBeUndefined();
    await expect(
      policy.assertActsFor(as(['admin']), CONSTRUCTION, 'A report'),
    ).resolves.toBeUndefined();
    const refusal = await policy
      .assertActsFor(as(['leader'], FINANCE), CONSTRUCTION, 'A report', 'agency')
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      status: 403,
      slug: 'agency-scope',
      message: expect.stringContaining(CONSTRUCTION),
      extensions: { errors: [{ field: 'agency', rule: 'agency-scope' }] },
    });
  });
});
