import { Controller, Get, Header, Headers, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { uuid } from '@motcua/contracts';
import { ApiZodHeader, validationProblem, zodParam } from '@motcua/http';
import { SlipsService } from './slips.service';
import { SLIP_KINDS, type SlipKind } from './slip.types';

const slipParams = z.object({ id: uuid, kind: z.enum(SLIP_KINDS) });
/** Same bounds as the public lookup's `secret`. */
const lookupSecret = z.string().min(8).max(64);

@ApiTags('dossiers')
@Controller('dossiers')
export class SlipsController {
  constructor(private readonly slips: SlipsService) {}

  @Get(':id/slips/:kind')
  @AccessLogged('dossier', { param: 'id' })
  @Roles('desk_officer', 'specialist', 'leader')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Receipt, supplement request, refusal, apology, stop notice or processing control sheet, numbered by the forms in force at receipt (Circular 03/2025 forms 01-06 from 1/7/2025; Circular 01/2018 before), as PDF',
  })
  @ApiProduces('application/pdf')
  @ApiZodHeader('X-Lookup-Secret', lookupSecret, {
    description: "The applicant's lookup secret: put in the QR link's fragment",
  })
  async slip(
    @Param(zodParam(slipParams)) params: { id: string; kind: SlipKind },
    @CurrentPrincipal() principal: Principal,
    @Headers('x-lookup-secret') secret?: string,
  ): Promise<StreamableFile> {
    if (secret !== undefined) {
      const parsed = lookupSecret.safeParse(secret);
      if (!parsed.success) {
        throw validationProblem([
          { field: 'header.X-Lookup-Secret', rule: 'format', message: 'must be 8-64 characters' },
        ]);
      }
    }
    const { code, pdf } = await this.slips.render(principal, params.id, params.kind, secret);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${code}-${params.kind}.pdf"`,
      length: pdf.length,
    });
  }
}
