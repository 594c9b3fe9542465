// Golden metrics, mTLS and callers (meshed, and Traefik unmeshed) end to end: a traffic model →
// OpenMetrics → a real Prometheus (live cluster on the harness apiserver) and the same file in a
// snapshot; both must give the model's numbers. Prometheus down, slow or broken must not take the Kubernetes status with it.
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { kube } from '../harness/kubeRequest.ts';
import { toOpenMetrics } from '../../examples/traffic/openMetrics.ts';
import { AT, cart, expectedGolden, shopModel, traefikToWeb, webToCart, deployShop } from '../support/shopTraffic.ts';
import { metricsQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/metricsQueries.ts';
import { startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';

// The issuer expires 30 days after the evaluation time: inside linkerd check's 60-day window.
// Samples every 10 s, as viz's Prometheus scrapes (global scrape_interval 10s in
// viz/charts/linkerd-viz/values.yaml; job linkerd-proxy in templates/prometheus.yaml).
// Traefik (unmeshed, in kube-system) forwards to web's Service and exports its own per-service
// counter for it (traefik/traefik `pkg/metrics/prometheus.go`: traefik_service_requests_total,
// backend `<ns>-<svc>-<port>@kubernetes` from `pkg/provider/kubernetes/ingress/kubernetes.go`).
// The Fixtures name Traefik's pod `traefik-<hex of the name>-p0` and web's Service port `p8080`.
const TRAEFIK_POD = `traefik-${Buffer.from('traefik').toString('hex').slice(0, 10)}-p0`;
const traefikWithMetrics = { ...traefikToWeb, from: { unmeshed: 'traefik', ingressMetrics: { namespace: 'kube-system', pod: TRAEFIK_POD, service: 'shop-web-p8080@kubernetes' } } };
const model = shopModel([webToCart, traefikWithMetrics], { issuerTtlSeconds: 5400 + 30 * 86400, stepSeconds: 10 });
// The Prometheus's own configuration, as `/api/v1/status/config` shows it: the linkerd-proxy
// job's interval overrides the global one.
const PROMETHEUS_CONFIG = 'global: {scrape_interval: 1m}\nscrape_configs:\n- job_name: linkerd-proxy\n  scrape_interval: 10s\n  static_configs: []\n';
const CLUSTERS = ['live', 'snap', 'down', 'slow', 'broken'];

describe('golden metrics and mTLS from Prometheus and from a snapshot', () => {
  let cp: ControlPlane;
  let prom: RunningPrometheus;
  let backend: RunningBackend;
  let slow: http.Server;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-metrics-'));
  const get = async (name: string, query = '') => {
    const started = Date.now();
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/${name}${query}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
  };
  const queriesServed = async () => {
    const text = await (await fetch(`${prom.url}/metrics`)).text();
    return text.split('\n').filter(l => l.startsWith('prometheus_http_requests_total{') && l.includes('handler="/api/v1/query"'))
      .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
  };

  before(async () => {
    cp = await startControlPlane();
    const admin = { url: cp.url, ca: cp.ca, token: cp.adminToken };
    const fx = new Fixtures(admin);
    await deployShop(fx);
    await fx.service('shop', 'web', [{ port: 8080 }]);
    await fx.deployment('kube-system', 'traefik', ['none']);
    const token = await fx.pluginToken();
    const om = toOpenMetrics(model);
    prom = await startPrometheus(om, { config: PROMETHEUS_CONFIG });
    // The same cluster and samples as a snapshot directory.
    mkdirSync(join(dir, 'snap/cluster'), { recursive: true });
    mkdirSync(join(dir, 'snap/metrics'), { recursive: true });
    for (const [file, path] of [['namespaces', '/api/v1/namespaces'], ['pods', '/api/v1/namespaces/shop/pods'], ['deployments', '/apis/apps/v1/namespaces/shop/deployments'], ['replicasets', '/apis/apps/v1/namespaces/shop/replicasets'], ['linkerd-deployments', '/apis/apps/v1/namespaces/linkerd/deployments'], ['linkerd-configmaps', '/api/v1/namespaces/linkerd/configmaps'],
      ['services', '/api/v1/namespaces/shop/services'], ['kube-system-pods', '/api/v1/namespaces/kube-system/pods'], ['kube-system-deployments', '/apis/apps/v1/namespaces/kube-system/deployments'], ['kube-system-replicasets', '/apis/apps/v1/namespaces/kube-system/replicasets']]) {
      writeFileSync(join(dir, `snap/cluster/${file}.json`), JSON.stringify(await kube(admin, 'GET', path)));
    }
    writeFileSync(join(dir, 'snap/metrics/traffic.om'), om);
    writeFileSync(join(dir, 'snap/snapshot.yaml'), `capturedAt: ${new Date(AT * 1000).toISOString()}\n`);
    // A Prometheus that answers too late, and one that answers garbage.
    const slowPort = await freePort();
    slow = http.createServer((req, res) => {
      if (req.url?.includes('broken')) { res.writeHead(500); res.end('<html>oops</html>'); return; }
      setTimeout(() => { res.writeHead(200); res.end('{}'); }, 3000).unref();
    }).listen(slowPort, '127.0.0.1');
    // 500 ms for the failing Prometheus stand-ins (bounded answers); the real one gets 5 s, as a
    // query batch over two hours of 10 s samples can take longer on a loaded machine.
    const kubernetes = (name: string, url: string, timeoutMs = 500) => ({ name, source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, prometheus: { url, timeoutMs, evaluationTime: AT } });
    const entities = [
      ...CLUSTERS.map(c => ['cart', c]), ['web', 'live'], ['web', 'snap'], ['traefik', 'live'], ['traefik', 'snap'],
      ...Array.from({ length: 49 }, (_, i) => [`cart`, `live`, `cart-copy-${i}`]),
    ].map(([id, cluster, name]) => ({ name: name ?? `${id}-${cluster}`, id, cluster }));
    const catalog = entities.map(e => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${e.name}\n  annotations: {backstage.io/kubernetes-id: ${e.id}, backstage.io/kubernetes-cluster: ${e.cluster}${e.name === 'web-live' ? ', meshlens.io/ingress-facing: "true"' : ''}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n');
    writeFileSync(join(dir, 'catalog.yaml'), catalog);
    backend = await startBackend({
      waitForEntities: entities.map(e => `component:default/${e.name}`),
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({
          metrics: { window: '1h', refreshSeconds: 600 },
          clusters: [
            kubernetes('live', prom.url, 5000), kubernetes('down', `http://127.0.0.1:${await freePort()}`),
            kubernetes('slow', `http://127.0.0.1:${slowPort}`), kubernetes('broken', `http://127.0.0.1:${slowPort}/broken`),
            { name: 'snap', source: 'snapshot', path: join(dir, 'snap') },
          ],
        }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
  });
  after(async () => {
    await backend?.stop();
    await prom?.stop();
    await cp?.stop();
    slow?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('live: the report matches the model (success rate, RPS, p95 within 2 %, mTLS exactly)', async () => {
    const { body } = await get('cart-live');
    assert.deepEqual(body.errors, []);
    const g = body.goldenMetrics;
    const near = (got: number, want: number) => assert.ok(Math.abs(got - want) <= want * 0.02, `${got} vs ${want}`);
    // viz stat counts every inbound request: web's 10 rps plus cart's own probes and scrapes (1.5 rps).
    const want = expectedGolden(cart, model.edges);
    near(g.successRate, want.successRate); near(g.rps, want.rps); near(g.latencyMs.p95, want.latencyMs.p95); near(g.latencyMs.p50, want.latencyMs.p50); near(g.latencyMs.p99, want.latencyMs.p99);
    // The mTLS share leaves probes and admin traffic out: every caller is meshed. They are shown apart.
    assert.deepEqual(body.mtls.excluded.map((e: any) => [e.kind, Math.round(e.requests)]), [['probe', 4320], ['admin', 1080]]);
    assert.equal(body.mtls.inboundTlsRatio, 1);
    assert.deepEqual(body.mtls.byClient.map((c: any) => [c.clientId, c.share]), [['web.shop.serviceaccount.identity.linkerd.cluster.local', 1]]);
    assert.deepEqual(body.findings.map((f: any) => [f.code, f.cluster]), [['certificate-expiring', 'live']]);
    assert.match(body.findings[0].message, /identity issuer certificate expires on .* \(in 30 days/);
    assert.deepEqual(body.mtls.crypto, { suites: ['TLS13_AES_128_GCM_SHA256', 'TLS13_AES_256_GCM_SHA384', 'TLS13_CHACHA20_POLY1305_SHA256'], kxGroups: ['X25519MLKEM768', 'X25519', 'secp256r1', 'secp384r1'], postQuantumPreferred: true, fips: false });
  });

  it('snapshot: the same OpenMetrics file gives the same numbers as Prometheus (within 1 %)', async () => {
    const live = (await get('cart-live')).body;
    const snap = (await get('cart-snap')).body;
    assert.deepEqual(snap.errors, []);
    for (const k of ['successRate', 'rps']) assert.ok(Math.abs(snap.goldenMetrics[k] - live.goldenMetrics[k]) <= live.goldenMetrics[k] * 0.01, k);
    for (const k of ['p50', 'p95', 'p99']) assert.ok(Math.abs(snap.goldenMetrics.latencyMs[k] - live.goldenMetrics.latencyMs[k]) <= live.goldenMetrics.latencyMs[k] * 0.01, k);
    assert.deepEqual(snap.mtls, live.mtls);
    assert.deepEqual(snap.findings.map((f: any) => f.code), ['certificate-expiring']);
  });

  it('plaintext from the ingress is expected for an ingress-facing entity, a finding otherwise', async () => {
    const marked = (await get('web-live')).body;
    assert.equal(marked.mtls.inboundTlsRatio, 0);
    assert.deepEqual(marked.mtls.plaintext.map((p: any) => [p.reason, p.share, p.expected]), [['no_tls_from_remote', 1, true]]);
    assert.ok(!marked.findings.some((f: any) => f.code === 'plaintext-inbound'));
    const unmarked = (await get('web-snap')).body;
    assert.ok(unmarked.findings.some((f: any) => f.code === 'plaintext-inbound'));
  });

  it('Prometheus down, slow or broken: Kubernetes status intact, the failure named, bounded time', async () => {
    for (const cluster of ['down', 'slow', 'broken']) {
      const { status, body, ms } = await get(`cart-${cluster}`);
      assert.equal(status, 200);
      assert.equal(body.state, 'meshed');
      assert.equal(body.goldenMetrics, undefined);
      assert.equal(body.errors.length, 1, JSON.stringify(body.errors));
      assert.equal(body.errors[0].source, `prometheus:${cluster}`);
      assert.ok(ms < 3000, `${cluster} took ${ms} ms`);
    }
  });

  it('the metrics route: time series, and callers and callees named by catalog entity', async () => {
    for (const name of ['cart-live', 'cart-snap']) {
      const { status, body } = await get(`${name}/metrics`);
      assert.equal(status, 200);
      assert.equal(body.windowSeconds, 3600);
      assert.equal(body.series.length, 60);
      const want = expectedGolden(cart, model.edges);
      assert.ok(body.series.every((p: any) => Math.abs(p.rps - want.rps) < 0.2 && Math.abs(p.successRate - want.successRate) < 0.002), `${name}: ${JSON.stringify(body.series.slice(0, 2))}`);
      assert.deepEqual(body.callers.map((e: any) => [e.peer, e.security, e.serverId, Math.round(e.rps), e.latencyMs.p95]), [
        ['shop/Deployment/web', 'mtls', 'cart.shop.serviceaccount.identity.linkerd.cluster.local', 10, 40],
      ]);
      assert.equal(body.callers[0].peerEntityRef, `component:default/web-${name.split('-')[1]}`);
      assert.deepEqual(body.callees, []);
    }
    const web = (await get('web-live/metrics')).body;
    assert.deepEqual(web.callees.map((e: any) => [e.peer, e.security, Math.round(e.rps * 100) / 100]), [['shop/Deployment/cart', 'mtls', 10]]);
    assert.match(web.callees[0].peerEntityRef, /^component:default\/cart-/);
  });

  it("unmeshed callers: Traefik → web in plaintext from web's inbound metrics, named by Traefik's own series", async () => {
    // Traefik has no proxy, so no outbound metrics: web's callers get it from web's inbound
    // plaintext (probes and admin-port scrapes left out), live and from the snapshot alike.
    for (const cluster of ['live', 'snap']) {
      const { status, body } = await get(`web-${cluster}/metrics`);
      assert.equal(status, 200);
      assert.deepEqual(body.errors, []);
      const unmeshed = body.callers.filter((e: any) => e.meshed === false);
      assert.deepEqual(
        unmeshed.map((e: any) => [e.peer, e.peerKind, e.workload, e.security, e.protocol, Math.round(e.rps * 100) / 100, e.successRate, e.noTlsReason, e.clientId, e.latencyMs]),
        [['kube-system/Deployment/traefik', 'ingress', 'shop/Deployment/web', 'plaintext', 'http', traefikToWeb.rps, 1, 'no_tls_from_remote', undefined, undefined]],
        cluster,
      );
      assert.equal(unmeshed[0].peerEntityRef, `component:default/traefik-${cluster}`);
    }
    // cart's only plaintext is its probes and scrapes: no unmeshed caller.
    for (const cluster of ['live', 'snap']) {
      const { body } = await get(`cart-${cluster}/metrics`);
      assert.deepEqual(body.callers.map((e: any) => [e.peer, e.meshed]), [['shop/Deployment/web', undefined]]);
    }
  });

  it('5m and 15m series have a value at every step with 10 s scrapes (no empty points drawn as 0)', async () => {
    // The step is 15 s; with a 15 s increase() range, 10 s scrapes leave one sample in every
    // other range, and Prometheus (and the snapshot evaluator) give nothing there.
    for (const name of ['cart-live', 'cart-snap']) {
      for (const [window, points] of [['5m', 20], ['15m', 60]] as const) {
        const { status, body } = await get(`${name}/metrics`, `?window=${window}`);
        assert.equal(status, 200);
        const want = expectedGolden(cart, model.edges);
        const bad = body.series.filter((p: any) => p.rps === null || Math.abs(p.rps - want.rps) > 0.2 || Math.abs(p.successRate - want.successRate) > 0.002);
        assert.equal(body.series.length, points, `${name} ${window}: ${body.series.length} points`);
        assert.deepEqual(bad, [], `${name} ${window}`);
      }
    }
  });

  it('the metrics route validates the window', async () => {
    const bad = await get('cart-live/metrics', '?window=forever');
    assert.equal(bad.status, 400);
    assert.equal((await get('cart-live/metrics', '?window=25h')).status, 400);
    const ok = await get('cart-live/metrics', '?window=30m');
    assert.equal(ok.status, 200);
    assert.ok(Math.abs(ok.body.goldenMetrics.rps - expectedGolden(cart, model.edges).rps) < 0.2);
  });

  it('queries per cycle do not depend on the number of entities viewed', async () => {
    // A window no earlier test used, so this cycle starts here.
    const before = await queriesServed();
    await get('cart-copy-0', '?window=45m');
    const forOne = (await queriesServed()) - before;
    await Promise.all(Array.from({ length: 49 }, (_, i) => get(`cart-copy-${i}`, '?window=45m')));
    const forFifty = (await queriesServed()) - before;
    assert.equal(forOne, Object.keys(metricsQueries(2700)).length);
    assert.equal(forFifty, forOne);
  });
});
