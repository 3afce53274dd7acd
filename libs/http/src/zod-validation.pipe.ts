import { Injectable, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { validationProblem, type FieldViolation } from './problem';

/** Validates a body, query or param with a zod schema; a failure names each field and rule. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: 'body' | 'query' | 'param' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw validationProblem(violationsOf(result.error, this.location));
  }
}

export function violationsOf(error: z.ZodError, prefix?: string): FieldViolation[] {
  return error.issues.map((issue) => ({
    field:
      [prefix === 'body' ? undefined : prefix, ...issue.path.map(String)]
        .filter(Boolean)
        .join('.') || '(root)',
    rule: ruleOf(issue),
    message: issue.message,
  }));
}

/** Shorthand: `@Body(zodBody(schema))`. */
export const zodBody = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'body');
export const zodQuery = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'query');
export const zodParam = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'param');

/**
 * A custom refinement may name its rule in `params.rule` (e.g. `shares-add-up`); a string shorter
 * than one character (after trimming, for request text) is `not-blank`; zod's own issues use their code.
 */
function ruleOf(issue: z.core.$ZodIssue): string {
  const named =
    issue.code === 'custom' ? (issue.params as { rule?: unknown } | undefined)?.rule : undefined;
  if (typeof named === 'string') return named;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return 'not-blank';
  }
  return issue.code;
}
