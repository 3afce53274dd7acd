import { once } from 'node:events';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AccessLogged, CurrentPrincipal, Roles, type Principal } from '@motcua/auth';
import { agencyCode } from '@motcua/contracts';
import { rawResponse, zodQuery, type HttpReply } from '@motcua/http';
import { LOGGER, type Logger } from '@motcua/observability';
import { DossierScope } from '../scope/dossier-scope';
import { TrackingBookReader } from './tracking-book.reader';
import { TRACKING_BOOK_COLUMNS, trackingBookRow } from './tracking-book.rows';
import { localYearOf } from './local-year';
import { trackingBookFormsOfYear } from './form-editions';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const trackingBookQuery = z.object({
  agencyCode,
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a year of 4 digits')
    .transform(Number)
    .pipe(z.number().min(2000, 'must be 2000 or later'))
    .refine((year) => year <= localYearOf(new Date()), {
      message: 'may not be after the current year',
      params: { rule: 'not-in-future' },
    }),
});
type TrackingBookQuery = z.infer<typeof trackingBookQuery>;

/** Sổ theo dõi hồ sơ (form 07 of Circular 03/2025; form 06 of Circular 01/2018 before 1/7/2025) of one agency and year, streamed as a spreadsheet while it is read. */
@ApiTags('dossiers')
@Controller('tracking-book')
export class TrackingBookController {
  constructor(
    private readonly reader: TrackingBookReader,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly scope: DossierScope,
  ) {}

  @Get()
  @Roles('desk_officer', 'leader')
  @AccessLogged('tracking-book', { query: ['agencyCode', 'year'] })
  @ApiOperation({
    summary:
      'Yearly tracking book of an agency (Circular 03/2025 form 07; Circular 01/2018 form 06 for dossiers received before 1/7/2025) as XLSX',
  })
  @ApiProduces(XLSX)
  async export(
    @Query(zodQuery(trackingBookQuery)) query: TrackingBookQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() answer: HttpReply,
  ): Promise<void> {
    await this.scope.assertActsFor(principal, query.agencyCode, 'The tracking book');
    const batches = this.reader.batches(query.agencyCode, query.year);
    // The first batch is read before any byte is sent, so a database failure is still a problem+json answer.
    let next = await batches.next();
    // Loaded with the first book, not at start-up: an idle service need not hold exceljs (~22 MB, issue 17).
    const { default: ExcelJS } = await import('exceljs');
    const reply = rawResponse(answer);
    reply.statusCode = 200;
    reply.setHeader('Content-Type', XLSX);
    reply.setHeader(
      'Content-Disposition',
      `attachment; filename="so-theo-doi-ho-so-${query.agencyCode}-${query.year}.xlsx"`,
    );
    reply.setHeader('Cache-Control', 'no-store');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: reply,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(`Năm ${query.year}`, {
      views: [{ state: 'frozen', ySplit: 4 }],
    });
    sheet.columns = TRACKING_BOOK_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    sheet.addRow(['SỔ THEO DÕI HỒ SƠ']).font = { bold: true, size: 14 };
    sheet.addRow([`Cơ quan: ${query.agencyCode} - Năm ${query.year}`]);
    sheet.addRow([trackingBookFormsOfYear(query.year).join('; ')]);
    const header = sheet.addRow(TRACKING_BOOK_COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    try {
      let stt = 0;
      const now = new Date();
      while (!next.done) {
        const { dossiers, procedures, milestones } = next.value;
        const forwardedTo = dossiers.filter((d) => d.receivedForAnother).map((d) => d.agencyCode);
        const names = await this.scope.agencyNames(new Set(forwardedTo));
        for (const dossier of dossiers) {
          const procedure = procedures.get(`${dossier.procedureCode}@${dossier.procedureVersion}`);
          const row = trackingBookRow(
            ++stt,
            dossier,
            procedure,
            milestones.get(dossier.id) ?? {},
            now,
            names.get(dossier.agencyCode),
          );
          sheet.addRow(row).commit();
        }
        if (reply.writableNeedDrain) await once(reply, 'drain');
        next = await batches.next();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      // Headers are gone: cut the connection so the client never takes a truncated book for a whole one.
      this.logger.error(
        { err: error, agencyCode: query.agencyCode, year: query.year },
        'tracking book export failed mid-stream',
      );
      reply.destroy(error as Error);
    }
  }
}
