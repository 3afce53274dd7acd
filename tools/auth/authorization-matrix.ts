import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixMarkdown, type MatrixRow } from '@motcua/auth';
import { catalogAccessMatrix } from '../../apps/catalog/src/scope/catalog.access-matrix';
import { digitizationAccessMatrix } from '../../apps/digitization/src/scope/digitization.access-matrix';
import { dossiersAccessMatrix } from '../../apps/dossiers/src/scope/dossiers.access-matrix';
import { feedbackAccessMatrix } from '../../apps/feedback/src/scope/feedback.access-matrix';
import { reportingAccessMatrix } from '../../apps/reporting/src/scope/reporting.access-matrix';

/**
 * Prints the authorization matrix of every service as Markdown (docs/authorization.md, section
 * "The authorization matrices"): one heading per service with its count of cases, then its table.
 * `--counts` prints only the counts; `--write` puts the matrices into docs/authorization.md (from
 * "### catalog" to the next "## " heading) and formats the file with Prettier.
 */
const MATRICES: [string, () => MatrixRow[]][] = [
  ['catalog', catalogAccessMatrix],
  ['dossiers', dossiersAccessMatrix],
  ['feedback', feedbackAccessMatrix],
  ['digitization', digitizationAccessMatrix],
  ['reporting', reportingAccessMatrix],
];

const countsOnly = process.argv.includes('--counts');
const write = process.argv.includes('--write');
let markdown = '';
for (const [service, matrix] of MATRICES) {
  const rows = matrix();
  const routes = new Set(rows.map((r) => `${r.method} ${r.path} ${r.variant ?? ''}`)).size;
  const summary = `${rows.length} cases (${routes} route rows; ${rows.filter((r) => r.scope === 'out').length} out of scope)`;
  if (countsOnly) process.stdout.write(`${service}: ${summary}\n`);
  else markdown += `### ${service}\n\n${summary}.\n\n${matrixMarkdown(rows)}\n\n`;
}
if (write) {
  const file = join(__dirname, '../../docs/authorization.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('### catalog');
  const end = text.indexOf('\n## ', start) + 1;
  if (start < 0 || end <= 0)
    throw new Error(`${file}: no "### catalog" … "## " section to replace`);
  writeFileSync(file, text.slice(0, start) + markdown.trimEnd() + '\n\n' + text.slice(end));
  execFileSync('npx', ['prettier', '--write', file], { stdio: 'ignore' });
} else if (!countsOnly) process.stdout.write(markdown);
