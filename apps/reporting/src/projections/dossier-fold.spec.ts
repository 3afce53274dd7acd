import {
  buildEvent,
  dossierFeePaid,
  dossierProcessed,
  dossierReceived,
  dossierResultReturned,
  dossierResumed,
  dossierStepCompleted,
  type EventContract,
} from '@motcua/contracts';
import { FRESH, foldDossierEvents, type DossierEvent } from './dossier-fold';

const ctx = { correlationId: 'spec' };
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const of = (contract: EventContract, dossierId: string, data: Record<string, unknown> = {}) =>
  buildEvent(
    contract,
    { ...(contract.example as object), legalDueDate: undefined, dossierId, ...data },
    ctx,
  ).event as DossierEvent;

describe('foldDossierEvents', () => {
  it('writes each dossier of a run once, its counters summed and its last facts kept', () => {
    const layers = foldDossierEvents(7, [
      of(dossierReceived, A, { dueDate: '2026-12-10T17:00:00+07:00' }),
      of(dossierFeePaid, B, { method: 'online' }),
      of(dossierFeePaid, A, { method: 'desk' }),
      of(dossierFeePaid, A, { method: 'online', dueDate: '2026-12-12T17:00:00+07:00' }),
    ]);
    expect(layers).toHaveLength(1);
    const [a, b] = layers[0];
    expect(a.row).toMatchObject({
      generation: 7,
      dossier_id: A,
      status: 'processing',
      due_date: '2026-12-12T17:00:00+07:00',
      payments_total: 2,
      payments_online: 1,
      documents_total: 2,
    });
    expect(a.delta).toMatchObject({ status: 'processing', set: { documents_total: 2 } });
    expect(b.row).toMatchObject({ dossier_id: B, payments_total: 1 });
    expect(b.row).not.toHaveProperty('documents_total');
    expect(b.delta).toEqual({ set: {} });
  });

  it('keeps the first finish with the due date known then, and the latest event time', () => {
    const [[a]] = foldDossierEvents(1, [
      of(dossierProcessed, A, {
        occurredAt: '2026-12-05T10:00:00+07:00',
        dueDate: '2026-12-06T17:00:00+07:00',
      }),
      of(dossierResultReturned, A, {
        occurredAt: '2026-12-04T09:00:00+07:00',
        returnedAt: '2026-12-07T09:00:00+07:00',
        dueDate: '2026-12-09T17:00:00+07:00',
      }),
    ]);
    expect(a.delta.finish).toEqual({
      at: '2026-12-05T10:00:00+07:00',
      due: '2026-12-06T17:00:00+07:00',
    });
    expect(a.row).toMatchObject({
      finish_kind: 'processed',
      finished_at: '2026-12-05T10:00:00+07:00',
      status: 'returned',
      due_date: '2026-12-09T17:00:00+07:00',
      last_event_at: '2026-12-05T10:00:00+07:00',
    });
  });

  it("starts a dossier's next write at its second pause, as float additions do not regroup", () => {
    const resumed = (received: string) =>
      of(dossierResumed, A, {
        supplementRequestedAt: '2026-12-01T10:00:00+07:00',
        supplementReceivedAt: received,
      });
    const layers = foldDossierEvents(1, [
      resumed('2026-12-01T10:20:00+07:00'),
      of(dossierStepCompleted, A),
      resumed('2026-12-01T10:40:00+07:00'),
      of(dossierStepCompleted, B),
    ]);
    expect(
      layers.map((layer) => layer.map(({ row }) => [row.dossier_id, row.paused_hours])),
    ).toEqual([
      [
        [A, 1 / 3],
        [B, undefined],
      ],
      [[A, 2 / 3]],
    ]);
    expect(layers[1][0].row).not.toHaveProperty('steps_completed');
  });

  it('carries only the columns its events change (the statement takes the others from FRESH)', () => {
    const [[a]] = foldDossierEvents(1, [of(dossierStepCompleted, A)]);
    const changed = Object.keys(a.row).filter((column) => column in FRESH);
    expect(changed.sort()).toEqual(['steps_completed', 'steps_early', 'steps_late']);
  });
});
