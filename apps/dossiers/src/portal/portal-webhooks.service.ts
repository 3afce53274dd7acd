import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DomainProblem, ruleProblem } from '@motcua/http';
import { DOSSIERS_CONFIG } from '../config';
import { MAX_POSITION } from './portal-changes.service';
import { DossiersDatabase } from '../dossiers.database';
import type { PortalConfig } from './portal.config';
import type { RedeliverBody, WebhookBody } from './portal.schemas';
import { webhookAddressRefusal, webhookHostAllowed } from './webhook-hosts';

/** Past every position: with the transaction before the oldest running one, the cursor of "now". */

type WebhookRow = { id: string; url: string; created_at: Date };

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
    private readonly db: DossiersDatabase,
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
    const id = randomUUID();
    const secret = body.secret ?? randomBytes(32).toString('base64url');
    // `now`: the fan-out starts after every change already readable (the feed backfills the past).
    const start =
      body.from === 'beginning'
        ? `0::bigint, 0::bigint`
        : `pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1, ${MAX_POSITION}::bigint`;
    const [row] = await this.db.$queryRawUnsafe<WebhookRow[]>(
      `INSERT INTO portal_webhook (id, owner_subject, url, secret, cursor_txid, cursor_position)
       SELECT $1::uuid, $2, $3, $4, ${start} RETURNING id, url, created_at`,
      id,
      principal.subject,
      body.url,
      secret,
    );
    return { ...view(row), secret };
  }

  async list(principal: Principal) {
    const rows = await this.db.$queryRawUnsafe<WebhookRow[]>(
      `SELECT id, url, created_at FROM portal_webhook
        WHERE owner_subject = $1 AND deleted_at IS NULL ORDER BY created_at`,
      principal.subject,
    );
    return { webhooks: rows.map(view) };
  }

  /** Stops the deliveries of a subscription (pending ones included); its history stays. */
  async remove(id: string, principal: Principal): Promise<void> {
    await this.owned(id, principal);
    await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook SET deleted_at = now() WHERE id = $1::uuid`,
      id,
    );
  }

  /** The dead-letter list: deliveries that failed every attempt, newest first. */
  async deadLetters(id: string, principal: Principal) {
    await this.owned(id, principal);
    const rows = await this.db.$queryRawUnsafe<
      {
        id: bigint;
        attempts: number;
        last_error: string | null;
        dossier_code: string;
        sequence: number;
        cursor: string;
      }[]
    >(
      `SELECT d.id, d.attempts, d.last_error, c.dossier_code, c.sequence, c.txid || '.' || c.position AS cursor
         FROM portal_webhook_delivery d JOIN portal_change c ON c.position = d.change_position
        WHERE d.webhook_id = $1::uuid AND d.state = 'dead' ORDER BY d.id DESC LIMIT 1000`,
      id,
    );
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
    const count = await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook_delivery
          SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE webhook_id = $1::uuid AND state = 'dead'
          AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      id,
      body.deliveryIds ?? null,
    );
    return { redelivered: count };
  }

  private async owned(id: string, principal: Principal): Promise<void> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM portal_webhook WHERE id = $1::uuid AND owner_subject = $2 AND deleted_at IS NULL`,
      id,
      principal.subject,
    );
    if (rows.length === 0) {
      throw new DomainProblem(404, 'not-found', 'No such webhook subscription', `webhook ${id}`);
    }
  }
}
