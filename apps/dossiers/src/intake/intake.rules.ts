import type { ProcedureVersion } from '@motcua/contracts';
import type { ApplicantType, MissingItem, SubmittedDocument } from '../dossier/dossier-status';

export type IntakeDecision =
  | { outcome: 'received' }
  | { outcome: 'supplement_requested'; missing: MissingItem[] }
  | { outcome: 'refused'; reasons: string[] };

export type IntakeFacts = {
  procedure: Pick<ProcedureVersion, 'applicantTypes' | 'requiredDocuments' | 'name'>;
  applicantType: ApplicantType;
  documents: readonly SubmittedDocument[];
  refusalReasons?: readonly string[];
};

const APPLICANT_TYPE_VI: Record<ApplicantType, string> = {
  citizen: 'công dân',
  business: 'doanh nghiệp',
  state_body: 'cơ quan nhà nước',
  organisation: 'tổ chức',
};

/**
 * The desk check (kiểm tra hồ sơ) against the procedure version in force at receipt:
 * refused when the desk officer gives reasons or the applicant is not one the procedure serves;
 * otherwise a supplement request listing every missing required document at once; otherwise received.
 */
export function decideIntake(facts: IntakeFacts): IntakeDecision {
  const reasons = [...(facts.refusalReasons ?? [])];
  if (!facts.procedure.applicantTypes.includes(facts.applicantType)) {
    reasons.push(
      `Người nộp là ${APPLICANT_TYPE_VI[facts.applicantType]}, không thuộc đối tượng thực hiện thủ tục "${facts.procedure.name}"`,
    );
  }
  if (reasons.length > 0) return { outcome: 'refused', reasons };
  const submitted = new Set(facts.documents.map((d) => d.code));
  const missing = facts.procedure.requiredDocuments
    .filter((doc) => doc.required && !submitted.has(doc.code))
    .map((doc) => ({ documentCode: doc.code, description: `Thiếu thành phần hồ sơ: ${doc.name}` }));
  if (missing.length > 0) return { outcome: 'supplement_requested', missing };
  if (facts.documents.length === 0) {
    // Every component is optional, but a dossier needs at least one of them.
    const anyOf = facts.procedure.requiredDocuments.map((doc) => doc.name).join('; ');
    return {
      outcome: 'supplement_requested',
      missing: [{ description: `Cần nộp ít nhất một thành phần hồ sơ: ${anyOf}` }],
    };
  }
  return { outcome: 'received' };
}

/** Document codes the procedure does not know (a malformed request, not a missing document). */
export function unknownDocumentCodes(
  procedure: Pick<ProcedureVersion, 'requiredDocuments'>,
  documents: readonly { code: string }[],
): string[] {
  const known = new Set(procedure.requiredDocuments.map((d) => d.code));
  return documents.map((d) => d.code).filter((code) => !known.has(code));
}
