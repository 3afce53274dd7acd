import { fromKafkaMessage } from '@motcua/contracts';
import { applyOne, inConsumerSpan } from '../consumer/chunk-transaction';
import type { Subscription } from '../consumer/subscriptions';
import type { SqlTransaction, TransactionalDatabase } from '../sql-client';
import { DLQ_HEADERS } from '../consumer/dead-letter';
import type { DeadLetter } from './dead-letters';

/** A dead letter as the operators' tool exports it (`dead-letters.ts export`): the value in base64. */
export type ExportedDeadLetter = Omit<DeadLetter, 'value'> & { value: string | null };

export const exportDeadLetters = (letters: DeadLetter[]): ExportedDeadLetter[] =>
  letters.map((l) => ({ ...l, value: l.value?.toString('base64') ?? null }));

export const importDeadLetters = (exported: ExportedDeadLetter[]): DeadLetter[] =>
  exported.map((l) => ({ ...l, value: l.value === null ? null : Buffer.from(l.value, 'base64') }));

export type HandlerReplay = {
  id: string;
  eventId?: string;
  type?: string;
  group?: string;
  /** applied: handled now; duplicate: the group's inbox held it already; would-apply: a dry run's; refused: see error. */
  outcome: 'applied' | 'duplicate' | 'would-apply' | 'refused';
  error?: string;
};

export type HandlerReplayOptions<Tx extends SqlTransaction> = {
  db: TransactionalDatabase<Tx>;
  /** The service's handlers within one of its consumer groups (`InboxTransport.subscriptionsOf`). */
  subscriptionsOf: (group: string) => Subscription<Tx>[];
  /** Whether a group is one of this service's (`motcua.<service>…`). */
  ownsGroup: (group: string) => boolean;
  dryRun?: boolean;
};

/**
 * Replays dead letters straight to the service's handlers, each in the consumer group that
 * dead-lettered it, through the consumer's own path: the CloudEvents binding, the contract's
 * schema, then the handler and the group's inbox row in one transaction. An event the group's
 * inbox already holds is not applied again; a dry run says which would be. A message that fails
 * again stays where it is (it is still in the dead-letter topic) and is reported as refused.
 */
export async function replayToHandlers<Tx extends SqlTransaction>(
  letters: DeadLetter[],
  options: HandlerReplayOptions<Tx>,
): Promise<HandlerReplay[]> {
  const results: HandlerReplay[] = [];
  for (const letter of letters) {
    const base = { id: letter.id, eventId: letter.eventId, type: letter.type, group: letter.group };
    const refuse = (error: string) => results.push({ ...base, outcome: 'refused', error });
    if (!letter.group || !options.ownsGroup(letter.group)) {
      refuse(`dead-lettered by ${letter.group ?? 'no group'}, not by one of this service's groups`);
      continue;
    }
    const group = letter.group;
    const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
    const headers = Object.fromEntries(
      Object.entries(letter.headers).filter(([name]) => !dlqNames.has(name)),
    );
    try {
      const event = fromKafkaMessage(headers, letter.value);
      const subscription = options
        .subscriptionsOf(group)
        .find((s) => s.contract.type === event.type);
      if (!subscription) {
        refuse(`no handler of ${event.type} in ${group}`);
        continue;
      }
      const data = subscription.contract.schema.parse(event.data);
      if (options.dryRun) {
        const held = await options.db.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM inbox_event WHERE consumer_group = $1 AND event_id = $2`,
          group,
          event.id,
        );
        results.push({ ...base, outcome: held.length > 0 ? 'duplicate' : 'would-apply' });
        continue;
      }
      const topic = letter.originalTopic ?? subscription.contract.topic;
      const applied = await inConsumerSpan(group, topic, [event], () =>
        applyOne(options.db, group, { ...event, data }, subscription),
      );
      results.push({ ...base, outcome: applied ? 'applied' : 'duplicate' });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  }
  return results;
}
