import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { DomainService } from './domain.service';
import { ApiZodResponse } from '@motcua/http';
import { listResponse } from './domains.responses';

@ApiTags('domains')
@Controller('domains')
export class DomainsController {
  constructor(private readonly domains: DomainService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Domains (lĩnh vực) of the catalog with their responsible departments' })
  @ApiZodResponse(200, listResponse, 'What was asked for')
  list() {
    return this.domains.list();
  }
}
