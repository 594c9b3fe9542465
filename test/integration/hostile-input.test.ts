// Bad and hostile input to every route and to the CLI (issue 9): malformed refs, huge and unicode
// names, PromQL-injection attempts in names, annotations and label selectors, invalid windows and
// limits, broken tokens and bodies. Every answer is a 4xx with a message (never a 5xx), and no
// PromQL text sent to Prometheus is new: queries never carry input.
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, REPO, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures, trustAnchorPem } from '../harness/fixtures.ts';

const INJECTION = 'cart"} or vector(1) #';
const HOSTILE_NAMES = [
  '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'a'.repeat(64), 'a'.repeat(5000), '%C3%B1ame', '%F0%9F%92%A5', 'x%0Ay', 'x%00y',
  encodeURIComponent(INJECTION), encodeURIComponent("cart'}"), encodeURIComponent('cart{job="x"}'), '-cart', 'cart-', '%20',
];
const HOSTILE_NAMESPACES = ['Default', 'a_b', '-a', 'x'.repeat(64), '%2e%2e', encodeURIComponent('default"}'), '%C3%BC'];
const HOSTILE_KINDS = ['Compo%20nent', '1component', '%2e%2e', 'k'.repeat(64), encodeURIComponent('component"}')];
const HOSTILE_WINDOWS = ['0m', '59s', '25h', '1d', '-1h', '1e3s', encodeURIComponent('1h) or vector(1'), '', 'abc', '9999999999999999999m', '1h&window=5m', '%F0%9F%92%A5'];
const HOSTILE_LIMITS = ['0', '-1', '1e3', 'abc', '100000', '1.5', '', '1&limit=2'];

/** A raw GET (no URL normalisation): status and parsed body. */
function rawGet(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, res => {
      let text = '';
      res.on('data', d => { text += d; });
      res.on('end', () => {
        let body: any = text;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        ok({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('hostile input to every route', () => {
  let cp: ControlPlane;
  let backend: RunningBackend;
  let prom: http.Server;
  const queries: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-hostile-'));
  const get = (path: string, headers: Record<string, string> = { Authorization: `Bearer ${backend.token}` }) => rawGet(backend.url, `/api/service-mesh${path}`, headers);

  before(async () => {
    cp = await startControlPlane();
    const fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await fx.linkerdControlPlane(trustAnchorPem(365));
    await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
    await fx.deployment('shop', 'cart', ['classic', 'classic']);
    const token = await fx.pluginToken();
    // A Prometheus stand-in that records every query text and answers empty results.
    const port = await freePort();
    prom = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      queries.push(u.searchParams.get('query') ?? '');
      const resultType = u.pathname.endsWith('query_range') ? 'matrix' : 'vector';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: { resultType, result: [] } }));
    }).listen(port, '127.0.0.1');
    const entity = (name: string, annotations: Record<string, string>) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: ${JSON.stringify(annotations)}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`;
    writeFileSync(join(dir, 'catalog.yaml'), [
      entity('cart', { 'backstage.io/kubernetes-id': 'cart' }),
      entity('hostile-id', { 'backstage.io/kubernetes-id': INJECTION }),
      entity('hostile-selector', { 'backstage.io/kubernetes-label-selector': 'app in (cart"}) or vector(1) #' }),
      entity('hostile-selector-2', { 'backstage.io/kubernetes-label-selector': 'app=cart,,=,!' }),
      entity('hostile-namespace', { 'backstage.io/kubernetes-id': 'cart', 'backstage.io/kubernetes-namespace': 'shop"} or vector(1)' }),
    ].join('---\n'));
    backend = await startBackend({
      waitForEntities: ['component:default/cart', 'component:default/hostile-selector-2', 'component:default/orchestrator'],
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({
          metrics: { refreshSeconds: 1 },
          clusters: [
            { name: 'harness', source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, prometheus: { url: `http://127.0.0.1:${port}` } },
            { name: 'homelab', source: 'snapshot', path: join(REPO, 'examples/homelab') },
          ],
        }),
        APP_CONFIG_catalog_locations: JSON.stringify([
          { type: 'file', target: join(dir, 'catalog.yaml') },
          { type: 'file', target: join(REPO, 'examples/org.yaml') },
          { type: 'file', target: join(REPO, 'examples/homelab/catalog/*.yaml') },
        ]),
      },
    });
  });
  after(async () => {
    await backend?.stop();
    prom?.close();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const baseline = new Set<string>();

  it('valid requests: the fixed PromQL texts (the baseline)', async () => {
    for (const path of ['/v1/entities/component/default/cart', '/v1/entities/component/default/cart/metrics?window=5m', '/v1/entities/component/default/cart/metrics', '/v1/entities/component/default/cart/runbook', '/v1/entities', '/v1/groups/default/homelab-ops', '/v1/clusters']) {
      const { status, body } = await get(path);
      assert.equal(status, 200, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    queries.forEach(q => baseline.add(q));
    assert.ok(baseline.size >= 8, `${baseline.size} distinct queries`);
    queries.length = 0;
  });

  it('malformed and hostile refs, windows and limits: 4xx with a message, never 5xx', async t => {
    const paths: string[] = [];
    for (const name of HOSTILE_NAMES) {
      for (const suffix of ['', '/metrics', '/runbook', '/history']) paths.push(`/v1/entities/component/default/${name}${suffix}`);
      paths.push(`/v1/groups/default/${name}`);
    }
    for (const ns of HOSTILE_NAMESPACES) paths.push(`/v1/entities/component/${ns}/cart`, `/v1/groups/${ns}/homelab-ops`);
    for (const kind of HOSTILE_KINDS) paths.push(`/v1/entities/${kind}/default/cart`);
    for (const w of HOSTILE_WINDOWS) paths.push(`/v1/entities/component/default/cart?window=${w}`, `/v1/entities/component/default/cart/metrics?window=${w}`);
    for (const l of HOSTILE_LIMITS) paths.push(`/v1/entities/component/default/cart/history?limit=${l}`);
    paths.push('/v1/entities/component/default', '/v1/entities/component', '/v1/nothing-here', '/v1/entities/component/default/cart/unknown', `/v1/entities/component/default/${'a'.repeat(12000)}`);
    const statuses = new Map<number, number>();
    for (const path of paths) {
      const { status, body } = await get(path);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      assert.ok(status >= 400 && status < 500, `${path.slice(0, 200)} → ${status}`);
      if (status !== 431) assert.ok(typeof body?.error?.message === 'string' && body.error.message.length > 0, `${path.slice(0, 200)}: no message in ${JSON.stringify(body).slice(0, 200)}`);
    }
    t.diagnostic(`${paths.length} hostile requests: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}`);
  });

  it('broken credentials and bodies: 401 or 400, never 5xx', async () => {
    for (const auth of ['', 'Bearer', 'Bearer x', `Bearer ${'x'.repeat(8000)}`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${backend.token}x`]) {
      const { status } = await get('/v1/entities/component/default/cart', auth ? { Authorization: auth } : {});
      assert.equal(status, 401, `Authorization "${auth.slice(0, 20)}"`);
    }
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/cart`, { method: 'GET', headers: { Authorization: `Bearer ${backend.token}`, 'content-type': 'application/json', 'content-length': '9' }, body: undefined });
    assert.equal(res.status, 200);
    const post = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/cart`, { method: 'POST', headers: { Authorization: `Bearer ${backend.token}`, 'content-type': 'application/json' }, body: '{"broken": ' });
    assert.ok(post.status >= 400 && post.status < 500, `POST with a broken body → ${post.status}`);
  });

  it('hostile catalog data (ids, selectors, namespaces) is answered 200 with named errors', async () => {
    const id = await get('/v1/entities/component/default/hostile-id');
    assert.equal(id.status, 200);
    assert.equal(id.body.state, 'no-workloads');
    for (const name of ['hostile-selector', 'hostile-selector-2']) {
      const { status, body } = await get(`/v1/entities/component/default/${name}`);
      assert.equal(status, 200);
      assert.ok(body.errors.some((e: any) => e.source === `entity:component:default/${name}` && /label-selector/.test(e.message)), JSON.stringify(body.errors));
      const metrics = await get(`/v1/entities/component/default/${name}/metrics`);
      assert.equal(metrics.status, 200);
    }
    const ns = await get('/v1/entities/component/default/hostile-namespace/metrics?window=5m');
    assert.equal(ns.status, 200);
    assert.equal(ns.body.series.length, 0);
  });

  it('no query sent to Prometheus during the hostile phase was new: input never reaches PromQL', () => {
    const fresh = [...new Set(queries)].filter(q => !baseline.has(q));
    assert.deepEqual(fresh, []);
    for (const q of baseline) assert.doesNotMatch(q, /vector\(1\)|cart|hostile|shop/);
  });

  it('the backend still serves normally', async () => {
    const { status, body } = await get('/v1/entities/component/default/cart');
    assert.equal(status, 200);
    assert.equal(body.state, 'meshed');
    assert.deepEqual(body.errors, []);
  });
});

describe('hostile input to the CLI and malformed snapshot files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-hostile-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const meshlens = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(REPO, '.yarn/releases/yarn-4.13.0.cjs'), 'meshlens', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('usage errors exit 2 with a message', () => {
    const cases: string[][] = [
      ['assess', '--snapshot', 'examples/homelab', '--entity', ':::'],
      ['assess', '--snapshot', 'examples/homelab', '--entity', 'component:'],
      ['assess', '--snapshot', 'examples/homelab', '--entity', `component:default/${'ñ'.repeat(300)}`],
      ['assess', '--snapshot', 'examples/homelab', '--entity', INJECTION],
      ['assess', '--snapshot', 'examples/homelab', '--format', 'yaml'],
      ['assess', '--snapshot', '/nonexistent/snapshot'],
      ['assess', '--snapshot'],
      ['assess', '--kubeconfig', '/nonexistent/kubeconfig', '--catalog', 'x.yaml'],
      ['assess', '--kubeconfig', '--window', '0m', '--catalog', 'x.yaml'],
      ['snapshot', '--kubeconfig', '--at', 'yesterday', '--out', join(dir, 'x')],
      ['snapshot', '--kubeconfig'],
      ['assess', '--snapshot', 'examples/homelab', 'extra'],
      ['assess', '--snapshot', 'examples/homelab', '--snapshot', 'examples/homelab'],
      ['💥'],
    ];
    for (const args of cases) {
      const { code, err } = meshlens(...args);
      assert.equal(code, 2, `${args.join(' ')} → ${code}: ${err}`);
      assert.match(err, /^meshlens: \S/, args.join(' '));
    }
  });

  it('malformed files are named (path, line) and the rest is still assessed, exit 1', () => {
    cpSync(join(REPO, 'examples/homelab-meshed'), join(dir, 'homelab-meshed'), { recursive: true });
    const snap = join(dir, 'homelab-meshed');
    const clean = JSON.parse(meshlens('assess', '--snapshot', snap).out);
    writeFileSync(join(snap, 'cluster/invalid.yaml'), 'kind: Pod\nmetadata: [unclosed\n');
    writeFileSync(join(snap, 'cluster/unknown-kind.yaml'), 'apiVersion: example.com/v1\nkind: Frobnicator\nmetadata: {name: f}\n');
    writeFileSync(join(snap, 'cluster/not-an-object.yaml'), '- just\n- a list\n');
    writeFileSync(join(snap, 'metrics/truncated.om'), '# TYPE response counter\nresponse_total{direction="inbound"} 1 1795000000\nresponse_total{direction="inb');
    writeFileSync(join(snap, 'catalog/broken.yaml'), 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: [x]}\n');
    writeFileSync(join(snap, 'snapshot.yaml'), 'capturedAt: not-a-date\n');
    const { code, out } = meshlens('assess', '--snapshot', snap);
    assert.equal(code, 1);
    const result = JSON.parse(out);
    const sources = result.errors.map((e: any) => `${e.source}: ${e.message}`).join('\n');
    for (const expected of ['cluster/invalid.yaml', 'cluster/not-an-object.yaml', 'metrics/truncated.om', 'catalog/broken.yaml', 'snapshot.yaml']) assert.match(sources, new RegExp(expected.replace('.', '\\.')), sources);
    assert.match(sources, /truncated\.om: line \d+/);
    assert.equal(result.entities.length, clean.entities.length);
    const orchestrator = result.entities.find((e: any) => e.entityRef === 'component:homelab-meshed/orchestrator');
    assert.equal(orchestrator.state, 'meshed');
  });
});
