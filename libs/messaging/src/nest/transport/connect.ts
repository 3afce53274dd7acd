import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { INBOX_TRANSPORT, type InboxTransport } from './inbox-transport';
import { PassErrorsToTransport } from './pass-errors.filter';

/** What `connectMicroservice` does itself when not deferred (public methods of NestMicroservice). */
type NestMicroserviceInternals = {
  registerListeners(): void;
  setIsInitialized(value: boolean): void;
  setIsInitHookCalled(value: boolean): void;
};

/**
 * Makes a service a hybrid application: its HTTP app plus the inbox transport's microservice
 * (whose `@EventPattern` handlers are registered here, before the app's bootstrap hooks run).
 * The microservice does not inherit the HTTP app's global filters (problem+json); its last
 * filter gives the handlers' errors back to the consumer as they are. Returns undefined for an
 * app without MessagingModule.
 */
export function connectMessaging(app: INestApplication): INestMicroservice | undefined {
  let transport: InboxTransport;
  try {
    transport = app.get<InboxTransport>(INBOX_TRANSPORT, { strict: false });
  } catch {
    return undefined;
  }
  // Deferred so that the filter is in place before Nest builds the handlers' pipelines.
  const microservice = app.connectMicroservice<object>(
    { strategy: transport },
    { deferInitialization: true },
  ) as INestMicroservice & NestMicroserviceInternals;
  microservice.useGlobalFilters(new PassErrorsToTransport());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true); // the app's own hooks serve the whole hybrid
  return microservice;
}
