import { redactErrorText, safeError } from './safe-error';

describe('safeError', () => {
  it('drops a database error’s detail and masks the values its message quotes', () => {
    const pg = Object.assign(
      new Error(
        'null value in column "applicant_key" of relation "dossier" violates not-null constraint',
      ),
      {
        code: '23502',
        table: 'dossier',
        column: 'applicant_key',
        detail: 'Failing row contains (1, Nguyễn Văn Marker, 001099012345).',
        where: 'SQL function',
        parameters: ['Nguyễn Văn Marker'],
      },
    );
    const logged = JSON.stringify(safeError(pg));
    expect(logged).not.toMatch(/Marker|001099012345/);
    expect(safeError(pg)).toMatchObject({
      code: '23502',
      table: 'dossier',
      column: 'applicant_key',
    });
  });

  it('masks values in messages and causes (Prisma wraps the driver’s error)', () => {
    const cause = new Error('invalid input syntax for type uuid: "Nguyễn Văn Marker"');
    const wrapped = Object.assign(
      new Error(
        'Invalid `prisma.dossier.create()` invocation: Failing row contains (x, Nguyễn Văn Marker).',
      ),
      {
        cause,
        meta: {
          target: ['code'],
          driverAdapterError: {
            cause: { originalMessage: 'Key (name)=(Nguyễn Văn Marker) already exists' },
          },
        },
      },
    );
    const logged = JSON.stringify(safeError(wrapped));
    expect(logged).not.toContain('Marker');
    expect(logged).toContain('"target":["code"]');
    expect(redactErrorText('Key (applicant_name)=(Trần Thị Marker) already exists.')).toBe(
      'Key (applicant_name)=([redacted]) already exists.',
    );
  });
});
