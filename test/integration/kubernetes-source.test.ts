// The real backend reading a real kube-apiserver (+ etcd) through its watch caches, with the
// token of the restricted ServiceAccount from deploy/rbac.yaml — never the admin token.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures, LINKERD_VERSION } from '../harness/fixtures.ts';
import { kube, kubeRequest } from '../harness/kubeRequest.ts';

const ENTITIES = ['cart', 'checkout', 'legacy', 'pending', 'report', 'nats'];

function trustAnchor(dir: string): string {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.crt'), '-days', '365', '-subj', '/CN=root.linkerd.cluster.local'], { stdio: 'ignore' });
  return readFileSync(join(dir, 'ca.crt'), 'utf8');
}

describe('kubernetes source on a real apiserver', () => {
  let cp: ControlPlane;
  let backend: RunningBackend;
  let fx: Fixtures;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-it-'));
  const admin = () => ({ url: cp.url, ca: cp.ca, token: cp.adminToken });
  const report = async (name: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/entities/component/default/${name}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };

  before(async () => {
    cp = await startControlPlane();
    fx = new Fixtures(admin());
    await fx.crds();
    await fx.linkerdControlPlane(trustAnchor(dir));
    await fx.namespace('shop', { 'linkerd.io/inject': 'enabled' });
    await fx.namespace('legacy');
    await fx.deployment('shop', 'cart', ['classic', 'classic']);
    await fx.deployment('shop', 'checkout', ['classic', 'none']);
    await fx.deployment('shop', 'pending', ['none'], 'none');
    await fx.deployment('legacy', 'legacy', ['none']);
    await fx.cronJob('shop', 'report', 'native');
    await fx.statefulSet('shop', 'nats', ['classic', 'classic', 'classic'], [4222, 6222, 8222]);
    await fx.service('shop', 'cart', [{ port: 8080, appProtocol: 'http' }]);
    await fx.service('shop', 'nats', [{ port: 4222 }, { port: 6222 }, { port: 8222 }]);
    await fx.policy('shop', 'cart', 8080, ['checkout']);
    token = await fx.pluginToken();
    const catalog = ENTITIES.map(name => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${name}, annotations: {backstage.io/kubernetes-id: ${name}}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n');
    writeFileSync(join(dir, 'catalog.yaml'), catalog);
    backend = await startBackend({
      waitForEntities: ENTITIES.map(n => `component:default/${n}`),
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [{ name: 'harness', source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, controlPlaneNamespace: 'linkerd' }] }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
  });
  after(async () => {
    await backend?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`runs a real apiserver`, () => {
    assert.match(cp.version, /^v1\.3[56]\./);
  });

  it('reports meshed, partial and unmeshed workloads from real API objects', async () => {
    const got: Record<string, unknown> = {};
    for (const name of ENTITIES) {
      const r = await report(name);
      assert.deepEqual(r.errors, [], `${name}: ${JSON.stringify(r.errors)}`);
      got[name] = [r.state, ...r.workloads.map((w: any) => `${w.kind} ${w.meshedPods}/${w.totalPods}${w.nativeSidecar ? ' native' : ''}`), ...r.findings.map((f: any) => f.code)];
    }
    assert.deepEqual(got, {
      cart: ['meshed', 'Deployment 2/2'],
      checkout: ['partial', 'Deployment 1/2', 'injection-pending-restart'],
      legacy: ['unmeshed', 'Deployment 0/1'],
      pending: ['unmeshed', 'Deployment 0/1', 'injection-pending-restart'],
      report: ['meshed', 'CronJob 1/1 native'],
      nats: ['meshed', 'StatefulSet 3/3'],
    });
    const cart = await report('cart');
    assert.deepEqual(cart.clusters, [{ name: 'harness', linkerdInstalled: true, linkerdVersion: LINKERD_VERSION, controlPlaneNamespace: 'linkerd' }]);
  });

  it('follows changes through the watch: a restarted workload becomes meshed', async () => {
    await kube(admin(), 'DELETE', '/api/v1/namespaces/shop/pods/checkout-636865636b-p1?gracePeriodSeconds=0');
    let state = '';
    for (let i = 0; i < 100 && state !== 'meshed'; i++) {
      state = (await report('checkout')).state;
      if (state !== 'meshed') await new Promise(r => setTimeout(r, 100));
    }
    assert.equal(state, 'meshed');
  });

  it('the plugin token is read-only and cannot read Secrets', async () => {
    const as = { url: cp.url, ca: cp.ca, token };
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/shop/secrets')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/secrets')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/shop/configmaps')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/linkerd/configmaps')).status, 200);
    assert.equal((await kubeRequest(as, 'DELETE', '/api/v1/namespaces/shop/pods/cart-63617274-p0')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/apis/policy.linkerd.io/v1beta3/namespaces/shop/servers')).body.items.length, 1);
    assert.equal((await kubeRequest(as, 'GET', '/apis/policy.linkerd.io/v1alpha1/authorizationpolicies')).status, 200);
  });
});
