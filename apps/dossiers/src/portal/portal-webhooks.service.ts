import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DomainProblem, ruleProblem } from '@motcua/http';
import { DOSSIERS_CONFIG } from '../config';
import type { PortalConfig } from './portal.config';
import type { RedeliverBody, WebhookBody } from './portal.schemas';
import { PortalWebhookRepository, type WebhookRow } from './portal-webhook.repository';
import { webhookAddressRefusal, webhookHostAllowed } from './webhook-hosts';

const view = (row: WebhookRow) => ({
  id: row.id,
  url: row.url,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * A portal's webhook subscriptions (đăng ký nhận thông báo): each belongs to the portal client that
 * made it (token subject); another client's subscription answers 404, as one that does not exist.
 */
@Injectable()
export class PortalWebhooksService {
  constructor(
    private readonly webhooks: PortalWebhookRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
  ) {}

  /** Registers a receiver; the secret is shown in this answer only. A host off the allow-list is a 422. */
  async create(body: WebhookBody, principal: Principal) {
    if (!webhookHostAllowed(body.url, this.config.PORTAL_WEBHOOK_ALLOWED_HOSTS)) {
      throw ruleProblem('webhook-host-not-allowed', 'The webhook host is not allowed', [
        {
          field: 'url',
          rule: 'allowed-host',
          message: `host ${new URL(body.url).hostname} is not among the webhook hosts this service may call (PORTAL_WEBHOOK_ALLOWED_HOSTS)`,
        },
      ]);
    }
    const internal = await webhookAddressRefusal(
      body.url,
      this.config.PORTAL_WEBHOOK_ALLOWED_HOSTS,
    );
    if (internal) {
      throw ruleProblem('webhook-host-not-allowed', 'The webhook host is not allowed', [
        { field: 'url', rule: 'public-address', message: internal },
      ]);
    }
    const secret = body.secret ?? randomBytes(32).toString('base64url');
    // `now`: the fan-out starts after every change already readable (the feed backfills the past).
    const row = await this.webhooks.create(
      { id: randomUUID(), ownerSubject: principal.subject, url: body.url, secret },
      body.from === 'beginning' ? 'beginning' : 'now',
    );
    return { ...view(row), secret };
  }

  async list(principal: Principal) {
    const rows = await this.webhooks.listOwned(principal.subject);
    return { webhooks: rows.map(view) };
  }

  /** Stops the deliveries of a subscription (pending ones included); its history stays. */
  async remove(id: string, principal: Principal): Promise<void> {
    await this.owned(id, principal);
    await this.webhooks.remove(id);
  }

  /** The dead-letter list: deliveries that failed every attempt, newest first. */
  async deadLetters(id: string, principal: Principal) {
    await this.owned(id, principal);
    const rows = await this.webhooks.deadLetters(id);
    return {
      deadLetters: rows.map((row) => ({
        deliveryId: String(row.id),
        dossierCode: row.dossier_code,
        sequence: Number(row.sequence),
        cursor: row.cursor,
        attempts: Number(row.attempts),
        lastError: row.last_error,
      })),
    };
  }

  /** Puts dead letters back in the queue with fresh attempts (all of them, or the ones named). */
  async redeliver(id: string, body: RedeliverBody, principal: Principal) {
    await this.owned(id, principal);
    return { redelivered: await this.webhooks.redeliver(id, body.deliveryIds ?? null) };
  }

  private async owned(id: string, principal: Principal): Promise<void> {
    if (!(await this.webhooks.isOwned(id, principal.subject))) {
      throw new DomainProblem(404, 'not-found', 'No such webhook subscription', `webhook ${id}`);
    }
  }
}
