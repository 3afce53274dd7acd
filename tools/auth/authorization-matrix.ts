import 'reflect-metadata';
import { matrixMarkdown, type MatrixRow } from '@motcua/auth';
import { catalogAccessMatrix } from '../../apps/catalog/src/scope/catalog.access-matrix';
import { digitizationAccessMatrix } from '../../apps/digitization/src/scope/digitization.access-matrix';
import { dossiersAccessMatrix } from '../../apps/dossiers/src/scope/dossiers.access-matrix';
import { feedbackAccessMatrix } from '../../apps/feedback/src/scope/feedback.access-matrix';
import { reportingAccessMatrix } from '../../apps/reporting/src/scope/reporting.access-matrix';

/**
 * Prints the authorization matrix of every service as Markdown (docs/authorization.md, section
 * "The authorization matrices"): one heading per service with its count of cases, then its table.
 * `--counts` prints only the counts.
 */
const MATRICES: [string, () => MatrixRow[]][] = [
  ['catalog', catalogAccessMatrix],
  ['dossiers', dossiersAccessMatrix],
  ['feedback', feedbackAccessMatrix],
  ['digitization', digitizationAccessMatrix],
  ['reporting', reportingAccessMatrix],
];

const countsOnly = process.argv.includes('--counts');
for (const [service, matrix] of MATRICES) {
  const rows = matrix();
  const routes = new Set(rows.map((r) => `${r.method} ${r.path} ${r.variant ?? ''}`)).size;
  const summary = `${rows.length} cases (${routes} route rows; ${rows.filter((r) => r.scope === 'out').length} out of scope)`;
  if (countsOnly) process.stdout.write(`${service}: ${summary}\n`);
  else process.stdout.write(`### ${service}\n\n${summary}.\n\n${matrixMarkdown(rows)}\n\n`);
}
