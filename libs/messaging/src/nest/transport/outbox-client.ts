import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { contractOfType, type EventContract } from '@motcua/contracts';
import type { UnitOfWork } from '../../outbox/unit-of-work';
import type { SqlTransaction } from '../../sql-client';

export const OUTBOX_CLIENT = Symbol('motcua:outbox-client');

/**
 * The client side of the inbox transport: `client.emit(type, data)` writes the event to the
 * service's outbox in a transaction of its own (the relay publishes it, as any other), after
 * checking the data against its contract. An event that goes with a change of state is
 * published inside that change's `UnitOfWork.run` instead, never through this client: only
 * then do both commit together. Events have no reply: `send` fails.
 */
export class OutboxClient extends ClientProxy {
  /** `contracts`: known besides the registry's (a test's own), looked up first. */
  constructor(
    private readonly uow: UnitOfWork<SqlTransaction>,
    private readonly contracts: readonly EventContract[] = [],
  ) {
    super();
  }

  async connect(): Promise<void> {}

  async close(): Promise<void> {}

  unwrap<T>(): T {
    return this.uow as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({
      err: new Error('events have no reply: use emit (request-reply goes over HTTP)'),
      isDisposed: true,
    });
    return () => undefined;
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const type = String(packet.pattern);
    const contract = this.contracts.find((c) => c.type === type) ?? contractOfType(type);
    if (!contract) throw new Error(`emit('${type}'): no event contract of this type`);
    const data = contract.schema.parse(packet.data) as never;
    return (await this.uow.run(async (_tx, events) => events.publish(contract, data))) as T;
  }
}
