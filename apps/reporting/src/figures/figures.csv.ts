import { toCsv } from './csv';
import type { FigureRow } from './figures.service';
import type { OverdueDossier } from './lists.repository';

const FIGURE_COLUMNS: (keyof FigureRow)[] = [
  'key',
  'figure',
  'value',
  'numerator',
  'denominator',
  'sampleSize',
  'lastEventAt',
];

/** Figures as CSV: one row per group and figure. */
export const figuresCsv = (rows: FigureRow[]) => toCsv(FIGURE_COLUMNS, rows);

/** Overdue dossiers as CSV: the agencies holding them, and those of their late stages, space-separated. */
export const overdueCsv = (dossiers: OverdueDossier[]) =>
  toCsv(
    [
      'dossierCode',
      'procedureCode',
      'agencyCode',
      'domainCode',
      'unitCode',
      'status',
      'dueDate',
      'daysLate',
      'heldBy',
      'lateStageAgencyCodes',
    ],
    dossiers.map((r) => ({
      ...r,
      heldBy: r.heldBy.map((s) => s.agencyCode).join(' '),
      lateStageAgencyCodes: r.lateStageAgencyCodes.join(' '),
    })),
  );
