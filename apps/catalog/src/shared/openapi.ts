import { z } from 'zod';

/** The JSON Schema of a zod request schema, for @ApiBody (the zod schema stays the one that validates). */
export function openApiSchemaOf(...schemas: z.ZodType[]): Record<string, unknown> {
  const [first, ...rest] = schemas.map((schema) => {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    return json;
  });
  return rest.length === 0 ? first : { oneOf: [first, ...rest] };
}
