import { Module } from '@nestjs/common';
import { DomainsModule } from '../domains/domains.module';
import { ReviewCampaignService } from './review-campaign.service';
import { ReviewReadService } from './review-read.service';
import { ReviewWorkService } from './review-work.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';

/** Review campaigns (rà soát, đánh giá TTHC) and their work items. */
@Module({
  imports: [DomainsModule],
  controllers: [ReviewController],
  providers: [ReviewCampaignService, ReviewWorkService, ReviewReadService, ReviewRepository],
})
export class ReviewModule {}
