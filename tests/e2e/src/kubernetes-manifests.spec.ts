import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { SERVICES } from '@motcua/contracts';
import { SHUTDOWN_DRAIN_MS } from '@motcua/http';
import { repoRoot } from '@motcua/testing';

type EnvFrom = { configMapRef?: { name: string }; secretRef?: { name: string } };
type Container = {
  name: string;
  envFrom?: EnvFrom[];
  env?: { name: string; value?: string }[];
  readinessProbe?: {
    httpGet?: { path: string };
    periodSeconds?: number;
    failureThreshold?: number;
  };
  lifecycle?: unknown;
  livenessProbe?: { httpGet?: { path: string } };
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean };
};
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  spec?: {
    template?: { spec: { containers: Container[]; terminationGracePeriodSeconds?: number } };
    egress?: { to?: { podSelector?: { matchLabels: Record<string, string> } }[] }[];
  };
};

const root = repoRoot();
const run = (command: string, args: string[], input?: string) =>
  spawnSync(command, args, {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 32 * 1024 * 1024,
  });

/**
 * The Kubernetes manifests operators deploy (infra/k8s): the generated bases are current, every
 * overlay renders with `kubectl kustomize` (offline) and validates against the Kubernetes schemas,
 * and each Deployment's environment covers exactly what its service's configuration reads (asked
 * of the built service itself with `--print-env`).
 */
describe('Kubernetes manifests', () => {
  const overlays = readdirSync(join(root, 'infra/k8s/overlays'));

  it('bases are generated from tools/k8s/manifests.ts and committed as generated', () => {
    const check = run(process.execPath, [
      '-r',
      './tools/register-ts.js',
      'tools/k8s/generate.ts',
      '--check',
    ]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  describe.each(overlays)('overlay %s', (overlay) => {
    const rendered = run('kubectl', ['kustomize', join('infra/k8s/overlays', overlay)]);
    const objects = rendered.status === 0 ? (loadAll(rendered.stdout) as K8sObject[]) : [];
    const named = (kind: string, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name === name);

    it('renders and validates against the Kubernetes schemas', () => {
      expect(rendered.error).toBeUndefined(); // kubectl (with kustomize) must be installed
      expect(rendered.stderr).toBe('');
      const validated = run(process.execPath, ['tools/k8s/validate.mjs'], rendered.stdout);
      expect(JSON.parse(validated.stdout)).toEqual({ objects: objects.length, errors: [] });
      expect(validated.status).toBe(0);
    });

    it.each(SERVICES)(
      '%s has a server, a migration job, a budget, an autoscaler and a network policy',
      (service) => {
        for (const kind of [
          'Deployment',
          'Service',
          'PodDisruptionBudget',
          'HorizontalPodAutoscaler',
          'NetworkPolicy',
        ]) {
          expect(named(kind, service)).toBeDefined();
        }
        expect(named('Job', `${service}-migrate`)).toBeDefined();
        const [container] = named('Deployment', service)!.spec!.template!.spec.containers;
        expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
        expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
        });
      },
    );

    it.each(SERVICES)(
      '%s shuts down within its grace period: out of the endpoints first, then drained (libs/http/src/shutdown.ts)',
      (service) => {
        const pod = named('Deployment', service)!.spec!.template!.spec;
        const [container] = pod.containers;
        const delay = Number(
          container.env?.find((e) => e.name === 'SHUTDOWN_DELAY_SECONDS')?.value ?? NaN,
        );
        const probe = container.readinessProbe!;
        // Readiness answers 503 from SIGTERM on: the pod leaves the endpoints within the delay.
        expect(delay).toBeGreaterThanOrEqual(probe.periodSeconds! * probe.failureThreshold!);
        expect(container.lifecycle).toBeUndefined(); // no preStop sleep adding to the delay
        // Delay, drain, then consumers and relay (10 s) before the kubelet's SIGKILL.
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
          delay + SHUTDOWN_DRAIN_MS / 1000 + 10,
        );
      },
    );

    it.each(SERVICES)('%s reaches only its own database', (service) => {
      const databases = named('NetworkPolicy', service)!
        .spec!.egress!.flatMap((rule) => rule.to ?? [])
        .map((peer) => peer.podSelector?.matchLabels['motcua.gov.vn/database'])
        .filter(Boolean);
      expect(databases).toEqual([service]);
    });

    it.each(SERVICES)(
      "%s's environment covers exactly the variables its configuration reads",
      (service) => {
        const printed = run(process.execPath, [
          join('dist/apps', service, 'main.js'),
          '--print-env',
        ]);
        expect(printed.status).toBe(0);
        const variables = JSON.parse(printed.stdout) as { name: string; required: boolean }[];
        const [container] = named('Deployment', service)!.spec!.template!.spec.containers;
        const keys = new Set<string>((container.env ?? []).map((e) => e.name));
        for (const source of container.envFrom ?? []) {
          const object = source.configMapRef
            ? named('ConfigMap', source.configMapRef.name)
            : named('Secret', source.secretRef!.name);
          expect(object).toBeDefined();
          for (const key of Object.keys(object?.data ?? {})) keys.add(key);
        }
        const required = variables.filter((v) => v.required).map((v) => v.name);
        expect(required.filter((name) => !keys.has(name))).toEqual([]);
        const known = new Set(variables.map((v) => v.name));
        expect([...keys].filter((name) => !known.has(name))).toEqual([]);
      },
    );
  });
});
