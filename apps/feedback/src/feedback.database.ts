import { Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The feedback service's own database (no other service reads it). */
@Injectable()
export class FeedbackDatabase extends ServiceDatabase(PrismaClient) {}

/** The interactive transaction client of the feedback database (what UnitOfWork hands out). */
export type FeedbackTx = Parameters<Parameters<FeedbackDatabase['$transaction']>[0]>[0];
