import { egressQueries } from './egressQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';
import { readEgressSamples } from './readEgressSamples';

/** A client answering each query from a table: fake transport, real adapter logic. */
function fakeClient(answers: Record<string, VectorSample[]>, seen: string[]): PrometheusClient {
  return { instant: async (q: string) => { seen.push(q); return answers[q] ?? []; } } as unknown as PrometheusClient;
}

describe('readEgressSamples', () => {
  it('runs the five fixed queries once each, keeps egress parents with a workload', async () => {
    const q = egressQueries(600);
    const seen: string[] = [];
    const net = { parent_kind: 'EgressNetwork', parent_namespace: 'auto-brand', parent_name: 'internet', parent_port: '443' };
    const client = fakeClient({
      [q['tls-open']]: [
        { metric: { namespace: 'auto-brand', deployment: 'llm-service', ...net, route_kind: 'TLSRoute', route_name: 'llm-provider', hostname: 'api.anthropic.com' }, value: 60 },
        // The `default` parents the selector also lets through: only egress-fallback is egress.
        { metric: { namespace: 'auto-brand', deployment: 'llm-service', parent_kind: 'default', parent_name: 'unknown' }, value: 5 },
        { metric: { namespace: 'auto-brand', ...net }, value: 4 },
      ],
      [q['tcp-open']]: [{ metric: { namespace: 'auto-brand', pod: 'analytics-1', parent_kind: 'default', parent_name: 'egress-fallback', target_ip: '203.0.113.7', target_port: '5432' }, value: 3 }],
    }, seen);
    const samples = await readEgressSamples(client, 'c1', 600, 1000);
    expect(seen.sort()).toEqual(Object.values(q).sort());
    expect(samples.map(s => [s.family, s.workload.name, s.labels.hostname ?? s.labels.target_ip, s.count])).toEqual([
      ['tcp-open', 'analytics-1', '203.0.113.7', 3],
      ['tls-open', 'llm-service', 'api.anthropic.com', 60],
    ]);
  });

  it('rejects a bad window; the selectors name the proxy\'s families and egress parents only', () => {
    expect(() => egressQueries(0)).toThrow('invalid window');
    const q = egressQueries(600);
    expect(q['http-requests']).toContain('__name__="outbound_http_route_request_statuses_total",parent_kind=~"EgressNetwork|default"');
    expect(q['tls-close']).toMatch(/by \(namespace, .*parent_name, parent_port, route_kind, route_name, hostname, error\)/);
  });
});
