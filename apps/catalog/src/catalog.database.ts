import { Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/** The catalog service's own database (no other service reads it). */
@Injectable()
export class CatalogDatabase extends ServiceDatabase(PrismaClient) {}
