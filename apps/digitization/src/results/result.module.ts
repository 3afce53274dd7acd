import { Module } from '@nestjs/common';
import { PublicDownloadRateLimiter } from './public-download.rate-limiter';
import { ResultController } from './result.controller';
import { ResultScope } from './result-scope';
import { ResultService } from './result.service';

@Module({
  controllers: [ResultController],
  providers: [ResultService, ResultScope, PublicDownloadRateLimiter],
})
export class ResultModule {}
