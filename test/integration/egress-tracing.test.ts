// Issue 17, egress and tracing, end to end on the harness apiserver (the Linkerd CRDs of
// shared/data/linkerd-2.19/crds, an EgressNetwork with its Accepted status, a linkerd-config with
// the 2.19 tracing values, proxies with and without the collector in their env) and a real
// Prometheus backfilled with the proxy's egress route metrics under their real names and label sets
// (linkerd2-proxy release/v2.326.0):
// - parent/route labels: linkerd/app/outbound/src/metrics.rs (`prom_encode_service_labels`,
//   `prom_encode_meta_labels`); a Default meta is kind `default` with empty group/namespace and no
//   port: linkerd/proxy/client-policy/src/lib.rs;
// - `outbound_http_route_request_statuses_total{hostname,http_status,error}`:
//   linkerd/app/outbound/src/http/logical/policy/route/metrics/labels.rs and route/metrics.rs;
// - `outbound_{tcp,tls}_route_{open,close}_total` (close with `error`, `forbidden` for a Forbidden
//   route): linkerd/app/outbound/src/metrics/transport.rs; TCP `target_ip`/`target_port`:
//   opaq/logical/route.rs; TLS `hostname` (SNI): tls/logical/route.rs.
// The policy controller's egress parents and default routes (`egress-fallback`,
// `{http,tcp,tls}-egress-{allow,deny}`, Deny = 403 failure injector / Forbidden): linkerd2
// edge-25.10.7 policy-controller/grpc/src/outbound.rs and outbound/{http,tcp,tls}.rs. Tracing values:
// charts/linkerd-control-plane/values.yaml, charts/partials/templates/{_proxy,_trace}.tpl; the
// proxy's collector env: linkerd2-proxy linkerd/app/src/env.rs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { egressQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/egressQueries.ts';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';
import { kube } from '../harness/kubeRequest.ts';

const START = 1_795_000_000;
const WINDOW = 600;
const COLLECTOR = 'otel-collector.monitoring.svc.cluster.local:4317';
const hash = Buffer.from('llm').toString('hex').slice(0, 10);
const scrape = (pod: number) => ({ namespace: 'shop', pod: `llm-${hash}-p${pod}`, deployment: 'llm', pod_template_hash: hash, control_plane_ns: 'linkerd' });
const network = { parent_group: 'policy.linkerd.io', parent_kind: 'EgressNetwork', parent_namespace: 'shop', parent_name: 'external', parent_section_name: '' };
const route = (kind: string, name: string, group = '', namespace = '') => ({ route_group: group, route_kind: kind, route_namespace: namespace, route_name: name });
const tlsRoute = { ...network, parent_port: '443', ...route('TLSRoute', 'llm-provider', 'gateway.networking.k8s.io', 'shop'), hostname: 'api.anthropic.com' };
const denied = { ...network, parent_port: '443', ...route('default', 'tls-egress-deny'), hostname: 'o4508123.ingest.us.sentry.io' };
const plainHttp = { ...network, parent_port: '443', ...route('default', 'http-egress-allow'), hostname: 'api.partner.example', error: '' };
const fallback = { parent_group: '', parent_kind: 'default', parent_namespace: '', parent_name: 'egress-fallback', parent_port: '', parent_section_name: '', ...route('default', 'egress-fallback'), target_ip: '203.0.113.10', target_port: '5432' };
// In-cluster traffic on the same families: a Service parent, not egress.
const inCluster = { parent_group: 'core', parent_kind: 'Service', parent_namespace: 'shop', parent_name: 'cart', parent_port: '8080', parent_section_name: '', ...route('default', 'http'), hostname: '', error: '' };

/** name → series, each [labels, value at START, value at START + WINDOW]. */
const families: Record<string, Array<[Record<string, string>, number, number]>> = {
  outbound_tls_route_open_total: [
    [{ ...scrape(0), ...tlsRoute }, 1000, 1450],
    [{ ...scrape(1), ...tlsRoute }, 1000, 1450],
    [{ ...scrape(0), ...denied }, 0, 30],
  ],
  outbound_tls_route_close_total: [
    [{ ...scrape(0), ...tlsRoute, error: '' }, 1000, 1441],
    [{ ...scrape(1), ...tlsRoute, error: '' }, 1000, 1441],
    [{ ...scrape(0), ...tlsRoute, error: 'unexpected' }, 0, 18],
    [{ ...scrape(0), ...denied, error: 'forbidden' }, 0, 30],
    [{ ...scrape(0), ...denied, error: '' }, 0, 0],
  ],
  outbound_http_route_request_statuses_total: [
    [{ ...scrape(1), ...plainHttp, http_status: '200' }, 0, 120],
    [{ ...scrape(1), ...inCluster, http_status: '200' }, 0, 6000],
  ],
  outbound_tcp_route_open_total: [[{ ...scrape(1), ...fallback }, 0, 60]],
  outbound_tcp_route_close_total: [[{ ...scrape(1), ...fallback, error: '' }, 0, 60]],
};

function openMetrics(): string {
  const out: string[] = [];
  for (const [name, series] of Object.entries(families)) {
    out.push(`# TYPE ${name.replace(/_total$/, '')} counter`);
    // Every 15 s from a window before: flat at `a`, then rising linearly to `b` over the window.
    for (const [labels, a, b] of series) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
      for (let t = -WINDOW; t <= WINDOW; t += 15) out.push(`${name}{${l}} ${t <= 0 ? a : a + ((b - a) * t) / WINDOW} ${START + t}`);
    }
  }
  return `${out.join('\n')}\n# EOF\n`;
}

const TRACING_VALUES = `linkerdVersion: edge-25.10.7
identityTrustDomain: cluster.local
clusterDomain: cluster.local
controller:
  tracing:
    enabled: true
    collector:
      endpoint: ""
proxy:
  metrics:
    hostnameLabels: true
  tracing:
    enabled: true
    traceServiceName: linkerd-proxy
    collector:
      endpoint: ${COLLECTOR}
      meshIdentity:
        serviceAccountName: otel-collector
        namespace: monitoring
`;

describe('egress and tracing on the harness apiserver and a real Prometheus', () => {
  let prom: RunningPrometheus;
  let cp: ControlPlane;
  let backend: RunningBackend;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-egress-'));
  before(async () => {
    prom = await startPrometheus(openMetrics());
    cp = await startControlPlane();
    const fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await fx.crds();
    await fx.linkerdControlPlane(trustAnchorPem(365));
    await kube(fx.api, 'PATCH', '/api/v1/namespaces/linkerd/configmaps/linkerd-config', { data: { values: TRACING_VALUES } });
    await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
    // Two pods injected after tracing was enabled (collector in the proxy's env), one before.
    let call = 0;
    await fx.deployment('shop', 'llm', ['classic', 'classic', 'classic'], 'classic', t => {
      const i = call++;
      const proxy = t.spec.containers.find((c: any) => c.name === 'linkerd-proxy');
      if (i !== 3) proxy.env = [{ name: 'LINKERD2_PROXY_TRACE_COLLECTOR_SVC_ADDR', value: COLLECTOR }, { name: 'LINKERD2_PROXY_TRACE_SERVICE_NAME', value: 'linkerd-proxy' }];
    });
    await fx.deployment('shop', 'cart', ['none']);
    await kube(fx.api, 'POST', '/apis/policy.linkerd.io/v1alpha1/namespaces/shop/egressnetworks', {
      apiVersion: 'policy.linkerd.io/v1alpha1', kind: 'EgressNetwork', metadata: { name: 'external', namespace: 'shop' },
      spec: { trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }] },
    });
    await kube(fx.api, 'PATCH', '/apis/policy.linkerd.io/v1alpha1/namespaces/shop/egressnetworks/external/status', {
      status: { conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: '', lastTransitionTime: '2026-11-18T09:40:12Z' }] },
    });
    const token = await fx.pluginToken();
    const entities: Array<[string, string, string]> = [['llm', 'llm', 'live'], ['cart', 'cart', 'live'], ['llm-down', 'llm', 'down']];
    writeFileSync(join(dir, 'catalog.yaml'), entities.map(([n, id, c]) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${n}\n  annotations: {backstage.io/kubernetes-id: ${id}, backstage.io/kubernetes-cluster: ${c}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n'));
    const cluster = (name: string, url: string) => ({ name, source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, prometheus: { url, timeoutMs: 2000, evaluationTime: START + WINDOW } });
    backend = await startBackend({
      waitForEntities: ['component:default/llm', 'component:default/cart', 'component:default/llm-down'],
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [cluster('live', prom.url), cluster('down', `http://127.0.0.1:${await freePort()}`)] }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
  });
  // The EgressNetwork's watch (a custom kind, discovered) may sync after the backend is ready:
  // wait, bounded, until the cluster report has it, as an operator's next refresh would.
  before(async () => {
    for (let i = 0; ; i++) {
      const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
      const live = ((await res.json()) as any).clusters?.find((c: any) => c.name === 'live');
      if (live?.synced && live.egressNetworks?.length) break;
      if (i >= 60) throw new Error(`cluster live never showed its EgressNetwork: ${JSON.stringify(live)}`);
      await new Promise(r => setTimeout(r, 500));
    }
  });
  after(async () => {
    await backend?.stop();
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };

  it('the batched egress queries: per workload, parent, route and host; in-cluster parents excluded by the selector', async () => {
    const q = egressQueries(WINDOW);
    const rows = async (family: keyof typeof q) => (await instantQuery(prom.url, q[family], START + WINDOW))
      .filter(r => r.metric.deployment)
      .map(r => [r.metric.deployment, r.metric.parent_kind, r.metric.parent_name, r.metric.route_name, r.metric.hostname ?? r.metric.target_ip, r.metric.error ?? r.metric.http_status ?? '', Math.round(r.value)].join(' '))
      .sort();
    const tlsOpen = await rows('tls-open');
    console.log(`  tls-open: ${JSON.stringify(tlsOpen)}`);
    assert.deepEqual(tlsOpen, ['llm EgressNetwork external llm-provider api.anthropic.com  900', 'llm EgressNetwork external tls-egress-deny o4508123.ingest.us.sentry.io  30']);
    assert.deepEqual(await rows('http-requests'), ['llm EgressNetwork external http-egress-allow api.partner.example 200 120']);
    assert.deepEqual(await rows('tcp-close'), ['llm default egress-fallback egress-fallback 203.0.113.10  60']);
  });

  it('GET …/metrics: the external destinations with rate, success, TLS and denials, and the findings', async () => {
    const body = await get('/v1/entities/component/default/llm/metrics?window=10m');
    assert.deepEqual(body.errors, []);
    const rows = body.egress.destinations.map((d: any) => [d.host, d.port, d.network ?? '-', d.trafficPolicy ?? '-', d.protocol, d.tls, d.rps, d.successRate, d.denied]);
    console.log(`  llm egress: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows, [
      ['api.anthropic.com', 443, 'shop/external', 'Deny', 'tls', 'tls', 1.5, 0.98, 0],
      ['api.partner.example', 443, 'shop/external', 'Deny', 'http', 'plaintext', 0.2, 1, 0],
      ['203.0.113.10', 5432, '-', '-', 'tcp', 'unknown', 0.1, 1, 0],
      ['o4508123.ingest.us.sentry.io', 443, 'shop/external', 'Deny', 'tls', 'tls', 0.05, 0, 30],
    ]);
    assert.deepEqual(body.egress.findings.map((f: any) => [f.code, f.destination]).sort(), [
      ['egress-denied', 'o4508123.ingest.us.sentry.io:443'],
      ['egress-plaintext-tls-port', 'api.partner.example:443'],
    ]);
    const cart = await get('/v1/entities/component/default/cart/metrics?window=10m');
    assert.equal(cart.egress, undefined);
  });

  it('GET /v1/clusters: tracing from linkerd-config, proxies carrying the collector, and the EgressNetwork with its status', async () => {
    const { clusters } = await get('/v1/clusters');
    const live = clusters.find((c: any) => c.name === 'live');
    console.log(`  live tracing: ${JSON.stringify(live.tracing)}`);
    assert.deepEqual(live.tracing, {
      controlPlane: { enabled: true, collector: COLLECTOR },
      proxy: { enabled: true, collector: COLLECTOR, collectorIdentity: 'otel-collector.monitoring.serviceaccount.identity.linkerd.cluster.local', serviceName: 'linkerd-proxy' },
      // The control plane's own pods (3, without the env) and llm's 3 pods, 2 of them traced.
      tracedPods: 2,
      meshedPods: 6,
    });
    assert.deepEqual(live.egressNetworks, [{ namespace: 'shop', name: 'external', trafficPolicy: 'Deny', networks: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }], accepted: true }]);
  });

  it('GET the entity report: its proxies\' tracing, and the runbook\'s observability phase says what is configured and asks for the restart still owed', async () => {
    const report = await get('/v1/entities/component/default/llm');
    const llm = report.workloads.find((w: any) => w.name === 'llm');
    assert.deepEqual(llm.tracing, { tracedPods: 2, meshedPods: 3, collectors: [COLLECTOR] });
    const steps = report.runbook.steps.filter((s: any) => s.phase === 'observability');
    const tracing = steps.find((s: any) => s.id === 'opentelemetry-tracing-live');
    assert.equal(tracing.done, true);
    assert.match(tracing.why, /proxies send spans to otel-collector\.monitoring\.svc\.cluster\.local:4317/);
    assert.match(tracing.why, /Nothing is missing\./);
    const restart = steps.find((s: any) => s.id === 'tracing-restart-shop-llm');
    assert.deepEqual(restart.commands, ['kubectl -n shop rollout restart deployment/llm']);
  });

  it('GET …/metrics: an unreachable Prometheus is named in errors, the rest of the answer stands', async () => {
    const body = await get('/v1/entities/component/default/llm-down/metrics?window=10m');
    assert.equal(body.egress, undefined);
    assert.ok(body.errors.some((e: any) => e.source === 'prometheus:down' && /^egress metrics: /.test(e.message)), JSON.stringify(body.errors));
  });
});
