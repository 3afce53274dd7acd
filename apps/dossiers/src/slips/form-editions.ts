import type { Confidence } from '../lifecycle/lifecycle.policies';
import { policyOn } from '../lifecycle/lifecycle.policies';

/** Every printed form of the one-stop desk, whatever its number in a given edition. */
export type FormKind =
  | 'receipt'
  | 'supplement'
  | 'refusal'
  | 'apology'
  | 'stop-notice'
  | 'control-sheet'
  | 'tracking-book';

export type FormSpec = { number: string; title: string; confidence: Confidence };

/**
 * The set of forms (biểu mẫu) in force for dossiers received in a period: a dossier's slips are
 * (re)printed with the numbering and titles of the edition in force on its date of receipt, so a
 * reprint for a dossier received in June 2025 keeps Circular 01/2018's forms.
 */
export type FormEdition = {
  id: string;
  legalBasis: string;
  confidence: Confidence;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Short citation printed under the form number. */
  citation: string;
  forms: Partial<Record<FormKind, FormSpec>>;
};

export const FORM_EDITIONS: readonly FormEdition[] = [
  {
    id: 'tt01-2018',
    legalBasis: 'Circular 01/2018/TT-VPCP guiding Decree 61/2018/NĐ-CP: forms 01-06',
    confidence: 'copy',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    citation: 'Thông tư 01/2018/TT-VPCP',
    forms: {
      receipt: {
        number: '01',
        title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        confidence: 'copy',
      },
      supplement: {
        number: '02',
        title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        confidence: 'copy',
      },
      refusal: {
        number: '03',
        title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
        confidence: 'copy',
      },
      apology: {
        number: '04',
        title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        confidence: 'copy',
      },
      'control-sheet': {
        number: '05',
        title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        confidence: 'copy',
      },
      'tracking-book': { number: '06', title: 'SỔ THEO DÕI HỒ SƠ', confidence: 'copy' },
    },
  },
  {
    id: 'tt03-2025',
    legalBasis:
      'Circular 03/2025/TT-VPCP Phụ lục I and Art. 7, guiding Decree 118/2025/NĐ-CP: forms 01-07 (entry into force of the Circular unverified: applied to dossiers received from 1/7/2025)',
    confidence: 'copy',
    effectiveFrom: '2025-07-01',
    citation: 'Thông tư 03/2025/TT-VPCP',
    forms: {
      receipt: {
        number: '01',
        title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        confidence: 'copy',
      },
      supplement: {
        number: '02',
        title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        confidence: 'copy',
      },
      // One source reads "…từ chối tiếp nhận giải quyết hồ sơ": exact title unverified.
      refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ', confidence: 'unverified' },
      apology: {
        number: '04',
        title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        confidence: 'unverified',
      },
      'stop-notice': {
        number: '05',
        title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
        confidence: 'confirmed',
      },
      'control-sheet': {
        number: '06',
        title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
        confidence: 'copy',
      },
      'tracking-book': { number: '07', title: 'SỔ THEO DÕI HỒ SƠ', confidence: 'copy' },
    },
  },
];

/** The edition governing a dossier received on `receivedOn` (local date). */
export function formEditionOn(receivedOn: string): FormEdition {
  return policyOn(FORM_EDITIONS, receivedOn);
}

/** The form of that kind for a dossier received on `receivedOn`, or null when the edition has none (no form 05 before 1/7/2025). */
export function formFor(
  kind: FormKind,
  receivedOn: string,
): (FormSpec & { edition: FormEdition }) | null {
  const edition = formEditionOn(receivedOn);
  const spec = edition.forms[kind];
  return spec ? { ...spec, edition } : null;
}

/** "Mẫu số 01 (Thông tư 03/2025/TT-VPCP)". */
export function formLabel(form: FormSpec & { edition: FormEdition }): string {
  return `Mẫu số ${form.number} (${form.edition.citation})`;
}

/** The tracking-book form(s) of a local year: a year spanning two editions names both, each with the dates it covers. */
export function trackingBookFormsOfYear(year: number): string[] {
  return FORM_EDITIONS.filter(
    (e) =>
      e.effectiveFrom <= `${year}-12-31` &&
      (e.effectiveTo === undefined || e.effectiveTo >= `${year}-01-01`),
  ).map((e) => {
    const book = formFor('tracking-book', e.effectiveFrom)!;
    const from = e.effectiveFrom > `${year}-01-01` ? ` từ ${viShort(e.effectiveFrom)}` : '';
    const to =
      e.effectiveTo !== undefined && e.effectiveTo < `${year}-12-31`
        ? ` đến ${viShort(e.effectiveTo)}`
        : '';
    return `${formLabel(book)}${from}${to}`.trim();
  });
}

function viShort(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
