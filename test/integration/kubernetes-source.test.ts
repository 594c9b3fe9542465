// The real backend reading a real kube-apiserver (+ etcd) through its watch caches, with the
// token of the restricted ServiceAccount from deploy/rbac.yaml — never the admin token.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures, LINKERD_VERSION, trustAnchorPem } from '../harness/fixtures.ts';
import { kube, kubeRequest } from '../harness/kubeRequest.ts';

const ENTITIES = ['cart', 'checkout', 'legacy', 'pending', 'report', 'nats', 'old-proxy', 'classic-job', 'istio-app', 'hostnet', 'dns'];

describe('kubernetes source on a real apiserver', () => {
  let cp: ControlPlane;
  let backend: RunningBackend;
  let fx: Fixtures;
  let token: string;
  let issuer: { notBefore: string; notAfter: string; renewalTime: string };
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
    // A trust anchor that expires in 20 days: inside linkerd check's 60-day window.
    await fx.linkerdControlPlane(trustAnchorPem(20));
    // The issuer's expiry from a cert-manager Certificate (no Secret read): 300 days, Ready.
    issuer = await fx.certManagerIssuer(300);
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
    // One workload per remaining API-only finding.
    await fx.namespace('other');
    await fx.deployment('shop', 'old-proxy', ['classic'], 'classic', t => { if (t.metadata.annotations) t.metadata.annotations['linkerd.io/proxy-version'] = 'edge-25.9.1'; });
    await fx.cronJob('shop', 'classic-job', 'classic');
    await fx.deployment('other', 'istio-app', ['none'], 'none', t => { t.spec.containers.push({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.0' }); });
    await fx.deployment('other', 'hostnet', ['none'], 'none', t => { t.spec.hostNetwork = true; });
    await fx.deployment('other', 'dns', ['none'], 'none', t => { t.spec.containers[0].ports = [{ containerPort: 53, protocol: 'UDP', name: 'dns' }]; });
    token = await fx.pluginToken();
    const catalog = ENTITIES.map(name => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ${name}, annotations: {backstage.io/kubernetes-id: ${name}}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`).join('---\n');
    writeFileSync(join(dir, 'catalog.yaml'), catalog);
    backend = await startBackend({
      waitForEntities: ENTITIES.map(n => `component:default/${n}`),
      env: {
        // A second cluster that never answers: named in errors[], the healthy one still complete.
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [
          { name: 'harness', source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, controlPlaneNamespace: 'linkerd' },
          { name: 'unreachable', source: 'kubernetes', url: `https://127.0.0.1:${await freePort()}`, serviceAccountToken: token, caFile: cp.caFile },
        ] }),
        APP_CONFIG_catalog_locations: JSON.stringify([{ type: 'file', target: join(dir, 'catalog.yaml') }]),
      },
    });
    // CRDs created a moment ago may answer 429 "storage is (re)initializing": the backend reports
    // that and retries; wait (bounded) until the harness cluster is synced without errors.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
      const harness = ((await res.json()) as any).clusters.find((c: any) => c.name === 'harness');
      if (harness?.synced && harness.errors.length === 0) break;
      if (Date.now() > deadline) throw new Error(`harness cluster not settled after 30 s: ${JSON.stringify(harness?.errors)}`);
      await new Promise(r => setTimeout(r, 250));
    }
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
      assert.deepEqual(r.errors.map((e: any) => e.source), ['cluster:unreachable'], `${name}: ${JSON.stringify(r.errors)}`);
      assert.match(r.errors[0].message, /^unreachable .*ECONNREFUSED/);
      got[name] = [r.state, ...r.workloads.map((w: any) => `${w.kind} ${w.meshedPods}/${w.totalPods}${w.nativeSidecar ? ' native' : ''}`), ...r.findings.map((f: any) => f.code)];
    }
    // The trust anchor expires in 20 days: every entity in the cluster carries that finding.
    assert.deepEqual(got, {
      cart: ['meshed', 'Deployment 2/2', 'certificate-expiring'],
      checkout: ['partial', 'Deployment 1/2', 'certificate-expiring', 'injection-pending-restart'],
      legacy: ['unmeshed', 'Deployment 0/1', 'certificate-expiring'],
      pending: ['unmeshed', 'Deployment 0/1', 'certificate-expiring', 'injection-pending-restart'],
      // CronJobs between runs: their Succeeded pods are not counted (linkerd2 controller/k8s/api.go
      // isPendingOrRunning), the state and sidecar are the last run's.
      report: ['meshed', 'CronJob 0/0 native', 'certificate-expiring'],
      nats: ['meshed', 'StatefulSet 3/3', 'certificate-expiring', 'opaque-ports-required'],
      'old-proxy': ['meshed', 'Deployment 1/1', 'certificate-expiring', 'proxy-version-drift'],
      'classic-job': ['meshed', 'CronJob 0/0', 'certificate-expiring', 'native-sidecar-recommended'],
      'istio-app': ['unmeshed', 'Deployment 0/1', 'certificate-expiring', 'other-mesh-present'],
      hostnet: ['unmeshed', 'Deployment 0/1', 'certificate-expiring', 'host-network-unsupported'],
      dns: ['unmeshed', 'Deployment 0/1', 'certificate-expiring', 'udp-not-proxied'],
    });
    const cart = await report('cart');
    assert.deepEqual(cart.clusters.map((c: any) => [c.name, c.linkerdInstalled, c.linkerdVersion, c.controlPlaneHealthy, c.defaultInboundPolicy, c.trustAnchors[0].subject]), [
      ['harness', true, LINKERD_VERSION, true, 'all-unauthenticated', 'CN=root.linkerd.cluster.local'],
    ]);
    assert.equal(cart.workloads[0].defaultInboundPolicy, 'all-unauthenticated');
    assert.deepEqual(cart.workloads[0].policy, {
      servers: [{ name: 'cart-http', port: '8080', proxyProtocol: 'HTTP/1' }],
      authorizationPolicies: [{ name: 'cart-authz', target: 'Server/cart-http', authentications: ['MeshTLSAuthentication/cart-clients'] }],
      httpRoutes: [{ name: 'cart-route', group: 'policy.linkerd.io', parent: 'Server/cart-http', retries: '5xx', timeout: '2s', backends: [] }],
      rateLimits: [],
    });
  });

  it('lists the clusters with sync state, control plane, certificates and counts', async () => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
    const { clusters } = (await res.json()) as any;
    const [harness, unreachable] = clusters;
    assert.deepEqual([harness.name, harness.source, harness.synced, harness.linkerdVersion, harness.controlPlaneHealthy, harness.injectorWebhookPresent, harness.highAvailability, harness.policyCrdsServed], ['harness', 'kubernetes', true, LINKERD_VERSION, true, true, false, true]);
    assert.deepEqual(harness.counts, { namespaces: 4, workloads: 14, meshedWorkloads: 8, pods: 16, meshedPods: 10 });
    assert.deepEqual(harness.findings.map((f: any) => f.code), ['certificate-expiring']);
    // Watched as a discovered custom kind with the read-only role, status kept (issue 13 item 9).
    assert.deepEqual(harness.issuerCertificate, { source: 'cert-manager', certificate: 'linkerd/linkerd-identity-issuer', notBefore: issuer.notBefore, notAfter: issuer.notAfter, renewalTime: issuer.renewalTime, ready: true });
    assert.deepEqual([unreachable.name, unreachable.synced, unreachable.errors.length], ['unreachable', false, 1]);
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

  const waitFor = async (name: string, check: (r: any) => boolean) => {
    const started = Date.now();
    let r = await report(name);
    while (!check(r) && Date.now() - started < 5000) {
      await new Promise(res => setTimeout(res, 100));
      r = await report(name);
    }
    assert.ok(check(r), `${name} did not change within 5 s: ${JSON.stringify(r.findings.map((f: any) => f.code))}`);
    return Date.now() - started;
  };

  it('follows changes through the watch: an annotation added, a control plane turning unhealthy', async () => {
    await kube(admin(), 'PATCH', '/api/v1/namespaces/legacy', { metadata: { annotations: { 'linkerd.io/inject': 'enabled' } } });
    await waitFor('legacy', r => r.findings.some((f: any) => f.code === 'injection-pending-restart'));
    await kube(admin(), 'PATCH', '/apis/apps/v1/namespaces/linkerd/deployments/linkerd-identity/status', { status: { readyReplicas: 0, availableReplicas: 0 } });
    await waitFor('cart', r => r.findings.some((f: any) => f.code === 'control-plane-unhealthy' && /linkerd-identity 0\/1/.test(f.message)));
    await kube(admin(), 'PATCH', '/apis/apps/v1/namespaces/linkerd/deployments/linkerd-identity/status', { status: { readyReplicas: 1, availableReplicas: 1 } });
    await waitFor('cart', r => !r.findings.some((f: any) => f.code === 'control-plane-unhealthy'));
    await kube(admin(), 'POST', '/apis/policy.linkerd.io/v1beta3/namespaces/shop/servers', {
      apiVersion: 'policy.linkerd.io/v1beta3', kind: 'Server', metadata: { name: 'checkout-http', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'checkout' } }, port: 8080, proxyProtocol: 'HTTP/2' },
    });
    const ms = await waitFor('checkout', r => r.workloads[0].policy?.servers?.[0]?.name === 'checkout-http');
    console.log(`a new Server showed in the report after ${ms} ms`);
  });

  it('steady state: 100 entity requests cause no LIST or GET of the watched kinds', async () => {
    const watched = ['namespaces', 'nodes', 'pods', 'services', 'configmaps', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'mutatingwebhookconfigurations', 'servers', 'authorizationpolicies', 'httproutes'];
    const calls = async () => {
      const counts = await cp.requestCounts();
      return watched.reduce((n, r) => n + (counts.get(`LIST ${r}`) ?? 0) + (counts.get(`GET ${r}`) ?? 0), 0);
    };
    const before = await calls();
    for (let i = 0; i < 100; i++) await report(ENTITIES[i % ENTITIES.length]);
    assert.equal((await calls()) - before, 0);
  });

  it('SelfSubjectRulesReview: the plugin\'s effective rights have no write verb and no Secrets', async t => {
    const as = { url: cp.url, ca: cp.ca, token };
    // Granted to every authenticated user by Kubernetes' bootstrap roles: asking who you are.
    const selfReviews = new Set(['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews']);
    for (const namespace of ['shop', 'linkerd']) {
      const res = await kubeRequest(as, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const rules = (res.body as any).status.resourceRules as Array<{ verbs: string[]; apiGroups?: string[]; resources?: string[] }>;
      const own = rules.filter(r => !(r.resources ?? []).every(x => selfReviews.has(x)));
      const verbs = new Set(own.flatMap(r => r.verbs));
      const resources = own.flatMap(r => r.resources ?? []);
      t.diagnostic(`${namespace}: ${own.length} rules, verbs {${[...verbs].join(',')}}, ${resources.length} resources`);
      assert.deepEqual([...verbs].sort(), ['get', 'list', 'watch']);
      assert.ok(!resources.includes('secrets') && !resources.includes('*'), resources.join(','));
      assert.equal(resources.includes('configmaps'), namespace === 'linkerd', `configmaps readable in ${namespace}: ${resources.includes('configmaps')}`);
      for (const kind of ['pods', 'deployments', 'replicasets', 'mutatingwebhookconfigurations', 'servers']) assert.ok(resources.includes(kind), kind);
    }
  });

  it('the plugin token is read-only and cannot read Secrets', async () => {
    const as = { url: cp.url, ca: cp.ca, token };
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/shop/secrets')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/secrets')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/shop/configmaps')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/api/v1/namespaces/linkerd/configmaps')).status, 200);
    assert.equal((await kubeRequest(as, 'DELETE', '/api/v1/namespaces/shop/pods/cart-63617274-p0')).status, 403);
    assert.equal((await kubeRequest(as, 'GET', '/apis/policy.linkerd.io/v1beta3/namespaces/shop/servers')).body.items.length, 2);
    assert.equal((await kubeRequest(as, 'GET', '/apis/policy.linkerd.io/v1alpha1/authorizationpolicies')).status, 200);
  });

  it('recovers by itself after the apiserver is stopped and started again', async () => {
    const workloads = async () => {
      const res = await fetch(`${backend.url}/api/service-mesh/v1/clusters`, { headers: { Authorization: `Bearer ${backend.token}` } });
      return ((await res.json()) as any).clusters[0].counts.workloads as number;
    };
    const before = await workloads();
    await cp.restartApiserver();
    await fx.deployment('shop', 'after-restart', ['classic']);
    const catalogless = async () => {
      const r = await report('cart');
      return r.errors.filter((e: any) => e.source.startsWith('cluster:harness')).length === 0;
    };
    const started = Date.now();
    let objects = 0;
    while (Date.now() - started < 45_000) {
      objects = await workloads();
      if (objects === before + 1 && (await catalogless())) break;
      await new Promise(r => setTimeout(r, 250));
    }
    assert.equal(objects, before + 1, 'the deployment created after the restart did not appear');
    assert.ok(await catalogless(), 'the harness cluster still reports errors');
    console.log(`recovered ${Date.now() - started} ms after the apiserver came back`);
  });
});
