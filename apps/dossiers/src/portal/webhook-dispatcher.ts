import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { signWebhook, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from '@motcua/contracts';
import { PeriodicJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG } from '../config';
import { DossiersDatabase } from '../dossiers.database';
import type { PortalConfig } from './portal.config';
import { STABLE_CHANGES_SQL, toPortalChange } from './portal-changes.service';
import { nextAttemptDelay } from './webhook-backoff';
import { webhookAddressRefusal, webhookHostAllowed } from './webhook-hosts';

const FAN_OUT_BATCH = 500;
const DELIVERY_BATCH = 20;
/** A claimed delivery is retried by any instance once this passes without an outcome (a crash mid-send). */
const CLAIM_LEASE_MS = 60_000;

type DueDelivery = {
  id: bigint;
  attempts: number;
  url: string;
  secret: string;
  position: bigint;
  txid: bigint;
  dossier_code: string;
  sequence: number;
  event_id: string;
  changed_at: Date;
  status: Parameters<typeof toPortalChange>[0]['status'];
};

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
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly db: DossiersDatabase,
    // The service's config holds the portal's settings (portalEnv is part of dossiersEnv).
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob('portal webhook dispatcher', () => this.pass(), logger);
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.PORTAL_WEBHOOK_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  async pass(): Promise<void> {
    await this.fanOut();
    for (let batch = 0; batch < 10; batch++) {
      if ((await this.deliverDue()) < DELIVERY_BATCH) break;
    }
  }

  private async fanOut(): Promise<void> {
    const webhooks = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM portal_webhook WHERE deleted_at IS NULL`,
    );
    for (const { id } of webhooks) {
      await this.db.$transaction(async (tx) => {
        const [webhook] = await tx.$queryRawUnsafe<
          { cursor_txid: bigint; cursor_position: bigint }[]
        >(
          `SELECT cursor_txid, cursor_position FROM portal_webhook
            WHERE id = $1::uuid AND deleted_at IS NULL FOR UPDATE SKIP LOCKED`,
          id,
        );
        if (!webhook) return;
        const changes = await tx.$queryRawUnsafe<{ position: bigint; txid: bigint }[]>(
          STABLE_CHANGES_SQL,
          webhook.cursor_txid.toString(),
          webhook.cursor_position.toString(),
          FAN_OUT_BATCH,
        );
        if (changes.length === 0) return;
        const last = changes[changes.length - 1];
        await tx.$executeRawUnsafe(
          `INSERT INTO portal_webhook_delivery (webhook_id, change_position, state, next_attempt_at)
           SELECT $1::uuid, unnest($2::bigint[]), 'pending', now() ON CONFLICT DO NOTHING`,
          id,
          changes.map((c) => c.position.toString()),
        );
        await tx.$executeRawUnsafe(
          `UPDATE portal_webhook SET cursor_txid = $2::bigint, cursor_position = $3::bigint WHERE id = $1::uuid`,
          id,
          last.txid.toString(),
          last.position.toString(),
        );
      });
    }
  }

  /** Claims and sends one batch of due deliveries; returns how many were claimed. */
  private async deliverDue(): Promise<number> {
    const due = await this.db.$queryRawUnsafe<DueDelivery[]>(
      // Round robin over the subscriptions (a dead receiver's backlog never starves the others).
      // No SKIP LOCKED: a row another instance claimed meanwhile fails the re-checked WHERE.
      `WITH due AS (
         SELECT d.id, row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS turn
           FROM portal_webhook_delivery d JOIN portal_webhook w ON w.id = d.webhook_id
          WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND w.deleted_at IS NULL),
       claimed AS (
         UPDATE portal_webhook_delivery SET next_attempt_at = now() + make_interval(secs => $1::double precision / 1000)
          WHERE id IN (SELECT id FROM due ORDER BY turn, id LIMIT $2)
            AND state = 'pending' AND next_attempt_at <= now()
          RETURNING id, webhook_id, change_position, attempts)
       SELECT claimed.id, claimed.attempts, w.url, w.secret, c.position, c.txid, c.dossier_code,
              c.sequence, c.event_id, c.changed_at, c.status
         FROM claimed JOIN portal_webhook w ON w.id = claimed.webhook_id
         JOIN portal_change c ON c.position = claimed.change_position`,
      CLAIM_LEASE_MS,
      DELIVERY_BATCH,
    );
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
      await this.db.$executeRawUnsafe(
        `UPDATE portal_webhook_delivery SET state = 'delivered', attempts = $2, delivered_at = now(), last_error = NULL
          WHERE id = $1::bigint`,
        delivery.id.toString(),
        attempts,
      );
      return;
    }
    const delay = nextAttemptDelay(attempts, {
      baseMs: this.config.PORTAL_WEBHOOK_RETRY_BASE_MS,
      maxMs: this.config.PORTAL_WEBHOOK_RETRY_MAX_MS,
      maxAttempts: this.config.PORTAL_WEBHOOK_MAX_ATTEMPTS,
    });
    await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook_delivery
          SET attempts = $2, last_error = $3,
              state = CASE WHEN $4::double precision IS NULL THEN 'dead' ELSE 'pending' END,
              next_attempt_at = now() + make_interval(secs => COALESCE($4::double precision, 0) / 1000)
        WHERE id = $1::bigint`,
      delivery.id.toString(),
      attempts,
      failure.slice(0, 500),
      delay ?? null,
    );
    if (delay === undefined) {
      this.logger.warn(
        { deliveryId: String(delivery.id), attempts, error: failure },
        'portal webhook: delivery dead-lettered after its last attempt',
      );
    }
  }
}
