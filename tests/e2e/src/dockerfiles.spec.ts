import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { loadAll } from 'js-yaml';
import { parse } from 'yaml';
import { SERVICES } from '@motcua/contracts';
import { repoRoot } from '@motcua/testing';

const root = repoRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Copy = { sources: string[]; destination: string; from?: string };
type Stage = { name: string; workdir: string; user?: string; copies: Copy[]; runs: string[] };

/** The stages of a Dockerfile as dockerfile-ast parses it: what each copies, runs and runs as. */
function stagesOf(service: string): { stages: Stage[]; command: string[] } {
  const dockerfile = DockerfileParser.parse(
    readFileSync(join(root, 'apps', service, 'Dockerfile'), 'utf8'),
  );
  const stages: Stage[] = [];
  let command: string[] = [];
  const words = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const [, as, name] = words(instruction);
      stages.push({ name: as === 'AS' ? name : '', workdir: '/', copies: [], runs: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (keyword === 'WORKDIR') stage.workdir = posix.resolve(stage.workdir, words(instruction)[0]);
    if (keyword === 'USER') stage.user = words(instruction)[0];
    if (keyword === 'RUN') stage.runs.push(words(instruction).join(' '));
    if (keyword === 'CMD')
      command = dockerfile
        .getCMDs()[0]
        .getJSONStrings()
        .map((s) => s.getJSONValue());
    if (keyword === 'COPY') {
      const all = words(instruction);
      const from = (instruction as unknown as { getFromFlag(): { getValue(): string } | null })
        .getFromFlag()
        ?.getValue();
      stage.copies.push({
        sources: all.slice(0, -1),
        destination: posix.resolve(stage.workdir, all[all.length - 1]),
        from,
      });
    }
  }
  return { stages, command };
}

/** The repository paths a service's image build may read: its own app, the libs and two tools. */
const allowedSources = (service: string) => [
  'package.json',
  'package-lock.json',
  'patches',
  'tsconfig.json',
  'tsconfig.base.json',
  'tools/build',
  'tools/prisma',
  'libs',
  `apps/${service}`,
];

/**
 * The local file an image path of the final stage holds: a COPY --from=build of
 * /repo/dist/apps/<service> puts the checkout's dist/apps/<service> (the build stage's WORKDIR
 * /repo is the checkout) at its destination.
 */
function localFileOf(stages: Stage[], imagePath: string): string | undefined {
  const final = stages[stages.length - 1];
  const build = stages.find((s) => s.name === 'build')!;
  for (const copy of final.copies.filter((c) => c.from === 'build')) {
    const relative = posix.relative(copy.destination, posix.resolve(final.workdir, imagePath));
    if (relative.startsWith('..')) continue;
    return join(root, posix.relative(build.workdir, copy.sources[0]), relative);
  }
  return undefined;
}

/**
 * Each service's Dockerfile (apps/<service>/Dockerfile), read statically: there is no Docker engine
 * on the machines that run these tests. It is checked against what `build-service.mjs` produced in
 * dist/ (npm test builds the services first).
 */
describe("each service's Dockerfile", () => {
  it('is generated from tools/docker/dockerfile.ts and committed as generated', () => {
    const check = spawnSync(
      process.execPath,
      ['-r', './tools/register-ts.js', 'tools/docker/generate.ts', '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  describe.each(SERVICES)('%s', (service) => {
    const { stages, command } = stagesOf(service);
    const final = stages[stages.length - 1];
    const build = stages.find((s) => s.name === 'build');

    it('builds in its own stage and runs from a final stage that only copies from the others', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(build).toBeDefined();
      expect(final.name).not.toBe('build');
      expect(final.runs).toEqual([]);
      expect(final.copies.length).toBeGreaterThan(0);
      for (const copy of final.copies) expect(stages.map((s) => s.name)).toContain(copy.from);
    });

    it('runs as an unprivileged user', () => {
      expect(final.user).toBeDefined();
      expect(['root', '0', '0:0']).not.toContain(final.user);
    });

    it("copies nothing of the repository but this service's sources, the libs and the build tools", () => {
      const sources = stages
        .flatMap((s) => s.copies.filter((c) => !c.from))
        .flatMap((c) => c.sources);
      expect(sources.filter((source) => !allowedSources(service).includes(source))).toEqual([]);
      const others = SERVICES.filter((other) => other !== service).map((o) => `apps/${o}`);
      expect(sources.filter((source) => others.includes(source))).toEqual([]);
    });

    const built = () =>
      JSON.parse(readFileSync(join(root, 'dist/build-inputs', `${service}.json`), 'utf8')) as {
        inputs: string[];
        packages: string[];
      };

    it('copies into its build stage every file the build of this service reads', () => {
      const copied = build!.copies.filter((c) => !c.from).flatMap((c) => c.sources);
      const { inputs } = built();
      expect(inputs).toContain(`apps/${service}/src/main.ts`);
      const uncovered = inputs.filter(
        (input) => !copied.some((source) => input === source || input.startsWith(`${source}/`)),
      );
      expect(uncovered).toEqual([]);
    });

    it('finds every package its bundle requires among the production dependencies it installs', () => {
      const { dependencies } = JSON.parse(read('package.json')) as {
        dependencies: Record<string, string>;
      };
      const { packages } = built();
      expect(packages).toContain('prisma'); // the migration entrypoint's CLI
      expect(packages.filter((name) => !(name in dependencies))).toEqual([]);
    });

    it("puts in the final image only the production dependencies and this service's bundle", () => {
      const fromBuild = final.copies.filter((c) => c.from === 'build').flatMap((c) => c.sources);
      expect(fromBuild).toEqual([`${build!.workdir}/dist/apps/${service}`]);
      for (const copy of final.copies.filter((c) => c.from !== 'build')) {
        const stage = stages.find((s) => s.name === copy.from)!;
        expect(copy.sources).toEqual([`${stage.workdir}/node_modules`]);
        expect(stage.runs.join(' ')).toMatch(/npm ci --omit=dev/);
      }
    });

    it('has both entrypoints in the bundle: the server and the migration job of Kubernetes and compose', () => {
      const server = localFileOf(
        stages,
        command.find((arg) => arg.endsWith('.js'))!,
      );
      expect(server).toBe(join(root, 'dist/apps', service, 'main.js'));
      expect(existsSync(server!)).toBe(true);

      const resources = loadAll(
        readFileSync(join(root, 'infra/k8s/base', service, 'resources.yaml'), 'utf8'),
      ) as {
        kind: string;
        spec: { template: { spec: { containers: { command?: string[] }[] } } };
      }[];
      const job = resources.find((o) => o.kind === 'Job')!.spec.template.spec.containers[0];
      const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), {
        merge: true,
      }) as { services: Record<string, { command?: string[]; build?: { dockerfile: string } }> };
      const migration = compose.services[`${service}-migrate`];
      expect(migration?.build?.dockerfile).toBe(`apps/${service}/Dockerfile`);
      expect(migration?.command).toEqual(job.command);
      const migrate = localFileOf(
        stages,
        job.command!.find((arg) => arg.endsWith('.js'))!,
      );
      expect(migrate).toBe(join(root, 'dist/apps', service, 'migrate.js'));
      expect(existsSync(migrate!)).toBe(true);
    });

    it('carries its Prisma schema and every committed migration beside the migration entrypoint', () => {
      const bundle = join(root, 'dist/apps', service, 'prisma');
      const committed = join(root, 'apps', service, 'prisma');
      expect(readFileSync(join(bundle, 'schema.prisma'), 'utf8')).toBe(
        readFileSync(join(committed, 'schema.prisma'), 'utf8'),
      );
      const migrations = (dir: string) =>
        readdirSync(join(dir, 'migrations'), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name);
      expect(migrations(bundle)).toEqual(migrations(committed));
      expect(migrations(bundle).length).toBeGreaterThan(0);
      expect(existsSync(join(root, 'dist/apps', service, 'prisma.config.js'))).toBe(true);
    });
  });
});
