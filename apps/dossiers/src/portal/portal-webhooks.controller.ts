import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, zodParam } from '@motcua/http';
import {
  redeliverBodySchema,
  webhookBodySchema,
  webhookIdParam,
  type RedeliverBody,
  type WebhookBody,
} from './portal.schemas';
import { PortalWebhooksService } from './portal-webhooks.service';

/**
 * Signed webhooks for a portal that wants push: each stored portal change is POSTed to every
 * subscription (at least once; dedup by dossierCode + sequence), retried with exponential backoff,
 * dead-lettered after the last attempt and sent again on request.
 */
@ApiTags('portal')
@Controller('portal/webhooks')
export class PortalWebhooksController {
  constructor(private readonly webhooks: PortalWebhooksService) {}

  @Post()
  @HttpCode(201)
  @Roles('portal_client')
  create(
    @Body(zodBody(webhookBodySchema)) body: WebhookBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.create(body, principal);
  }

  @Get()
  @Roles('portal_client')
  list(@CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('portal_client')
  remove(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.remove(id, principal);
  }

  @Get(':id/dead-letters')
  @Roles('portal_client')
  deadLetters(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.deadLetters(id, principal);
  }

  @Post(':id/redeliver')
  @HttpCode(200)
  @Roles('portal_client')
  redeliver(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @Body(zodBody(redeliverBodySchema)) body: RedeliverBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.redeliver(id, body, principal);
  }
}
