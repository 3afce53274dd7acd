import {
  buildEvent,
  dossierProcessed,
  dossierReceived,
  dossierResultReturned,
} from '@motcua/contracts';

/** Dossiers per block: their receipts, then their processing, then their returns. */
const BLOCK = 500;

/**
 * The dossier events of a replay benchmark: receipt, processing and result return of `dossiers`
 * dossiers in 2025, published in blocks (a block's receipts, then its processing, then its
 * returns), as a busy day interleaves the dossiers' events on the topic.
 */
export function replayedEvents(dossiers: number, block = BLOCK) {
  const mm = (m: number) => String(m).padStart(2, '0');
  const all = [];
  for (let start = 0; start < dossiers; start += block) {
    const bases = Array.from({ length: Math.min(block, dossiers - start) }, (_, k) => {
      const i = start + k;
      const day = 1 + (i % 28);
      const month = 1 + (i % 11);
      return {
        i,
        later: (d: number) => `2025-${mm(month + 1)}-0${d}T10:00:00+07:00`,
        data: {
          dossierId: crypto.randomUUID(),
          dossierCode: `A${mm(i % 60)}.H26-25${mm(month)}${mm(day)}-${String((i % 9999) + 1).padStart(4, '0')}`,
          procedureCode: `1.${String(i % 2000).padStart(6, '0')}`,
          procedureVersion: 1,
          agencyCode: `A${mm(i % 60)}.H26`,
          domainCode: `D${i % 40}`,
          channel: 'online' as const,
          applicantType: 'business' as const,
          applicantKey: 'a'.repeat(64),
          receivedAt: `2025-${mm(month)}-${mm(day)}T09:00:00+07:00`,
          dueDate: `2025-${mm(month + 1)}-${mm(day)}T17:00:00+07:00`,
        },
      };
    });
    const ctx = { correlationId: 'bench-replay' };
    for (const { data } of bases)
      all.push(
        buildEvent(
          dossierReceived,
          { ...dossierReceived.example, ...data, portalStatus: 2, occurredAt: data.receivedAt },
          ctx,
        ),
      );
    for (const { data, i, later } of bases)
      all.push(
        buildEvent(
          dossierProcessed,
          { ...dossierProcessed.example, ...data, portalStatus: 9, occurredAt: later(1 + (i % 5)) },
          ctx,
        ),
      );
    for (const { data, i, later } of bases)
      all.push(
        buildEvent(
          dossierResultReturned,
          {
            ...dossierResultReturned.example,
            ...data,
            portalStatus: 10,
            occurredAt: later(2 + (i % 5)),
            returnedAt: later(2 + (i % 5)),
          },
          ctx,
        ),
      );
  }
  return all;
}
