import { randomUUID } from 'node:crypto';
import {
  buildEvent,
  documentDigitized,
  documentReused,
  feedbackAnswered,
  feedbackDeadlinesRederived,
  feedbackPublished,
  resultRevoked,
  type CloudEvent,
} from '@motcua/contracts';
import { digitizationRow } from './digitization.projector';
import { feedbackChange } from './feedback.projector';

const ctx = { correlationId: 'spec' };

describe('feedbackChange', () => {
  it('judges an answer on time against its answerBy and a publication against its publishBy', () => {
    const late = buildEvent(
      feedbackAnswered,
      { ...feedbackAnswered.example, occurredAt: '2026-12-22T09:00:00+07:00' },
      ctx,
    ).event;
    expect(feedbackChange(late as CloudEvent<never>)).toMatchObject({
      answered_on_time: false,
      answer_by: '2026-12-21T09:00:00+07:00',
    });
    const published = buildEvent(feedbackPublished, feedbackPublished.example, ctx).event;
    expect(feedbackChange(published as CloudEvent<never>)).toMatchObject({
      published_on_time: true,
    });
  });

  it('takes the answer limit re-derived after a calendar change', () => {
    const moved = buildEvent(
      feedbackDeadlinesRederived,
      feedbackDeadlinesRederived.example,
      ctx,
    ).event;
    expect(feedbackChange(moved as CloudEvent<never>)).toEqual({
      answer_by: '2026-12-14T17:00:00+07:00',
    });
  });
});

describe('digitizationRow', () => {
  it('takes the agency from the dossier code of a scan or reuse, and from the revoking agency of a revocation', () => {
    const scan = buildEvent(
      documentDigitized,
      { ...documentDigitized.example, documentId: randomUUID() },
      ctx,
    ).event;
    expect(digitizationRow(scan as CloudEvent<never>)).toEqual({
      kind: 'digitized',
      dossierId: documentDigitized.example.dossierId,
      agencyCode: '000.00.15.H26',
      electronic: null,
      synced: true,
    });
    const reuse = buildEvent(documentReused, documentReused.example, ctx).event;
    expect(digitizationRow(reuse as CloudEvent<never>)?.kind).toBe('reused');
    const revoked = buildEvent(resultRevoked, resultRevoked.example, ctx).event;
    expect(digitizationRow(revoked as CloudEvent<never>)).toMatchObject({
      kind: 'result_revoked',
      dossierId: null,
      agencyCode: '000.00.15.H26',
    });
  });
});
