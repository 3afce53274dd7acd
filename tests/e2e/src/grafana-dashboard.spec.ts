import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import '@motcua/messaging'; // registers the relay's, consumers' and periodic jobs' metrics
import { collectProcessMetrics, metricsRegistry } from '@motcua/observability';
import { repoRoot } from '@motcua/testing';

type Panel = { title: string; type: string; targets?: { expr: string; refId: string }[] };

/** PromQL words that are not metric names. */
const PROMQL = new Set(
  `sum min max avg count stddev stdvar topk bottomk quantile count_values group by without on
  ignoring group_left group_right and or unless bool offset rate irate increase delta idelta deriv
  histogram_quantile time vector scalar abs ceil floor round clamp clamp_min clamp_max label_replace
  label_join changes resets absent absent_over_time avg_over_time max_over_time min_over_time
  sum_over_time count_over_time last_over_time predict_linear sort sort_desc timestamp inf nan`.split(
    /\s+/,
  ),
);

/** The metric names an expression reads: label matchers, grouping labels and durations removed. */
export function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((m) => m[0])
    .filter((word) => !PROMQL.has(word));
}

/**
 * The Grafana dashboard (infra/grafana/motcua-services.json) is valid JSON of a dashboard, and each
 * of its queries reads only series that exist: a metric some service exports (the registry every
 * service serves at /metrics, with the libraries' metrics and the process metrics), or a recording
 * rule of infra/prometheus/recording-rules.yml.
 */
describe('Grafana dashboard', () => {
  const dashboard = JSON.parse(
    readFileSync(join(repoRoot(), 'infra/grafana/motcua-services.json'), 'utf8'),
  ) as { uid: string; title: string; panels: Panel[]; templating: { list: { name: string }[] } };

  it('is a dashboard with panels and a service variable', () => {
    expect(dashboard.uid).toBe('motcua-services');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(12);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'service']);
    for (const panel of dashboard.panels) expect(panel.targets?.length).toBeGreaterThan(0);
  });

  it('queries only metrics a service exports or a recording rule records', async () => {
    collectProcessMetrics('dashboard-test');
    const exported = new Set<string>();
    for (const metric of await metricsRegistry.getMetricsAsJSON()) {
      exported.add(metric.name);
      if (String(metric.type) === 'histogram')
        for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${metric.name}${suffix}`);
    }
    const rules = (
      load(readFileSync(join(repoRoot(), 'infra/prometheus/recording-rules.yml'), 'utf8')) as {
        groups: { rules: { record: string; expr: string }[] }[];
      }
    ).groups.flatMap((g) => g.rules);
    const recorded = new Map(rules.map((r) => [r.record, r.expr]));
    const expressions = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    const unknown = expressions.flatMap((expr) =>
      metricsOf(expr)
        .filter((name) => !exported.has(name) && !recorded.has(name))
        .map((name) => `${name} in ${expr}`),
    );
    expect(unknown).toEqual([]);
    // Every motcua metric is on the dashboard, itself or through a recording rule it shows.
    const read = new Set(
      expressions
        .flatMap(metricsOf)
        .flatMap((name) => [name, ...metricsOf(recorded.get(name) ?? '')])
        .map((name) => name.replace(/_(bucket|sum|count)$/, '')),
    );
    const motcua = (await metricsRegistry.getMetricsAsJSON())
      .map((m) => m.name)
      .filter((name) => name.startsWith('motcua_'));
    expect(motcua.length).toBeGreaterThanOrEqual(10);
    expect(motcua.filter((name) => !read.has(name))).toEqual([]);
    expect(
      metricsOf('sum by (service) (rate(motcua_http_requests_total{status=~"5.."}[5m]))'),
    ).toEqual(['motcua_http_requests_total']);
  });
});
