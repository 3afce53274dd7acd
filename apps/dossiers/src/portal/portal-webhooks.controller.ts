import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { zodBody, zodParam, ApiZodResponse } from '@motcua/http';
import {
  redeliverBodySchema,
  webhookBodySchema,
  webhookIdParam,
  type RedeliverBody,
  type WebhookBody,
} from './portal.schemas';
import { PortalWebhooksService } from './portal-webhooks.service';
import {
  createResponse,
  listResponse,
  deadLettersResponse,
  redeliverResponse,
} from './portal-webhooks.responses';

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
  @ApiOperation({ summary: 'Subscribe a signed webhook (HMAC) for the portal changes' })
  @HttpCode(201)
  @Roles('portal_client')
  @ApiZodResponse(201, createResponse, 'Created')
  create(
    @Body(zodBody(webhookBodySchema)) body: WebhookBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.create(body, principal);
  }

  @Get()
  @ApiOperation({ summary: "The caller's webhook subscriptions" })
  @Roles('portal_client')
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list(@CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(principal);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook subscription' })
  @HttpCode(204)
  @Roles('portal_client')
  remove(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.remove(id, principal);
  }

  @Get(':id/dead-letters')
  @ApiOperation({ summary: 'Deliveries of a subscription that failed every attempt' })
  @Roles('portal_client')
  @ApiZodResponse(200, deadLettersResponse, 'What was asked for')
  deadLetters(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.deadLetters(id, principal);
  }

  @Post(':id/redeliver')
  @ApiOperation({ summary: 'Send dead-lettered deliveries of a subscription again' })
  @HttpCode(200)
  @Roles('portal_client')
  @ApiZodResponse(200, redeliverResponse, 'Done')
  redeliver(
    @Param('id', zodParam(webhookIdParam)) id: string,
    @Body(zodBody(redeliverBodySchema)) body: RedeliverBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.redeliver(id, body, principal);
  }
}
