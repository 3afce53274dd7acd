import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './roles';

export const ROLES_KEY = 'motcua:roles';
export const PUBLIC_KEY = 'motcua:public';
/**
 * The zod schema of a query a handler validates itself (`@Query()` without a pipe): libs/http's
 * OpenAPI document reads it (ApiZodQuery); here so that libs/auth's own routes can declare it.
 */
export const OPENAPI_QUERY_KEY = 'motcua:openapi:query';
/** The success responses of a handler ({status, schema, description}[]): libs/http's ApiZodResponse. */
export const OPENAPI_RESPONSES_KEY = 'motcua:openapi:responses';

/** The endpoint may be called by a verified caller holding any of these roles. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);

/** The endpoint is open to anyone (published data, public lookups, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Injects the verified caller into a handler parameter. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
