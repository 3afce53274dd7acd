import { Module } from '@nestjs/common';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { SlipRepository } from './slip.repository';
import { SlipsController } from './slips.controller';
import { SlipsService } from './slips.service';
import { TrackingBookController } from './tracking-book.controller';
import { TrackingBookReader } from './tracking-book.reader';
import { TrackingBookRepository } from './tracking-book.repository';

/** Printable slips (forms 01-04) and the yearly tracking book (form 06) of Circular 01/2018/TT-VPCP. */
@Module({
  controllers: [SlipsController, TrackingBookController],
  providers: [
    SlipsService,
    SlipRepository,
    TrackingBookReader,
    TrackingBookRepository,
    ProcedureCopyRepository,
  ],
})
export class SlipsModule {}
