/** A complete, plausible procedure of a provincial Department of Finance, for tests. */
export function newProcedureDecision(code: string, overrides: { effectiveFrom?: string } = {}) {
  return {
    decision: { number: `${code.slice(-3)}/QĐ-UBND`, kind: 'new', signedOn: '2026-01-05', effectiveFrom: overrides.effectiveFrom ?? '2026-01-15' },
    procedure: {
      code,
      name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
      domainCode: 'QLG',
      domainName: 'Quản lý giá',
      level: 'province',
      agencyCode: '000.00.15.H26',
      decidingAgency: 'Sở Tài chính',
      onlineLevel: 'full',
      channels: ['in_person', 'online', 'postal'],
      applicantTypes: ['business'],
      steps: ['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả'],
      requiredDocuments: [
        { code: 'BDKG', name: 'Biểu mẫu đăng ký giá', originals: 1, copies: 0, required: true, form: 'Mẫu 01' },
      ],
      timeLimit: { value: 5, unit: 'working_days' },
      result: { type: 'notice', name: 'Thông báo tiếp nhận Biểu mẫu đăng ký giá' },
      conditions: [],
      fees: [],
      legalBasis: ['Nghị định 85/2024/NĐ-CP'],
      workflow: [
        { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
        { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', unitName: 'Phòng Quản lý giá', share: 4 },
        { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
      ],
    },
  };
}

/** A random national procedure code (1.xxxxxx) so that runs never collide. */
export function randomProcedureCode(): string {
  return `1.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
}
