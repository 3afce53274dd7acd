import QRCode from 'qrcode';
import { lookupBaseOf, lookupUrl, qrPng } from './lookup-link';

describe('the QR link of a slip', () => {
  it('carries the code in the path and the secret only in the fragment', () => {
    expect(lookupUrl('https://dvc.example.vn/tra-cuu/', '000.00.15.H26-261130-0007')).toBe(
      'https://dvc.example.vn/tra-cuu/000.00.15.H26-261130-0007',
    );
    const withSecret = new URL(
      lookupUrl('https://dvc.example.vn/tra-cuu', '000.00.15.H26-261130-0007', 'ab+c/d=e_f'),
    );
    expect(withSecret.pathname).toBe('/tra-cuu/000.00.15.H26-261130-0007');
    expect(withSecret.search).toBe('');
    expect(new URLSearchParams(withSecret.hash.slice(1)).get('secret')).toBe('ab+c/d=e_f');
  });

  it('defaults to the public lookup under PUBLIC_BASE_URL', () => {
    expect(lookupBaseOf({ PUBLIC_LOOKUP_URL: 'https://dvc.example.vn/tra-cuu' })).toBe(
      'https://dvc.example.vn/tra-cuu',
    );
    expect(lookupBaseOf({ PUBLIC_BASE_URL: 'http://127.0.0.1:3102/' })).toBe(
      'http://127.0.0.1:3102/public/dossiers',
    );
    expect(lookupBaseOf({})).toBe('http://127.0.0.1:3102/public/dossiers');
  });

  it('encodes exactly the link in the QR code, rendered as a PNG', async () => {
    const url = lookupUrl(
      'https://dvc.example.vn/tra-cuu',
      '000.00.15.H26-261130-0007',
      'Zk3_secret-9',
    );
    const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const data = qr.segments
      .map((s) => Buffer.from((s as unknown as { data: Uint8Array }).data).toString('utf8'))
      .join('');
    expect(data).toBe(url);
    const png = await qrPng(url);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
