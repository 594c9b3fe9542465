// Label sets of the proxy's inbound authorization and rate-limit counters follow linkerd2-proxy
// release/v2.326.0 `linkerd/app/inbound/src/metrics/authz.rs` (inbound_{http,tcp}_authz_{allow,deny}_total,
// inbound_http_local_ratelimit_total; `authz_kind="default", authz_name="audit"` in audit mode:
// linkerd2 edge-25.10.7 `policy-controller/k8s/index/src/defaults.rs`).
import { policyQueries } from './policyQueries';
import { PrometheusClient, VectorSample } from './PrometheusClient';
import { readPolicySamples } from './readPolicySamples';

/** A client answering each query from a table: fake transport, real adapter logic. */
function fakeClient(answers: Record<string, VectorSample[]>, seen: string[]): PrometheusClient {
  return { instant: async (q: string) => { seen.push(q); return answers[q] ?? []; } } as unknown as PrometheusClient;
}

describe('readPolicySamples', () => {
  it('runs the four fixed queries once each and ties samples to workloads', async () => {
    const q = policyQueries(600);
    const seen: string[] = [];
    const client = fakeClient({
      [q['http-denied']]: [
        { metric: { namespace: 'shop', deployment: 'cart', srv_kind: 'server', srv_name: 'cart-http', tls: 'true', client_id: 'x' }, value: 3 },
        // Ownerless and without pod: the `or` side summed without pod; no workload to name.
        { metric: { namespace: 'shop', srv_name: 'r' }, value: 4 },
        { metric: { namespace: 'shop', pod: 'report-1', srv_name: 'r' }, value: 4 },
        { metric: { namespace: 'shop', deployment: 'cart' }, value: NaN },
      ],
      [q['tcp-denied']]: [{ metric: { namespace: 'shop', statefulset: 'nats', srv_name: 'nats' }, value: 7 }],
    }, seen);
    const samples = await readPolicySamples(client, 'c1', 600, 1000);
    expect(seen.sort()).toEqual(Object.values(q).sort());
    expect(samples.map(s => [s.kind, s.workload.kind, s.workload.name, s.count])).toEqual([
      ['http-denied', 'Deployment', 'cart', 3],
      ['http-denied', 'Pod', 'report-1', 4],
      ['tcp-denied', 'StatefulSet', 'nats', 7],
    ]);
  });

  it('rejects a window that is not a positive whole number of seconds (nothing else reaches PromQL)', () => {
    expect(() => policyQueries(0)).toThrow('invalid window');
    expect(() => policyQueries(1.5)).toThrow('invalid window');
    expect(policyQueries(600)['audit-allowed']).toContain('authz_kind="default",authz_name="audit"');
  });
});
