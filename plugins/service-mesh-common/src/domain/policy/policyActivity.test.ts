import { policyActivity, PolicySample } from './policyActivity';

const cart = { namespace: 'shop', kind: 'Deployment', name: 'cart' };
const other = { namespace: 'shop', kind: 'Deployment', name: 'other' };
// Label sets of linkerd2-proxy release/v2.326.0 linkerd/app/inbound/src/metrics/authz.rs (deny:
// server + route + TlsAccept; tcp deny: server + TlsAccept; ratelimit: server + ratelimit_*),
// linkerd/app/core/src/metrics.rs (srv_*/route_*/authz_*) and transport/labels.rs (tls, client_id).
const srv = { srv_group: 'policy.linkerd.io', srv_kind: 'server', srv_name: 'cart-http', srv_port: '8080' };
const route = { route_group: '', route_kind: 'default', route_name: 'default' };
const s = (kind: PolicySample['kind'], labels: Record<string, string>, count: number, workload = cart, cluster = 'c1'): PolicySample => ({ cluster, workload, kind, labels, count });

describe('policyActivity', () => {
  it.each([
    ['an HTTP denial by route and client', [s('http-denied', { ...srv, ...route, tls: 'true', client_id: 'scraper.tools.serviceaccount.identity.linkerd.cluster.local' }, 12)],
      [{ kind: 'http-denied', server: 'server/cart-http', route: 'default/default', clientId: 'scraper.tools.serviceaccount.identity.linkerd.cluster.local', tls: 'true', count: 12 }]],
    ['a TCP denial of a client without mTLS', [s('tcp-denied', { ...srv, tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' }, 3)],
      [{ kind: 'tcp-denied', server: 'server/cart-http', tls: 'no_identity', count: 3 }]],
    ['rate limited, by policy and scope', [s('rate-limited', { ...srv, ratelimit_group: 'policy.linkerd.io', ratelimit_kind: 'httplocalratelimitpolicy', ratelimit_name: 'cart-rl', ratelimit_scope: 'identity', tls: 'true', client_id: 'a' }, 5)],
      [{ kind: 'rate-limited', server: 'server/cart-http', rateLimit: 'httplocalratelimitpolicy/cart-rl', rateLimitScope: 'identity', clientId: 'a', tls: 'true', count: 5 }]],
    ['zero counts and other workloads left out', [s('http-denied', { ...srv, tls: 'true' }, 0), s('http-denied', { ...srv, tls: 'true' }, 4, other), s('http-denied', { ...srv, tls: 'true' }, 4, cart, 'c2')], undefined],
  ] as const)('%s', (_, samples, rows) => {
    const [w] = policyActivity(samples as unknown as PolicySample[], [{ cluster: 'c1', ...cart }]);
    expect(w?.rows).toEqual(rows);
  });

  it('sorts rows largest first and totals each kind', () => {
    const [w] = policyActivity([
      s('audit-allowed', { ...srv, ...route, authz_kind: 'default', authz_name: 'audit', tls: 'true', client_id: 'b' }, 2),
      s('http-denied', { ...srv, ...route, tls: 'true', client_id: 'c' }, 9),
      s('http-denied', { ...srv, ...route, tls: 'true', client_id: 'd' }, 1),
    ], [{ cluster: 'c1', ...cart }]);
    expect(w.workload).toBe('shop/Deployment/cart');
    expect(w.rows.map(r => r.count)).toEqual([9, 2, 1]);
    expect(w.totals).toEqual({ 'http-denied': 10, 'tcp-denied': 0, 'rate-limited': 0, 'audit-allowed': 2 });
  });
});
