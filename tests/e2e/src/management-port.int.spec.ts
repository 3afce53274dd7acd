import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintTestToken, repoRoot, startService, type RunningService } from '@motcua/testing';

/** /metrics is for operators: served on the management port only; /health stays on the public port. */
describe('the management port', () => {
  let feedback: RunningService;

  beforeAll(async () => {
    feedback = await startService('feedback', 4121);
  });
  afterAll(async () => {
    await feedback?.stop();
  });

  it('serves Prometheus metrics on the management port', async () => {
    expect(new URL(feedback.metricsUrl).port).not.toBe(new URL(feedback.url).port);
    const response = await fetch(feedback.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toMatch(
      /^process_cpu_user_seconds_total\{service="feedback"\} /m,
    );
  });

  it('names the release it runs, the version of its package.json, in /health/live and motcua_build_info', async () => {
    const { version } = JSON.parse(
      readFileSync(join(repoRoot(), 'apps/feedback/package.json'), 'utf8'),
    ) as { version: string };
    const live = (await (await fetch(`${feedback.url}/health/live`)).json()) as {
      version: string;
    };
    expect(live.version).toBe(version);
    const metrics = await (await fetch(feedback.metricsUrl)).text();
    const buildInfo = metrics.split('\n').filter((line) => line.startsWith('motcua_build_info{'));
    expect(buildInfo).toEqual([
      `motcua_build_info{version="${version}",node="${process.version}",service="feedback"} 1`,
    ]);
  });

  it('does not serve /metrics on the public port, even to an administrator', async () => {
    const anonymous = await fetch(`${feedback.url}/metrics`);
    expect(anonymous.status).toBe(404);
    const token = await mintTestToken({ subject: 'admin-metrics', roles: ['admin'] });
    const admin = await fetch(`${feedback.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(admin.status).toBe(404);
    expect(await admin.text()).not.toContain('process_cpu_user_seconds_total');
  });

  it('keeps /health open on the public port, and serves nothing else on the management port', async () => {
    const health = await fetch(`${feedback.url}/health`);
    expect(health.status).toBe(200);
    const other = await fetch(feedback.metricsUrl.replace('/metrics', '/health'));
    expect(other.status).toBe(404);
  });
});
