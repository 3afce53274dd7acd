import { createHash } from 'node:crypto';
import { demoPki, makeCertificate, signedPdf } from '@motcua/stack';
import { samplePdf } from './support/sample-files';
import { DigitizationHarness, filesUnder, type Problem } from './digitization-harness';

type Stored = {
  sha256: string;
  signed: boolean;
  signatures?: {
    signer: string;
    issuer: string;
    signingTime?: string;
    trustAnchor: string;
    validity: string;
  }[];
};

/**
 * Electronic results are verified, not pattern-matched: the service trusts the demo root CA
 * (SIGNATURE_TRUST_ANCHORS_FILE) and checks each signature's byte range, digest, signature and chain.
 */
describe('signed PDFs (black box, certificates made by the test)', () => {
  let harness: DigitizationHarness;
  const pki = demoPki();
  const day = 24 * 3600_000;

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4506);
  });
  afterAll(() => harness?.stop());

  const sha = (file: Buffer) => createHash('sha256').update(file).digest('hex');

  async function expectRefused(file: Buffer, reason: string, query = '?kind=signed-pdf') {
    const before = filesUnder(harness.storageDir).sort();
    const reply = await harness.upload<Problem>(file, 'application/pdf', query);
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors?.[0]).toMatchObject({ rule: reason });
    expect(filesUnder(harness.storageDir).sort()).toEqual(before);
    const { rows } = await harness.db.query('SELECT 1 FROM stored_file WHERE sha256 = $1', [
      sha(file),
    ]);
    expect(rows).toEqual([]);
    return reply.body;
  }

  it('stores a correctly signed PDF and records signer, signing time and validity', async () => {
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const file = signedPdf(`GCN ${Date.now()}`, pki.signer, { chain: [pki.province], signingTime });
    const reply = await harness.upload<Stored>(file, 'application/pdf', '?kind=signed-pdf');
    expect(reply.status).toBe(201);
    const expected = {
      signer: expect.stringContaining('CN=Can bo ky so mau'),
      issuer: expect.stringContaining('CN=motcua demo Province CA'),
      trustAnchor: expect.stringContaining('CN=motcua demo Root CA'),
      signingTime: signingTime.toISOString(),
      validity: 'valid',
    };
    expect(reply.body).toMatchObject({ sha256: sha(file), signed: true, signatures: [expected] });
    const { rows } = await harness.db.query(
      'SELECT signed, signatures FROM stored_file WHERE sha256 = $1',
      [sha(file)],
    );
    expect(rows[0]).toMatchObject({ signed: true, signatures: [expected] });
  });

  it('refuses the bare pattern /Type /Sig /ByteRange [0 0 0 0] /Contents <>, claimed or merely detected', async () => {
    const pattern = Buffer.from(
      samplePdf({ marker: `pattern-${Date.now()}` })
        .toString('latin1')
        .replace(
          'trailer',
          '9 0 obj\n<< /Type /Sig /ByteRange [0 0 0 0] /Contents <> >>\nendobj\ntrailer',
        ),
      'latin1',
    );
    await expectRefused(pattern, 'signature-byte-range-invalid');
    await expectRefused(pattern, 'signature-byte-range-invalid', '');
  });

  it('refuses a signed PDF altered after signing, naming the reason', async () => {
    const file = signedPdf(`GCN altered ${Date.now()}`, pki.signer, { chain: [pki.province] });
    file.write('Z', file.indexOf('GCN altered'), 'latin1');
    const problem = await expectRefused(file, 'signature-digest-mismatch');
    expect(problem.detail).toBe(
      'the signed bytes do not match the signature: the file was altered after signing',
    );
  });

  it('refuses a signature by an expired certificate, and one whose chain ends at an unknown root', async () => {
    const expired = makeCertificate({
      commonName: 'Expired officer',
      issuer: pki.province,
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - day),
    });
    await expectRefused(
      signedPdf(`GCN expired ${Date.now()}`, expired, { chain: [pki.province] }),
      'certificate-expired',
    );
    const strangerRoot = makeCertificate({ commonName: 'Unknown Root CA', ca: true });
    const stranger = makeCertificate({ commonName: 'Stranger', issuer: strangerRoot });
    await expectRefused(
      signedPdf(`GCN stranger ${Date.now()}`, stranger, { chain: [strangerRoot] }),
      'certificate-untrusted',
    );
  });
});
