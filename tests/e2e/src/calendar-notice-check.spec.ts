import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@motcua/testing';

/** The check an operator runs on a new year's holiday notice (docs/operations/runbooks.md). */
const checkNotice = (file: string) =>
  spawnSync(
    process.execPath,
    [
      '-r',
      './tools/register-ts.js',
      'tools/calendar/rederive-due-dates.ts',
      '--check-notice',
      file,
    ],
    { cwd: repoRoot(), encoding: 'utf8', timeout: 60_000 },
  );

describe('rederive-due-dates.ts --check-notice', () => {
  it("validates a year's notice and prints its days off and worked Saturdays", () => {
    const result = checkNotice('libs/calendar/src/data/year-notices/2026.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid notice file for 2026');
    expect(result.stdout).toMatch(/off\s+2026-08-31 swapped-day-off/);
    expect(result.stdout).toMatch(/worked\s+2026-08-22 \(for 2026-08-31\)/);
  });

  it('names the wrong field of a broken notice and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notice-'));
    try {
      const notice = JSON.parse(
        readFileSync(join(repoRoot(), 'libs/calendar/src/data/year-notices/2026.json'), 'utf8'),
      ) as Record<string, unknown>;
      const file = join(dir, '2026.json');
      writeFileSync(file, JSON.stringify({ ...notice, tetDays: 'soon' }));
      const result = checkNotice(file);
      expect(result.status).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('tetDays');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
