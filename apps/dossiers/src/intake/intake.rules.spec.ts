import { decideIntake, unknownDocumentCodes } from './intake.rules';

const procedure = {
  name: 'Quyết định giá',
  applicantTypes: ['business', 'organisation'] as ('business' | 'organisation')[],
  requiredDocuments: [
    { code: 'PAG', name: 'Phương án giá', originals: 1, copies: 0, required: true },
    { code: 'VBTD', name: 'Văn bản thẩm định', originals: 1, copies: 0, required: false },
    { code: 'TTr', name: 'Tờ trình', originals: 1, copies: 0, required: true },
  ],
};
const doc = (code: string) => ({ code, digitized: false, reused: false });

describe('decideIntake (kiểm tra hồ sơ)', () => {
  it('receives a dossier with every required document (optional ones may be absent)', () => {
    expect(
      decideIntake({ procedure, applicantType: 'business', documents: [doc('PAG'), doc('TTr')] }),
    ).toEqual({ outcome: 'received' });
  });

  it('lists every missing required document at once', () => {
    const decision = decideIntake({
      procedure,
      applicantType: 'business',
      documents: [doc('VBTD')],
    });
    expect(decision).toEqual({
      outcome: 'supplement_requested',
      missing: [
        { documentCode: 'PAG', description: 'Thiếu thành phần hồ sơ: Phương án giá' },
        { documentCode: 'TTr', description: 'Thiếu thành phần hồ sơ: Tờ trình' },
      ],
    });
  });

  it('refuses an applicant the procedure does not serve, before looking at documents', () => {
    const decision = decideIntake({ procedure, applicantType: 'citizen', documents: [] });
    expect(decision.outcome).toBe('refused');
    expect(decision.outcome === 'refused' && decision.reasons[0]).toContain('công dân');
  });

  it('refuses with the desk officer’s reasons', () => {
    const decision = decideIntake({
      procedure,
      applicantType: 'business',
      documents: [doc('PAG'), doc('TTr')],
      refusalReasons: ['Hồ sơ giả mạo'],
    });
    expect(decision).toEqual({ outcome: 'refused', reasons: ['Hồ sơ giả mạo'] });
  });

  it('asks for at least one document when every component is optional', () => {
    const optional = {
      ...procedure,
      requiredDocuments: [
        { code: 'VBTD', name: 'Văn bản thẩm định', originals: 1, copies: 0, required: false },
      ],
    };
    const decision = decideIntake({
      procedure: optional,
      applicantType: 'business',
      documents: [],
    });
    expect(decision.outcome).toBe('supplement_requested');
    expect(
      decideIntake({ procedure: optional, applicantType: 'business', documents: [doc('VBTD')] }),
    ).toEqual({ outcome: 'received' });
  });

  it('names documents that are not components of the procedure', () => {
    expect(unknownDocumentCodes(procedure, [doc('PAG'), doc('XYZ')])).toEqual(['XYZ']);
  });
});
