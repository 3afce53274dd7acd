import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  collectProcessMetrics,
  createLogger,
  redactErrorText,
  startTracing,
  stopTracing,
  type Logger,
} from '@motcua/observability';
import { bodyMediaTypeGuard } from './body-media-type';
import { correlationMiddleware } from './correlation.middleware';
import { ProblemFilter } from './problem.filter';
import { startMetricsServer } from './metrics-server';
import { closeGracefully } from './shutdown';
import { buildOpenApiDocument } from './openapi/openapi-document';

/**
 * A service as main.ts runs it and as tools/openapi/generate.ts documents it: name, title, the
 * environment schema and the root module built from the validated configuration.
 */
export type ServiceDescriptor<C> = {
  service: string;
  title: string;
  description: string;
  env: z.ZodRawShape;
  module: (config: C) => unknown;
  /** Paths whose routes read a raw (non-JSON) body and check its media type themselves. */
  rawBodyPaths?: readonly string[];
};

export type ServiceAppOptions = {
  service: string;
  title: string;
  description: string;
  module: unknown;
  logLevel?: string;
  /** Paths whose routes read a raw (non-JSON) body and check its media type themselves. */
  rawBodyPaths?: readonly string[];
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
  const app = await NestFactory.create(options.module as never, {
    logger: new JsonNestLogger(logger),
    bufferLogs: false,
  });
  app.use(correlationMiddleware(logger));
  app.use(bodyMediaTypeGuard(options.rawBodyPaths));
  app.useGlobalFilters(new ProblemFilter());
  const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  http.disable?.('x-powered-by');
  // Generated from the routes and their zod schemas (ADR 0024); committed as docs/openapi/<service>.json.
  const document = buildOpenApiDocument(app, options);
  SwaggerModule.setup('docs', app, document as never, { jsonDocumentUrl: 'openapi.json' });
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
  },
>(options: {
  service: string;
  title: string;
  description: string;
  loadConfig: () => C;
  module: (config: C) => unknown;
  rawBodyPaths?: readonly string[];
}): Promise<INestApplication> {
  const config = options.loadConfig();
  if (config.TRACING_ENABLED) {
    startTracing({
      service: options.service,
      endpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      sampleRatio: config.OTEL_TRACES_SAMPLER_ARG,
    });
  }
  const app = await createServiceApp({
    ...options,
    module: options.module(config),
    logLevel: config.LOG_LEVEL,
  });
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
