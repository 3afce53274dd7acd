import { actorSchema } from '@motcua/contracts';
import { actorOf } from './actor';
import type { Principal } from './roles';

const officer = (subject: string, unit?: string): Principal => ({
  subject,
  roles: ['specialist'],
  unit,
});

describe('actorOf (the actor of events)', () => {
  it('keeps an officer id that is a UUID, and the unit of the token', () => {
    const id = '3f1c2a9e-5b7d-4c1e-8a2b-9d0e1f2a3b4c';
    expect(actorOf(officer(id, 'P.QLG'), 'VP.MC')).toEqual({ unitCode: 'P.QLG', officerId: id });
  });

  it('keeps an upper-case UUID and the nil UUID, as the event schema does', () => {
    expect(
      actorOf(officer('3F1C2A9E-5B7D-4C1E-8A2B-9D0E1F2A3B4C', 'P.QLG'), 'VP.MC').officerId,
    ).toBe('3F1C2A9E-5B7D-4C1E-8A2B-9D0E1F2A3B4C');
    expect(
      actorOf(officer('00000000-0000-0000-0000-000000000000', 'P.QLG'), 'VP.MC').officerId,
    ).toBe('00000000-0000-0000-0000-000000000000');
  });

  it.each([
    ['a user name', 'officer-9'],
    ['a CCCD number', '001099012345'],
    ['a UUID-shaped text with version 0', '3f1c2a9e-5b7d-0c1e-8a2b-9d0e1f2a3b4c'],
    ['a UUID-shaped text with variant 0xxx', '3f1c2a9e-5b7d-4c1e-1a2b-9d0e1f2a3b4c'],
    ['a UUID with extra text', '3f1c2a9e-5b7d-4c1e-8a2b-9d0e1f2a3b4c-x'],
  ])('drops a subject that is %s', (_what, subject) => {
    expect(actorOf(officer(subject, 'P.QLG'), 'VP.MC')).toEqual({ unitCode: 'P.QLG' });
  });

  it('falls back to the given unit when the token has none', () => {
    expect(actorOf(officer('citizen-1'), 'VP.MC')).toEqual({ unitCode: 'VP.MC' });
  });

  it('always gives an actor the event schema accepts', () => {
    for (const subject of [
      '3f1c2a9e-5b7d-4c1e-8a2b-9d0e1f2a3b4c',
      '3f1c2a9e-5b7d-4c1e-1a2b-9d0e1f2a3b4c',
      'officer-9',
    ]) {
      expect(actorSchema.safeParse(actorOf(officer(subject, 'P.QLG'), 'VP.MC')).success).toBe(true);
    }
  });
});
