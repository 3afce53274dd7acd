import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@motcua/auth';
import { ApiRawBody, zodQuery, ApiZodResponse } from '@motcua/http';
import { FILE_KINDS } from './media-types';
import { IntakeService } from './intake.service';
import { uploadResponse } from './intake.responses';

const intakeQuery = z.object({ kind: z.enum(FILE_KINDS).default('scan') });

@ApiTags('files')
@Controller('files')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(201)
  @Roles('desk_officer', 'specialist', 'leader')
  @ApiOperation({
    summary: 'Upload one file as the raw request body (streamed, never buffered whole)',
    description:
      'Content-Type declares the media type (application/pdf, image/jpeg, image/png, image/tiff); the content must match it by its magic bytes. ' +
      'kind=signed-pdf requires a PDF with a signature dictionary. The answer gives the SHA-256 to reference from a document or result record.',
  })
  @ApiRawBody(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'], 'The file itself')
  @ApiResponse({
    status: 201,
    description: 'Stored (or already stored): sha256, mediaType, sizeBytes, pages, signed',
  })
  @ApiResponse({ status: 400, description: 'Empty or truncated file' })
  @ApiResponse({ status: 413, description: 'Over the size cap of its type' })
  @ApiResponse({
    status: 415,
    description: 'Unsupported Content-Type, or content that does not match it',
  })
  @ApiResponse({
    status: 422,
    description: 'Too many pages, image over the pixel cap, malformed, or signature missing',
  })
  @ApiZodResponse(201, uploadResponse, 'Created')
  upload(
    @Req() request: { raw: IncomingMessage },
    @Query(zodQuery(intakeQuery)) query: z.infer<typeof intakeQuery>,
  ) {
    // Fastify left the body unread (rawBodyPaths): it is streamed from the Node request.
    return this.intake.receive(request.raw, {
      contentType: request.raw.headers['content-type'],
      contentLength: request.raw.headers['content-length'],
      kind: query.kind,
    });
  }
}
