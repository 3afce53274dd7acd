import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { CONTROL_CHARACTER, LONE_SURROGATE } from '@motcua/contracts';
import { validationProblem, type FieldViolation } from './problem';

/**
 * Text that no field of motcua accepts, whatever its schema: NUL and the other C0/C1 control
 * characters (tab, line feed and carriage return excepted) and UTF-16 surrogates without their
 * pair (the rules of request text in @motcua/contracts). PostgreSQL refuses NUL in text and a lone
 * surrogate cannot be encoded as UTF-8, so such a request would otherwise fail deep in a
 * repository or the outbox with a 500.
 */
const CONTROL = CONTROL_CHARACTER;

/** How deep a request's JSON may nest before it is refused (no form of ours needs more than a few levels). */
export const MAX_REQUEST_DEPTH = 32;

/** Every broken text rule in a parsed request value, each named by its path (`query.domain`, `applicant.name`). */
export function textViolations(
  value: unknown,
  path: string,
  found: FieldViolation[] = [],
  depth = 0,
): FieldViolation[] {
  if (found.length >= 20) return found;
  if (depth > MAX_REQUEST_DEPTH) {
    found.push({
      field: path || '(root)',
      rule: 'too-deep',
      message: `nests deeper than ${MAX_REQUEST_DEPTH} levels`,
    });
    return found;
  }
  if (typeof value === 'string') {
    if (CONTROL.test(value)) {
      found.push({
        field: path || '(root)',
        rule: 'no-control-characters',
        message: 'contains a control character (NUL, BEL, …)',
      });
    } else if (LONE_SURROGATE.test(value)) {
      found.push({
        field: path || '(root)',
        rule: 'well-formed-unicode',
        message: 'contains a UTF-16 surrogate without its pair',
      });
    }
    return found;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      textViolations(item, join(path, String(index)), found, depth + 1),
    );
    return found;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key) || LONE_SURROGATE.test(key)) {
        found.push({
          field: path || '(root)',
          rule: 'well-formed-keys',
          message: 'has a member name with a control character or a lone surrogate',
        });
        continue;
      }
      textViolations(item, join(path, key), found, depth + 1);
    }
  }
  return found;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

type TextRequest = { query?: unknown; params?: unknown; body?: unknown };

/**
 * Refuses, before any pipe, handler, database or outbox work, a request whose query, path
 * parameters or JSON body carry text that no field accepts (400 problem naming each field).
 * Streamed uploads have no parsed body and pass untouched.
 */
@Injectable()
export class RequestTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<TextRequest>();
      const found = [
        ...textViolations(request.query, 'query'),
        ...textViolations(request.params, 'param'),
        ...textViolations(request.body, ''),
      ];
      if (found.length > 0) throw validationProblem(found);
    }
    return next.handle();
  }
}
