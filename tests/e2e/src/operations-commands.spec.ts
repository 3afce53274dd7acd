import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '@motcua/testing';

/**
 * Every command the runbooks tell an operator to run is in docs/operations/commands.md, with the
 * test (or the file the test runs it through) that runs it; a runbook cannot name a new command
 * without a row, and a row cannot outlive its command.
 */
const root = repoRoot();
const TABLE = 'docs/operations/commands.md';
/** README's sections an operator reads; the rest is for developers. */
const README_SECTIONS = [
  'The two commands',
  'Kafka identities',
  'Identities and trust in production',
];
/** Scripts whose first argument is a subcommand: each subcommand is a command of its own. */
const WITH_SUBCOMMANDS = new Set([
  'tools/dead-letters/dead-letters.ts',
  'tools/kafka/consumer-offsets.ts',
  'tools/kafka/identities.ts',
  'tools/stack/prometheus.sh',
  'tools/calendar/rederive-due-dates.ts',
]);

/** Inline code spans and the lines of shell blocks (other fenced blocks show files, not commands). */
function snippetsOf(markdown: string): string[] {
  const fenced = [...markdown.matchAll(/```(bash|sh)\n([\s\S]*?)```/g)].flatMap((m) =>
    m[2].split('\n'),
  );
  const prose = markdown.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  return [...fenced, ...[...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\s+/g, ' '))];
}

/** The commands a document names, e.g. `kafka.sh describe`, `tools/kafka/consumer-offsets.ts reset`. */
export function commandsIn(markdown: string): Set<string> {
  const found = new Set<string>();
  const aliases = new Map<string, string>();
  for (const raw of snippetsOf(markdown)) {
    const alias = /^(\w+)="node -r \S+ (tools\/[^"\s]+)"/.exec(raw.trim());
    if (alias) {
      aliases.set(alias[1], alias[2]); // a shorthand, not a command
      continue;
    }
    const text = raw.replace(/\$(\w+)\b/g, (all, name: string) => aliases.get(name) ?? all);
    for (const m of text.matchAll(/kafka\.sh\s+([a-z][a-z-]*)/g)) found.add(`kafka.sh ${m[1]}`);
    for (const m of text.matchAll(
      /\b(tools\/[\w./-]+\.(?:ts|sh|mjs))(?:\s+([a-z][a-z-]*|--[a-z-]+))?/g,
    ))
      found.add(WITH_SUBCOMMANDS.has(m[1]) && m[2] ? `${m[1]} ${m[2]}` : m[1]);
    const drill = /^([a-z][a-z-]*\.ts)\b/.exec(text.trim());
    if (drill && existsSync(join(root, 'tools/drills', drill[1])))
      found.add(`tools/drills/${drill[1]}`);
    for (const m of text.matchAll(/\bnpm run (up|down)\b/g)) found.add(`npm run ${m[1]}`);
    for (const m of text.matchAll(/\bkubectl\s+([a-z]+)/g)) found.add(`kubectl ${m[1]}`);
    for (const m of text.matchAll(/\b(POST|GET|PUT|DELETE)\s+(\/admin\/[\w/-]+)/g))
      found.add(`${m[1]} ${m[2]}`);
    for (const m of text.matchAll(/\b(pg_dump|pg_restore)\b/g)) found.add(m[1]);
    for (const m of text.matchAll(/\bmain\.js\s+(--[a-z-]+)/g)) found.add(`main.js ${m[1]}`);
  }
  return found;
}

/** What a file that runs the command must contain. */
export function markersOf(command: string): string[] {
  const [head, sub] = command.split(' ');
  if (head === 'kafka.sh') return ['kafka', `'${sub}'`];
  if (head.startsWith('tools/')) return sub ? [basename(head), `'${sub}'`] : [basename(head)];
  if (head === 'kubectl') return ['kubectl', `'${sub}'`];
  if (head === 'main.js') return ['main.js', `'${sub}'`];
  if (['POST', 'GET', 'PUT', 'DELETE'].includes(head)) return [sub];
  if (head === 'npm') return [`tools/stack/${command.split(' ')[2]}.sh`];
  return [`'${head}'`];
}

function readmeSections(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return readme
    .split(/^## /m)
    .filter((section) => README_SECTIONS.some((title) => section.startsWith(`${title}\n`)))
    .join('\n');
}

type Row = { command: string; files: string[]; gap?: string };

function tableRows(): Row[] {
  return readFileSync(join(root, TABLE), 'utf8')
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const [, commandCell, byCell] = line.split('|').map((cell) => cell.trim());
      const command = /^`([^`]+)`$/.exec(commandCell)?.[1] ?? commandCell;
      const gap = /^not exercised\b/i.test(byCell) ? byCell : undefined;
      const files = gap ? [] : [...byCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { command, files, gap };
    });
}

describe('the runbooks and the table of their commands', () => {
  const documents = readdirSync(join(root, 'docs/operations'))
    .filter((name) => name.endsWith('.md') && `docs/operations/${name}` !== TABLE)
    .map((name) => readFileSync(join(root, 'docs/operations', name), 'utf8'));
  const named = new Set([...documents, readmeSections()].flatMap((doc) => [...commandsIn(doc)]));
  const rows = tableRows();

  it('finds the commands of the runbooks', () => {
    expect(named).toEqual(expect.objectContaining({ size: expect.any(Number) as number }));
    for (const command of [
      'kafka.sh describe',
      'tools/dead-letters/dead-letters.ts replay',
      'pg_restore',
    ])
      expect(named.has(command)).toBe(true);
  });

  it('lists every command a runbook names, once, and no command none names', () => {
    const listed = rows.map((row) => row.command);
    expect(listed.filter((c, i) => listed.indexOf(c) !== i)).toEqual([]);
    expect([...named].filter((command) => !listed.includes(command)).sort()).toEqual([]);
    expect(listed.filter((command) => !named.has(command)).sort()).toEqual([]);
  });

  it('names for each command files that exist and run it, or says why none does', () => {
    for (const row of rows) {
      if (row.gap) continue;
      expect({ command: row.command, files: row.files.length > 0 }).toEqual({
        command: row.command,
        files: true,
      });
      const missing = row.files.filter((file) => !existsSync(join(root, file)));
      expect({ command: row.command, missing }).toEqual({ command: row.command, missing: [] });
      const text = row.files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
      const absent = markersOf(row.command).filter((marker) => !text.includes(marker));
      expect({ command: row.command, absent }).toEqual({ command: row.command, absent: [] });
      // Through a helper or not, a spec of `npm test` runs it.
      expect({ command: row.command, spec: row.files.some((f) => /\.spec\.ts$/.test(f)) }).toEqual({
        command: row.command,
        spec: true,
      });
    }
  });

  it('recognises a command that a runbook would add', () => {
    expect(
      [
        ...commandsIn(
          'Run `bash infra/kafka/kafka.sh frobnicate` then\n```bash\nX="node -r ./tools/register-ts.js tools/kafka/consumer-offsets.ts"\n$X reset digitization\n```\n',
        ),
      ].sort(),
    ).toEqual(['kafka.sh frobnicate', 'tools/kafka/consumer-offsets.ts reset']);
  });
});
