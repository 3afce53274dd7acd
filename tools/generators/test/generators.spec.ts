import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTree } from '@nx/devkit/testing';
import { eventGenerator, featureGenerator, serviceGenerator } from '../src';

jest.setTimeout(600_000);

const repo = join(__dirname, '../../..');
/** What the generators read and the build, the Prisma client and the type check need. */
const COPIED = [
  'libs',
  'tools/build',
  'tools/prisma',
  'tools/stack/common.sh',
  'tools/k8s/manifests.ts',
  'tsconfig.base.json',
  'tsconfig.json',
  '.prettierrc.json',
];

/** Loads every file below `path` of `root` into the in-memory tree. */
function seed(tree: Tree, root: string, path: string): void {
  const full = join(root, path);
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full)) {
      if (child !== 'node_modules' && child !== 'generated') seed(tree, root, `${path}/${child}`);
    }
  } else {
    tree.write(path, readFileSync(full));
  }
}

/**
 * The three generators run on a copy of the workspace (libs and the tools they edit); the
 * throwaway service they write gets its Prisma client, type-checks (with its feature's spec and
 * the new event contract) and builds with tools/build/build-service.mjs into a bundle that starts.
 */
describe('workspace generators', () => {
  const copy = mkdtempSync(join(tmpdir(), 'motcua-generators-'));
  const tree = createTree();
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const path of COPIED) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      cpSync(join(repo, path), join(copy, path), {
        recursive: true,
        filter: (source) => !/[/\\](generated|node_modules)$/.test(source),
      });
      seed(tree, repo, path);
    }
    symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));

    await serviceGenerator(tree, { name: 'throwaway', description: 'A throwaway service' });
    await featureGenerator(tree, { project: 'throwaway', name: 'notes' });
    await eventGenerator(tree, {
      name: 'note.taken',
      area: 'note',
      topic: 'dlq.throwaway.v1',
      service: 'throwaway',
      summary: 'A note was taken',
    });
    await eventGenerator(tree, {
      name: 'note.erased',
      area: 'note',
      topic: 'dlq.throwaway.v1',
      service: 'throwaway',
      summary: 'A note was erased',
    });
    for (const change of tree.listChanges()) {
      const target = join(copy, change.path);
      if (change.type === 'DELETE') rmSync(target, { force: true });
      else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, change.content ?? '');
      }
    }
  });

  it('writes the skeleton of a service and registers it where CONTRIBUTING.md says', () => {
    for (const file of [
      'project.json',
      'package.json',
      'jest.config.js',
      'prisma.config.ts',
      'prisma/schema.prisma',
      'CHANGELOG.md',
      'src/main.ts',
      'src/app.module.ts',
      'src/config.ts',
      'src/throwaway.database.ts',
    ])
      expect(existsSync(join(copy, 'apps/throwaway', file))).toBe(true);
    const project = JSON.parse(read('apps/throwaway/project.json')) as { tags: string[] };
    expect(project.tags).toEqual(['type:app', 'scope:throwaway']);
    expect(read('libs/contracts/src/topics.ts')).toMatch(
      /'reporting',\s+'throwaway',\s+\] as const/,
    );
    expect(read('libs/contracts/src/topics.ts')).toContain("'dlq.throwaway.v1': {");
    expect(read('tools/stack/common.sh')).toContain('[reporting]=3105 [throwaway]=3106)');
    expect(read('tools/stack/common.sh')).toContain('[reporting]=9105 [throwaway]=9106)');
    expect(read('tools/k8s/manifests.ts')).toMatch(/name: 'throwaway',\s+port: 3106,/);
    expect(read('libs/stack/src/drills/stack.ts')).toContain('throwaway: 3106');
  });

  it('gives the service byte-identical copies of the migrations every service shares', () => {
    const migrations = join(copy, 'apps/throwaway/prisma/migrations');
    expect(
      read('apps/throwaway/prisma/migrations/20261129000000_messaging_tables/migration.sql'),
    ).toBe(read('libs/messaging/migrations/messaging-tables.sql'));
    expect(readdirSync(migrations).sort()).toEqual([
      '20261129000000_messaging_tables',
      '20261129224415_outbox_unpublished_index',
      'migration_lock.toml',
    ]);
  });

  it('writes a feature folder and imports its module in the app module', () => {
    expect(readdirSync(join(copy, 'apps/throwaway/src/notes')).sort()).toEqual([
      'notes.controller.ts',
      'notes.module.ts',
      'notes.repository.ts',
      'notes.rules.spec.ts',
      'notes.rules.ts',
      'notes.schema.ts',
      'notes.service.ts',
    ]);
    expect(read('apps/throwaway/src/app.module.ts')).toMatch(/NotesModule,\s+\],/);
  });

  it('lists the new event contracts in their file and the file in the registry', () => {
    const events = read('libs/contracts/src/events/note.events.ts');
    expect(events).toContain("name: 'motcua.note.taken',");
    expect(events).toContain("name: 'motcua.note.erased',");
    expect(events).toMatch(/NOTE_EVENTS = \[noteTaken,\s*noteErased,?\s*\] as const/);
    expect(read('libs/contracts/src/registry.ts')).toContain('...NOTE_EVENTS,');
  });

  it('type-checks and builds a service that starts', () => {
    run('bash', ['tools/prisma/prisma.sh', 'throwaway', 'generate']);
    writeFileSync(
      join(copy, 'tsconfig.check.json'),
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { noEmit: true },
        files: [
          'apps/throwaway/src/main.ts',
          'apps/throwaway/src/notes/notes.rules.spec.ts',
          'libs/contracts/src/index.ts',
        ],
      }),
    );
    run(process.execPath, [
      join(repo, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.check.json',
    ]);
    run(process.execPath, ['tools/build/build-service.mjs', 'throwaway']);
    const variables = JSON.parse(
      run(process.execPath, ['dist/apps/throwaway/main.js', '--print-env']),
    ) as { name: string }[];
    expect(variables.map((variable) => variable.name)).toContain('DATABASE_URL');
  });

  function read(path: string): string {
    return readFileSync(join(copy, path), 'utf8');
  }

  function run(command: string, args: string[]): string {
    return execFileSync(command, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  }
});
