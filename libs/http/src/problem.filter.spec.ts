import { toProblem } from './problem.filter';

describe('toProblem for servers and storage that fail', () => {
  it('an unreachable database is a 503 with a retry delay, never a 500', () => {
    const problem = toProblem(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      '/dossiers',
    );
    expect(problem).toMatchObject({
      status: 503,
      type: 'https://motcua.gov.vn/problems/dependency-unavailable',
      retryAfter: 5,
      instance: '/dossiers',
    });
  });

  it('a full volume is a 507, an unwritable one a 503, both with a retry delay', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    const readOnly = Object.assign(new Error("EROFS: read-only file system, open '/data/x.part'"), {
      code: 'EROFS',
      syscall: 'open',
    });
    expect(toProblem(full)).toMatchObject({
      status: 507,
      type: 'https://motcua.gov.vn/problems/insufficient-storage',
      retryAfter: 60,
    });
    expect(toProblem(readOnly)).toMatchObject({
      status: 503,
      type: 'https://motcua.gov.vn/problems/storage-unavailable',
      retryAfter: 30,
    });
  });

  it('anything else unexpected stays a 500 without a retry delay', () => {
    const problem = toProblem(new TypeError('x is undefined'));
    expect(problem.status).toBe(500);
    expect(problem.retryAfter).toBeUndefined();
  });
});
