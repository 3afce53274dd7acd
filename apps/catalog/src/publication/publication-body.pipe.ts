import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ruleProblem, validationProblem, violationsOf, type FieldViolation } from '@motcua/http';
import { chainViolations } from './inter-agency-completeness';
import { missingParts } from './procedure-completeness';
import {
  DECISION_BODY_SCHEMAS,
  decisionKindSchema,
  type DecisionBody,
} from './publication.schemas';

/** Rule names of our custom issues (`params.rule`) instead of zod's generic `custom`. */
export function catalogViolations(error: z.ZodError, prefix?: string): FieldViolation[] {
  return violationsOf(error, prefix).map((violation, index) => {
    const issue = error.issues[index] as { params?: { rule?: string } };
    return issue.params?.rule ? { ...violation, rule: issue.params.rule } : violation;
  });
}

/**
 * Reads a publication decision: first its kind, then — for anything but an abolition —
 * the completeness of the procedure (422 listing every missing part), of its inter-agency
 * chain if it has one (422 listing every broken chain rule), then its shape and rules (400).
 */
@Injectable()
export class PublicationBodyPipe implements PipeTransform<unknown, DecisionBody> {
  transform(value: unknown): DecisionBody {
    const head = decisionKindSchema.safeParse(value);
    if (!head.success) throw validationProblem(catalogViolations(head.error, 'body'));
    const kind = head.data.decision.kind;
    if (kind !== 'abolished') {
      const missing = missingParts((value as { procedure?: unknown }).procedure);
      if (missing.length > 0) {
        throw ruleProblem(
          'incomplete-procedure',
          'The procedure is missing parts required by law',
          missing,
        );
      }
      const chain = chainViolations((value as { procedure?: unknown }).procedure);
      if (chain.length > 0) {
        throw ruleProblem(
          'incomplete-inter-agency-chain',
          'The inter-agency chain (liên thông) is incomplete',
          chain,
        );
      }
    }
    const body = DECISION_BODY_SCHEMAS[kind].safeParse(value);
    if (!body.success) throw validationProblem(catalogViolations(body.error, 'body'));
    return body.data;
  }
}
