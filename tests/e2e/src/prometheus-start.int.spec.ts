import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, dump } from 'js-yaml';
import '@motcua/messaging'; // registers the relay's and consumers' metrics
import { collectProcessMetrics, metricsRegistry } from '@motcua/observability';
import { repoRoot } from '@motcua/testing';

jest.setTimeout(180_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * The start path of `npm run up -- --with-prometheus` (tools/stack/prometheus.sh) on ports of the
 * test's own: the repository's prometheus.yml and rules, its targets pointed at a management
 * endpoint served here from the services' metric registry.
 */
describe('Prometheus beside the stack (tools/stack/prometheus.sh)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-prometheus-'));
  let exporter: Server;
  let port: number;
  const script = (command: string) =>
    spawnSync('bash', [join(repoRoot(), 'tools/stack/prometheus.sh'), command], {
      env: {
        ...process.env,
        PROMETHEUS_PORT: String(port),
        PROMETHEUS_CONFIG: join(dir, 'prometheus.yml'),
        PROMETHEUS_DATA_DIR: join(dir, 'data'),
      },
      encoding: 'utf8',
      timeout: 170_000,
    });
  const api = async <T>(path: string): Promise<T> =>
    ((await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as { data: T }).data;

  beforeAll(async () => {
    collectProcessMetrics('prometheus-test');
    exporter = createServer((_, response) => {
      void metricsRegistry.metrics().then((text) => {
        response.setHeader('content-type', metricsRegistry.contentType);
        response.end(text);
      });
    });
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    port = await freePort();
    const source = join(repoRoot(), 'infra/prometheus');
    const config = load(readFileSync(join(source, 'prometheus.yml'), 'utf8')) as {
      global: Record<string, string>;
      rule_files: string[];
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    config.global.scrape_interval = '1s';
    config.global.evaluation_interval = '1s';
    config.scrape_configs[0].static_configs = [
      { targets: [`127.0.0.1:${(exporter.address() as AddressInfo).port}`] },
    ];
    writeFileSync(join(dir, 'prometheus.yml'), dump(config));
    for (const file of config.rule_files) copyFileSync(join(source, file), join(dir, file));
  });

  afterAll(async () => {
    script('stop');
    await new Promise((resolve) => exporter.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, loads every rule and scrapes the services’ metrics; stops', async () => {
    const started = script('start');
    expect(`${started.stdout}${started.stderr}`).toContain(
      `Prometheus on http://127.0.0.1:${port}`,
    );
    expect(started.status).toBe(0);

    const rules = await api<{ groups: { rules: unknown[] }[] }>('/api/v1/rules');
    expect(rules.groups.flatMap((g) => g.rules)).toHaveLength(7 + 6);

    let leader: { metric: Record<string, string> }[] = [];
    for (let i = 0; i < 60 && leader.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      leader = (
        await api<{ result: { metric: Record<string, string> }[] }>(
          '/api/v1/query?query=motcua_outbox_relay_leader',
        )
      ).result;
    }
    expect(leader[0]?.metric).toMatchObject({ service: 'prometheus-test', job: 'motcua' });
    const targets = await api<{ activeTargets: { health: string }[] }>('/api/v1/targets');
    expect(targets.activeTargets.map((t) => t.health)).toEqual(['up']);

    expect(script('stop').status).toBe(0);
    expect(script('status').status).toBe(3);
  });
});
