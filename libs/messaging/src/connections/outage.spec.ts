import type { Logger } from '@motcua/observability';
import { Outage } from './outage';
import { isDatabaseUnavailable, isDependencyUnavailable } from './unavailable';

function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const logger = {
    warn: (_: unknown, msg: string) => lines.push({ level: 'warn', msg }),
    info: (_: unknown, msg: string) => lines.push({ level: 'info', msg }),
  } as unknown as Logger;
  return { lines, logger };
}

describe('Outage', () => {
  it('logs the first failure of an outage and its end, nothing in between', () => {
    const { lines, logger } = recordingLogger();
    const outage = new Outage('postgres 127.0.0.1:5432/motcua_dossiers', logger);
    outage.recovered(); // nothing to end yet
    for (let i = 0; i < 50; i++) outage.failed(new Error('Connection terminated unexpectedly'));
    expect(outage.down).toBe(true);
    outage.recovered();
    outage.recovered();
    expect(outage.down).toBe(false);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'info']);
    expect(lines[0].msg).toContain('Connection terminated unexpectedly');
    outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    expect(lines).toHaveLength(3); // a second outage is logged again
  });
});

describe('isDependencyUnavailable', () => {
  it.each([
    [
      'a pool connection killed by the server crash',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'a refused connect',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'the server starting up',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    [
      'a database closed to connections',
      Object.assign(new Error('database "x" is not currently accepting connections'), {
        code: '55000',
      }),
    ],
    [
      'a session terminated by an administrator',
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    ],
    ['a pool timing out on connect', new Error('timeout exceeded when trying to connect')],
    [
      'Prisma wrapping the driver error',
      Object.assign(new Error('Invalid `prisma.dossier.findMany()` invocation'), {
        cause: { kind: 'DatabaseNotReachable' },
      }),
    ],
    [
      'ioredis giving up a command',
      Object.assign(new Error('Reached the max retries per request limit (which is 2).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
  ])('%s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a constraint violation',
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
    ],
    [
      'a syntax error',
      Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }),
    ],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('not %s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
