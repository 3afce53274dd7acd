import { agencyTreePublished } from '@motcua/contracts';
import type { Principal } from '../roles';
import { AgencyDirectory } from './agency-directory';
import { AgencyTree } from './agency-tree';
import { actsOnlyAsOwner, listableAgencies, scopeOf } from './scope';

const PROVINCE = '000.00.00.H26';
const FINANCE = '000.00.15.H26';
const CONSTRUCTION = '000.00.16.H26';
const CENTRE = '000.00.31.H26';
const tree = new AgencyTree([
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
  { kind: 'unit', code: 'P.QLG', name: 'Phòng Quản lý giá', parentCode: FINANCE },
]);
const officer = (roles: Principal['roles'], agency?: string, unit?: string): Principal => ({
  subject: 'o-1',
  roles,
  agency,
  unit,
});
const dossier = { agencyCode: FINANCE, ownerSubject: 'citizen-a', unitCodes: ['VP.MC', 'P.QLG'] };

describe('scopeOf (the one scope rule)', () => {
  it('lets desk officers and leaders see their agency’s dossiers and those their centre receives for', () => {
    expect(scopeOf(officer(['desk_officer'], FINANCE), dossier, tree)).toBe('agency');
    expect(scopeOf(officer(['leader'], CENTRE), dossier, tree)).toBe('centre');
    expect(scopeOf(officer(['desk_officer'], CONSTRUCTION), dossier, tree)).toBeUndefined();
    expect(
      scopeOf(officer(['desk_officer'], CENTRE), { ...dossier, agencyCode: CONSTRUCTION }, tree),
    ).toBeUndefined();
    expect(scopeOf(officer(['desk_officer']), dossier, tree)).toBeUndefined();
  });

  it('lets a specialist see the dossiers of their agency with a step at their unit, and a result of their agency', () => {
    expect(scopeOf(officer(['specialist'], FINANCE, 'P.QLG'), dossier, tree)).toBe('unit');
    expect(scopeOf(officer(['specialist'], FINANCE, 'P.QLCS'), dossier, tree)).toBeUndefined();
    expect(scopeOf(officer(['specialist'], CENTRE, 'P.QLG'), dossier, tree)).toBeUndefined();
    expect(scopeOf(officer(['specialist'], FINANCE, 'P.QLCS'), { agencyCode: FINANCE }, tree)).toBe(
      'unit',
    );
  });

  it('lets the officers of an agency that holds or held a stage of an inter-agency dossier see it (liên thông), no one else', () => {
    const chained = { ...dossier, participatingAgencies: [CONSTRUCTION] };
    expect(scopeOf(officer(['specialist'], CONSTRUCTION, 'P.QLXD'), chained, tree)).toBe('stage');
    expect(scopeOf(officer(['desk_officer'], CONSTRUCTION), chained, tree)).toBe('stage');
    expect(scopeOf(officer(['desk_officer'], CONSTRUCTION), dossier, tree)).toBeUndefined();
    expect(
      scopeOf({ subject: 'c', roles: ['citizen'], agency: CONSTRUCTION }, chained, tree),
    ).toBeUndefined();
    // The resolving agency keeps its own standing.
    expect(scopeOf(officer(['leader'], FINANCE), chained, tree)).toBe('agency');
  });

  it('lets the desk that received an object for an agency it does not act for follow it (receipt at any desk)', () => {
    const forwarded = { ...dossier, agencyCode: CONSTRUCTION, receivingAgencyCode: CENTRE };
    expect(scopeOf(officer(['desk_officer'], CENTRE), forwarded, tree)).toBe('receiving');
    expect(scopeOf(officer(['leader'], CENTRE), forwarded, tree)).toBe('receiving');
    expect(scopeOf(officer(['specialist'], CENTRE, 'VP.MC'), forwarded, tree)).toBeUndefined();
    expect(scopeOf(officer(['desk_officer'], FINANCE), forwarded, tree)).toBeUndefined();
    expect(tree.isCentre(CENTRE)).toBe(true);
    expect(tree.isCentre(FINANCE)).toBe(false);
    expect(tree.isCentre('ZZZ.00.99.H26')).toBe(false);
  });

  it('lets citizens and the portal client see what they submitted (by subject) only; admin everything; auditor nothing', () => {
    expect(scopeOf({ subject: 'citizen-a', roles: ['citizen'] }, dossier, tree)).toBe('owner');
    expect(scopeOf({ subject: 'citizen-b', roles: ['citizen'] }, dossier, tree)).toBeUndefined();
    expect(
      scopeOf({ subject: 'citizen-a', roles: ['citizen'] }, { agencyCode: FINANCE }, tree),
    ).toBeUndefined();
    expect(
      scopeOf(
        { subject: 'portal', roles: ['portal_client'] },
        { ...dossier, ownerSubject: 'portal' },
        tree,
      ),
    ).toBe('owner');
    expect(scopeOf({ subject: 'x', roles: ['admin'] }, dossier, tree)).toBe('admin');
    expect(scopeOf({ subject: 'x', roles: ['auditor'] }, dossier, tree)).toBeUndefined();
  });

  it('names the agencies an officer may list; an agency missing from the tree acts for itself only', () => {
    expect([...listableAgencies(officer(['desk_officer'], CENTRE), tree)!]).toEqual([
      CENTRE,
      FINANCE,
    ]);
    expect([...listableAgencies(officer(['specialist'], CENTRE), tree)!]).toEqual([CENTRE]);
    expect([...listableAgencies(officer(['leader'], '000.00.99.H99'), tree)!]).toEqual([
      '000.00.99.H99',
    ]);
    expect(listableAgencies({ subject: 'x', roles: ['admin'] }, tree)).toBeUndefined();
    expect([...listableAgencies({ subject: 'c', roles: ['citizen'] }, tree)!]).toEqual([]);
    expect(actsOnlyAsOwner({ subject: 'c', roles: ['citizen', 'portal_client'] })).toBe(true);
    expect(actsOnlyAsOwner({ subject: 'c', roles: ['citizen', 'desk_officer'] })).toBe(false);
  });

  it('reads the contract’s example tree the same way (a centre receiving for the Department of Finance)', () => {
    const published = new AgencyTree(agencyTreePublished.example.nodes);
    expect([...published.actsFor('000.00.31.H26')]).toEqual(['000.00.31.H26', FINANCE]);
    expect(published.hasUnit(FINANCE, 'P.QLG')).toBe(true);
    expect(published.hasUnit(FINANCE, 'P.XYZ')).toBe(false);
  });

  it('refuses a tree whose centre receives for an agency that is not in it', () => {
    const bad = {
      ...agencyTreePublished.example,
      nodes: [
        ...agencyTreePublished.example.nodes.slice(0, 2),
        {
          kind: 'centre',
          code: CENTRE,
          name: 'TT',
          parentCode: PROVINCE,
          receivesFor: [CONSTRUCTION],
        },
      ],
    };
    const parsed = agencyTreePublished.schema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['nodes', 2, 'receivesFor'] });
  });
});

describe('AgencyDirectory', () => {
  it('keeps the tree for its time to live, and reads again soon for an agency it does not know', async () => {
    let reads = 0;
    const directory = new AgencyDirectory(async () => {
      reads++;
      return reads === 1 ? AgencyTree.empty() : tree;
    }, 60_000);
    await Promise.all([directory.current(), directory.current()]);
    expect(reads).toBe(1);
    await directory.current(CENTRE); // unknown, but read less than a second ago
    expect(reads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await directory.current(CENTRE)).knows(CENTRE)).toBe(true);
    expect(reads).toBe(2);
    await directory.current(CENTRE);
    expect(reads).toBe(2);
  });
});
