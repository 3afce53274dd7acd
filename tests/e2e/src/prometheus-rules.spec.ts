import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@motcua/testing';

/**
 * The alerting and recording rules operators load into Prometheus: `promtool` (Debian's
 * prometheus package, installed by the test command) checks their syntax and runs their unit
 * tests (infra/prometheus/tests), in which each alert fires on the series that should raise it.
 */
describe('Prometheus rules', () => {
  const dir = join(repoRoot(), 'infra/prometheus');
  const promtool = (args: string[], cwd = dir) =>
    spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 60_000 });

  it('are valid rule files', () => {
    const checked = promtool(['check', 'rules', 'alerting-rules.yml', 'recording-rules.yml']);
    expect(`${checked.stdout}${checked.stderr}`).toContain('SUCCESS: 7 rules found');
    expect(checked.status).toBe(0);
  });

  it('pass their unit tests', () => {
    const tested = promtool(
      ['test', 'rules', 'alerting-rules.test.yml', 'recording-rules.test.yml'],
      join(dir, 'tests'),
    );
    expect(`${tested.stdout}${tested.stderr}`).not.toContain('FAILED');
    expect(tested.status).toBe(0);
  });

  it('name a runbook section that exists for every alert', () => {
    const rules = readFileSync(join(dir, 'alerting-rules.yml'), 'utf8');
    const anchors = [
      ...new Set(
        [...rules.matchAll(/runbook: docs\/operations\/runbooks\.md#([a-z-]+)/g)].map((m) => m[1]),
      ),
    ];
    expect(anchors.length).toBeGreaterThanOrEqual(6);
    const runbooks = readFileSync(join(repoRoot(), 'docs/operations/runbooks.md'), 'utf8');
    for (const anchor of anchors) expect(runbooks).toContain(`<a id="${anchor}"></a>`);
  });

  it("scrape the local stack's management ports with a valid configuration", () => {
    const checked = promtool(['check', 'config', 'prometheus.yml']);
    expect(checked.status).toBe(0);
    const ports = /declare -A METRICS_PORT=\(([^)]*)\)/.exec(
      readFileSync(join(repoRoot(), 'tools/stack/common.sh'), 'utf8'),
    )![1];
    const config = readFileSync(join(dir, 'prometheus.yml'), 'utf8');
    for (const [, port] of ports.matchAll(/=(\d+)/g))
      expect(config).toContain(`'127.0.0.1:${port}'`);
  });
});
