import { goldenMetricsSeries } from './goldenMetricsSeries';
import { MetricsWindow } from './metricsWindow';

const cart = { namespace: 'shop', kind: 'Deployment', name: 'cart' };
const step = (end: number, counts: number[] | undefined): MetricsWindow => ({
  cluster: 'c', windowSeconds: 25, end,
  inbound: (counts ?? []).map(count => ({ workload: cart, tls: 'true', classification: 'success' as const, count })),
  latency: [], edges: [], edgeResponses: [], edgeLatency: [], crypto: [], leafExpiry: [],
});

describe('goldenMetricsSeries', () => {
  it('is null where a step has no sample of the workloads, 0 where they served nothing', () => {
    const points = goldenMetricsSeries([[step(1015, [250]), step(1030, undefined), step(1045, [0]), step(1060, [50])]], [{ cluster: 'c', ...cart }]);
    expect(points.map(p => [p.t.slice(11, 19), p.rps, p.successRate])).toEqual([
      ['00:16:55', 10, 1],
      ['00:17:10', null, undefined],
      ['00:17:25', 0, undefined],
      ['00:17:40', 2, 1],
    ]);
  });

  it('is empty for workloads that no step mentions (no proxy metrics at all)', () => {
    const other = { namespace: 'shop', kind: 'Deployment', name: 'web' };
    expect(goldenMetricsSeries([[step(1015, [25]), step(1030, undefined)]], [{ cluster: 'c', ...other }])).toEqual([]);
  });
});
