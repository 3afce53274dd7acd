import type { ProcedureVersion } from '@motcua/contracts';
import type { Dossier } from '../../src/generated/prisma/client';

/** A procedure copy and a dossier row as the slips read them. */
export const procedure = {
  name: 'Quyết định giá thuộc thẩm quyền của cấp tỉnh',
  decidingAgency: 'Sở Tài chính',
  requiredDocuments: [
    { code: 'PAG', name: 'Phương án giá', originals: 1, copies: 0, required: true },
    { code: 'TTR', name: 'Tờ trình đề nghị', originals: 1, copies: 0, required: true },
  ],
  workflow: [
    { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
  ],
} as unknown as ProcedureVersion;

export function dossierRecord(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: '6f1c1d2e-0000-4000-8000-000000000001',
    code: '000.00.15.H26-261130-0007',
    procedureCode: '1.000001',
    procedureVersion: 1,
    agencyCode: '000.00.15.H26',
    applicantIdentifier: '001099012345',
    applicantName: 'Nguyễn Văn An',
    organisationName: 'Công ty TNHH Hùng Vương',
    status: 'received',
    documents: [
      { code: 'PAG', digitized: true, reused: false },
      { code: 'TTR', digitized: false, reused: false },
    ],
    missing: null,
    refusalReasons: null,
    timeLimit: { value: 5, unit: 'working_days' },
    receivedAt: new Date('2026-11-30T01:30:00Z'),
    dueAt: new Date('2026-12-07T10:00:00Z'),
    extensionCount: 0,
    ...overrides,
  } as Dossier;
}
