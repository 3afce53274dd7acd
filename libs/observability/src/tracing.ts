import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Link,
  type Span,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import type { BasicTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry traces, off unless a service starts them (TRACING_ENABLED, libs/config). The trace
 * follows the work through the W3C `traceparent` the code already carries: the HTTP request's
 * span (its parent the caller's `traceparent` header), one producer span per event the outbox
 * relay sends (its parent the envelope's `traceparent`, that is the request that wrote the event),
 * one consumer span per handled event in the service that consumes it (same parent), and events
 * published while handling carry the consumer span on. One trace thus shows an intake and its
 * projections in the other services. Spans go to an OTLP/HTTP collector in batches. The SDK, the
 * exporter and their dependencies (about 0.9 MB of modules) are loaded only when tracing starts: a
 * service with tracing off does not hold them (idle memory, issue 17).
 */
export { SpanKind };

let provider: BasicTracerProvider | undefined;
let tracer: Tracer | undefined;

export type TracingOptions = {
  service: string;
  /** OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces. */
  endpoint?: string;
  /** Share of new traces kept (0..1); a trace begun elsewhere follows its caller's decision. */
  sampleRatio?: number;
  /** Instead of OTLP (tests). */
  exporter?: SpanExporter;
};

export async function startTracing(options: TracingOptions): Promise<void> {
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, sdk] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  const { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } =
    sdk;
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: options.endpoint });
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': `motcua-${options.service}` }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1),
    }),
    spanProcessors: [
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000, maxQueueSize: 4096 }),
    ],
  });
  tracer = provider.getTracer('motcua');
}

/** Sends the spans still queued and stops (graceful shutdown). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  tracer = undefined;
  await current?.shutdown();
}

export const tracingEnabled = () => tracer !== undefined;

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The span context a W3C traceparent names (undefined when absent or malformed). */
export function spanContextOf(traceparent: string | undefined): SpanContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return {
    traceId: match[1],
    spanId: match[2],
    traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED,
    isRemote: true,
  };
}

export function traceparentOf(context: SpanContext): string {
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** A span under way: the traceparent the work under it carries, and how it ends. */
export type WorkSpan = {
  traceparent?: string;
  setAttributes(attributes: Attributes): void;
  updateName(name: string): void;
  end(error?: unknown): void;
};

const NO_SPAN = (traceparent?: string): WorkSpan => ({
  traceparent,
  setAttributes: () => undefined,
  updateName: () => undefined,
  end: () => undefined,
});

/**
 * Starts a span whose parent is `parent` (a traceparent) when tracing is on; when it is off, the
 * work carries `parent` on unchanged, as before tracing existed. `links`: other traceparents the
 * work also answers (a batch of events).
 */
export function startWorkSpan(
  name: string,
  kind: SpanKind,
  parent: string | undefined,
  attributes: Attributes = {},
  links: (string | undefined)[] = [],
): WorkSpan {
  if (!tracer) return NO_SPAN(parent);
  const parentContext = spanContextOf(parent);
  const ctx = parentContext ? trace.setSpanContext(ROOT_CONTEXT, parentContext) : ROOT_CONTEXT;
  const spanLinks: Link[] = links
    .map(spanContextOf)
    .filter((c): c is SpanContext => c !== undefined)
    .map((context) => ({ context }));
  const span: Span = tracer.startSpan(name, { kind, attributes, links: spanLinks }, ctx);
  return {
    traceparent: traceparentOf(span.spanContext()),
    setAttributes: (more) => span.setAttributes(more),
    updateName: (newName) => span.updateName(newName),
    end: (error) => {
      if (error !== undefined) {
        span.recordException(error instanceof Error ? error : JSON.stringify(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}
