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
/**
 * Cấp thực hiện. `district` is kept for procedure versions effective before 1/7/2025 (history):
 * from then local government has two tiers (province, commune) and the catalog refuses
 * `district` for a version effective from that date (docs/legal-rules.md).
 */
export const procedureLevel = z.enum(['province', 'district', 'commune']);
/** First effective date from which a procedure version may no longer be at district level. */
export const TWO_TIER_LOCAL_GOVERNMENT_FROM = '2025-07-01';
/** Dịch vụ công trực tuyến: toàn trình (fully online incl. result), một phần (partly), none. */
export const onlineLevel = z.enum(['full', 'partial', 'none']);
/**
 * Unit of a time limit (thời hạn giải quyết) as procedures publish it (the national portal's
 * DonViTinh: Giờ / Ngày / Ngày làm việc / Tháng, and "trong ngày"). The receipt-time rule of
 * each is in libs/calendar's receipt policies. The first two values are the original ones.
 */
export const timeLimitUnit = z.enum([
  'working_days',
  'calendar_days',
  'working_hours',
  'months',
  'same_day',
]);
export type TimeLimitUnit = z.infer<typeof timeLimitUnit>;
export const timeLimit = z.object({
  value: z.number().positive(),
  unit: timeLimitUnit,
});

/**
 * Lĩnh vực: domain code of the catalog, e.g. `QLG` (Quản lý giá).
 * @alias safeCode, named for its meaning
 */
export const domainCode = safeCode;
/**
 * Code of an internal unit (phòng, bộ phận), e.g. `P.QLG`, `VP.MC`.
 * @alias safeCode, named for its meaning
 */
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

/**
 * Display name of an organisation applicant (business, state body, organisation); never a citizen's name.
 * @alias label, named for its meaning
 */
export const organisationName = label;

/**
 * Mã hồ sơ: `<agency electronic ID>-<YYMMDD of receipt>-<daily sequence>`, e.g.
 * `000.00.15.H26-261129-0001` or `H15.50.05.13-261008-0975`.
 * - The daily sequence has at least 4 digits and grows past 9,999 (Circular 03/2025/TT-VPCP
 *   Art. 13(3)(d): "độ dài … theo thực tế hồ sơ phát sinh, tối thiểu gồm 04 ký tự"); it is never
 *   all zeros. Up to 9 digits: a 12-digit run could pass for a personal identification number.
 * - Centrally provided services (Art. 13(3), added by Circular 04/2025/TT-VPCP Art. 23(2), from
 *   25/01/2026): `<resolving agency ID>-<YYMMDD>-AA<XXXX…>`, AA = 2 digits from the ID of the
 *   agency owning the central system; ministry systems issue such 6-7 digit sequences. They
 *   are accepted as they arrive (events, the portal): `AA` + ≥4 digits is a digit run of ≥6.
 * Dossiers received to 30/6/2025 were numbered under Circular 01/2018/TT-VPCP (article number
 * unverified) with the same shape and a 4-digit sequence, which this pattern still accepts.
 */
export const DOSSIER_CODE_PATTERN =
  /^(?=[^-]*[A-Z])[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-(?!0+$)\d{4,9}$/;
export const dossierCode = z
  .string()
  .regex(DOSSIER_CODE_PATTERN, 'must be a dossier code like 000.00.15.H26-261129-0001');

/** Highest daily sequence a code can carry (9 digits; see DOSSIER_CODE_PATTERN). */
export const MAX_DOSSIER_SEQUENCE = 999_999_999;

/**
 * Builds a dossier code from its parts; `receivedOn` is the local (UTC+7) date of receipt,
 * YYYY-MM-DD. The sequence is padded to 4 digits and grows past 9,999 (10000, 10001…).
 * `centralSystemPrefix` (2 digits) builds the `AA` form of a centrally provided service, whose
 * sequence part is then at least 4 digits after the prefix.
 */
export function formatDossierCode(parts: {
  agencyCode: string;
  receivedOn: string;
  sequence: number;
  centralSystemPrefix?: string;
}): string {
  const [year, month, day] = parts.receivedOn.split('-');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError(`daily sequence must be a positive integer, got ${parts.sequence}`);
  }
  const prefix = parts.centralSystemPrefix ?? '';
  if (prefix && !/^\d{2}$/.test(prefix)) {
    throw new RangeError(`centralSystemPrefix must be 2 digits (AA), got ${prefix}`);
  }
  const sequence = `${prefix}${String(parts.sequence).padStart(4, '0')}`;
  const code = `${parts.agencyCode}-${(year ?? '').slice(2)}${month}${day}-${sequence}`;
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
