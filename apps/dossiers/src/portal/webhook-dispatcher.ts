import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { signWebhook, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from '@motcua/contracts';
import { ScheduledJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG } from '../config';
import type { PortalConfig } from './portal.config';
import { toPortalChange } from './portal-change.repository';
import { PortalWebhookRepository, type DueDelivery } from './portal-webhook.repository';
import { nextAttemptDelay } from './webhook-backoff';
import { webhookAddressRefusal, webhookHostAllowed } from './webhook-hosts';

const FAN_OUT_BATCH = 500;
const DELIVERY_BATCH = 20;
/** A claimed delivery is retried by any instance once this passes without an outcome (a crash mid-send). */
const CLAIM_LEASE_MS = 60_000;

/**
 * Sends the stored portal changes to the webhook subscriptions. Each pass:
 * 1. fan-out: per subscription (row lock, SKIP LOCKED), the changes after its cursor become
 *    pending deliveries and the cursor moves, in one transaction;
 * 2. delivery: due deliveries are claimed (a lease, so several instances never send one at once),
 *    POSTed signed, and marked delivered, or given a next attempt with exponential backoff, or
 *    dead-lettered after the last attempt.
 * At least once: a crash after the receiver's answer and before the mark sends it again.
 */
@Injectable()
export class WebhookDispatcher extends ScheduledJob {
  constructor(
    private readonly webhooks: PortalWebhookRepository,
    // The service's config holds the portal's settings (portalEnv is part of dossiersEnv).
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('portal webhook dispatcher', { intervalMs: config.PORTAL_WEBHOOK_INTERVAL_MS }, logger);
  }

  async pass(): Promise<void> {
    await this.fanOut();
    for (let batch = 0; batch < 10; batch++) {
      if ((await this.deliverDue()) < DELIVERY_BATCH) break;
    }
  }

  private async fanOut(): Promise<void> {
    for (const id of await this.webhooks.activeIds()) await this.webhooks.fanOut(id, FAN_OUT_BATCH);
  }

  /** Claims and sends one batch of due deliveries; returns how many were claimed. */
  private async deliverDue(): Promise<number> {
    const due = await this.webhooks.claimDue(CLAIM_LEASE_MS, DELIVERY_BATCH);
    await Promise.all(due.map((delivery) => this.send(delivery)));
    return due.length;
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(toPortalChange(delivery));
    const attempts = Number(delivery.attempts) + 1;
    let failure: string | undefined;
    try {
      // A host taken off the allow-list after registration is never called again.
      if (!webhookHostAllowed(delivery.url, this.config.PORTAL_WEBHOOK_ALLOWED_HOSTS)) {
        throw new Error('host not in PORTAL_WEBHOOK_ALLOWED_HOSTS');
      }
      // Resolved again before each attempt: a name that now points inside the network is not called.
      const internal = await webhookAddressRefusal(
        delivery.url,
        this.config.PORTAL_WEBHOOK_ALLOWED_HOSTS,
      );
      if (internal) throw new Error(internal);
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(
            delivery.secret,
            body,
            Math.floor(Date.now() / 1000),
          ),
          [WEBHOOK_DELIVERY_HEADER]: String(delivery.id),
          'x-request-id': randomUUID(),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.PORTAL_WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message;
    }
    if (failure === undefined) {
      await this.webhooks.markDelivered(delivery.id, attempts);
      return;
    }
    const delay = nextAttemptDelay(attempts, {
      baseMs: this.config.PORTAL_WEBHOOK_RETRY_BASE_MS,
      maxMs: this.config.PORTAL_WEBHOOK_RETRY_MAX_MS,
      maxAttempts: this.config.PORTAL_WEBHOOK_MAX_ATTEMPTS,
    });
    await this.webhooks.markFailed(delivery.id, attempts, failure, delay);
    if (delay === undefined) {
      this.logger.warn(
        { deliveryId: String(delivery.id), attempts, error: failure },
        'portal webhook: delivery dead-lettered after its last attempt',
      );
    }
  }
}
