import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@motcua/auth';
import { portalChangesPageSchema } from '@motcua/contracts';
import { ApiZodResponse, zodQuery } from '@motcua/http';
import { changesQuerySchema, type ChangesQuery } from './portal.schemas';
import { PortalChangesService } from './portal-changes.service';

@ApiTags('portal')
@Controller('portal')
export class PortalChangesController {
  constructor(private readonly changes: PortalChangesService) {}

  /**
   * Đồng bộ lại: the portal statuses published since a cursor, oldest first, for a portal that cannot
   * read Kafka or has to backfill. Apply them latest-wins by (dossierCode, sequence); follow
   * `nextCursor` until `hasMore` is false. The portal client only: the stream is its data.
   */
  @Get('changes')
  @ApiOperation({
    summary:
      'Portal statuses published since a cursor, oldest first: apply latest-wins by (dossierCode, sequence), follow nextCursor while hasMore',
  })
  @Roles('portal_client')
  @ApiZodResponse(200, portalChangesPageSchema, 'A page of changes, oldest first')
  list(@Query(zodQuery(changesQuerySchema)) query: ChangesQuery) {
    return this.changes.page(query.after, query.limit, query.since);
  }
}
