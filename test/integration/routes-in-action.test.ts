// HTTPRoutes in action on the harness apiserver and a real Prometheus. The cluster holds the
// Services and an HTTPRoute created from Linkerd's real CRD (test/fixtures/linkerd-2.19/crds/
// httproute.yaml, policy.linkerd.io/v1beta3): a weighted split of `cart` across `cart`, `cart-v2`
// and `cart-fault` (a Service that does not exist), with retry and timeout annotations. Prometheus
// is backfilled with the families a 2.19 proxy exports, under their real names and label sets
// (linkerd2-proxy release/v2.326.0):
// - outbound `outbound_http_route_request_statuses_total`, `outbound_http_route_retry_{requests,
//   successes,limit_exceeded,overflow}_total`, `outbound_http_route_backend_requests_total`,
//   `outbound_http_route_backend_response_statuses_total` (registered in linkerd/app/outbound/src/http.rs
//   under `http` → `route`, then `backend`/`retry` in .../http/logical/policy/route/metrics.rs;
//   retry counters in linkerd/http/retry/src/lib.rs; labels parent_/route_/backend_ in
//   linkerd/app/outbound/src/metrics.rs, hostname/http_status/error in .../policy/route/metrics/labels.rs);
// - inbound `inbound_http_requests_total` and `inbound_http_response_frame_size_bytes` (buckets 128,
//   1024, 10240: linkerd/http/prom/src/body_data/metrics.rs; labels in
//   linkerd/app/inbound/src/http/router/metrics/labels.rs);
// plus viz's scrape labels (namespace, pod, owner). The failing backend follows linkerd2
// edge-25.10.7 policy-controller/grpc/src/outbound/http.rs: a backendRef to a missing Service keeps
// its Service metadata and gets a 500 failure injector ("Service not found").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { routeQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/routeQueries.ts';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { kube } from '../harness/kubeRequest.ts';
import { deployShop } from '../support/shopTraffic.ts';

const START = 1_795_000_000;
const WINDOW = 600;
const webPod = (i: number) => ({ namespace: 'shop', pod: `web-6c8d-${i}`, deployment: 'web', pod_template_hash: '6c8d', control_plane_ns: 'linkerd' });
const cartPod = (i: number) => ({ namespace: 'shop', pod: `cart-7d9f-${i}`, deployment: 'cart', pod_template_hash: '7d9f', control_plane_ns: 'linkerd' });
const parent = { parent_group: 'core', parent_kind: 'Service', parent_namespace: 'shop', parent_name: 'cart', parent_port: '8080', parent_section_name: '' };
const route = { route_group: 'policy.linkerd.io', route_kind: 'HTTPRoute', route_namespace: 'shop', route_name: 'cart-split' };
const host = { hostname: 'cart.shop.svc.cluster.local' };
const backend = (name: string) => ({ backend_group: 'core', backend_kind: 'Service', backend_namespace: 'shop', backend_name: name, backend_port: '8080', backend_section_name: '' });
const inbound = { parent_group: 'policy.linkerd.io', parent_kind: 'server', parent_name: 'cart-http', parent_port: '8080', route_group: '', route_kind: 'default', route_name: 'default' };

/** name → series, each [labels, value at START, value at START + WINDOW]. */
const families: Record<string, Array<[Record<string, string>, number, number]>> = {
  outbound_http_route_request_statuses_total: [
    [{ ...webPod(0), ...parent, ...route, ...host, http_status: '200', error: '' }, 1000, 1500],
    [{ ...webPod(1), ...parent, ...route, ...host, http_status: '200', error: '' }, 0, 470],
    [{ ...webPod(0), ...parent, ...route, ...host, http_status: '500', error: '' }, 0, 10],
    [{ ...webPod(1), ...parent, ...route, ...host, http_status: '', error: 'REQUEST_TIMEOUT' }, 0, 6],
  ],
  outbound_http_route_retry_requests_total: [[{ ...webPod(0), ...parent, ...route, ...host }, 0, 14]],
  outbound_http_route_retry_successes_total: [[{ ...webPod(0), ...parent, ...route, ...host }, 0, 12]],
  outbound_http_route_retry_limit_exceeded_total: [[{ ...webPod(0), ...parent, ...route, ...host }, 0, 2]],
  outbound_http_route_retry_overflow_total: [[{ ...webPod(0), ...parent, ...route, ...host }, 0, 0]],
  outbound_http_route_backend_requests_total: [
    [{ ...webPod(0), ...parent, ...route, ...backend('cart') }, 0, 450],
    [{ ...webPod(1), ...parent, ...route, ...backend('cart') }, 0, 450],
    [{ ...webPod(0), ...parent, ...route, ...backend('cart-v2') }, 0, 90],
    [{ ...webPod(1), ...parent, ...route, ...backend('cart-fault') }, 0, 10],
  ],
  outbound_http_route_backend_response_statuses_total: [
    [{ ...webPod(0), ...parent, ...route, ...backend('cart'), http_status: '200', error: '' }, 0, 900],
    [{ ...webPod(1), ...parent, ...route, ...backend('cart-fault'), http_status: '500', error: '' }, 0, 10],
  ],
  inbound_http_requests_total: [
    [{ ...cartPod(0), ...inbound }, 0, 500],
    [{ ...cartPod(1), ...inbound }, 0, 450],
  ],
};
/** Response frames of cart: 20 ≤ 128 B, 40 more ≤ 1 KiB, 300 more ≤ 10 KiB, 40 larger (median in 1–10 KiB). */
const frames: Array<[string, number]> = [['128', 20], ['1024', 60], ['10240', 360], ['+Inf', 400]];

function openMetrics(): string {
  const out: string[] = [];
  const series = (name: string, labels: Record<string, string>, a: number, b: number) => {
    const l = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
    // Every 15 s from a window before: flat at `a`, then rising linearly to `b` over the window
    // (Prometheus 3 ranges are left-open, so the window's own samples must carry the increase).
    for (let t = -WINDOW; t <= WINDOW; t += 15) out.push(`${name}{${l}} ${t <= 0 ? a : a + ((b - a) * t) / WINDOW} ${START + t}`);
  };
  for (const [name, list] of Object.entries(families)) {
    out.push(`# TYPE ${name.replace(/_total$/, '')} counter`);
    for (const [labels, a, b] of list) series(name, labels, a, b);
  }
  out.push('# TYPE inbound_http_response_frame_size_bytes histogram');
  for (const [le, n] of frames) series('inbound_http_response_frame_size_bytes_bucket', { ...cartPod(0), ...inbound, le }, 0, n);
  series('inbound_http_response_frame_size_bytes_count', { ...cartPod(0), ...inbound }, 0, 400);
  series('inbound_http_response_frame_size_bytes_sum', { ...cartPod(0), ...inbound }, 0, 400 * 3000);
  // The destination controller's subscribers (two replicas), as viz's linkerd-controller job scrapes them.
  out.push('# TYPE endpoints_subscribers gauge');
  for (const [pod, svc, port, n] of [['linkerd-destination-5d4c-a', 'cart', '8080', 2], ['linkerd-destination-5d4c-b', 'cart', '8080', 1], ['linkerd-destination-5d4c-a', 'web', '8080', 1], ['linkerd-destination-5d4c-a', 'cart-v2', '8080', 0]] as const) {
    series('endpoints_subscribers', { job: 'linkerd-controller', component: 'destination', pod, cluster: 'local', namespace: 'shop', service: svc, port, hostname: '' }, n, n);
  }
  return `${out.join('\n')}\n# EOF\n`;
}

describe('routes in action from the proxy route metrics on a real Prometheus', () => {
  let prom: RunningPrometheus;
  let cp: ControlPlane;
  let backend: RunningBackend;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-routes-'));
  const metrics = async (name: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/${name}/metrics?window=10m`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };
  before(async () => {
    prom = await startPrometheus(openMetrics());
    cp = await startControlPlane();
    const fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await fx.crds();
    await deployShop(fx);
    await fx.service('shop', 'cart', [{ port: 8080 }]);
    await fx.service('shop', 'cart-v2', [{ port: 8080 }]);
    await kube(fx.api, 'POST', '/apis/policy.linkerd.io/v1beta3/namespaces/shop/httproutes', {
      apiVersion: 'policy.linkerd.io/v1beta3', kind: 'HTTPRoute',
      metadata: { name: 'cart-split', namespace: 'shop', annotations: { 'retry.linkerd.io/http': '5xx', 'retry.linkerd.io/limit': '2', 'timeout.linkerd.io/request': '10s' } },
      spec: {
        parentRefs: [{ group: 'core', kind: 'Service', name: 'cart', port: 8080 }],
        rules: [{ backendRefs: [{ name: 'cart', port: 8080, weight: 90 }, { name: 'cart-v2', port: 8080, weight: 9 }, { name: 'cart-fault', port: 8080, weight: 1 }] }],
      },
    });
    const token = await fx.pluginToken();
    // The same cluster and samples as a snapshot directory (what the demo is): list answers, with
    // the custom resources' apiVersion on each item as `kubectl get -o yaml` writes it.
    mkdirSync(join(dir, 'snap/cluster'), { recursive: true });
    mkdirSync(join(dir, 'snap/metrics'), { recursive: true });
    for (const [file, path] of [['namespaces', '/api/v1/namespaces'], ['pods', '/api/v1/namespaces/shop/pods'], ['deployments', '/apis/apps/v1/namespaces/shop/deployments'], ['replicasets', '/apis/apps/v1/namespaces/shop/replicasets'], ['services', '/api/v1/namespaces/shop/services'], ['linkerd-deployments', '/apis/apps/v1/namespaces/linkerd/deployments'], ['linkerd-configmaps', '/api/v1/namespaces/linkerd/configmaps'], ['httproutes', '/apis/policy.linkerd.io/v1beta3/namespaces/shop/httproutes']]) {
      const list = await kube(fx.api, 'GET', path);
      const kind = String(list.kind).replace(/List$/, '');
      writeFileSync(join(dir, `snap/cluster/${file}.json`), JSON.stringify({ ...list, items: list.items.map((i: any) => ({ apiVersion: list.apiVersion, kind, ...i })) }));
    }
    writeFileSync(join(dir, 'snap/metrics/traffic.om'), openMetrics());
    writeFileSync(join(dir, 'snap/snapshot.yaml'), `capturedAt: ${new Date((START + WINDOW) * 1000).toISOString()}\n`);
    writeFileSync(join(dir, 'catalog.yaml'), [['cart', 'live'], ['cart-snap', 'snap']].map(([name, cluster]) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: {backstage.io/kubernetes-id: cart, backstage.io/kubernetes-cluster: ${cluster}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n'));
    backend = await startBackend({
      waitForEntities: ['component:default/cart', 'component:default/cart-snap'],
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [
          { name: 'live', source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, prometheus: { url: prom.url, timeoutMs: 2000, evaluationTime: START + WINDOW } },
          { name: 'snap', source: 'snapshot', path: join(dir, 'snap') },
        ] }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
    // The custom kinds are watched once their CRDs are discovered: wait (bounded) for the HTTPRoute.
    for (let i = 0; i < 60 && !(await metrics('cart')).routeActivity?.length; i++) await new Promise(r => setTimeout(r, 500));
  });
  after(async () => {
    await backend?.stop();
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each batched route query sums over every client pod, by route (and backend, status, error)', async () => {
    const q = routeQueries(WINDOW);
    const rows = async (kind: keyof typeof q, keys: string[]) =>
      (await instantQuery(prom.url, q[kind], START + WINDOW)).map(r => [...keys.map(k => r.metric[k] ?? ''), Math.round(r.value)].join(' ')).sort();
    assert.deepEqual(await rows('route-statuses', ['route_name', 'http_status', 'error']), ['cart-split  REQUEST_TIMEOUT 6', 'cart-split 200  970', 'cart-split 500  10']);
    assert.deepEqual(await rows('backend-requests', ['backend_name']), ['cart 900', 'cart-fault 10', 'cart-v2 90']);
    assert.deepEqual(await rows('retry-requests', ['route_name']), ['cart-split 14']);
    // Per workload: the two cart pods summed.
    assert.deepEqual(await rows('inbound-requests', ['deployment', 'parent_name', 'route_name']), ['cart cart-http default 950']);
  });

  it('a snapshot of the same cluster and samples (how the demo is read) gives the same report as Prometheus', async () => {
    const [live, snap] = await Promise.all(['cart', 'cart-snap'].map(metrics));
    assert.deepEqual(snap.errors, []);
    const round = (x: any): any => (typeof x === 'number' ? Number(x.toFixed(2)) : Array.isArray(x) ? x.map(round) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'cluster' ? '·' : round(v)])) : x);
    assert.ok(live.routeActivity?.length === 1 && live.inboundRoutes?.length === 1, JSON.stringify({ live: [live.routeActivity, live.inboundRoutes, live.errors], snap: [snap.routeActivity?.length, snap.inboundRoutes?.length] }));
    assert.deepEqual(round(snap.routeActivity), round(live.routeActivity));
    assert.deepEqual(round(snap.inboundRoutes), round(live.inboundRoutes));
  });

  it('GET …/metrics: the HTTPRoute with retries, timeouts, the observed split next to the weights, and the failure-injection backend', async () => {
    const body = await metrics('cart');
    assert.deepEqual(body.errors, []);
    const [r] = body.routeActivity;
    console.log(`  cart-split: ${Math.round(r.requests)} requests, retries ${JSON.stringify(r.retries)}, timeouts ${JSON.stringify(r.timeouts)}`);
    assert.equal(r.route, 'shop/cart-split');
    assert.equal(r.workload, 'shop/Deployment/cart');
    assert.deepEqual(r.parents, ['Service/cart:8080']);
    assert.deepEqual(r.configured, { retries: '5xx (limit 2)', timeout: '10s' });
    assert.equal(Math.round(r.requests), 986);
    assert.equal(Math.round(r.failures), 16);
    assert.deepEqual(Object.keys(r.timeouts), ['REQUEST_TIMEOUT']);
    assert.equal(Math.round(r.timeouts.REQUEST_TIMEOUT), 6);
    assert.deepEqual([r.retries.requests, r.retries.successes, r.retries.limitExceeded, r.retries.overflow].map(Math.round), [14, 12, 2, 0]);
    const split = r.backends.map((b: any) => [b.backend, b.weight, b.configuredShare, b.observedShare, Math.round(b.failures), b.failureInjection ?? '']);
    console.log(`  split: ${JSON.stringify(split)}`);
    assert.deepEqual(split, [
      ['Service/cart:8080', 90, 0.9, 0.9, 0, ''],
      ['Service/cart-v2:8080', 9, 0.09, 0.09, 0, ''],
      ['Service/cart-fault:8080', 1, 0.01, 0.01, 10, 'missing-service'],
    ]);
  });

  it('GET /v1/clusters: the destination hot spots, summed over the controller replicas', async () => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const body = (await res.json()) as any;
    const byName = Object.fromEntries(body.clusters.map((c: any) => [c.name, c]));
    // endpoints_subscribers{cluster,namespace,service,port,hostname}: linkerd2 edge-25.10.7
    // controller/api/destination/watcher/prometheus.go; a Service without subscribers is left out.
    assert.deepEqual(byName.live.destinationHotSpots, [
      { cluster: 'local', namespace: 'shop', service: 'cart', port: '8080', subscribers: 3 },
      { cluster: 'local', namespace: 'shop', service: 'web', port: '8080', subscribers: 1 },
    ]);
    assert.deepEqual(byName.snap.destinationHotSpots, byName.live.destinationHotSpots);
  });

  it('GET …/metrics: inbound requests by Server and route, with the band of the median response frame', async () => {
    const body = await metrics('cart');
    assert.deepEqual(body.inboundRoutes.map((i: any) => [i.workload, i.server, i.route, Math.round(i.requests), i.responseFrames?.band]), [
      ['shop/Deployment/cart', 'server/cart-http:8080', 'default/default', 950, '1 KiB–10 KiB'],
    ]);
  });
});
