import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as CatalogPaths } from './generated/catalog';
import type { paths as DigitizationPaths } from './generated/digitization';
import type { paths as DossiersPaths } from './generated/dossiers';
import type { paths as FeedbackPaths } from './generated/feedback';
import type { paths as ReportingPaths } from './generated/reporting';

export type { CatalogPaths, DigitizationPaths, DossiersPaths, FeedbackPaths, ReportingPaths };

/** The bearer token of the caller: a fixed one, or a function asked before each request (refresh). */
export type TokenSource = string | (() => string | Promise<string>);

export type ServiceClientOptions = {
  /** The service's base URL, e.g. https://motcua.example.gov.vn/dossiers-api. */
  baseUrl: string;
  /** Absent for the public routes only. */
  token?: TokenSource;
  /** Headers sent with every request (a correlation id, …). */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
};

function bearer(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/**
 * A typed client of one service: every path, parameter, body and answer as its OpenAPI document
 * (docs/openapi/<service>.json) describes them; errors are the problem+json bodies.
 */
function serviceClient<Paths extends object>(options: ServiceClientOptions): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: options.headers,
    fetch: options.fetch,
  });
  if (options.token !== undefined) client.use(bearer(options.token));
  return client;
}

export const catalogClient = (options: ServiceClientOptions) =>
  serviceClient<CatalogPaths>(options);
export const dossiersClient = (options: ServiceClientOptions) =>
  serviceClient<DossiersPaths>(options);
export const feedbackClient = (options: ServiceClientOptions) =>
  serviceClient<FeedbackPaths>(options);
export const digitizationClient = (options: ServiceClientOptions) =>
  serviceClient<DigitizationPaths>(options);
export const reportingClient = (options: ServiceClientOptions) =>
  serviceClient<ReportingPaths>(options);

export type MotcuaClients = {
  catalog: Client<CatalogPaths>;
  dossiers: Client<DossiersPaths>;
  feedback: Client<FeedbackPaths>;
  digitization: Client<DigitizationPaths>;
  reporting: Client<ReportingPaths>;
};

/** The clients of the services whose base URL is given, sharing one token source. */
export function motcuaClients(
  baseUrls: Partial<Record<keyof MotcuaClients, string>>,
  options: Omit<ServiceClientOptions, 'baseUrl'> = {},
): Partial<MotcuaClients> {
  const make = {
    catalog: catalogClient,
    dossiers: dossiersClient,
    feedback: feedbackClient,
    digitization: digitizationClient,
    reporting: reportingClient,
  };
  const clients: Partial<Record<keyof MotcuaClients, unknown>> = {};
  for (const name of Object.keys(make) as (keyof MotcuaClients)[]) {
    const baseUrl = baseUrls[name];
    if (baseUrl) clients[name] = make[name]({ ...options, baseUrl });
  }
  return clients as Partial<MotcuaClients>;
}
