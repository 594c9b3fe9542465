// Label sets of linkerd2-proxy release/v2.326.0: outbound route families
// (linkerd/app/outbound/src/http/logical/policy/route/metrics/labels.rs: parent + route + hostname,
// http_status and error; linkerd/app/outbound/src/metrics.rs: parent_/route_/backend_ group, kind,
// namespace, name, port, section_name; retry counters in linkerd/http/retry/src/lib.rs) and inbound
// per-route labels (linkerd/app/inbound/src/http/router/metrics/labels.rs). Failure-injection
// backends as the policy controller encodes them: linkerd2 edge-25.10.7
// policy-controller/grpc/src/outbound/http.rs (missing Service: Service metadata + 500 injector;
// unsupported backendRef: `default/invalid`).
import { inboundRouteTraffic, routeActivity, RoutedWorkload } from './routeActivity';
import { RouteSample } from './routeSample';
import { frameSizeBand } from './frameSizeBand';

const parent = { parent_group: 'core', parent_kind: 'Service', parent_namespace: 'shop', parent_name: 'cart', parent_port: '8080', parent_section_name: '' };
const route = { route_group: 'policy.linkerd.io', route_kind: 'HTTPRoute', route_namespace: 'shop', route_name: 'cart-split' };
const backend = (name: string, kind = 'Service') => ({ backend_group: kind === 'Service' ? 'core' : '', backend_kind: kind, backend_namespace: kind === 'Service' ? 'shop' : '', backend_name: name, backend_port: kind === 'Service' ? '8080' : '', backend_section_name: '' });
const s = (kind: RouteSample['kind'], labels: Record<string, string>, value: number, cluster = 'c1'): RouteSample => ({ cluster, kind, labels, value });
const cart: RoutedWorkload = {
  cluster: 'c1', namespace: 'shop', kind: 'Deployment', name: 'cart',
  httpRoutes: [{ name: 'cart-split', group: 'policy.linkerd.io', parent: 'Service/cart', retries: '5xx (limit 2)', timeout: '10s', backends: [{ name: 'cart', port: 8080, weight: 90 }, { name: 'cart-v2', port: 8080, weight: 9 }, { name: 'cart-fault', port: 8080, weight: 1 }] }],
};
const exists = (_c: string, _ns: string, name: string) => name !== 'cart-fault';

describe('routeActivity', () => {
  const samples = [
    s('route-statuses', { ...parent, ...route, hostname: 'cart.shop.svc.cluster.local', http_status: '200', error: '' }, 950),
    s('route-statuses', { ...parent, ...route, hostname: 'cart.shop.svc.cluster.local', http_status: '500', error: '' }, 10),
    s('route-statuses', { ...parent, ...route, hostname: 'cart.shop.svc.cluster.local', error: 'REQUEST_TIMEOUT' }, 4),
    s('route-statuses', { ...parent, ...route, error: 'RESPONSE_HEADERS_TIMEOUT' }, 2),
    s('retry-requests', { ...parent, ...route }, 12),
    s('retry-successes', { ...parent, ...route }, 11),
    s('retry-limit-exceeded', { ...parent, ...route }, 1),
    s('backend-requests', { ...parent, ...route, ...backend('cart') }, 880),
    s('backend-requests', { ...parent, ...route, ...backend('cart-v2') }, 90),
    s('backend-requests', { ...parent, ...route, ...backend('cart-fault') }, 10),
    s('backend-statuses', { ...parent, ...route, ...backend('cart-fault'), http_status: '500', error: '' }, 10),
    s('backend-statuses', { ...parent, ...route, ...backend('cart'), http_status: '200', error: '' }, 870),
    // Another cluster's route of the same name is not this one.
    s('backend-requests', { ...parent, ...route, ...backend('cart') }, 500, 'c2'),
  ];

  it('counts requests, failures, timeouts by error label and retries per HTTPRoute', () => {
    const [a] = routeActivity(samples, [cart], exists);
    expect(a).toMatchObject({
      workload: 'shop/Deployment/cart', route: 'shop/cart-split', group: 'policy.linkerd.io', parents: ['Service/cart:8080'],
      configured: { retries: '5xx (limit 2)', timeout: '10s' },
      requests: 966, failures: 16, timeouts: { REQUEST_TIMEOUT: 4, RESPONSE_HEADERS_TIMEOUT: 2 },
      retries: { requests: 12, successes: 11, limitExceeded: 1, overflow: 0 },
    });
  });

  it('puts the observed split next to the configured weights and names the missing-Service backend as failure injection', () => {
    const [a] = routeActivity(samples, [cart], exists);
    expect(a.backends).toEqual([
      { backend: 'Service/cart:8080', weight: 90, configuredShare: 0.9, requests: 880, observedShare: 0.898, failures: 0 },
      { backend: 'Service/cart-v2:8080', weight: 9, configuredShare: 0.09, requests: 90, observedShare: 0.0918, failures: 0 },
      { backend: 'Service/cart-fault:8080', weight: 1, configuredShare: 0.01, requests: 10, observedShare: 0.0102, failures: 10, failureInjection: 'missing-service' },
    ]);
  });

  it('an unsupported backendRef shows as default/invalid, a failure injector', () => {
    const [a] = routeActivity([s('backend-requests', { ...parent, ...route, ...backend('invalid', 'default') }, 3)], [cart], exists);
    expect(a.backends.find(b => b.backend === 'default/invalid')).toEqual({ backend: 'default/invalid', requests: 3, observedShare: 1, failures: 0, failureInjection: 'invalid-backend' });
  });

  it('leaves out routes without samples, and samples of another route group or namespace', () => {
    const other = [s('route-statuses', { ...parent, ...route, route_group: 'gateway.networking.k8s.io', http_status: '200' }, 5), s('route-statuses', { ...parent, ...route, route_namespace: 'other', http_status: '200' }, 5)];
    expect(routeActivity(other, [cart], exists)).toEqual([]);
  });
});

describe('inboundRouteTraffic', () => {
  const w = { namespace: 'shop', kind: 'Deployment', name: 'cart' };
  const labels = { parent_group: 'policy.linkerd.io', parent_kind: 'server', parent_name: 'cart-http', parent_port: '8080', route_group: '', route_kind: 'default', route_name: 'default' };
  it('per Server and route, with the band of the median response frame', () => {
    const rows = inboundRouteTraffic([
      { cluster: 'c1', kind: 'inbound-requests', labels, value: 100, workload: w },
      ...([['128', 10], ['1024', 30], ['10240', 90], ['+Inf', 100]] as const).map(([le, v]) => ({ cluster: 'c1', kind: 'inbound-frames' as const, labels: { ...labels, le }, value: v, workload: w })),
      { cluster: 'c1', kind: 'inbound-requests', labels, value: 7, workload: { ...w, name: 'other' } },
    ], [{ cluster: 'c1', ...w }]);
    expect(rows).toEqual([{ cluster: 'c1', workload: 'shop/Deployment/cart', server: 'server/cart-http:8080', route: 'default/default', requests: 100, responseFrames: { frames: 100, band: '1 KiB–10 KiB' } }]);
  });
});

describe('frameSizeBand', () => {
  // Buckets 128 B, 1 KiB, 10 KiB: linkerd2-proxy release/v2.326.0 linkerd/http/prom/src/body_data/metrics.rs (NewHisto).
  it.each([
    [[[128, 60], [1024, 80], [10240, 90], [Infinity, 100]], '≤ 128 B'],
    [[[128, 0], [1024, 50], [10240, 90], [Infinity, 100]], '128 B–1 KiB'],
    [[[128, 0], [1024, 0], [10240, 10], [Infinity, 100]], '> 10 KiB'],
  ])('%j → %s', (buckets, band) => {
    expect(frameSizeBand(buckets.map(([le, count]) => ({ le, count })))?.band).toBe(band);
  });
  it('no frames, no band', () => {
    expect(frameSizeBand([{ le: Infinity, count: 0 }])).toBeUndefined();
  });
});
