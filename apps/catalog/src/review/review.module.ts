import { Module } from '@nestjs/common';
import { DomainsModule } from '../domains/domains.module';
import { ReviewCampaignService } from './review-campaign.service';
import { ReviewReadService } from './review-read.service';
import { ReviewWorkService } from './review-work.service';
import { ReviewController } from './review.controller';

/** Review campaigns (rà soát, đánh giá TTHC) and their work items. */
@Module({
  imports: [DomainsModule],
  controllers: [ReviewController],
  providers: [ReviewCampaignService, ReviewWorkService, ReviewReadService],
})
export class ReviewModule {}
