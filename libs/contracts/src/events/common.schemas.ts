import { z } from 'zod';

/** ISO calendar date (YYYY-MM-DD), interpreted in Asia/Ho_Chi_Minh. */
export const isoDate = z.iso.date();
/** ISO instant with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });
export const uuid = z.uuid();

/** Mã TTHC: national procedure code such as `1.005432`. */
export const procedureCode = z.string().regex(/^\d\.\d{6}$/, 'must be a national procedure code like 1.005432');
/** Agency code per QCVN 102:2016, e.g. `000.00.15.H26`. */
export const agencyCode = z
  .string()
  .regex(/^[A-Z0-9]{2,3}(\.[A-Z0-9]{2,3}){1,4}$/, 'must be an agency code per QCVN 102:2016 like 000.00.15.H26');

export const channel = z.enum(['in_person', 'online', 'postal']);
export const applicantType = z.enum(['citizen', 'business', 'state_body', 'organisation']);
export const procedureLevel = z.enum(['province', 'district', 'commune']);
/** Dịch vụ công trực tuyến: toàn trình (fully online incl. result), một phần (partly), none. */
export const onlineLevel = z.enum(['full', 'partial', 'none']);
export const timeLimit = z.object({
  value: z.number().positive(),
  unit: z.enum(['working_days', 'calendar_days']),
});
