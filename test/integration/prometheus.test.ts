// A real Prometheus loaded from a declared traffic model: the queries Meshlens makes (the ones
// `linkerd viz stat` makes) return the rates, success rates and latencies the model declared.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toOpenMetrics, type ModelWorkload, type TrafficModel } from '../../examples/traffic/openMetrics.ts';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';

const web: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'web', pods: 2 };
const cart: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'cart', pods: 3 };
const nats: ModelWorkload = { namespace: 'shop', kind: 'statefulset', name: 'nats', pods: 3 };
const START = 1_795_000_000;

const model: TrafficModel = {
  start: START,
  durationSeconds: 3600,
  stepSeconds: 15,
  edges: [
    // web → cart at 10 rps, 2 % failures, p50 10 ms / p95 40 ms / p99 100 ms, mTLS.
    { from: web, to: cart, rps: 10, failureRatio: 0.02, tls: true, latency: [[5, 0], [10, 0.5], [40, 0.95], [100, 0.99], [200, 1]] },
    // traefik (unmeshed ingress) → web at 5 rps, plaintext.
    { from: { unmeshed: 'traefik' }, to: web, rps: 5, failureRatio: 0, tls: false, latency: [[10, 0], [20, 0.5], [50, 1]] },
    { from: cart, to: nats, rps: 4, failureRatio: 0, tls: true, latency: [[1, 0], [2, 1]] },
  ],
};

describe('Prometheus with Linkerd metrics from a traffic model', () => {
  let prom: RunningPrometheus;
  const at = START + 1800;
  const q = async (query: string) => {
    const r = await instantQuery(prom.url, query, at);
    return Object.fromEntries(r.map(x => [x.metric.deployment ?? x.metric.statefulset ?? '', Number(x.value.toFixed(4))]));
  };

  before(async () => { prom = await startPrometheus(toOpenMetrics(model)); });
  after(async () => prom?.stop());

  it('inbound request rate per workload', async () => {
    assert.deepEqual(await q('sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop"}[1m]))'), { cart: 10, web: 5, nats: 4 });
  });

  it('success rate the way linkerd viz stat computes it', async () => {
    const query = 'sum by (deployment, statefulset) (rate(response_total{direction="inbound",classification="success",namespace="shop"}[1m])) / sum by (deployment, statefulset) (rate(response_total{direction="inbound",namespace="shop"}[1m]))';
    assert.deepEqual(await q(query), { cart: 0.98, web: 1, nats: 1 });
  });

  it('latency quantiles from the histogram', async () => {
    const quantile = (x: number) => q(`histogram_quantile(${x}, sum by (le, deployment) (rate(response_latency_ms_bucket{direction="inbound",namespace="shop",deployment="cart"}[1m])))`);
    assert.deepEqual([(await quantile(0.5)).cart, (await quantile(0.95)).cart, (await quantile(0.99)).cart], [10, 40, 100]);
  });

  it('share of inbound requests over mTLS', async () => {
    const query = 'sum by (deployment, statefulset) (rate(request_total{direction="inbound",tls="true",namespace="shop"}[1m])) / sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop"}[1m]))';
    assert.deepEqual(await q(query), { cart: 1, nats: 1 });
    const plain = await q('sum by (deployment) (rate(request_total{direction="inbound",tls!="true",namespace="shop"}[1m]))');
    assert.deepEqual(plain, { web: 5 });
  });

  it('edges with the server identity, crypto configuration and leaf-certificate expiry', async () => {
    const edges = await instantQuery(prom.url, 'sum(tcp_open_connections{deployment!="", direction="outbound"}) by (deployment, dst_deployment, dst_statefulset, server_id, no_tls_reason)', at);
    assert.deepEqual(edges.map(e => [e.metric.deployment, e.metric.dst_deployment ?? e.metric.dst_statefulset, e.metric.server_id, e.value]).sort(), [
      ['cart', 'nats', 'nats.shop.serviceaccount.identity.linkerd.cluster.local', 3],
      ['web', 'cart', 'cart.shop.serviceaccount.identity.linkerd.cluster.local', 2],
    ]);
    const kx = await instantQuery(prom.url, 'count by (tls_kx_groups) (rustls_info)', at);
    assert.deepEqual(kx.map(k => [k.metric.tls_kx_groups, k.value]), [['X25519MLKEM768,X25519,secp256r1,secp384r1,', 8]]);
    const expiry = await instantQuery(prom.url, 'min(control_identity_cert_expiration_timestamp_seconds)', at);
    assert.equal(expiry[0].value - START, 24 * 3600);
  });
});
