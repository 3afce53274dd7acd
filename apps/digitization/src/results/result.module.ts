import { ResultRepository } from './result.repository';
import { Module } from '@nestjs/common';
import { RateLimiter } from '@motcua/http';
import { ResultController } from './result.controller';
import { ResultService } from './result.service';

@Module({
  controllers: [ResultController],
  providers: [ResultService, ResultRepository, RateLimiter],
})
export class ResultModule {}
