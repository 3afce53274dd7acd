import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { parse } from 'yaml';
import { SERVICES } from '@motcua/contracts';
import { repoRoot } from '@motcua/testing';

const root = repoRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Container = { image: string };
type K8sObject = {
  kind: string;
  spec: { template: { spec: { containers: Container[] } } };
};

/**
 * Each service is released on its own: the `version` of apps/<service>/package.json is its
 * release, the newest heading of its changelog, the version of its OpenAPI document, the tag of its
 * image in the Kubernetes base (which the overlays keep) and in docker-compose.yml.
 */
describe.each(SERVICES)('the release of %s', (service) => {
  const { version } = JSON.parse(read(`apps/${service}/package.json`)) as { version: string };

  it('is a semantic version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the newest release in its changelog', () => {
    const releases = read(`apps/${service}/CHANGELOG.md`)
      .split('\n')
      .filter((line) => line.startsWith('## ') && line !== '## Unreleased');
    expect(releases[0]).toMatch(
      new RegExp(`^## ${version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}$`),
    );
  });

  it('tags the image of its server and of its migration job in the Kubernetes base', () => {
    const objects = loadAll(read(`infra/k8s/base/${service}/resources.yaml`)) as K8sObject[];
    const images = objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .flatMap((o) => o.spec.template.spec.containers.map((c) => c.image));
    expect(images).toEqual([`motcua/${service}:${version}`, `motcua/${service}:${version}`]);
  });

  it.each(readdirSync(join(root, 'infra/k8s/overlays')))(
    'keeps that tag in overlay %s, which only moves the image to its registry',
    (overlay) => {
      const kustomization = parse(read(`infra/k8s/overlays/${overlay}/kustomization.yaml`)) as {
        images: { name: string; newTag?: string; digest?: string }[];
      };
      const image = kustomization.images.find((i) => i.name === `motcua/${service}`);
      expect(image).toBeDefined();
      expect(image?.newTag).toBeUndefined();
      expect(image?.digest).toBeUndefined();
    },
  );

  it('is the version of its OpenAPI document', () => {
    const document = JSON.parse(read(`docs/openapi/${service}.json`)) as {
      info: { version: string };
    };
    expect(document.info.version).toBe(version);
  });

  it('tags the image docker-compose.yml builds for the service and its migration job', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { image?: string }>;
    };
    expect(compose.services[service]?.image).toBe(`motcua/${service}:${version}`);
    expect(compose.services[`${service}-migrate`]?.image).toBe(`motcua/${service}:${version}`);
  });
});
