/** A complete procedure record as an officer submits it (used by unit and integration tests). */
export function procedureInput(code: string) {
  return {
    code,
    name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
    domainCode: 'QLG',
    level: 'province',
    agencyCode: '000.00.15.H26',
    decidingAgency: 'Sở Tài chính',
    onlineLevel: 'full',
    channels: ['in_person', 'online', 'postal'],
    applicantTypes: ['business'],
    steps: ['Nộp hồ sơ', 'Thẩm định', 'Trả kết quả'],
    requiredDocuments: [
      { code: 'BDKG', name: 'Biểu mẫu đăng ký giá', originals: 1, copies: 0, required: true, form: 'Mẫu 01' },
      { code: 'GPKD', name: 'Giấy chứng nhận đăng ký doanh nghiệp', originals: 0, copies: 1, required: false },
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
  };
}

export function decisionBody(kind: 'new' | 'amended' | 'replaced', code: string, dates: { signedOn?: string; effectiveFrom?: string } = {}) {
  return {
    decision: { number: `${code.slice(-3)}/QĐ-UBND`, kind, signedOn: dates.signedOn ?? '2026-01-05', effectiveFrom: dates.effectiveFrom ?? '2026-01-15' },
    procedure: procedureInput(code),
  };
}
