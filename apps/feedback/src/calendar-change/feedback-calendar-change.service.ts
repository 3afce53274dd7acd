import { Injectable } from '@nestjs/common';
import { calendarVersion, toLocalDate } from '@motcua/calendar';
import { feedbackDeadlinesRederived } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import { currentDeadline } from '../feedback/current-deadline';
import type { FeedbackStatus } from '../feedback/feedback-status';
import { FeedbackRepository } from '../feedback/feedback.repository';
import type { Feedback } from '../generated/prisma/client';
import { FeedbackRederivationRepository } from './feedback-rederivation.repository';
import {
  rederiveFeedback,
  type FeedbackRederivation,
  type FeedbackStageDates,
} from './feedback-rederivation.rules';

const BATCH = 200;

export type RederivedFeedback = {
  feedbackId: string;
  feedbackCode: string;
  status: string;
  /** Local dates of each stage before → after. */
  previousDueDates: Record<string, string | null>;
  dueDates: Record<string, string | null>;
  daysOffInPeriod: string[];
};

export type FeedbackRederivationReport = {
  calendarVersion: string;
  dryRun: boolean;
  examined: number;
  moved: RederivedFeedback[];
  unchanged: number;
  failed: Array<{ feedbackId: string; error: string }>;
};

/**
 * Re-derives the time limits of open feedback items dated with another calendar than the one in
 * force (feedback-rederivation.rules.ts): each item to move in its own transaction, its row locked
 * and decided again, with its running deadline, an action-log entry and
 * `motcua.feedback.deadlines-rederived` through the outbox. A dry run only lists.
 */
@Injectable()
export class FeedbackCalendarChangeService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly pending: FeedbackRederivationRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  async rederiveAll(options: {
    dryRun: boolean;
    actorSubject: string;
    agencyCode?: string;
    now?: Date;
  }): Promise<FeedbackRederivationReport> {
    const now = options.now ?? new Date();
    const report: FeedbackRederivationReport = {
      calendarVersion,
      dryRun: options.dryRun,
      examined: 0,
      moved: [],
      unchanged: 0,
      failed: [],
    };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.pending.batchAfter(after, BATCH, options.agencyCode);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      const forwarded = await this.pending.latestForwardings(batch.map((f) => f.id));
      const unchanged: string[] = [];
      for (const item of batch) {
        report.examined += 1;
        const result = decide(item, forwarded.get(item.id) ?? null);
        if (result.outcome === 'unchanged') {
          report.unchanged += 1;
          unchanged.push(item.id);
        } else if (options.dryRun) {
          report.moved.push(listed(item, result));
        } else {
          await this.applyOne(item.id, forwarded.get(item.id) ?? null, { ...options, now }, report);
        }
      }
      if (!options.dryRun && unchanged.length > 0) await this.pending.markUnchanged(unchanged);
      if (batch.length < BATCH) break;
    }
    return report;
  }

  private async applyOne(
    id: string,
    latestForwardedAt: Date | null,
    options: { actorSubject: string; now: Date },
    report: FeedbackRederivationReport,
  ): Promise<void> {
    try {
      await this.uow.run(async (tx, events) => {
        if (!(await this.pending.lockPending(tx, id))) return;
        const item = (await this.feedback.findById(tx, id))!;
        const result = decide(item, latestForwardedAt);
        if (result.outcome !== 'moved') return;
        const { dates } = result;
        const running = currentDeadline(item.status as FeedbackStatus, dates);
        await this.feedback.update(tx, id, { ...dates, calendarVersion }, running);
        const event = events.publish(feedbackDeadlinesRederived, {
          feedbackId: item.id,
          feedbackCode: item.code,
          agencyCode: item.agencyCode,
          occurredAt: options.now.toISOString(),
          dueDates: isoDates(dates),
          previousDueDates: isoDates(result.previous),
          calendarVersion,
          previousCalendarVersion: item.calendarVersion,
          daysOffInPeriod: result.daysOffInPeriod,
        });
        await this.feedback.appendLog(tx, {
          feedbackId: id,
          action: 'rederive-deadlines',
          fromStatus: item.status as FeedbackStatus,
          toStatus: item.status as FeedbackStatus,
          actorSubject: options.actorSubject,
          actorUnit: null,
          details: {
            eventId: event.id,
            previousCalendarVersion: item.calendarVersion,
            calendarVersion,
            previousDueDates: isoDates(result.previous),
            dueDates: isoDates(dates),
          },
          occurredAt: options.now,
        });
        report.moved.push(listed(item, result));
      });
    } catch (error) {
      report.failed.push({
        feedbackId: id,
        error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      });
    }
  }
}

function decide(item: Feedback, latestForwardedAt: Date | null): FeedbackRederivation {
  return rederiveFeedback({ ...item, latestForwardedAt });
}

function isoDates(dates: FeedbackStageDates) {
  return {
    classifyBy: dates.classifyBy.toISOString(),
    firstInfoRequestBy: dates.firstInfoRequestBy.toISOString(),
    answerBy: dates.answerBy.toISOString(),
    ...(dates.forwardBy ? { forwardBy: dates.forwardBy.toISOString() } : {}),
    ...(dates.publishBy ? { publishBy: dates.publishBy.toISOString() } : {}),
  };
}

const localDates = (dates: FeedbackStageDates) =>
  Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, v ? toLocalDate(v) : null]));

function listed(
  item: Feedback,
  result: Extract<FeedbackRederivation, { outcome: 'moved' }>,
): RederivedFeedback {
  return {
    feedbackId: item.id,
    feedbackCode: item.code,
    status: item.status,
    previousDueDates: localDates(result.previous),
    dueDates: localDates(result.dates),
    daysOffInPeriod: result.daysOffInPeriod,
  };
}
