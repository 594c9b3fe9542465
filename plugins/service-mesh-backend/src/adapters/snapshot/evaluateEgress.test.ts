import { evaluateEgress } from './evaluateEgress';
import { RecordedSeries } from './parseOpenMetrics';

const scrape = { namespace: 'auto-brand', deployment: 'llm-service', pod: 'llm-service-5d8f-a', instance: '10.42.0.9:4191' };
const net = { parent_group: 'policy.linkerd.io', parent_kind: 'EgressNetwork', parent_namespace: 'auto-brand', parent_name: 'internet', parent_port: '443', parent_section_name: '', route_group: 'gateway.networking.k8s.io', route_kind: 'TLSRoute', route_namespace: 'auto-brand', route_name: 'llm-provider', hostname: 'api.anthropic.com' };
const ramp = (per: number): Array<[number, number]> => Array.from({ length: 11 }, (_, i) => [1000 + i * 60, i * 60 * per]);

describe('evaluateEgress', () => {
  it('sums the pods of a workload per parent, route and host, like the batched queries', () => {
    const series: RecordedSeries[] = [
      { name: 'outbound_tls_route_open_total', labels: { ...scrape, ...net }, samples: ramp(1) },
      { name: 'outbound_tls_route_open_total', labels: { ...scrape, pod: 'llm-service-5d8f-b', instance: 'x', ...net }, samples: ramp(1) },
      { name: 'outbound_tls_route_open_total', labels: { ...scrape, ...net, parent_kind: 'Service', parent_name: 'nats' }, samples: ramp(5) },
      { name: 'response_total', labels: { ...scrape, direction: 'outbound' }, samples: ramp(5) },
    ];
    const out = evaluateEgress(series, 'c', 1600, 600);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ family: 'tls-open', workload: { namespace: 'auto-brand', kind: 'Deployment', name: 'llm-service' }, labels: { parent_name: 'internet', route_name: 'llm-provider', hostname: 'api.anthropic.com' } });
    expect(out[0].count).toBeCloseTo(1200, 0);
  });
});
