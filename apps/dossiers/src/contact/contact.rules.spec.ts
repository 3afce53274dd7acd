import type { Principal } from '@motcua/auth';
import { CONTACT_RULE, contactViolation } from './contact.rules';

const desk: Principal = { subject: 'officer-1', roles: ['desk_officer'], unit: 'VP.MC' };
const citizen: Principal = { subject: 'citizen-1', roles: ['citizen'] };
const now = new Date('2026-12-03T03:00:00Z');
const base = {
  status: 'processing' as const,
  receivedAt: new Date('2026-11-30T02:00:00Z'),
  now,
};

describe('recording a contact the applicant had to make (index 4 of the 2018 evaluation)', () => {
  it('is for officers, on a received dossier, open or decided', () => {
    expect(contactViolation(base, desk)).toBeNull();
    expect(contactViolation({ ...base, status: 'result_returned' }, desk)).toBeNull();
    expect(contactViolation(base, citizen)).toMatchObject({ status: 403, rule: 'role' });
    expect(contactViolation({ ...base, status: 'not_received' }, desk)).toMatchObject({
      status: 409,
      rule: 'received-dossier',
    });
    expect(CONTACT_RULE.from).not.toContain('intake_supplement');
  });

  it('dates the contact between the receipt and now (boundaries included)', () => {
    const at = (iso: string) => contactViolation({ ...base, contactedAt: iso }, desk);
    expect(at(base.receivedAt.toISOString())).toBeNull();
    expect(at(now.toISOString())).toBeNull();
    expect(at(new Date(now.getTime() + 1000).toISOString())).toMatchObject({
      status: 422,
      field: 'body.contactedAt',
      rule: 'not-future',
    });
    expect(at(new Date(base.receivedAt.getTime() - 1000).toISOString())).toMatchObject({
      status: 422,
      field: 'body.contactedAt',
      rule: 'after-receipt',
    });
  });
});
