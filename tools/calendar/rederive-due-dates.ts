import { readFileSync } from 'node:fs';
import {
  calendarVersion,
  holidaysOf,
  makeUpWorkingDaysOf,
  yearDecisionFromNotice,
} from '@motcua/calendar';

/**
 * After a calendar change (docs/legal-rules.md, "Calendar changes"):
 *
 *   node -r ./tools/register-ts.js tools/calendar/rederive-due-dates.ts --check-notice libs/calendar/src/data/year-notices/2027.json
 *       validates a year's notice file and prints the days off and worked Saturdays of that year
 *       as the calendar (with the file already listed in year-notices/index.ts) now computes them;
 *   node -r ./tools/register-ts.js tools/calendar/rederive-due-dates.ts [--apply] [--agency CODE] [--url http://127.0.0.1:3102]
 *       [--feedback-url http://127.0.0.1:3103 | --no-feedback]
 *       asks the deployed dossiers service (built with the new calendar) which open dossiers the
 *       change moves (dry run), and with --apply re-derives them (new legal due date, on-time
 *       status, dossier.due-date-rederived events through the outbox), then does the same on the
 *       feedback service for open feedback items (feedback.deadlines-rederived).
 *
 * The token is read from MOTCUA_ADMIN_TOKEN (an admin token of the deployment; for development:
 * `node -r ./tools/register-ts.js tools/auth/mint-token.ts --role admin`).
 */
type Listed = {
  dossierCode: string;
  status: string;
  previousDueDate: string | null;
  dueDate: string;
  printedAppointmentDate: string | null;
  promisedDateKept?: boolean;
  promisedDate?: string | null;
  onTimeBefore?: string;
  onTimeAfter?: string;
  daysOffInPeriod?: string[];
  /** Liên thông: the running stages whose own due date moved. */
  stages?: Array<{ order: number; agencyCode: string; previousDueDate: string; dueDate: string }>;
};
type Report = {
  calendarVersion: string;
  dryRun: boolean;
  examined: number;
  moved: Listed[];
  promisedDateKept: Listed[];
  unchanged: number;
  failed: Array<{ dossierId: string; error: string }>;
};

function checkNotice(file: string): void {
  const decision = yearDecisionFromNotice(JSON.parse(readFileSync(file, 'utf8')), file);
  process.stdout.write(
    `${file}: valid notice file for ${decision.year} (${(decision.notices ?? []).map((n) => n.document).join('; ')})\n`,
  );
  process.stdout.write(`calendar version in force: ${calendarVersion}\n`);
  for (const h of holidaysOf(decision.year))
    process.stdout.write(`  off     ${h.date} ${h.kind.padEnd(21)} ${h.nameVi} — ${h.source}\n`);
  for (const m of makeUpWorkingDaysOf(decision.year))
    process.stdout.write(`  worked  ${m.date} (for ${m.replaces}) — ${m.source}\n`);
}

async function rederive(url: string, apply: boolean, agencyCode?: string): Promise<void> {
  const token = process.env.MOTCUA_ADMIN_TOKEN;
  if (!token)
    throw new Error('MOTCUA_ADMIN_TOKEN is not set (an admin token for the dossiers service)');
  const response = await fetch(`${url}/admin/calendar-change/rederive`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ dryRun: !apply, ...(agencyCode ? { agencyCode } : {}) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`dossiers answered ${response.status}: ${text}`);
  const report = JSON.parse(text) as Report;
  const line = (d: Listed) =>
    `  ${d.dossierCode.padEnd(32)} ${d.status.padEnd(11)} legal due ${d.previousDueDate ?? '-'} → ${d.dueDate}  printed ${d.printedAppointmentDate ?? '-'}` +
    (d.promisedDateKept ? `  promised ${d.promisedDate ?? '-'} (kept)` : '') +
    (d.onTimeBefore
      ? `  ${d.onTimeBefore} → ${d.onTimeAfter}  days off ${(d.daysOffInPeriod ?? []).join(', ') || '-'}`
      : '') +
    (d.stages ?? [])
      .map(
        (st) =>
          `\n    stage ${st.order} ${st.agencyCode}: due ${st.previousDueDate} → ${st.dueDate}`,
      )
      .join('');
  process.stdout.write(
    `calendar ${report.calendarVersion}: ${report.examined} open dossier(s) dated with another calendar, ${report.unchanged} unchanged\n`,
  );
  process.stdout.write(
    `${apply ? 're-derived' : 'would move (dry run; --apply to re-derive)'}: ${report.moved.length}\n`,
  );
  report.moved.forEach((d) => process.stdout.write(`${line(d)}\n`));
  process.stdout.write(
    `of which extended (legal due date moved, date promised in the apology kept): ${report.promisedDateKept.length}\n`,
  );
  if (report.failed.length > 0) {
    process.stdout.write(`failed (left as they were): ${report.failed.length}\n`);
    report.failed.forEach((f) => process.stdout.write(`  ${f.dossierId}: ${f.error}\n`));
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const notice = value('--check-notice');
  if (notice) return checkNotice(notice);
  const apply = args.includes('--apply');
  const agency = value('--agency');
  await rederive(
    value('--url') ?? process.env.DOSSIERS_URL ?? 'http://127.0.0.1:3102',
    apply,
    agency,
  );
  if (!args.includes('--no-feedback'))
    await rederiveFeedback(
      value('--feedback-url') ?? process.env.FEEDBACK_URL ?? 'http://127.0.0.1:3103',
      apply,
      agency,
    );
}

type FeedbackReport = {
  examined: number;
  unchanged: number;
  moved: {
    feedbackCode: string;
    status: string;
    previousDueDates: Record<string, string | null>;
    dueDates: Record<string, string | null>;
    daysOffInPeriod: string[];
  }[];
  failed: Array<{ feedbackId: string; error: string }>;
};

/** The same run on the feedback service: open feedback items' time limits (classify, answer, …). */
async function rederiveFeedback(url: string, apply: boolean, agencyCode?: string): Promise<void> {
  const response = await fetch(`${url}/admin/calendar-change/rederive`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${process.env.MOTCUA_ADMIN_TOKEN ?? ''}`,
    },
    body: JSON.stringify({ dryRun: !apply, ...(agencyCode ? { agencyCode } : {}) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`feedback answered ${response.status}: ${text}`);
  const report = JSON.parse(text) as FeedbackReport;
  process.stdout.write(
    `feedback: ${report.examined} open item(s) dated with another calendar, ${report.unchanged} unchanged; ${apply ? 're-derived' : 'would move'}: ${report.moved.length}\n`,
  );
  for (const f of report.moved) {
    const stages = Object.keys(f.dueDates)
      .filter((k) => f.dueDates[k] !== f.previousDueDates[k])
      .map((k) => `${k} ${f.previousDueDates[k] ?? '-'} → ${f.dueDates[k] ?? '-'}`);
    process.stdout.write(
      `  ${f.feedbackCode.padEnd(18)} ${f.status.padEnd(14)} ${stages.join(', ')}  days off ${f.daysOffInPeriod.join(', ') || '-'}\n`,
    );
  }
  if (report.failed.length > 0) {
    report.failed.forEach((f) => process.stdout.write(`  failed ${f.feedbackId}: ${f.error}\n`));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
