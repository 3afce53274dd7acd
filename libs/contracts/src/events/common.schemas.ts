import { z } from 'zod';

/** ISO calendar date (YYYY-MM-DD), interpreted in Asia/Ho_Chi_Minh. */
export const isoDate = z.iso.date();
/** ISO instant with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });
export const uuid = z.uuid();

/** A run of 12 digits, possibly split by single spaces, dots or dashes: looks like a CCCD number. */
export const PERSONAL_ID_RUN = /\d(?:[ .-]?\d){11}/;
const WITHOUT_PERSONAL_ID = '(?![\\s\\S]*\\d(?:[ .-]?\\d){11})';
const NO_PERSONAL_ID_MESSAGE = 'must not contain a personal identification number (12-digit run)';
/** Matches a whole string that holds no PERSONAL_ID_RUN (usable in `.regex()`, so it reaches the JSON Schema). */
export const NO_PERSONAL_ID = new RegExp(`^${WITHOUT_PERSONAL_ID}[\\s\\S]*$`);

/**
 * Human-written text (reasons, findings). It may not contain anything that looks like a 12-digit
 * personal identification number: officers sometimes paste one into a reason, and no event
 * stream may carry it. The rule is a regex pattern, so it is in the JSON Schema too.
 */
export const freeText = z.string().min(1).max(2000).regex(NO_PERSONAL_ID, NO_PERSONAL_ID_MESSAGE);

/** A short human label (a name of a unit, a step, an organisation), same rule as freeText. */
export const label = z.string().min(1).max(300).regex(NO_PERSONAL_ID, NO_PERSONAL_ID_MESSAGE);

/** A code or number without spaces (unit, document slot, slip or result number, version), same rule. */
export const safeCode = z
  .string()
  .regex(
    new RegExp(`^${WITHOUT_PERSONAL_ID}\\S{1,64}$`),
    `must be a code of 1-64 characters without spaces; ${NO_PERSONAL_ID_MESSAGE}`,
  );

/** Mã TTHC: national procedure code such as `1.005432`. */
export const procedureCode = z
  .string()
  .regex(/^\d\.\d{6}$/, 'must be a national procedure code like 1.005432');
/**
 * Agency code per QCVN 102:2016, e.g. `000.00.15.H26`. It has a letter (the level-1 unit such as
 * `H26`), which also keeps a dotted 12-digit personal number (`079.203.004.567`) from passing as one.
 */
export const agencyCode = z
  .string()
  .regex(
    /^(?=[^-]*[A-Z])[A-Z0-9]{2,3}(\.[A-Z0-9]{2,3}){1,4}$/,
    'must be an agency code per QCVN 102:2016 like 000.00.15.H26',
  );

export const channel = z.enum(['in_person', 'online', 'postal']);
export const applicantType = z.enum(['citizen', 'business', 'state_body', 'organisation']);
export const procedureLevel = z.enum(['province', 'district', 'commune']);
/** Dịch vụ công trực tuyến: toàn trình (fully online incl. result), một phần (partly), none. */
export const onlineLevel = z.enum(['full', 'partial', 'none']);
export const timeLimit = z.object({
  value: z.number().positive(),
  unit: z.enum(['working_days', 'calendar_days']),
});

/** Lĩnh vực: domain code of the catalog, e.g. `QLG` (Quản lý giá). */
export const domainCode = safeCode;
/** Code of an internal unit (phòng, bộ phận), e.g. `P.QLG`, `VP.MC`. */
export const unitCode = safeCode;
/** The officer or unit that performed an action (ids are internal, never personal numbers). */
export const actorSchema = z.object({ unitCode, officerId: uuid.optional() });

/** Amount in Vietnamese đồng (integer). */
export const amountVnd = z.number().int();
/** Lowercase hex SHA-256 digest (64 characters). */
export const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256 digest');

/**
 * Pseudonymous key of an applicant: SHA-256 (lowercase hex) of the normalised identifier
 * (personal identification number, enterprise code...). See `applicantKeyOf`. Events carry
 * this, never the identifier itself.
 */
export const applicantKey = sha256Hex.describe(
  'SHA-256 (hex) of the normalised applicant identifier; never the identifier itself',
);

/** Display name of an organisation applicant (business, state body, organisation); never a citizen's name. */
export const organisationName = label;

/**
 * Mã hồ sơ (Circular 01/2018 Art. 19): `<agency code per QCVN 102:2016>-<YYMMDD of receipt>-<4-digit
 * daily sequence>`, e.g. `000.00.15.H26-261129-0001`.
 */
export const DOSSIER_CODE_PATTERN =
  /^(?=[^-]*[A-Z])[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-(?!0000)\d{4}$/;
export const dossierCode = z
  .string()
  .regex(DOSSIER_CODE_PATTERN, 'must be a dossier code like 000.00.15.H26-261129-0001');

/** Builds a dossier code from its parts; `receivedOn` is the local (UTC+7) date of receipt, YYYY-MM-DD. */
export function formatDossierCode(parts: {
  agencyCode: string;
  receivedOn: string;
  sequence: number;
}): string {
  const [year, month, day] = parts.receivedOn.split('-');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999) {
    throw new RangeError(`daily sequence must be 1..9999, got ${parts.sequence}`);
  }
  const code = `${parts.agencyCode}-${year.slice(2)}${month}${day}-${String(parts.sequence).padStart(4, '0')}`;
  if (!DOSSIER_CODE_PATTERN.test(code)) throw new RangeError(`not a valid dossier code: ${code}`);
  return code;
}

/** National-portal dossier status codes (1..10), labels in English and Vietnamese. */
export const PORTAL_STATUS = {
  1: { en: 'newly registered', vi: 'Mới đăng ký' },
  2: { en: 'received', vi: 'Được tiếp nhận' },
  3: { en: 'not received', vi: 'Không được tiếp nhận' },
  4: { en: 'processing', vi: 'Đang xử lý' },
  5: { en: 'supplement requested', vi: 'Yêu cầu bổ sung giấy tờ' },
  6: { en: 'financial obligation requested', vi: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
  7: { en: 'applicant requested withdrawal', vi: 'Công dân yêu cầu rút hồ sơ' },
  8: { en: 'processing stopped', vi: 'Dừng xử lý' },
  9: { en: 'processed', vi: 'Đã xử lý xong' },
  10: { en: 'result returned', vi: 'Đã trả kết quả' },
} as const;
export type PortalStatusCode = keyof typeof PORTAL_STATUS;

export const portalStatusCode = z
  .int()
  .min(1)
  .max(10)
  .describe(
    'National-portal dossier status: 1 newly registered ... 10 result returned (PORTAL_STATUS)',
  );
