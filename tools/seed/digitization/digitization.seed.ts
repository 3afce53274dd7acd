import { applicantKeyOf } from '@motcua/contracts';
import type { SeedClient } from '../seed-client';
import { demoScan, demoSignedResult } from './demo-files';

const AGENCY = '000.00.15.H26';
/** A demo enterprise code (not a real one); only its applicantKey ever leaves this file. */
const applicantKey = applicantKeyOf('DEMO-0100000001');
const dossier = {
  dossierId: '5e6f7a8b-9c0d-4e1f-a2b3-260105009999',
  dossierCode: `${AGENCY}-260105-9999`,
};

/** POSTs a file as the raw body of /files (the JSON client cannot), answers its SHA-256. */
async function postFile(client: SeedClient, file: Buffer, query = ''): Promise<string> {
  const response = await fetch(`${client.baseUrls.digitization}/files${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/pdf',
      authorization: `Bearer ${await client.token('desk_officer', 'VP.MC')}`,
      'x-correlation-id': 'seed-digitization',
    },
    body: new Uint8Array(file),
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(
      `seed: POST digitization/files answered ${response.status}: ${text.slice(0, 300)}`,
    );
  return (JSON.parse(text) as { sha256: string }).sha256;
}

/**
 * Demo digitization data through the HTTP API: one dossier's scanned application form and its
 * electronic result (reusable as GPKD by later dossiers of the same demo applicant). Idempotent:
 * the same files are content-addressed, the document answers `replayed`, the result number 409.
 */
export async function seedDigitization(
  client: SeedClient,
): Promise<{ documents: number; results: 'created' | 'existing' }> {
  const scan = await postFile(client, demoScan('Bieu mau dang ky gia'));
  await client.post(
    'digitization',
    '/documents',
    {
      ...dossier,
      applicantKey,
      documentCode: 'BDKG',
      fileSha256: scan,
      filename: 'Biểu mẫu đăng ký giá (mẫu).pdf',
    },
    'desk_officer',
    'VP.MC',
  );
  const signed = await postFile(
    client,
    demoSignedResult('Giay chung nhan dang ky kinh doanh'),
    '?kind=signed-pdf',
  );
  const result = await client.post(
    'digitization',
    '/results',
    {
      ...dossier,
      applicantKey,
      procedureCode: '1.005432',
      resultType: 'certificate',
      reuseCode: 'GPKD',
      number: '0001/GCN-DEMO',
      issuedOn: '2026-11-20',
      validUntil: '2031-11-20',
      issuingAgencyCode: AGENCY,
      issuingAgencyName: 'Sở Tài chính (dữ liệu mẫu)',
      electronic: true,
      fileSha256: signed,
      filename: 'Giấy chứng nhận (mẫu).pdf',
    },
    'specialist',
    'P.QLG',
  );
  return { documents: 1, results: result.status === 409 ? 'existing' : 'created' };
}
