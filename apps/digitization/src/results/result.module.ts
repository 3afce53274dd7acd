import { Module } from '@nestjs/common';
import { PublicDownloadRateLimiter } from './public-download.rate-limiter';
import { ResultController } from './result.controller';
import { ResultService } from './result.service';

@Module({
  controllers: [ResultController],
  providers: [ResultService, PublicDownloadRateLimiter],
})
export class ResultModule {}
