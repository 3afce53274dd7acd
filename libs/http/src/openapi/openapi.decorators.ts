import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';
import { OPENAPI_QUERY_KEY, OPENAPI_RESPONSES_KEY } from '@motcua/auth';

export const OPENAPI_BODY = 'motcua:openapi:body';
export const OPENAPI_HEADERS = 'motcua:openapi:headers';
export const OPENAPI_ACTIONS = 'motcua:openapi:actions';
export const OPENAPI_RESPONSES = OPENAPI_RESPONSES_KEY;
export const OPENAPI_QUERY = OPENAPI_QUERY_KEY;
export const OPENAPI_BODY_EXAMPLE = 'motcua:openapi:body-example';

/** What the document says about a body the handler validates itself (not through `zodBody`). */
export type BodyDoc =
  | { kind: 'zod'; schemas: readonly z.ZodType[]; description?: string; example?: unknown }
  | { kind: 'raw'; contentTypes: readonly string[]; description: string };

export type HeaderDoc = {
  /** As callers write it (`Idempotency-Key`); matched case-insensitively with `@Headers('…')`. */
  name: string;
  schema: z.ZodType;
  required: boolean;
  description: string;
};

/** One action of an action table, as its own operation (`…/actions/<action>`). */
export type ActionDoc = { summary: string; description: string; example?: unknown };

export type ActionsDoc = {
  /** The path parameter that names the action (`action` in `:id/actions/:action`). */
  param: string;
  bodies: Readonly<Record<string, z.ZodType>>;
  describe: (action: string) => ActionDoc;
};

export type ResponseDoc = {
  status: number;
  schema: z.ZodType;
  description: string;
  contentType?: string;
  example?: unknown;
};

/**
 * The body of a handler that validates it itself (an action table, a pipe of several steps): the
 * zod schema(s) it validates with document it, so the document cannot say something else. Several
 * schemas are alternatives (`oneOf`).
 */
export function ApiZodBody(
  schema: z.ZodType | readonly z.ZodType[],
  options: { description?: string; example?: unknown } = {},
) {
  const schemas = Array.isArray(schema) ? schema : [schema as z.ZodType];
  return SetMetadata(OPENAPI_BODY, { kind: 'zod', schemas, ...options } satisfies BodyDoc);
}

/** A body read as bytes from the request (an uploaded file): its content types. */
export function ApiRawBody(contentTypes: readonly string[], description: string) {
  return SetMetadata(OPENAPI_BODY, { kind: 'raw', contentTypes, description } satisfies BodyDoc);
}

/**
 * A request header the handler reads with `@Headers('name')` and checks with this zod schema; the
 * document lists it once, with its schema.
 */
export function ApiZodHeader(
  name: string,
  schema: z.ZodType,
  options: { required?: boolean; description: string },
) {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value ?? target) as object;
    const existing =
      (Reflect.getMetadata(OPENAPI_HEADERS, holder) as HeaderDoc[] | undefined) ?? [];
    const doc: HeaderDoc = {
      name,
      schema,
      required: options.required ?? false,
      description: options.description,
    };
    Reflect.defineMetadata(OPENAPI_HEADERS, [...existing, doc], holder);
    return descriptor;
  };
}

/**
 * A route `…/:action` whose body depends on the action (an action table): each action becomes its
 * own operation at `…/<action>` with its own body schema and its rules in the description.
 */
export function ApiZodActions(
  param: string,
  bodies: Readonly<Record<string, z.ZodType>>,
  describe: (action: string) => ActionDoc,
) {
  return SetMetadata(OPENAPI_ACTIONS, { param, bodies, describe } satisfies ActionsDoc);
}

/** A response with its zod schema (a success body, or a non-problem answer such as a health report). */
export function ApiZodResponse(
  status: number,
  schema: z.ZodType,
  description: string,
  options: { contentType?: string; example?: unknown } = {},
) {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value ?? target) as object;
    const existing =
      (Reflect.getMetadata(OPENAPI_RESPONSES, holder) as ResponseDoc[] | undefined) ?? [];
    Reflect.defineMetadata(
      OPENAPI_RESPONSES,
      [...existing, { status, schema, description, ...options }],
      holder,
    );
    return descriptor;
  };
}

/** The query of a handler that validates `@Query()` itself with this zod object schema. */
export function ApiZodQuery(schema: z.ZodType) {
  return SetMetadata(OPENAPI_QUERY, schema);
}

/** A row of an action table: statuses it starts from, roles, status after, and a condition. */
export type ActionRuleLike = {
  from: readonly string[];
  roles: readonly string[];
  to: string;
  when?: unknown;
};

/** An action's operation text from its row of the action table (the table stays the one source). */
export function actionDoc(
  summary: string,
  rule: ActionRuleLike,
  options: { notes?: string; condition?: string; example?: unknown } = {},
): ActionDoc {
  const lines = [
    `Allowed from status: ${rule.from.join(', ')}.`,
    `Roles (action table): ${rule.roles.join(', ')}; another role gets 403 with allowedActions.`,
    rule.to === 'same' ? 'The status stays.' : `Status after: ${rule.to}.`,
    ...(rule.when ? [`Only when: ${options.condition ?? "the table's condition holds"}.`] : []),
    'In another status: 409 action-not-allowed with the actions allowed now.',
    ...(options.notes ? [options.notes] : []),
  ];
  return { summary, description: lines.join('\n\n'), example: options.example };
}

/** An example of the body a `zodBody` pipe validates (the OpenAPI test checks it against that schema). */
export function ApiBodyExample(example: unknown) {
  return SetMetadata(OPENAPI_BODY_EXAMPLE, example);
}
