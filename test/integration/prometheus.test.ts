// A real Prometheus loaded from a declared traffic model: the queries Meshlens makes (the ones
// `linkerd viz stat` makes) return the rates, success rates and latencies the model declared.
// The recording carries what a real proxy exports besides the callers' traffic: kubelet probes on
// the policy controller's `probe` route and the admin port's scrapes and probes (linkerd2
// `policy-controller/k8s/index/src/inbound/index.rs`, linkerd2-proxy `linkerd/app/admin/src/stack.rs`),
// so the callers' figures are read without them (`APP` below).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toOpenMetrics, type ModelWorkload, type TrafficModel } from '../../examples/traffic/openMetrics.ts';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { metricsQueries, seriesQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/metricsQueries.ts';

const web: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'web', pods: 2 };
const cart: ModelWorkload = { namespace: 'shop', kind: 'deployment', name: 'cart', pods: 3 };
const nats: ModelWorkload = { namespace: 'shop', kind: 'statefulset', name: 'nats', pods: 3 };
// A CronJob's pod: the injector gives it no owner label (linkerd2 `pkg/inject/inject.go`), so only `pod` names it.
const report: ModelWorkload = { namespace: 'shop', kind: 'pod', name: 'report', pods: ['report-29410560-x7k2p'], probePort: null };
const queue: ModelWorkload = { namespace: 'shop', kind: 'statefulset', name: 'queue', port: 4222, probePort: null, pods: 1 };
const START = 1_795_000_000;
/** Callers' traffic only: not the kubelet's probes, not the admin port. */
const APP = 'route_name!="probe",target_port!="4191"';

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
    // A TCP-only edge (NATS client port) from the CronJob's pod.
    { from: report, to: queue, protocol: 'tcp', rps: 0, failureRatio: 0, tls: true, latency: [[1, 1]], bytesPerSecond: 1000 },
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
    assert.deepEqual(await q(`sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop",${APP}}[1m]))`), { cart: 10, web: 5, nats: 4 });
  });

  it('kubelet probes and admin-port scrapes are there too, plaintext, with their real labels', async () => {
    // 0.2 rps of probes per pod on the app port and on the admin port, 0.1 rps of scrapes (10 s interval).
    assert.deepEqual(await q('sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop",route_name="probe",target_port!="4191",tls="no_identity",no_tls_reason="no_tls_from_remote"}[1m]))'), { cart: 0.6, web: 0.4, nats: 0.6 });
    // Every meshed pod has the admin port, TCP-only ones too (queue, and the CronJob's pod, named '' here).
    assert.deepEqual(await q('sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop",target_port="4191"}[1m]))'), { cart: 0.9, web: 0.6, nats: 0.9, queue: 0.3, '': 0.3 });
  });

  it('success rate the way linkerd viz stat computes it', async () => {
    const query = `sum by (deployment, statefulset) (rate(response_total{direction="inbound",classification="success",namespace="shop",${APP}}[1m])) / sum by (deployment, statefulset) (rate(response_total{direction="inbound",namespace="shop",${APP}}[1m]))`;
    assert.deepEqual(await q(query), { cart: 0.98, web: 1, nats: 1 });
  });

  it('latency quantiles from the histogram', async () => {
    const quantile = (x: number) => q(`histogram_quantile(${x}, sum by (le, deployment) (rate(response_latency_ms_bucket{direction="inbound",namespace="shop",deployment="cart",${APP}}[1m])))`);
    assert.deepEqual([(await quantile(0.5)).cart, (await quantile(0.95)).cart, (await quantile(0.99)).cart], [10, 40, 100]);
  });

  it('share of inbound requests over mTLS', async () => {
    const query = `sum by (deployment, statefulset) (rate(request_total{direction="inbound",tls="true",namespace="shop",${APP}}[1m])) / sum by (deployment, statefulset) (rate(request_total{direction="inbound",namespace="shop",${APP}}[1m]))`;
    assert.deepEqual(await q(query), { cart: 1, nats: 1 });
    const plain = await q(`sum by (deployment) (rate(request_total{direction="inbound",tls!="true",namespace="shop",${APP}}[1m]))`);
    assert.deepEqual(plain, { web: 5 });
  });

  it('edges with the server identity, crypto configuration and leaf-certificate expiry', async () => {
    const edges = await instantQuery(prom.url, 'sum(tcp_open_connections{deployment!="", direction="outbound"}) by (deployment, dst_deployment, dst_statefulset, server_id, no_tls_reason) > 0', at);
    assert.deepEqual(edges.map(e => [e.metric.deployment, e.metric.dst_deployment ?? e.metric.dst_statefulset, e.metric.server_id, e.value]).sort(), [
      ['cart', 'nats', 'nats.shop.serviceaccount.identity.linkerd.cluster.local', 3],
      ['web', 'cart', 'cart.shop.serviceaccount.identity.linkerd.cluster.local', 2],
    ]);
    const kx = await instantQuery(prom.url, 'count by (tls_kx_groups) (rustls_info)', at);
    assert.deepEqual(kx.map(k => [k.metric.tls_kx_groups, k.value]), [['X25519MLKEM768,X25519,secp256r1,secp384r1,', 10]]);
    const expiry = await instantQuery(prom.url, 'min(control_identity_cert_expiration_timestamp_seconds)', at);
    assert.equal(expiry[0].value - START, 24 * 3600);
  });

  it("Meshlens's batched queries: TCP-only servers by port and client, ownerless pods by pod", async () => {
    const q = metricsQueries(1800);
    const tcp = await instantQuery(prom.url, q.inboundTcpBytes, at);
    const queueRows = tcp.filter(r => r.metric.statefulset === 'queue' && r.metric.target_port !== '4191');
    assert.deepEqual(queueRows.map(r => [r.metric.target_port, r.metric.tls, r.metric.client_id, Math.round(r.value)]), [
      ['4222', 'true', 'report.shop.serviceaccount.identity.linkerd.cluster.local', 1_800_000],
    ]);
    const written = await instantQuery(prom.url, q.edgeBytesWritten, at);
    const fromPod = written.filter(r => r.metric.pod === 'report-29410560-x7k2p');
    assert.deepEqual(fromPod.map(r => [r.metric.deployment ?? '', r.metric.dst_statefulset, r.metric.server_id, Math.round(r.value)]), [
      ['', 'queue', 'queue.shop.serviceaccount.identity.linkerd.cluster.local', 900_000],
    ]);
    // Owned pods are summed per owner, never per pod.
    assert.ok(written.filter(r => r.metric.deployment).every(r => r.metric.pod === undefined));
  });
});

// The golden-metric time series group like the window's queries: a bare pod (like a CronJob's)
// carries no owner label (linkerd2 `pkg/inject/inject.go` sets `linkerd.io/proxy-<kind>` only for
// owned pods), so its series are kept per pod instead of vanishing into an ownerless sum.
describe('golden-metric series of a pod without an owner', () => {
  const debug: ModelWorkload = { namespace: 'shop', kind: 'pod', name: 'debug', pods: ['debug'], probePort: null };
  let prom: RunningPrometheus;
  before(async () => {
    prom = await startPrometheus(toOpenMetrics({
      start: START, durationSeconds: 1800, stepSeconds: 15,
      edges: [
        { from: web, to: debug, rps: 2, failureRatio: 0.5, tls: true, latency: [[5, 0], [10, 1]] },
        { from: web, to: cart, rps: 10, failureRatio: 0, tls: true, latency: [[5, 0], [10, 1]] },
      ],
    }));
  });
  after(async () => prom?.stop());

  it('has its own rate and success rate, apart from the owned workloads (readMetricsSeries queries, instant at three steps)', async () => {
    const q = seriesQueries(60);
    for (const t of [START + 600, START + 1200, START + 1500]) {
      const responses = await instantQuery(prom.url, q.responses, t);
      const rate = (pick: (m: Record<string, string>) => boolean) => responses.filter(r => pick(r.metric)).reduce((n, r) => n + r.value, 0) / 60;
      const isDebug = (m: Record<string, string>) => m.pod === 'debug' && m.route_name === undefined;
      // 2 rps from web (half failing) plus the admin port's scrapes and probes, all successes.
      assert.ok(rate(isDebug) >= 2 && rate(isDebug) < 2.5, `debug at ${t}: ${rate(isDebug)}`);
      const failing = rate(m => isDebug(m) && m.classification === 'failure');
      assert.ok(Math.abs(failing - 1) < 0.1, `debug failures at ${t}: ${failing}`);
      // Owned pods are summed per owner (the admin port's scrapes add to cart's own count).
      assert.ok(rate(m => m.deployment === 'cart') >= 10, `cart at ${t}`);
      assert.ok(responses.filter(r => r.metric.deployment).every(r => r.metric.pod === undefined));
      const latency = await instantQuery(prom.url, q.latency, t);
      assert.ok(latency.some(r => r.metric.pod === 'debug' && r.value > 0));
    }
  });
});
