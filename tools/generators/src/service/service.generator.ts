import { join } from 'node:path';
import { formatFiles, generateFiles, names, type Tree } from '@nx/devkit';
import { appendToArrayAfter, editFile, replaceOnce } from '../text-edits';

export type ServiceOptions = { name: string; description?: string; port?: number };

const NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * A new service: the skeleton of apps/<name>/ (project, its version in package.json, Jest, Prisma
 * with the outbox and inbox, main, app module, config, database, changelog) and the registrations CONTRIBUTING.md lists:
 * SERVICES and its dead-letter topic in libs/contracts, its ports in tools/stack/common.sh, its
 * Kubernetes base in tools/k8s/manifests.ts, and its copies of the shared migrations.
 */
export async function serviceGenerator(tree: Tree, options: ServiceOptions) {
  const { name } = options;
  if (!NAME.test(name)) throw new Error(`service name '${name}' must be lowercase with dashes`);
  if (tree.exists(`apps/${name}`)) throw new Error(`apps/${name} exists already`);

  const port = registerInStack(tree, name, options.port);
  registerInContracts(tree, name);
  registerInKubernetes(tree, name, port);
  registerSharedMigrations(tree, name);
  registerPortRecords(tree, name);
  generateFiles(tree, join(__dirname, 'files'), '.', {
    ...names(name),
    name,
    description: (options.description ?? `motcua ${name}`).replace(/'/g, '’'),
    // The first release's heading in its changelog (its package.json says 0.1.0).
    today: new Date().toISOString().slice(0, 10),
    tmpl: '',
  });
  await formatFiles(tree);
  return () => {
    console.log(
      [
        `apps/${name} is ready. Next:`,
        `  bash tools/prisma/prisma.sh ${name} generate && node tools/build/build-service.mjs ${name}`,
        '  node -r ./tools/register-ts.js tools/contracts/generate.ts   # topics, ACLs, AsyncAPI',
        '  node -r ./tools/register-ts.js tools/k8s/generate.ts         # infra/k8s/base',
        `  node -r ./tools/register-ts.js tools/docker/generate.ts      # apps/${name}/Dockerfile`,
        `  a README section and docs/${name}.md; features: nx g @motcua/generators:feature <name> --project=${name}`,
      ].join('\n'),
    );
  };
}

/** SERVICES, SERVICE_PORT and METRICS_PORT of the local stack; returns the service's port. */
function registerInStack(tree: Tree, name: string, requested?: number): number {
  let port = 0;
  editFile(tree, 'tools/stack/common.sh', (text) => {
    const next = (variable: string) => {
      const line = new RegExp(`^declare -A ${variable}=\\((.*)\\)$`, 'm').exec(text);
      if (!line) throw new Error(`could not find ${variable} in tools/stack/common.sh`);
      const ports = [...line[1].matchAll(/=(\d+)/g)].map((m) => Number(m[1]));
      return Math.max(...ports) + 1;
    };
    port = requested ?? next('SERVICE_PORT');
    const metricsPort = next('METRICS_PORT');
    let out = replaceOnce(
      text,
      /^SERVICES=\((.*)\)$/m,
      (_m, list) => `SERVICES=(${list} ${name})`,
      'SERVICES=(…)',
    );
    out = replaceOnce(
      out,
      /^(declare -A SERVICE_PORT=\(.*)\)$/m,
      (_m, head) => `${head} [${name}]=${port})`,
      'SERVICE_PORT',
    );
    return replaceOnce(
      out,
      /^(declare -A METRICS_PORT=\(.*)\)$/m,
      (_m, head) => `${head} [${name}]=${metricsPort})`,
      'METRICS_PORT',
    );
  });
  return port;
}

/** The service's Kafka identity (SERVICES), its dead-letter topic, and what it consumes (none yet). */
function registerInContracts(tree: Tree, name: string): void {
  editFile(tree, 'libs/contracts/src/flows.ts', (text) =>
    replaceOnce(
      text,
      /\n\} as const satisfies Record<ServiceName, readonly EventContract\[\]>/,
      (match) => `\n  ${name}: [],${match}`,
      'the end of CONSUMERS',
    ),
  );
  editFile(tree, 'libs/contracts/src/topics.ts', (text) => {
    const out = appendToArrayAfter(text, 'export const SERVICES = [', `'${name}'`);
    return replaceOnce(
      out,
      /\n\} as const satisfies Record</,
      (match) =>
        `\n  'dlq.${name}.v1': { partitions: 1, summary: 'Messages the ${name} service could not accept' },${match}`,
      'the end of TOPICS',
    );
  });
}

/** A Kubernetes base like the smallest service's (tools/k8s/generate.ts writes it). */
function registerInKubernetes(tree: Tree, name: string, port: number): void {
  editFile(tree, 'tools/k8s/manifests.ts', (text) =>
    appendToArrayAfter(
      text,
      'export const SERVICES: ServiceSpec[] = [',
      `{ name: '${name}', port: ${port}, resources: { cpu: '100m', memory: '160Mi', memoryLimit: '320Mi' } }`,
    ),
  );
}

/** EVERY_SERVICE of the shared migrations, and the service's copies of those every service holds. */
function registerSharedMigrations(tree: Tree, name: string): void {
  const manifest = 'libs/messaging/migrations/shared-migrations.ts';
  editFile(tree, manifest, (text) =>
    appendToArrayAfter(text, 'const EVERY_SERVICE = [', `'${name}'`),
  );
  const text = tree.read(manifest, 'utf-8') ?? '';
  for (const [, source, migration] of text.matchAll(
    /source:\s*'([^']+)',\s*copies:\s*inEvery\('([^']+)'\)/g,
  )) {
    const sql = tree.read(`libs/messaging/migrations/${source}`);
    if (!sql) throw new Error(`libs/messaging/migrations/${source} is missing`);
    tree.write(`apps/${name}/prisma/migrations/${migration}/migration.sql`, sql);
  }
}

/**
 * The port tables typed `Record<ServiceName, number>` (the drills' default stack, end-to-end
 * tests): each gets the service with the port after its highest one.
 */
function registerPortRecords(tree: Tree, name: string): void {
  const table = /(: Record<ServiceName, number> = \{)([^}]*)\}/;
  const visit = (dir: string): void => {
    for (const child of tree.children(dir)) {
      const path = `${dir}/${child}`;
      if (!tree.isFile(path)) {
        if (child !== 'node_modules' && child !== 'generated') visit(path);
        continue;
      }
      if (!path.endsWith('.ts')) continue;
      const text = tree.read(path, 'utf-8') ?? '';
      if (!table.test(text)) continue;
      tree.write(
        path,
        text.replace(table, (_match, head: string, body: string) => {
          const ports = [...body.matchAll(/:\s*(\d+)/g)].map((m) => Number(m[1]));
          const entries = body.trimEnd().replace(/,$/, '');
          const key = /^[a-z][a-z0-9]*$/.test(name) ? name : `'${name}'`;
          return `${head}${entries}, ${key}: ${Math.max(...ports) + 1} }`;
        }),
      );
    }
  };
  for (const dir of ['libs', 'tests', 'tools']) if (tree.exists(dir)) visit(dir);
}
