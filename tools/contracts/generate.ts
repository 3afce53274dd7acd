/**
 * Generates the event documentation from libs/contracts and keeps the compatibility snapshots:
 *
 *   node -r @swc-node/register tools/contracts/generate.ts [--check] [--accept-breaking]
 *
 * Writes docs/asyncapi/asyncapi.yaml, docs/asyncapi/schemas/<type>.json and
 * infra/kafka/topics.txt every time, and libs/contracts/snapshots/<type>.json per the snapshot
 * policy (libs/contracts/src/generation/snapshots.ts): new types and compatible changes only; a
 * breaking change fails unless --accept-breaking. --check writes nothing and exits 1 when
 * anything is stale (what the contracts tests also check).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ALL_EVENTS } from '../../libs/contracts/src/registry';
import {
  SCHEMA_DIR,
  SNAPSHOT_DIR,
  renderGeneratedFiles,
  snapshotFileOf,
  type GeneratedFile,
} from '../../libs/contracts/src/generation/generated-files';
import { planSnapshots } from '../../libs/contracts/src/generation/snapshots';

const ROOT = resolve(__dirname, '../..');
const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const acceptBreaking = args.has('--accept-breaking');

function readCommittedSnapshots(): Map<string, unknown> {
  const dir = join(ROOT, SNAPSHOT_DIR);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [
        name.slice(0, -'.json'.length),
        JSON.parse(readFileSync(join(dir, name), 'utf8')),
      ]),
  );
}

async function prettierJson(path: string, value: unknown): Promise<string> {
  const config = (await resolveConfig(join(ROOT, path))) ?? {};
  return format(JSON.stringify(value), { ...config, parser: 'json', filepath: join(ROOT, path) });
}

function differs(file: GeneratedFile): boolean {
  const target = join(ROOT, file.path);
  return !existsSync(target) || readFileSync(target, 'utf8') !== file.content;
}

function write(file: GeneratedFile): void {
  const target = join(ROOT, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
}

async function main(): Promise<number> {
  const files = renderGeneratedFiles();
  const expectedSchemas = new Set(files.map((file) => file.path));
  const schemaDir = join(ROOT, SCHEMA_DIR);
  const strayDocs = existsSync(schemaDir)
    ? readdirSync(schemaDir)
        .map((name) => `${SCHEMA_DIR}/${name}`)
        .filter((path) => !expectedSchemas.has(path))
    : [];
  const stale = files.filter(differs);
  const { decisions, orphans } = planSnapshots(ALL_EVENTS, readCommittedSnapshots(), {
    acceptBreaking,
  });
  const snapshotWrites = decisions.filter((d) =>
    ['create', 'refresh', 'accept-breaking'].includes(d.action),
  );
  const blocked = decisions.filter((d) => d.action === 'blocked');

  for (const decision of [...blocked, ...decisions.filter((d) => d.action === 'accept-breaking')]) {
    const verdict =
      decision.action === 'blocked' ? 'BREAKING (snapshot kept)' : 'BREAKING, accepted';
    console.error(`${decision.type}: ${verdict}`);
    for (const change of decision.changes)
      console.error(`  - ${change.kind} at ${change.path}: ${change.detail}`);
  }
  if (blocked.length > 0) {
    console.error(
      'Publish the change as a new version of the event (a new contract with version + 1, sent alongside the old one), or rerun with --accept-breaking if the type was never used in production.',
    );
  }
  for (const type of orphans) {
    console.error(
      `${snapshotFileOf(type)}: no contract has this type any more; a published event may not vanish.`,
    );
  }

  if (check) {
    const problems = [
      ...stale.map((file) => `stale: ${file.path}`),
      ...strayDocs.map((path) => `stray: ${path}`),
      ...snapshotWrites.map((d) => `snapshot to ${d.action}: ${snapshotFileOf(d.type)}`),
    ];
    for (const problem of problems) console.error(problem);
    return problems.length > 0 || blocked.length > 0 || orphans.length > 0 ? 1 : 0;
  }

  for (const file of stale) {
    write(file);
    console.log(`wrote ${file.path}`);
  }
  for (const path of strayDocs) {
    unlinkSync(join(ROOT, path));
    console.log(`removed ${path}`);
  }
  for (const decision of snapshotWrites) {
    const path = snapshotFileOf(decision.type);
    write({ path, content: await prettierJson(path, decision.schema) });
    console.log(`${decision.action} ${path}`);
  }
  console.log(
    `${files.length - stale.length} generated files unchanged, ${decisions.length} contracts.`,
  );
  return blocked.length > 0 || orphans.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
