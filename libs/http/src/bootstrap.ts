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
import { correlationMiddleware, trackRequest } from './correlation.middleware';
import { ProblemFilter } from './problem.filter';
import { startMetricsServer } from './metrics-server';
import { closeGracefully } from './shutdown';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { REPLAY_DEAD_LETTERS_FLAG, replayDeadLettersOnce } from './dead-letter-replay';
import { nestRoutes } from './openapi/openapi-routes';
import {
  expressResponseCheck,
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
  /**
   * The HTTP server under Nest: Express (the default) or Fastify, whose request path costs about
   * half of Express's (issue 17, docs/benchmarks.md). Controllers answer through `sendJson` /
   * `rawResponse` when they take the reply in hand, so they run on either.
   */
  http?: 'express' | 'fastify';
  /** Paths whose routes read a raw (non-JSON) body and check its media type themselves. */
  rawBodyPaths?: readonly string[];
  /** RESPONSE_SCHEMA_CHECK: JSON success answers checked against their documented schema. */
  responseCheck?: ResponseCheckMode;
};

/** The part of Fastify's reply the request hooks use. */
type FastifyReply = {
  raw: Parameters<typeof trackRequest>[2];
  code(status: number): FastifyReply;
  header(name: string, value: string): FastifyReply;
  send(body: string): FastifyReply;
};

/** JSON and form bodies up to body-parser's default, on both adapters. */
const BODY_LIMIT = 100 * 1024;

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
  const app =
    options.http === 'fastify'
      ? await createFastifyApp(options.module, logger, options.rawBodyPaths)
      : await NestFactory.create(options.module as never, {
          logger: new JsonNestLogger(logger),
          bufferLogs: false,
        });
  const check = options.responseCheck ?? 'off';
  if (check !== 'off') {
    const matchers = responseMatchers(nestRoutes(app));
    if (options.http === 'fastify')
      (app.getHttpAdapter().getInstance() as FastifyInstance).addHook(
        'onSend',
        fastifyResponseCheck(matchers, check, logger),
      );
    else app.use(expressResponseCheck(matchers, check, logger));
  }
  if (options.http !== 'fastify') {
    app.use(correlationMiddleware(logger));
    app.use(bodyMediaTypeGuard(options.rawBodyPaths));
    const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
    http.disable?.('x-powered-by');
    (app.getHttpServer() as Server).on('clientError', answerClientError);
  }
  app.useGlobalFilters(new ProblemFilter());
  // Generated from the routes and their zod schemas (ADR 0024); committed as docs/openapi/<service>.json.
  // Built on the first request for it, not held from start-up by a service nobody asks (issue 17).
  const document = () => buildOpenApiDocument(app, options);
  SwaggerModule.setup('docs', app, document as never, { jsonDocumentUrl: 'openapi.json' });
  return app;
}

/**
 * A Nest application on Fastify that behaves as the Express one does for a client: JSON bodies up
 * to body-parser's 100 kB, paths matched case-insensitively and with or without a trailing slash,
 * the correlation and access log as a hook. Fastify's own errors (a malformed or oversized body,
 * an unsupported media type) reach the ProblemFilter through Nest's error handler, as under Express.
 */
async function createFastifyApp(
  module: unknown,
  logger: Logger,
  rawBodyPaths: readonly string[] | undefined,
): Promise<INestApplication> {
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 1000 },
    // closeGracefully drains the server first; requests still running finish as under Express.
    return503OnClosing: false,
    // Oversized headers (431) and unparsable requests (400) answer a problem, as under Express.
    clientErrorHandler: answerClientError,
  });
  // An empty JSON body reads as {} as body-parser reads it (Fastify's own parser refuses it),
  // so an action without a body answers the same on both adapters.
  const fastifyJson = adapter.getInstance().getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', false, { bodyLimit: BODY_LIMIT }, (req, body, done) =>
    body.length === 0 ? done(null, {}) : fastifyJson(req, body.toString('utf8'), done),
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
  // rest of the body, as body-parser does under Express.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const declared = Number(request.headers['content-length']);
    const raw = rawBodyPaths?.includes((request.url ?? '').split('?')[0]) ?? false;
    done(
      declared > BODY_LIMIT && !raw
        ? new PayloadTooLargeException(`The body may not exceed ${BODY_LIMIT} bytes.`)
        : undefined,
    );
  });
  // The same media-type rule as under Express, before Fastify parses anything.
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
  },
>(options: {
  service: string;
  version: string;
  title: string;
  description: string;
  loadConfig: () => C;
  module: (config: C) => unknown;
  http?: 'express' | 'fastify';
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
