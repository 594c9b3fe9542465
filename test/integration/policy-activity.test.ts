// The policy queries (plugins/service-mesh-backend/src/adapters/prometheus/policyQueries.ts) on a
// real Prometheus backfilled with the proxy's authorization counters under their real names and
// label sets (linkerd2-proxy release/v2.326.0 linkerd/app/inbound/src/metrics/authz.rs; label
// formats in linkerd/app/core/src/metrics.rs and linkerd/app/core/src/transport/labels.rs), plus
// the scrape labels of viz's relabelling (namespace, pod, owner): denials by Server, route and
// client, TCP denials, rate limiting and audit-only traffic per workload over the window.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { policyQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/policyQueries.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { deployShop } from '../support/shopTraffic.ts';

const START = 1_795_000_000;
const WINDOW = 600;
const id = (sa: string, ns = 'shop') => `${sa}.${ns}.serviceaccount.identity.linkerd.cluster.local`;
const scrape = (pod: string, owner: Record<string, string>) => ({ namespace: 'shop', pod, control_plane_ns: 'linkerd', ...owner });
const srv = (name: string, port: number) => ({ srv_group: 'policy.linkerd.io', srv_kind: 'server', srv_name: name, srv_port: String(port), target_addr: `10.0.0.1:${port}` });
const route = { route_group: '', route_kind: 'default', route_name: 'default' };
const mtls = (client: string) => ({ tls: 'true', client_id: client });
const plain = { tls: 'no_identity', no_tls_reason: 'no_tls_from_remote' };
const cartPod = (i: number) => scrape(`cart-7d9f-${i}`, { deployment: 'cart', pod_template_hash: '7d9f' });

/** name → series, each [labels, value at START, value at START + WINDOW]. */
const families: Record<string, Array<[Record<string, string>, number, number]>> = {
  inbound_http_authz_deny_total: [
    [{ ...cartPod(0), ...srv('cart-http', 8080), ...route, ...mtls(id('scraper', 'tools')) }, 100, 130],
    [{ ...cartPod(1), ...srv('cart-http', 8080), ...route, ...mtls(id('scraper', 'tools')) }, 0, 12],
    [{ ...cartPod(1), ...srv('cart-http', 8080), ...route, ...plain }, 5, 5],
    // A CronJob's pod has no owner label: grouped by pod.
    [{ ...scrape('report-29410560-x7k2p', {}), ...srv('report-http', 9000), ...route, ...mtls(id('cart')) }, 0, 4],
  ],
  inbound_tcp_authz_deny_total: [
    [{ ...scrape('nats-0', { statefulset: 'nats' }), ...srv('nats-4222', 4222), ...plain }, 0, 7],
  ],
  inbound_http_local_ratelimit_total: [
    [{ ...cartPod(0), ...srv('cart-http', 8080), ratelimit_group: 'policy.linkerd.io', ratelimit_kind: 'httplocalratelimitpolicy', ratelimit_name: 'cart-rl', ratelimit_scope: 'identity', ...mtls(id('checkout')) }, 0, 20],
  ],
  inbound_http_authz_allow_total: [
    [{ ...cartPod(0), ...srv('cart-http', 8080), ...route, authz_group: '', authz_kind: 'default', authz_name: 'audit', ...mtls(id('batch', 'jobs')) }, 0, 6],
    // Allowed by a real AuthorizationPolicy: not audit, not counted.
    [{ ...cartPod(0), ...srv('cart-http', 8080), ...route, authz_group: 'policy.linkerd.io', authz_kind: 'authorizationpolicy', authz_name: 'cart-http-clients', ...mtls(id('checkout')) }, 0, 900],
  ],
};

function openMetrics(): string {
  const out: string[] = [];
  for (const [name, series] of Object.entries(families)) {
    out.push(`# TYPE ${name.replace(/_total$/, '')} counter`);
    // Every 15 s from a window before: flat at `a`, then rising linearly to `b` over the window
    // (Prometheus 3 ranges are left-open, so the window's own samples must carry the increase).
    for (const [labels, a, b] of series) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
      for (let t = -WINDOW; t <= WINDOW; t += 15) out.push(`${name}{${l}} ${t <= 0 ? a : a + ((b - a) * t) / WINDOW} ${START + t}`);
    }
  }
  return `${out.join('\n')}\n# EOF\n`;
}

describe('policy activity from the proxy authorization metrics on a real Prometheus', () => {
  let prom: RunningPrometheus;
  let cp: ControlPlane;
  let backend: RunningBackend;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-policy-activity-'));
  before(async () => {
    prom = await startPrometheus(openMetrics());
    cp = await startControlPlane();
    const fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await deployShop(fx);
    const token = await fx.pluginToken();
    const kubernetes = (name: string, url: string) => ({ name, source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, prometheus: { url, timeoutMs: 2000, evaluationTime: START + WINDOW } });
    writeFileSync(join(dir, 'catalog.yaml'), ['live', 'down'].map(c => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart-${c}\n  annotations: {backstage.io/kubernetes-id: cart, backstage.io/kubernetes-cluster: ${c}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n'));
    backend = await startBackend({
      waitForEntities: ['component:default/cart-live', 'component:default/cart-down'],
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [kubernetes('live', prom.url), kubernetes('down', `http://127.0.0.1:${await freePort()}`)] }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
  });
  after(async () => {
    await backend?.stop();
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const metrics = async (name: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/${name}/metrics?window=10m`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };

  // What each batched query returns at the end of the window: per workload (owner label, or pod
  // when there is none), Server, route/policy and client; counts rounded (increase extrapolates).
  const query = async (kind: keyof ReturnType<typeof policyQueries>) => {
    const rows = await instantQuery(prom.url, policyQueries(WINDOW)[kind], START + WINDOW);
    // The `or` of perWorkload also returns ownerless series summed without `pod`: the reader drops
    // those (no workload to name, as metricWorkload does); the per-pod side names them.
    return rows.filter(r => r.metric.deployment || r.metric.statefulset || r.metric.pod).map(r => {
      const m = r.metric;
      const owner = m.deployment ?? m.statefulset ?? `pod/${m.pod}`;
      return [owner, m.srv_name, m.route_name ?? m.ratelimit_name ?? '', m.client_id ?? m.tls, Math.round(r.value)].join(' ');
    }).sort();
  };

  it('HTTP denials per workload, Server, route and client: the pods of cart summed, the plaintext client apart, the ownerless CronJob pod by pod', async () => {
    const rows = await query('http-denied');
    console.log(`  http-denied: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows, [
      'cart cart-http default no_identity 0',
      `cart cart-http default ${id('scraper', 'tools')} 42`,
      `pod/report-29410560-x7k2p report-http default ${id('cart')} 4`,
    ]);
  });

  it('TCP denials, rate limiting by policy, and requests only audit mode let through', async () => {
    assert.deepEqual(await query('tcp-denied'), ['nats nats-4222  no_identity 7']);
    assert.deepEqual(await query('rate-limited'), [`cart cart-http cart-rl ${id('checkout')} 20`]);
    // The allow counted for a real AuthorizationPolicy (900) is not audit traffic.
    assert.deepEqual(await query('audit-allowed'), [`cart cart-http default ${id('batch', 'jobs')} 6`]);
  });

  it('GET …/metrics: the denials, rate limiting and audit-only requests, by Server, route and client', async () => {
    const body = await metrics('cart-live');
    assert.deepEqual(body.errors, []);
    const [cart] = body.policyActivity;
    console.log(`  cart-live policyActivity totals: ${JSON.stringify(cart.totals)}`);
    assert.equal(cart.workload, 'shop/Deployment/cart');
    assert.deepEqual(cart.rows.map((r: any) => [r.kind, r.server, r.route ?? r.rateLimit, r.clientId ?? r.tls, Math.round(r.count)]), [
      ['http-denied', 'server/cart-http', 'default/default', id('scraper', 'tools'), 42],
      ['rate-limited', 'server/cart-http', 'httplocalratelimitpolicy/cart-rl', id('checkout'), 20],
      ['audit-allowed', 'server/cart-http', 'default/default', id('batch', 'jobs'), 6],
    ]);
  });

  it('GET …/metrics: an unreachable Prometheus is named in errors, the rest still answers', async () => {
    const body = await metrics('cart-down');
    assert.deepEqual(body.policyActivity, []);
    assert.ok(body.errors.some((e: any) => e.source === 'prometheus:down' && /policy metrics/.test(e.message)), JSON.stringify(body.errors));
  });
});
