import { procedureAbolished } from '@motcua/contracts';
import { runWithContext } from '@motcua/observability';
import { EventSink } from './event-sink';

const abolished = procedureAbolished.example;

describe('EventSink', () => {
  it('stamps events with the correlation and causation of the unit of work', () => {
    const sink = new EventSink();
    const event = runWithContext({ correlationId: 'req-7', causationId: 'evt-1' }, () =>
      sink.publish(procedureAbolished, abolished),
    );
    expect(event).toMatchObject({
      correlationid: 'req-7',
      causationid: 'evt-1',
      type: 'motcua.procedure.abolished.v1',
      subject: abolished.code,
    });
    expect(sink.size).toBe(1);
  });

  it('refuses data that breaks the contract, before anything is written', () => {
    const sink = new EventSink();
    expect(() => sink.publish(procedureAbolished, { ...abolished, code: 'not-a-code' })).toThrow(
      /national procedure code/,
    );
    expect(sink.size).toBe(0);
  });

  it('cannot publish once its transaction has ended', async () => {
    const sink = new EventSink();
    const executed: string[] = [];
    await sink.flush({
      $executeRawUnsafe: async (sql: string) => (executed.push(sql), 0),
      $queryRawUnsafe: async () => [] as never,
    });
    expect(executed).toHaveLength(0); // nothing pending, nothing written
    expect(() => sink.publish(procedureAbolished, abolished)).toThrow(
      /must be published inside its transaction/,
    );
  });
});
