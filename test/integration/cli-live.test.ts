// The offline command against a live cluster (product.md §6): `meshlens snapshot` captures the
// harness apiserver (with the plugin's read-only ServiceAccount) and a real Prometheus into a
// snapshot directory; `assess --snapshot` on it and `assess --kubeconfig` give the traffic
// model's numbers; Secrets are never captured; an unreachable cluster is named, exit 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, REPO } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { kube } from '../harness/kubeRequest.ts';
import { toOpenMetrics } from '../../examples/traffic/openMetrics.ts';
import { AT, cart, expectedGolden, shopModel, webToCart, deployShop } from '../support/shopTraffic.ts';
import { startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';

const model = shopModel([webToCart]);

const meshlens = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(REPO, '.yarn/releases/yarn-4.13.0.cjs'), 'meshlens', ...args], { cwd: REPO, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function kubeconfig(server: string, caFile: string, token: string): string {
  return [
    'apiVersion: v1', 'kind: Config', 'current-context: harness',
    'clusters:', `- name: harness`, `  cluster: {server: "${server}", certificate-authority: "${caFile}"}`,
    'users:', '- name: meshlens', `  user: {token: "${token}"}`,
    'contexts:', '- name: harness', '  context: {cluster: harness, user: meshlens}', '',
  ].join('\n');
}

describe('meshlens snapshot and assess --kubeconfig on a live cluster', () => {
  let cp: ControlPlane;
  let prom: RunningPrometheus;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-cli-live-'));
  const kc = join(dir, 'kubeconfig.yaml');
  const catalog = join(dir, 'catalog.yaml');

  before(async () => {
    cp = await startControlPlane();
    const admin = { url: cp.url, ca: cp.ca, token: cp.adminToken };
    const fx = new Fixtures(admin);
    await deployShop(fx);
    await kube(admin, 'POST', '/api/v1/namespaces/shop/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-password' }, stringData: { password: 'hunter2' } });
    await kube(admin, 'POST', '/api/v1/namespaces/shop/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-settings' }, data: { mode: 'shop-private' } });
    writeFileSync(kc, kubeconfig(cp.url, cp.caFile, await fx.pluginToken()));
    prom = await startPrometheus(toOpenMetrics(model));
    writeFileSync(catalog, ['web', 'cart'].map(n => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${n}\n  annotations: {backstage.io/kubernetes-id: ${n}}\nspec: {type: service, lifecycle: production, owner: group:default/shop-team}\n`).join('---\n'));
  });
  after(async () => {
    await prom?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const assertCart = (result: any) => {
    const c = result.entities.find((e: any) => e.entityRef === 'component:default/cart');
    assert.equal(c.state, 'meshed');
    assert.deepEqual(c.workloads.map((w: any) => [w.cluster, w.name, w.meshedPods, w.totalPods]), [[c.workloads[0].cluster, 'cart', 3, 3]]);
    const near = (got: number, want: number) => assert.ok(Math.abs(got - want) <= want * 0.02, `${got} vs ${want}`);
    // web's calls plus cart's own probes and scrapes, as viz stat counts them.
    const want = expectedGolden(cart, [webToCart]);
    near(c.goldenMetrics.successRate, want.successRate);
    near(c.goldenMetrics.rps, want.rps);
    near(c.goldenMetrics.latencyMs.p95, want.latencyMs.p95);
    assert.equal(c.mtls.inboundTlsRatio, 1);
    assert.equal(c.adoption.recommendation, 'already-meshed');
  };

  it('snapshot: writes cluster lists, catalog, metrics and capturedAt, never Secrets', t => {
    const out = join(dir, 'shop-cluster');
    const { code, out: stdout, err } = meshlens('snapshot', '--kubeconfig', kc, '--prometheus', prom.url, '--window', '1h', '--at', String(AT), '--catalog', catalog, '--out', out);
    assert.equal(code, 0, err + stdout);
    const summary = JSON.parse(stdout);
    t.diagnostic(`captured ${summary.objects} objects and ${summary.series} series`);
    assert.deepEqual(summary.errors, []);
    assert.ok(summary.series > 0);
    const files = readdirSync(join(out, 'cluster'));
    assert.ok(files.includes('pods.yaml') && files.includes('configmaps.yaml') && files.includes('deployments.yaml'), files.join(','));
    const all = files.map(f => readFileSync(join(out, 'cluster', f), 'utf8')).join('\n');
    assert.doesNotMatch(all, /kind: Secret|hunter2|db-password/);
    assert.doesNotMatch(all, /shop-private/, 'ConfigMaps outside the control-plane namespace are not read');
    assert.match(all, /linkerd-identity-trust-roots/);
    assert.match(readFileSync(join(out, 'metrics/prometheus.om'), 'utf8'), /# EOF\n$/);
    assert.match(readFileSync(join(out, 'snapshot.yaml'), 'utf8'), new RegExp(`capturedAt: ${new Date(AT * 1000).toISOString()}`));
    assert.ok(existsSync(join(out, 'catalog/0-catalog.yaml')));
  });

  it('assess --snapshot on the capture gives the model\'s numbers', () => {
    const { code, out, err } = meshlens('assess', '--snapshot', join(dir, 'shop-cluster'));
    assert.equal(code, 0, err);
    const result = JSON.parse(out);
    assert.deepEqual(result.errors, []);
    assertCart(result);
  });

  it('assess --kubeconfig reads the live cluster and Prometheus the same way', () => {
    const { code, out, err } = meshlens('assess', '--kubeconfig', kc, '--prometheus', prom.url, '--at', String(AT), '--catalog', catalog, '--entity', 'component:default/cart');
    assert.equal(code, 0, err);
    const result = JSON.parse(out);
    assert.equal(result.entities.length, 1);
    assertCart(result);
  });

  it('an unreachable cluster is named in errors[], exit 1; a non-empty --out is a usage error', async () => {
    const closed = join(dir, 'closed.yaml');
    writeFileSync(closed, kubeconfig(`https://127.0.0.1:${await freePort()}`, cp.caFile, 'x'));
    const { code, out } = meshlens('assess', '--kubeconfig', closed, '--catalog', catalog);
    assert.equal(code, 1);
    const result = JSON.parse(out);
    assert.ok(result.errors.some((e: any) => e.source.endsWith('/Pod') && /ECONNREFUSED|connect/.test(e.message)), JSON.stringify(result.errors));
    const web = result.entities.find((e: any) => e.entityRef === 'component:default/web');
    assert.equal(web.state, 'no-workloads');
    const again = meshlens('snapshot', '--kubeconfig', kc, '--out', join(dir, 'shop-cluster'));
    assert.equal(again.code, 2);
    assert.match(again.err, /exists and is not empty/);
  });
});
