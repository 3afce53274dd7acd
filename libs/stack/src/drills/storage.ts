import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { drillToken } from './intakes';
import { DrillReport } from './report';
import { drillPdf } from './sample-files';
import { shell } from './faults';
import type { DrillStack } from './stack';

/**
 * Makes a folder unwritable: `chattr +i` as root (root ignores permission bits), `chmod a-w` otherwise.
 * Override with DRILL_STORAGE_LOCK_CMD / DRILL_STORAGE_UNLOCK_CMD (`{dir}` stands for the folder).
 */
export function storageLockCommands(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): { lock: string; unlock: string } {
  const root = process.getuid?.() === 0;
  const lock = env.DRILL_STORAGE_LOCK_CMD ?? (root ? 'chattr +i {dir}' : 'chmod a-w {dir}');
  const unlock = env.DRILL_STORAGE_UNLOCK_CMD ?? (root ? 'chattr -i {dir}' : 'chmod u+w {dir}');
  const quoted = `'${dir.replace(/'/g, `'\\''`)}'`;
  return { lock: lock.replaceAll('{dir}', quoted), unlock: unlock.replaceAll('{dir}', quoted) };
}

async function upload(
  stack: DrillStack,
  token: string,
  file: Buffer,
): Promise<{ status: number; type: string; retryAfter: string | null; body: string }> {
  const response = await fetch(`${stack.services.digitization}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
    body: new Uint8Array(file),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  };
}

/**
 * Digitization's file storage becomes unwritable (its `.incoming` staging folder, where every
 * upload starts): uploads must answer a clear 503/507 problem, leave no partial file and no
 * record; once writable again, the same upload is stored once.
 */
export async function runStorageDrill(options: {
  stack: DrillStack;
  storageDir: string;
  uploads?: number;
}): Promise<DrillReport> {
  const { stack, storageDir } = options;
  const report = new DrillReport("digitization's storage becomes unwritable");
  const incoming = join(storageDir, '.incoming');
  if (
    !report.check(`the storage folder is reachable from here (${incoming})`, existsSync(incoming))
  )
    return report;
  const token = await drillToken(['desk_officer'], { unit: 'VP.MC', agency: '000.00.15.H26' });
  const files = Array.from({ length: options.uploads ?? 5 }, () =>
    drillPdf(`drill ${randomUUID()}`),
  );
  const shas = files.map((f) => createHash('sha256').update(f).digest('hex'));
  const staged = () => readdirSync(incoming).length;
  const { lock, unlock } = storageLockCommands(incoming);
  const stagedBefore = staged();
  shell(lock);
  let answers: Awaited<ReturnType<typeof upload>>[] = [];
  try {
    answers = await Promise.all(files.map((f) => upload(stack, token, f)));
  } finally {
    shell(unlock);
  }
  const clear = answers.filter(
    (a) =>
      (a.status === 503 || a.status === 507) &&
      a.type.includes('application/problem+json') &&
      a.retryAfter,
  );
  report.note(
    `answers while unwritable: ${answers.map((a) => a.status).join(', ')}; e.g. ${answers[0]?.body.slice(0, 160)}`,
  );
  report.check(
    'every upload answered a 503/507 problem+json with Retry-After',
    clear.length === answers.length,
    `${clear.length} of ${answers.length}`,
  );
  report.check(
    'no partial file left in the staging folder',
    staged() === stagedBefore,
    `${staged()} files, ${stagedBefore} before`,
  );
  report.check(
    'no stored file at the content addresses',
    shas.every((sha) => !existsSync(join(storageDir, sha.slice(0, 2), sha.slice(2, 4), sha))),
  );
  const db = new Client({ connectionString: stack.databases.digitization });
  await db.connect();
  try {
    const orphans = await db.query('SELECT sha256 FROM stored_file WHERE sha256 = ANY($1)', [shas]);
    report.check(
      'no record of the refused uploads (no orphan record)',
      orphans.rowCount === 0,
      `${orphans.rowCount} rows`,
    );
    const again = await Promise.all(files.map((f) => upload(stack, token, f)));
    report.check(
      'once writable again, the same uploads are stored (201)',
      again.every((a) => a.status === 201),
      again.map((a) => a.status).join(', '),
    );
    const stored = await db.query('SELECT sha256 FROM stored_file WHERE sha256 = ANY($1)', [shas]);
    report.check(
      'each stored exactly once, its file in place',
      stored.rowCount === shas.length &&
        shas.every((sha) => existsSync(join(storageDir, sha.slice(0, 2), sha.slice(2, 4), sha))),
    );
  } finally {
    await db.end();
  }
  return report;
}
