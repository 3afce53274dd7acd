import 'reflect-metadata';
import type { Server } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { NestFactory } from '@nestjs/core';
import { PayloadTooLargeException } from '@nestjs/common';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  collectProcessMetrics,
  createLogger,
  recordBuildInfo,
  redactErrorText,
  startTracing,
  stopTracing,
  type Logger,
} from '@motcua/observability';
import { connectMessaging, isOutboxRelayChild, runOutboxRelayChild } from '@motcua/messaging';
import type { CommonServiceConfig } from '@motcua/config';
import { bodyMediaTypeGuard } from './body-media-type';
import { answerClientError } from './client-error';
import { trackRequest } from './correlation.middleware';
import { ProblemFilter } from './problem.filter';
import { DEFAULT_MAX_REQUESTS_IN_FLIGHT, loadShedding } from './load-shedding';
import { validationProblem } from './problem';
import { startMetricsServer } from './metrics-server';
import { closeGracefully } from './shutdown';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { REPLAY_DEAD_LETTERS_FLAG, replayDeadLettersOnce } from './dead-letter-replay';
import { nestRoutes } from './openapi/openapi-routes';
import {
  fastifyResponseCheck,
  responseMatchers,
  type ResponseCheckMode,
} from './openapi/response-check';

/**
 * A service as main.ts runs it and as tools/openapi/generate.ts documents it: name, title, the
 * environment schema and the root module built from the validated configuration.
 */
export type ServiceDescriptor<C> = {
  service: string;
  /** The service's release: the `version` of apps/<service>/package.json. */
  version: string;
  title: string;
  description: string;
  env: z.ZodRawShape;
  module: (config: C) => unknown;
  /** Paths whose routes read a raw (non-JSON) body and check its media type themselves. */
  rawBodyPaths?: readonly string[];
};

/**
 * A service's descriptor from its parts: its title is `motcua <service>` and its root module is
 * the app module built from the validated configuration (`AppModule.forRoot(config)`).
 */
export function describeService<C>(parts: {
  service: string;
  version: string;
  description: string;
  env: z.ZodRawShape;
  app: { forRoot(config: C): unknown };
  rawBodyPaths?: readonly string[];
}): ServiceDescriptor<C> {
  const { app, ...rest } = parts;
  return { ...rest, title: `motcua ${parts.service}`, module: (config) => app.forRoot(config) };
}

export type ServiceAppOptions = {
  service: string;
  version: string;
  title: string;
  description: string;
  module: unknown;
  logLevel?: string;
  /** Paths whose routes read a raw (non-JSON) body and check its media type themselves. */
  rawBodyPaths?: readonly string[];
  /** RESPONSE_SCHEMA_CHECK: JSON success answers checked against their documented schema. */
  responseCheck?: ResponseCheckMode;
  /** MAX_REQUESTS_IN_FLIGHT: requests served at once before more are refused (0: no limit). */
  maxRequestsInFlight?: number;
};

/** The part of Fastify's reply the request hooks use. */
type FastifyReply = {
  raw: Parameters<typeof trackRequest>[2];
  code(status: number): FastifyReply;
  header(name: string, value: string): FastifyReply;
  send(body: string): FastifyReply;
};

/** JSON and form bodies up to 100 kB (body-parser's default, kept from the Express days). */
const BODY_LIMIT = 100 * 1024;

type ParserDone = (error: Error | null, body?: unknown) => void;

/** Whether a parsed JSON body is an object or an array, the only bodies a motcua route reads. */
function isJsonContainer(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/** The 400 for a JSON body that is `null` or a bare scalar. */
const notAJsonContainer = () =>
  validationProblem([
    {
      field: 'body',
      rule: 'json-object-or-array',
      message: 'must be a JSON object or array, not null or a bare value',
    },
  ]);

/** What the Fastify server offers besides Nest: hooks and the handler of its own errors. */
type FastifyInstance = {
  addHook(name: 'onSend', hook: ReturnType<typeof fastifyResponseCheck>): void;
  addHook(
    name: 'onRequest',
    hook: (
      request: Parameters<typeof trackRequest>[1],
      reply: FastifyReply,
      done: (error?: Error) => void,
    ) => void,
  ): void;
};

/** Adapts Nest's logger calls to the JSON logger. */
export class JsonNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    const err = message instanceof Error ? message : undefined;
    this.logger.error(
      { context, err, trace: trace && redactErrorText(trace) },
      redactErrorText(err ? err.message : String(message)),
    );
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/**
 * Builds a motcua service the same way everywhere: JSON logs, correlation ids,
 * problem+json errors, OpenAPI at /docs (JSON at /openapi.json); runService adds the graceful
 * shutdown (closeGracefully).
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<INestApplication> {
  const logger = createLogger(options.service, options.logLevel);
  collectProcessMetrics(options.service);
  recordBuildInfo(options.version);
  const app = await createFastifyApp(options.module, logger, options);
  // Beyond MAX_REQUESTS_IN_FLIGHT a request is refused (503 overloaded) before its body is read;
  // event streams (GET routes producing text/event-stream) stay open without holding a place.
  const streamPaths = nestRoutes(app)
    .filter((route) => route.method === 'GET' && route.produces.includes('text/event-stream'))
    .map((route) => route.path);
  const shed = loadShedding(
    options.maxRequestsInFlight ?? DEFAULT_MAX_REQUESTS_IN_FLIGHT,
    streamPaths,
  );
  if (shed) (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onRequest', shed);
  const check = options.responseCheck ?? 'off';
  if (check !== 'off') {
    (app.getHttpAdapter().getInstance() as FastifyInstance).addHook(
      'onSend',
      fastifyResponseCheck(responseMatchers(nestRoutes(app)), check, logger),
    );
  }
  app.useGlobalFilters(new ProblemFilter());
  // Generated from the routes and their zod schemas (ADR 0024); committed as docs/openapi/<service>.json.
  // Built on the first request for it, not held from start-up by a service nobody asks (issue 17).
  const document = () => buildOpenApiDocument(app, options);
  SwaggerModule.setup('docs', app, document as never, { jsonDocumentUrl: 'openapi.json' });
  return app;
}

/**
 * The Nest application on Fastify (ADR 0041): JSON bodies up to 100 kB, paths matched
 * case-insensitively and with or without a trailing slash, the correlation and access log as a
 * hook. Fastify's own errors (a malformed or oversized body, an unsupported media type) reach the
 * ProblemFilter through Nest's error handler.
 */
async function createFastifyApp(
  module: unknown,
  logger: Logger,
  options: Pick<ServiceAppOptions, 'rawBodyPaths' | 'maxRequestsInFlight'>,
): Promise<INestApplication> {
  const { rawBodyPaths } = options;
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 1000 },
    // closeGracefully drains the server first; requests still running finish.
    return503OnClosing: false,
    // Oversized headers (431) and unparsable requests (400) answer a problem+json.
    clientErrorHandler: answerClientError,
  });
  // An empty JSON body reads as {} (Fastify's own parser refuses it), so an action without a body
  // answers as one with `{}`. Any other body must be an object or an array: `null` or a bare
  // scalar is a 400 naming the body, before a pipe could mistake it for a missing body.
  const fastifyJson = adapter.getInstance().getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', false, { bodyLimit: BODY_LIMIT }, (req, body, done) =>
    body.length === 0
      ? done(null, {})
      : fastifyJson(req, body.toString('utf8'), (error: Error | null, value?: unknown) =>
          error
            ? done(error)
            : isJsonContainer(value)
              ? done(null, value)
              : done(notAJsonContainer()),
        ),
  );
  // A raw upload (`rawBodyPaths`) is left unread for its route to stream from `request.raw`; the
  // media-type guard below has already refused any other non-JSON body before parsing.
  adapter
    .getInstance()
    .addContentTypeParser('*', (_request: unknown, _payload: unknown, done: ParserDone) =>
      done(null),
    );
  adapter.useBodyParser(
    'application/x-www-form-urlencoded',
    false,
    { bodyLimit: BODY_LIMIT },
    (_req, body, done) => done(null, parseQuery(body.toString('utf8'))),
  );
  const app = await NestFactory.create(module as never, adapter as never, {
    logger: new JsonNestLogger(logger),
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', (request, reply, done) =>
    trackRequest(logger, request, reply.raw, done),
  );
  // A body declared larger than the limit is refused before Fastify's parser sees it: the parser
  // answers 413 with `Connection: close`, and a client still sending its body then meets a reset
  // before it reads the answer. Refused here, the answer keeps the connection and Node discards the
  // rest of the body.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const declared = Number(request.headers['content-length']);
    const raw = rawBodyPaths?.includes((request.url ?? '').split('?')[0]) ?? false;
    done(
      declared > BODY_LIMIT && !raw
        ? new PayloadTooLargeException(`The body may not exceed ${BODY_LIMIT} bytes.`)
        : undefined,
    );
  });
  // Only JSON bodies (or a raw upload on its own paths), refused before Fastify parses anything.
  const guardBodyType = bodyMediaTypeGuard(rawBodyPaths);
  fastify.addHook('onRequest', (request, reply, done) => {
    const response = {
      status: (status: number) => (reply.code(status), response),
      setHeader: (name: string, value: string) => void reply.header(name, value),
      end: (body: string) => void reply.send(body),
    };
    guardBodyType(request, response, done);
  });
  return app;
}

/**
 * The whole main.ts of a service: validate the environment, build the app, listen on the public
 * port, and serve /metrics on the management port (METRICS_PORT), closed together with the app.
 */
export async function runService<
  C extends {
    PORT: number;
    METRICS_PORT: number;
    LOG_LEVEL: string;
    TRACING_ENABLED?: boolean;
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
    OTEL_TRACES_SAMPLER_ARG?: number;
    SHUTDOWN_DELAY_SECONDS?: number;
    RESPONSE_SCHEMA_CHECK?: ResponseCheckMode;
    MAX_REQUESTS_IN_FLIGHT?: number;
  },
>(options: {
  service: string;
  version: string;
  title: string;
  description: string;
  loadConfig: () => C;
  module: (config: C) => unknown;
  rawBodyPaths?: readonly string[];
}): Promise<INestApplication | undefined> {
  const config = options.loadConfig();
  if (isOutboxRelayChild()) {
    // OUTBOX_RELAY=process: this is the service's relay child, not the service (no HTTP, no Nest).
    const relayConfig = config as unknown as CommonServiceConfig;
    await runOutboxRelayChild(
      options.service,
      relayConfig,
      createLogger(options.service, config.LOG_LEVEL),
    );
    return undefined;
  }
  if (config.TRACING_ENABLED) {
    await startTracing({
      service: options.service,
      endpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      sampleRatio: config.OTEL_TRACES_SAMPLER_ARG,
    });
  }
  const app = await createServiceApp({
    ...options,
    module: options.module(config),
    logLevel: config.LOG_LEVEL,
    responseCheck: config.RESPONSE_SCHEMA_CHECK,
    maxRequestsInFlight: config.MAX_REQUESTS_IN_FLIGHT,
  });
  if (process.argv.includes(REPLAY_DEAD_LETTERS_FLAG)) {
    await replayDeadLettersOnce(app, options.service, process.argv).catch((error: Error) => {
      process.stderr.write(`${options.service}: ${error.message}\n`);
      process.exitCode = 1;
    });
    // Whatever a module left open (a client's reconnect timer) does not keep the one-off run alive.
    setTimeout(() => process.exit(), 2000).unref();
    return app;
  }
  // A hybrid application: the HTTP app and the inbox transport's microservice (its consumers
  // start once the app's bootstrap hooks ran, before the port opens, as they did before).
  if (connectMessaging(app)) {
    await app.init();
    await app.startAllMicroservices();
  }
  await app.listen(config.PORT, '0.0.0.0');
  const metrics = await startMetricsServer(
    config.METRICS_PORT,
    createLogger(options.service, config.LOG_LEVEL),
  );
  const server = app.getHttpServer() as Server;
  server.once('close', () => {
    metrics.close();
    void stopTracing(); // the spans still queued go out before the process ends
  });
  closeGracefully(app, server, createLogger(options.service, config.LOG_LEVEL), {
    delayMs: (config.SHUTDOWN_DELAY_SECONDS ?? 0) * 1000,
  });
  return app;
}
