/** Who may act in motcua. Officers carry the code of their unit and agency as claims. */
export const ROLES = [
  'desk_officer', // cán bộ một cửa: receives and returns dossiers
  'specialist', // chuyên viên: processes dossiers in a unit
  'leader', // lãnh đạo: approves, signs, extends
  'admin', // quản trị: catalog and system administration
  'portal_client', // the provincial / national portal as a machine client
  'citizen', // người dân / doanh nghiệp acting for themselves
  'auditor', // kiểm tra: reads the access log of personal data, nothing else
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified caller of a request. */
export type Principal = {
  subject: string;
  roles: Role[];
  /** Code of the officer's unit (phòng, ban), when the caller is an officer. */
  unit?: string;
  /** Agency code (QCVN 102:2016), when the caller is an officer. */
  agency?: string;
  name?: string;
};
