import { buildEvent } from '../envelope';
import { toKafkaRecord } from '../kafka-binding';
import { DOSSIER_EVENTS } from '../registry';
import { dossierReceived } from './dossier.events';
import {
  portalDossierStatus,
  portalDossierStatusSchema,
  toPortalDossierStatus,
  toPortalTimestamp,
  type PortalDossierSource,
} from './portal.events';

/** A full personal identification number (CCCD), and its 9-digit windows. */
const CCCD = '079203004567';
const WINDOWS = Array.from({ length: CCCD.length - 8 }, (_, i) => CCCD.slice(i, i + 9));
const TIMESTAMP_FIELDS = [
  'updatedAt',
  'receivedAt',
  'dueAt',
  'returnedAt',
  'supplementRequestedAt',
];

const baseSource = (): PortalDossierSource => ({
  dossier: { ...dossierReceived.example, supplementRequestedAt: '2026-12-01T10:00:00+07:00' },
  applicantIdentifier: CCCD,
  documents: [
    { code: 'BDKG', digitized: true, reused: false },
    { code: 'GPKD', digitized: false, reused: true },
  ],
});

/** Every string in a value, with its path. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

function setAt(target: unknown, path: (string | number)[], value: string): void {
  type Container = Record<string | number, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce((node, key) => node[key] as Container, target as Container);
  parent[path[path.length - 1]] = value;
}

/** The portal event as it leaves: data, key and every header. */
function serialized(status: ReturnType<typeof toPortalDossierStatus>): {
  text: string;
  timestamps: string[];
} {
  const { event, key } = buildEvent(portalDossierStatus, status, {
    id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    correlationId: 'corr-a',
    time: new Date('2026-11-30T01:30:00Z'),
  });
  const record = toKafkaRecord(event, key);
  const text = [record.key, record.value.toString('utf8'), ...Object.values(record.headers)].join(
    '\n',
  );
  const timestamps = TIMESTAMP_FIELDS.map((f) => (status as Record<string, unknown>)[f]).filter(
    (v): v is string => typeof v === 'string',
  );
  return { text, timestamps };
}

function assertNoPersonalId(status: ReturnType<typeof toPortalDossierStatus>): void {
  const { text, timestamps } = serialized(status);
  expect(text).not.toContain(CCCD);
  for (const window of WINDOWS) expect(text).not.toContain(window);
  // Only the yyyyMMddHHmmss timestamps may form digit runs of 9 or more; no 12-digit run otherwise.
  const longRuns = text.match(/\d{9,}/g) ?? [];
  for (const run of longRuns) expect(timestamps).toContain(run);
}

describe('portal stream minimisation', () => {
  it('builds the minimised status from an internal dossier event and the raw identifier', () => {
    const status = toPortalDossierStatus(baseSource());
    expect({ ...status }).toEqual({
      dossierCode: '000.00.15.H26-261130-0001',
      procedureCode: '1.005432',
      domainCode: 'QLG',
      agencyCode: '000.00.15.H26',
      portalStatus: 2,
      channel: 2,
      applicantType: 2,
      applicantIdentifier: '0792******67',
      updatedAt: '20261130083000',
      receivedAt: '20261130083000',
      dueAt: '20261207113000',
      supplementRequestedAt: '20261201100000',
      documents: [
        { code: 'BDKG', digitized: true, reused: false },
        { code: 'GPKD', digitized: false, reused: true },
      ],
    });
    assertNoPersonalId(status);
  });

  it('converts instants to yyyyMMddHHmmss in Asia/Ho_Chi_Minh', () => {
    expect(toPortalTimestamp('2026-11-30T17:30:00Z')).toBe('20261201003000');
    expect(toPortalTimestamp('2026-12-31T23:59:59+07:00')).toBe('20261231235959');
    expect(() => toPortalTimestamp('tomorrow')).toThrow(RangeError);
  });

  it('maps every internal dossier event example', () => {
    for (const contract of DOSSIER_EVENTS) {
      const status = toPortalDossierStatus({ ...baseSource(), dossier: contract.example });
      expect(status.portalStatus).toBe(contract.example.portalStatus);
      assertNoPersonalId(status);
    }
  });

  it('lets no full identification number through, whatever string field it is put in', () => {
    const source = baseSource();
    const paths = stringPaths(source);
    expect(paths.length).toBeGreaterThan(15);
    let built = 0;
    let rejected = 0;
    for (const path of paths) {
      for (const variant of [CCCD, `x${CCCD}`, `${CCCD.slice(0, 6)} ${CCCD.slice(6)}`]) {
        const poisoned = baseSource();
        setAt(poisoned, path, variant);
        let status: ReturnType<typeof toPortalDossierStatus> | undefined;
        try {
          status = toPortalDossierStatus(poisoned);
        } catch {
          rejected++;
          continue;
        }
        built++;
        assertNoPersonalId(status);
      }
    }
    expect(built).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it('drops fields it does not know, however they are named', () => {
    const source = baseSource();
    const dossier = {
      ...source.dossier,
      citizenId: CCCD,
      applicantName: `Nguyễn Văn A ${CCCD}`,
      applicant: { identifier: CCCD, phone: '0912345678' },
    };
    const documents = source.documents.map((d) => ({ ...d, ownerId: CCCD }));
    const status = toPortalDossierStatus({ ...source, dossier, documents });
    expect(Object.keys(status)).not.toContain('citizenId');
    assertNoPersonalId(status);
    expect(JSON.stringify(status)).not.toContain('0912345678');
  });

  it('puts the applicantKey (a hash) on the portal neither', () => {
    const status = toPortalDossierStatus(baseSource());
    expect(JSON.stringify(status)).not.toContain(dossierReceived.example.applicantKey);
  });

  describe('the schema itself', () => {
    const valid = { ...portalDossierStatus.example };

    it.each([
      ['a full identification number', CCCD],
      ['too many visible digits', '0792030****7'],
      ['five visible leading digits', '07920*****67'],
      ['three visible trailing digits', '0792*****567'],
      ['fewer than three masked', '0792030045**'],
      ['spaces', '0792 ****** 67'],
    ])('rejects an applicant identifier with %s', (_, applicantIdentifier) => {
      expect(portalDossierStatusSchema.safeParse({ ...valid, applicantIdentifier }).success).toBe(
        false,
      );
    });

    it('rejects any extra field, at the top or in a document', () => {
      expect(portalDossierStatusSchema.safeParse({ ...valid, note: 'x' }).success).toBe(false);
      const documents = [{ code: 'BDKG', digitized: true, reused: false, ownerId: CCCD }];
      expect(portalDossierStatusSchema.safeParse({ ...valid, documents }).success).toBe(false);
    });

    it('rejects codes carrying a 9-digit run and non-portal timestamps', () => {
      expect(portalDossierStatusSchema.safeParse({ ...valid, domainCode: CCCD }).success).toBe(
        false,
      );
      expect(
        portalDossierStatusSchema.safeParse({ ...valid, domainCode: `D${CCCD}` }).success,
      ).toBe(false);
      const documents = [{ code: CCCD, digitized: true, reused: false }];
      expect(portalDossierStatusSchema.safeParse({ ...valid, documents }).success).toBe(false);
      expect(
        portalDossierStatusSchema.safeParse({ ...valid, updatedAt: '2026-11-30T08:30:00+07:00' })
          .success,
      ).toBe(false);
      expect(portalDossierStatusSchema.safeParse({ ...valid, channel: 4 }).success).toBe(false);
      expect(portalDossierStatusSchema.safeParse({ ...valid, portalStatus: 11 }).success).toBe(
        false,
      );
    });
  });
});
