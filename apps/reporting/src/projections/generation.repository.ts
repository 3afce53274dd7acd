import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { consumerGroupOf } from '@motcua/contracts';
import { ReportingDatabase } from '../reporting.database';
import { fillDeferredRollups } from './deferred-rollup.repository';

export type GenerationStatus = 'active' | 'building' | 'retired';
export type Generation = { generation: number; groupId: string; status: GenerationStatus };

export const PROJECTION_TABLES = [
  'dossier_fact',
  'procedure_fact',
  'feedback_fact',
  'digitization_fact',
  'review_campaign_fact',
  'dossier_day_rollup',
  'dossier_month_rollup',
  'digitization_day_rollup',
  'dossier_feedback_link',
  'portal_sync_fact',
  'dossier_stage_fact',
] as const;

/** The switch fills the new generation's rollups from all its facts: minutes for millions of events. */
const SWITCH_TIMEOUT = { timeout: 600_000, maxWait: 10_000 };

/** The generations of the projection set: exactly one active, at most one building. */
@Injectable()
export class GenerationRepository {
  constructor(private readonly db: ReportingDatabase) {}

  /** A consumer group of its own per generation (the suffix keeps a recreated database from reusing old offsets). */
  private static groupIdOf(generation: number): string {
    return `${consumerGroupOf('reporting')}.g${generation}.${randomUUID().slice(0, 8)}`;
  }

  async ensureActive(): Promise<Generation> {
    const active = await this.active();
    if (active) return active;
    const last = await this.db.projectionGeneration.findFirst({ orderBy: { generation: 'desc' } });
    const generation = (last?.generation ?? 0) + 1;
    await this.db.$executeRawUnsafe(
      `INSERT INTO projection_generation (generation, group_id, status, activated_at) VALUES ($1, $2, 'active', now())
       ON CONFLICT DO NOTHING`,
      generation,
      GenerationRepository.groupIdOf(generation),
    );
    const created = await this.active();
    if (!created) throw new Error('no active projection generation after creating one');
    return created;
  }

  async active(): Promise<Generation | undefined> {
    return (await this.list()).find((g) => g.status === 'active');
  }

  async building(): Promise<Generation[]> {
    return (await this.list()).filter((g) => g.status === 'building');
  }

  async list(): Promise<Generation[]> {
    const rows = await this.db.projectionGeneration.findMany({ orderBy: { generation: 'asc' } });
    return rows.map((r) => ({
      generation: r.generation,
      groupId: r.groupId,
      status: r.status as GenerationStatus,
    }));
  }

  /**
   * Starts a building generation, or answers the one already building: concurrent calls (two
   * admins, two instances) are serialised by a transaction lock, so at most one ever builds.
   */
  async createBuilding(): Promise<{ created: boolean; generation: Generation }> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtext('motcua.reporting.projection-rebuild'))`,
      );
      const building = await tx.projectionGeneration.findFirst({ where: { status: 'building' } });
      if (building) {
        return {
          created: false,
          generation: {
            generation: building.generation,
            groupId: building.groupId,
            status: 'building' as const,
          },
        };
      }
      const last = await tx.projectionGeneration.findFirst({ orderBy: { generation: 'desc' } });
      const generation = (last?.generation ?? 0) + 1;
      const groupId = GenerationRepository.groupIdOf(generation);
      await tx.projectionGeneration.create({ data: { generation, groupId, status: 'building' } });
      return { created: true, generation: { generation, groupId, status: 'building' as const } };
    });
  }

  /** Switches queries to `generation` (its rollups filled first); the previous active one is retired. */
  async activate(generation: number): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await fillDeferredRollups(tx, generation);
      await tx.projectionGeneration.updateMany({
        where: { status: 'active' },
        data: { status: 'retired', retiredAt: new Date() },
      });
      await tx.projectionGeneration.update({
        where: { generation },
        data: { status: 'active', activatedAt: new Date() },
      });
    }, SWITCH_TIMEOUT);
  }

  /** Frees the rows of retired generations (their consumer groups are stopped first). */
  async purgeRetired(): Promise<void> {
    const retired = (await this.list())
      .filter((g) => g.status === 'retired')
      .map((g) => g.generation);
    if (retired.length === 0) return;
    for (const table of PROJECTION_TABLES) {
      await this.db.$executeRawUnsafe(
        `DELETE FROM ${table} WHERE generation = ANY($1::int[])`,
        retired,
      );
    }
  }
}
