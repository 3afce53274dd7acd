import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  Query,
  SetMetadata,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type InjectionToken,
  type NestInterceptor,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { concatMap, type Observable } from 'rxjs';
import { z } from 'zod';
import { OPENAPI_QUERY_KEY, OPENAPI_RESPONSES_KEY, Roles } from '../auth.decorators';
import type { Principal } from '../roles';
import type { RawSql } from '../scope/agency-directory';

/**
 * Nhật ký truy cập dữ liệu cá nhân: who read or exported which dossier, feedback item or file, when,
 * from where (IP) and why (the route). Rows are appended by an interceptor after a successful
 * answer of a route marked @AccessLogged; the table refuses UPDATE, and DELETE outside the
 * retention purge (migration of each service). The auditor reads it at GET /access-log.
 */
export type AccessedKind =
  'dossier' | 'document' | 'feedback' | 'file' | 'result' | 'tracking-book';
export const ACCESS_LOGGED_KEY = 'motcua:access-logged';

/**
 * Where a logged route finds the objects it read: a route parameter, query fields (joined with `/`,
 * e.g. an agency's book of a year), or, for a list, a field of the answer holding the items ('' for
 * an answer that is the list itself): one row per item's `id` (a list of feedback with the senders'
 * contacts is a read of each).
 */
export type AccessedObjects = { param?: string; query?: string[]; items?: string };

/** Marks a route that reads or exports personal data; `from` says which object(s) it read. */
export const AccessLogged = (kind: AccessedKind, from: AccessedObjects) =>
  SetMetadata(ACCESS_LOGGED_KEY, { kind, from });

export type AccessLogOptions = {
  /** The service's database (Prisma client): the table personal_data_access lives there. */
  database: InjectionToken;
  /** Days a row is kept (default 730); the purge runs every `purgeIntervalMs` (default one hour; 0: never). */
  retentionDays?: number;
  purgeIntervalMs?: number;
};
const OPTIONS = Symbol('ACCESS_LOG_OPTIONS');
const DATABASE = Symbol('ACCESS_LOG_DATABASE');

type AccessRequest = {
  method: string;
  /** The matched route's template: Express's `route.path`, Fastify's `routeOptions.url`. */
  route?: { path?: string };
  routeOptions?: { url?: string };
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  ip?: string;
  socket?: { remoteAddress?: string };
  principal?: Principal;
};

@Injectable()
class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(DATABASE) private readonly db: RawSql,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = this.reflector.get<{ kind: AccessedKind; from: AccessedObjects } | undefined>(
      ACCESS_LOGGED_KEY,
      context.getHandler(),
    );
    if (!marked) return next.handle();
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const principal = request.principal;
    // Written before the answer leaves (a streamed export: once it is sent); a read that cannot be logged fails.
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        if (!principal) return value;
        const entry = {
          actorSubject: principal.subject,
          actorRoles: principal.roles,
          actorAgency: principal.agency ?? null,
          actorUnit: principal.unit ?? null,
          objectKind: marked.kind,
          route: `${request.method} ${request.route?.path ?? request.routeOptions?.url ?? ''}`,
          ip: request.ip ?? request.socket?.remoteAddress ?? null,
        };
        await appendAccesses(this.db, entry, objectIdsOf(marked.from, request, value));
        return value;
      }),
    );
  }
}

/** The ids of the objects a logged answer read (none for an empty list: nothing was read). */
function objectIdsOf(from: AccessedObjects, request: AccessRequest, answer: unknown): string[] {
  if (from.items !== undefined) {
    const items =
      from.items === '' ? answer : (answer as Record<string, unknown> | undefined)?.[from.items];
    return Array.isArray(items) ? items.map((item) => String((item as { id?: unknown }).id)) : [];
  }
  if (from.param) return [String(request.params?.[from.param] ?? '')];
  return [
    (from.query ?? [])
      .map((field) => String((request.query?.[field] as string | undefined) ?? ''))
      .join('/'),
  ];
}

export type AccessEntry = {
  actorSubject: string;
  actorRoles: readonly string[];
  actorAgency: string | null;
  actorUnit: string | null;
  objectKind: AccessedKind;
  objectId: string;
  route: string;
  ip: string | null;
};

export async function appendAccess(db: RawSql, entry: AccessEntry): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO personal_data_access (actor_subject, actor_roles, actor_agency, actor_unit, object_kind, object_id, route, ip)
     VALUES ($1, $2::text[], $3, $4, $5, $6, $7, $8)`,
    entry.actorSubject,
    [...entry.actorRoles],
    entry.actorAgency,
    entry.actorUnit,
    entry.objectKind,
    entry.objectId,
    entry.route,
    entry.ip,
  );
}

/** One row per object read by one request (a list's items), in one statement. */
export async function appendAccesses(
  db: RawSql,
  entry: Omit<AccessEntry, 'objectId'>,
  objectIds: readonly string[],
): Promise<void> {
  if (objectIds.length === 0) return;
  if (objectIds.length === 1) return appendAccess(db, { ...entry, objectId: objectIds[0] });
  await db.$executeRawUnsafe(
    `INSERT INTO personal_data_access (actor_subject, actor_roles, actor_agency, actor_unit, object_kind, object_id, route, ip)
     SELECT $1, $2::text[], $3, $4, $5, object_id, $7, $8 FROM unnest($6::text[]) WITH ORDINALITY AS o(object_id, n) ORDER BY n`,
    entry.actorSubject,
    [...entry.actorRoles],
    entry.actorAgency,
    entry.actorUnit,
    entry.objectKind,
    [...objectIds],
    entry.route,
    entry.ip,
  );
}

const accessQuery = z.object({
  objectId: z.string().min(1).max(200).optional(),
  actorSubject: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What the auditor reads: one row per access to personal data (OpenAPI and RESPONSE_SCHEMA_CHECK). */
const accessRows = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      occurredAt: z.iso.datetime(),
      actorSubject: z.string(),
      actorRoles: z.array(z.string()),
      actorAgency: z.string().nullable(),
      actorUnit: z.string().nullable(),
      objectKind: z.string(),
      objectId: z.string(),
      route: z.string(),
      ip: z.string().nullable(),
    }),
  ),
});

@Controller('access-log')
export class AccessLogController {
  constructor(@Inject(DATABASE) private readonly db: RawSql) {}

  /** The auditor's view of the access log, newest first. */
  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: "The auditor's view of the personal-data access log, newest first" })
  @SetMetadata(OPENAPI_QUERY_KEY, accessQuery)
  @SetMetadata(OPENAPI_RESPONSES_KEY, [
    { status: 200, schema: accessRows, description: 'The accesses, newest first' },
  ])
  async list(@Query() raw: Record<string, unknown>) {
    const parsed = accessQuery.safeParse(raw);
    if (!parsed.success) {
      // The same problem as every other refused query: each field with its rule (validation-failed).
      const errors = parsed.error.issues.map((i) => ({
        field: `query.${i.path.join('.')}`,
        rule: i.code,
        message: i.message,
      }));
      throw new BadRequestException({
        message: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      });
    }
    const q = parsed.data;
    const rows = await this.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT id::text, occurred_at AS "occurredAt", actor_subject AS "actorSubject", actor_roles AS "actorRoles", actor_agency AS "actorAgency",
              actor_unit AS "actorUnit", object_kind AS "objectKind", object_id AS "objectId", route, ip
         FROM personal_data_access
        WHERE ($1::text IS NULL OR object_id = $1) AND ($2::text IS NULL OR actor_subject = $2)
          AND ($3::timestamptz IS NULL OR occurred_at >= $3) AND ($4::timestamptz IS NULL OR occurred_at < $4)
        ORDER BY id DESC LIMIT $5`,
      q.objectId ?? null,
      q.actorSubject ?? null,
      q.from ?? null,
      q.to ?? null,
      q.limit,
    );
    return { items: rows };
  }
}

@Injectable()
class AccessLogRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  constructor(
    @Inject(DATABASE) private readonly db: RawSql,
    @Inject(OPTIONS) private readonly options: AccessLogOptions,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.options.purgeIntervalMs ?? 3_600_000;
    if (every <= 0) return;
    this.timer = setInterval(
      () => void purgeAccessLog(this.db, this.options.retentionDays ?? 730).catch(() => undefined),
      every,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/** Deletes rows older than the retention (the only deletion the table's trigger allows). */
export async function purgeAccessLog(db: RawSql, retentionDays: number): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ purged: number }[]>(
    `SELECT purge_personal_data_access($1::int) AS purged`,
    retentionDays,
  );
  return Number(rows[0]?.purged ?? 0);
}

@Module({})
export class AccessLogModule {
  static forRoot(options: AccessLogOptions): DynamicModule {
    return {
      module: AccessLogModule,
      controllers: [AccessLogController],
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: DATABASE, useExisting: options.database },
        { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
        AccessLogRetention,
      ],
    };
  }
}
