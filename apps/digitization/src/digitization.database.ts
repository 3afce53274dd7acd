import { Injectable } from '@nestjs/common';
import { ServiceDatabase, type SqlTransaction } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The digitization service's own database (no other service reads it). Prisma and the event
 * consumer share one connection pool: the consumer applies events through `sql`, plain pg.
 */
@Injectable()
export class DigitizationDatabase extends ServiceDatabase(PrismaClient) {}

/** The interactive transaction client of the digitization database (what UnitOfWork hands out). */
export type DigitizationTx = Parameters<Parameters<DigitizationDatabase['$transaction']>[0]>[0];
/** The transaction event handlers write in (raw SQL only: see MessagingModule's `consumeThrough`). */
export type DigitizationEventTx = SqlTransaction;
