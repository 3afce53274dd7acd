import { Module } from '@nestjs/common';
import { ReceivingDeskController } from './receiving-desk.controller';
import { ReceivingDeskRepository } from './receiving-desk.repository';
import { ReceivingDeskService } from './receiving-desk.service';

@Module({
  controllers: [ReceivingDeskController],
  providers: [ReceivingDeskService, ReceivingDeskRepository],
})
export class ReceivingDeskModule {}
