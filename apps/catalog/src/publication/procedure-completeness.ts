import type { FieldViolation } from '@motcua/http';

/**
 * The parts a published procedure must have (Decree 63/2010 Art. 8(2), plus what the
 * catalog needs to route dossiers). Each entry: path in the record, and its name in law.
 */
const REQUIRED_PARTS: [path: string, label: string][] = [
  ['code', 'national procedure code (mã TTHC)'],
  ['name', 'name (tên thủ tục)'],
  ['domainCode', 'domain (lĩnh vực)'],
  ['level', 'level (cấp thực hiện)'],
  ['agencyCode', 'agency code (mã cơ quan)'],
  ['decidingAgency', 'deciding agency (cơ quan giải quyết)'],
  ['onlineLevel', 'online service level (mức độ dịch vụ công trực tuyến)'],
  ['steps', 'steps (trình tự thực hiện)'],
  ['channels', 'channels (cách thức thực hiện)'],
  ['requiredDocuments', 'required documents (thành phần hồ sơ)'],
  ['timeLimit', 'time limit (thời hạn giải quyết)'],
  ['timeLimit.value', 'time limit value'],
  ['timeLimit.unit', 'time limit unit (working or calendar days)'],
  ['applicantTypes', 'who may apply (đối tượng thực hiện)'],
  ['result', 'result (kết quả thực hiện)'],
  ['result.name', 'name of the result'],
  ['result.type', 'type of the result'],
  ['legalBasis', 'legal basis (căn cứ pháp lý)'],
  ['workflow', 'internal workflow (quy trình nội bộ)'],
];

/** Per document: name, number of originals and copies, required or optional. */
const DOCUMENT_PARTS: [path: string, label: string][] = [
  ['code', 'document code'],
  ['name', 'document name'],
  ['originals', 'number of originals (bản chính)'],
  ['copies', 'number of copies (bản sao)'],
  ['required', 'required or optional (bắt buộc / không bắt buộc)'],
];

function valueAt(record: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      record,
    );
}

function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Every legally required part that is missing (absent, blank or empty), all at once, so that
 * the officer fixes the record in one go. `prefix` is where the record sits in the request.
 */
export function missingParts(record: unknown, prefix = 'procedure'): FieldViolation[] {
  const missing: FieldViolation[] = [];
  const parentMissing = new Set<string>();
  for (const [path, label] of REQUIRED_PARTS) {
    const parent = path.includes('.') ? path.split('.')[0] : undefined;
    if (parent && parentMissing.has(parent)) continue;
    if (isMissing(valueAt(record, path))) {
      missing.push({
        field: `${prefix}.${path}`,
        rule: 'required',
        message: `the ${label} is required by law`,
      });
      parentMissing.add(path);
    }
  }
  const documents = valueAt(record, 'requiredDocuments');
  if (Array.isArray(documents)) {
    documents.forEach((document, index) => {
      for (const [path, label] of DOCUMENT_PARTS) {
        if (isMissing(valueAt(document, path))) {
          missing.push({
            field: `${prefix}.requiredDocuments.${index}.${path}`,
            rule: 'required',
            message: `the ${label} is required`,
          });
        }
      }
    });
  }
  return missing;
}
