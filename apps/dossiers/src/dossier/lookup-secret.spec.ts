import { hashSecret, sameHash } from './lookup-secret';

describe('the lookup secret (mã tra cứu) of a dossier', () => {
  it('is kept as its SHA-256 digest', () => {
    expect(hashSecret('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches only the same digest', () => {
    expect(sameHash(hashSecret('K7P4-Q9XZ'), hashSecret('K7P4-Q9XZ'))).toBe(true);
    expect(sameHash(hashSecret('K7P4-Q9XZ'), hashSecret('K7P4-Q9XY'))).toBe(false);
    expect(sameHash(hashSecret('K7P4-Q9XZ'), 'abcd')).toBe(false);
  });
});
