// Multi-cluster and mesh expansion on the harness apiserver and a real Prometheus.
// Objects: the 2.19 CRDs (test/fixtures/linkerd-2.19/crds: multicluster-link.yaml, external-workload.yaml), a
// Link as `linkerd multicluster link` writes it, a mirror Service labelled as the service mirror labels it
// (linkerd2 edge-25.10.7 multicluster/service-mirror/cluster_watcher.go), a federated Service, an exported
// Service (`mirror.linkerd.io/exported=true`, multicluster/cmd/link.go) and an ExternalWorkload whose Ready
// condition is set through the status subresource (controller/api/destination/external-workload/controller_util.go).
// Metrics backfilled with their real names and labels: the service mirror's gateway_alive, gateway_enabled,
// gateway_latency and gateway_probe_latency_ms by target_cluster_name (multicluster/service-mirror/metrics.go),
// scraped by viz's `linkerd-multicluster-controller` job (viz/charts/linkerd-viz/templates/prometheus.yaml);
// and web's outbound response_total to the mirror with dst_target_cluster/dst_target_service/
// dst_target_service_namespace (controller/api/destination/watcher/endpoints_watcher.go metricLabels,
// prefixed dst_ by linkerd2-proxy release/v2.326.0 linkerd/app/outbound/src/http/concrete.rs).
// One apiserver is configured twice, as `homelab` (with Prometheus) and `cloud-vps`: the Link of
// homelab targets cloud-vps, so cart's exported Service in cloud-vps is mirrored in homelab.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantQuery, startPrometheus, type RunningPrometheus } from '../harness/prometheus.ts';
import { freePort, startBackend, type RunningBackend } from '../support/backend.ts';
import { startControlPlane, type ControlPlane } from '../harness/controlPlane.ts';
import { Fixtures } from '../harness/fixtures.ts';
import { kube } from '../harness/kubeRequest.ts';
import { deployShop } from '../support/shopTraffic.ts';
import { multiclusterQueries } from '../../plugins/service-mesh-backend/src/adapters/prometheus/multiclusterQueries.ts';

const START = 1_795_000_000;
const WINDOW = 600;
const GATEWAY_ID = 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local';
const controller = { job: 'linkerd-multicluster-controller', instance: '10.42.0.31:9999', component: 'controller', target_cluster_name: 'cloud-vps' };
const webPod = (i: number) => ({ namespace: 'shop', pod: `web-5c8d-${i}`, deployment: 'web', pod_template_hash: '5c8d', control_plane_ns: 'linkerd', serviceaccount: 'web', workload_ns: 'shop' });
const toMirror = (classification: string, status: string) => ({
  direction: 'outbound', authority: 'cart-cloud-vps.shop.svc.cluster.local:8080', target_addr: '203.0.113.10:4143',
  dst_namespace: 'shop', dst_service: 'cart-cloud-vps', dst_target_cluster: 'cloud-vps', dst_target_service: 'cart', dst_target_service_namespace: 'shop', dst_zone_locality: 'unknown',
  tls: 'true', server_id: GATEWAY_ID, status_code: status, classification,
});

/** OpenMetrics text: gauges constant, counters rising linearly over the window (samples every 15 s). */
function openMetrics(): string {
  const out: string[] = [];
  const lbl = (l: Record<string, string>) => Object.entries(l).map(([k, v]) => `${k}="${v}"`).join(',');
  const series = (name: string, labels: Record<string, string>, at: (t: number) => number) => {
    for (let t = -WINDOW; t <= WINDOW; t += 15) out.push(`${name}{${lbl(labels)}} ${at(t)} ${START + t}`);
  };
  const rising = (per: number) => (t: number) => (t <= 0 ? 0 : (per * t) / WINDOW);
  out.push('# TYPE gateway_alive gauge');
  series('gateway_alive', controller, () => 1);
  out.push('# TYPE gateway_enabled gauge');
  series('gateway_enabled', controller, () => 1);
  out.push('# TYPE gateway_latency gauge');
  series('gateway_latency', controller, () => 23);
  out.push('# TYPE gateway_probe_latency_ms histogram');
  // 200 probes in the window: 100 under 20 ms, 100 between 20 and 30 ms (the service mirror's buckets).
  for (const [le, n] of [['10', 0], ['20', 100], ['30', 200], ['50', 200], ['+Inf', 200]] as const) series('gateway_probe_latency_ms_bucket', { ...controller, le }, rising(n));
  series('gateway_probe_latency_ms_sum', controller, rising(4500));
  series('gateway_probe_latency_ms_count', controller, rising(200));
  out.push('# TYPE response counter');
  // web's two pods call the mirror: 1140 successes and 60 failures over the window (2 rps, 95 %).
  series('response_total', { ...webPod(0), ...toMirror('success', '200') }, rising(600));
  series('response_total', { ...webPod(1), ...toMirror('success', '200') }, rising(540));
  series('response_total', { ...webPod(1), ...toMirror('failure', '503') }, rising(60));
  return `${out.join('\n')}\n# EOF\n`;
}

describe('multi-cluster and mesh expansion on the harness apiserver and a real Prometheus', () => {
  let prom: RunningPrometheus;
  let cp: ControlPlane;
  let backend: RunningBackend;
  const dir = mkdtempSync(join(tmpdir(), 'meshlens-multicluster-'));
  before(async () => {
    prom = await startPrometheus(openMetrics());
    cp = await startControlPlane();
    const fx = new Fixtures({ url: cp.url, ca: cp.ca, token: cp.adminToken });
    await fx.crds();
    await deployShop(fx);
    const api = { url: cp.url, ca: cp.ca, token: cp.adminToken };
    await fx.namespace('linkerd-multicluster');
    await kube(api, 'POST', '/apis/multicluster.linkerd.io/v1alpha3/namespaces/linkerd-multicluster/links', {
      apiVersion: 'multicluster.linkerd.io/v1alpha3', kind: 'Link', metadata: { name: 'cloud-vps', namespace: 'linkerd-multicluster' },
      spec: {
        targetClusterName: 'cloud-vps', targetClusterDomain: 'cluster.local', targetClusterLinkerdNamespace: 'linkerd', clusterCredentialsSecret: 'cluster-credentials-cloud-vps',
        gatewayAddress: '203.0.113.10', gatewayPort: '4143', gatewayIdentity: GATEWAY_ID,
        probeSpec: { path: '/ready', port: '4191', period: '3s', timeout: '30s', failureThreshold: '3' },
        selector: { matchLabels: { 'mirror.linkerd.io/exported': 'true' } },
        remoteDiscoverySelector: { matchLabels: { 'mirror.linkerd.io/exported': 'remote-discovery' } },
        federatedServiceSelector: { matchLabels: { 'mirror.linkerd.io/federated': 'member' } },
      },
    });
    const svc = (name: string, labels: Record<string, string>, annotations: Record<string, string> = {}, selector?: Record<string, string>) =>
      kube(api, 'POST', '/api/v1/namespaces/shop/services', { apiVersion: 'v1', kind: 'Service', metadata: { name, labels, annotations }, spec: { ...(selector ? { selector } : {}), ports: [{ port: 8080 }] } });
    await svc('cart', { 'mirror.linkerd.io/exported': 'true' }, {}, { app: 'cart' });
    await svc('cart-cloud-vps', { 'mirror.linkerd.io/mirrored-service': 'true', 'mirror.linkerd.io/cluster-name': 'cloud-vps' }, { 'mirror.linkerd.io/remote-svc-fq-name': 'cart.shop.svc.cluster.local', 'mirror.linkerd.io/remote-resource-version': '4242' });
    await svc('search-federated', { 'mirror.linkerd.io/mirrored-service': 'true' }, { 'multicluster.linkerd.io/remote-discovery': 'search@cloud-vps' });
    await kube(api, 'POST', '/apis/workload.linkerd.io/v1beta1/namespaces/shop/externalworkloads', {
      apiVersion: 'workload.linkerd.io/v1beta1', kind: 'ExternalWorkload',
      metadata: { name: 'erp-vm', labels: { app: 'erp', 'backstage.io/kubernetes-id': 'erp' } },
      spec: { meshTLS: { identity: 'spiffe://root.linkerd.cluster.local/erp-vm', serverName: 'erp-vm.cluster.local' }, workloadIPs: [{ ip: '192.168.1.50' }], ports: [{ port: 8080, name: 'http' }] },
    });
    await kube(api, 'PATCH', '/apis/workload.linkerd.io/v1beta1/namespaces/shop/externalworkloads/erp-vm/status', {
      status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: '2026-11-29T12:00:00Z', lastTransitionTime: '2026-11-29T12:00:00Z', reason: 'HealthCheckPassed', message: 'probe ok' }] },
    });
    const token = await fx.pluginToken();
    const cluster = (name: string, prometheus?: string) => ({ name, source: 'kubernetes', url: cp.url, serviceAccountToken: token, caFile: cp.caFile, ...(prometheus ? { prometheus: { url: prometheus, timeoutMs: 2000, evaluationTime: START + WINDOW } } : {}) });
    const component = (name: string, annotations: string) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations: {${annotations}}\nspec: {type: service, lifecycle: production, owner: group:default/homelab-ops}\n`;
    writeFileSync(join(dir, 'catalog.yaml'), [
      component('web', 'backstage.io/kubernetes-id: web, backstage.io/kubernetes-cluster: homelab'),
      component('cart', 'backstage.io/kubernetes-id: cart'),
      component('erp', 'backstage.io/kubernetes-id: erp, backstage.io/kubernetes-cluster: homelab'),
      component('web-down', 'backstage.io/kubernetes-id: web, backstage.io/kubernetes-cluster: down'),
    ].join('---\n'));
    backend = await startBackend({
      waitForEntities: ['component:default/web', 'component:default/cart', 'component:default/erp', 'component:default/web-down'],
      env: {
        APP_CONFIG_serviceMesh: JSON.stringify({ clusters: [cluster('homelab', prom.url), cluster('cloud-vps'), cluster('down', `http://127.0.0.1:${await freePort()}`)] }),
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
  const get = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };
  /** Polls until the watch caches hold what was created (bounded). */
  const eventually = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    let v = await read();
    for (let i = 0; i < 50 && !ok(v); i++) {
      await new Promise(r => setTimeout(r, 200));
      v = await read();
    }
    return v;
  };

  it('the gateway queries on the real Prometheus: alive, last latency and the probe histogram by target_cluster_name', async () => {
    const q = multiclusterQueries(WINDOW);
    const [alive] = await instantQuery(prom.url, q.gatewayAlive, START + WINDOW);
    assert.deepEqual([alive.metric, alive.value], [{ target_cluster_name: 'cloud-vps' }, 1]);
    const buckets = await instantQuery(prom.url, q.gatewayProbeLatency, START + WINDOW);
    // Prometheus 3 stores the classic buckets' `le` normalised (`10.0`): compared as numbers.
    assert.deepEqual(buckets.map(b => [b.metric.le === '+Inf' ? Infinity : Number(b.metric.le), Math.round(b.value)]).sort((a, b) => a[0] - b[0]), [[10, 0], [20, 100], [30, 200], [50, 200], [Infinity, 200]]);
  });

  it('GET /v1/clusters: the Link with its probe state and latency, the mirror and federated Services, ExternalWorkloads counted', async () => {
    const clusters = await eventually(async () => (await get('clusters')).clusters, (cs: any[]) => cs.find(c => c.name === 'homelab')?.multicluster?.links.length === 1 && cs.find(c => c.name === 'homelab')?.counts.externalWorkloads === 1);
    const homelab = clusters.find((c: any) => c.name === 'homelab');
    console.log(`  homelab multicluster: ${JSON.stringify(homelab.multicluster.links[0])}`);
    assert.deepEqual(homelab.errors, []);
    const [link] = homelab.multicluster.links;
    assert.deepEqual([link.name, link.targetClusterName, link.gatewayAddress, link.gatewayPort, link.probe.path, link.probeState, link.probeLatencyMs, link.mirroredServices], ['cloud-vps', 'cloud-vps', '203.0.113.10', '4143', '/ready', 'alive', 23, 1]);
    // p95 of 200 probes, rank 190 in the 20–30 ms bucket: 20 + 10 × 90/100.
    assert.equal(link.probeLatencyP95Ms, 29);
    assert.deepEqual(homelab.multicluster.mirroredServices, [{ namespace: 'shop', name: 'cart-cloud-vps', targetCluster: 'cloud-vps', targetService: 'shop/cart', mode: 'gateway' }]);
    assert.deepEqual(homelab.multicluster.federatedServices, [{ namespace: 'shop', name: 'search-federated', remoteMembers: ['search@cloud-vps'] }]);
    assert.equal(homelab.counts.externalWorkloads, 1);
    // cloud-vps has no Prometheus: the same Link, its probe unknown.
    assert.equal(clusters.find((c: any) => c.name === 'cloud-vps').multicluster.links[0].probeState, 'unknown');
  });

  it('entity report: cart is one entity with both clusters\' workloads, its exported Service mirrored in homelab', async () => {
    const report = await eventually(() => get('entities/component/default/cart'), (r: any) => r.multicluster?.exportedServices.some((e: any) => e.mirroredIn.length > 0));
    assert.deepEqual(report.workloads.map((w: any) => `${w.cluster}/${w.kind}/${w.name}`).sort(), ['cloud-vps/Deployment/cart', 'down/Deployment/cart', 'homelab/Deployment/cart']);
    // `down` reads the same apiserver (its Prometheus is what is unreachable), so it holds the mirror too.
    assert.deepEqual(report.multicluster.exportedServices, [
      { cluster: 'homelab', namespace: 'shop', name: 'cart', exportedAs: 'gateway', mirroredIn: [] },
      { cluster: 'cloud-vps', namespace: 'shop', name: 'cart', exportedAs: 'gateway', mirroredIn: [{ cluster: 'homelab', service: 'shop/cart-cloud-vps', link: 'cloud-vps' }, { cluster: 'down', service: 'shop/cart-cloud-vps', link: 'cloud-vps' }] },
      { cluster: 'down', namespace: 'shop', name: 'cart', exportedAs: 'gateway', mirroredIn: [] },
    ]);
  });

  it('entity report: the ExternalWorkload matched by backstage.io/kubernetes-id, with its identity and readiness', async () => {
    const report = await eventually(() => get('entities/component/default/erp'), (r: any) => r.workloads.length > 0);
    assert.equal(report.state, 'meshed');
    assert.deepEqual(report.workloads.map((w: any) => [w.kind, w.name, w.external.identity, w.external.ready, w.external.workloadIPs]), [['ExternalWorkload', 'erp-vm', 'spiffe://root.linkerd.cluster.local/erp-vm', true, ['192.168.1.50']]]);
  });

  it('GET …/metrics: web\'s calls to the mirror Service as a cross-cluster edge; an unreachable Prometheus is named', async () => {
    const body = await get('entities/component/default/web/metrics?window=10m');
    assert.deepEqual(body.errors, []);
    console.log(`  web crossClusterEdges: ${JSON.stringify(body.crossClusterEdges)}`);
    assert.deepEqual(body.crossClusterEdges.map((e: any) => [e.cluster, e.workload, e.mirrorService, e.targetCluster, e.targetService, Number(e.rps.toFixed(2)), Number(e.successRate.toFixed(3)), e.tlsShare, e.serverId]), [
      ['homelab', 'shop/Deployment/web', 'shop/cart-cloud-vps', 'cloud-vps', 'shop/cart', 2, 0.95, 1, GATEWAY_ID],
    ]);
    const down = await get('entities/component/default/web-down/metrics?window=10m');
    assert.deepEqual(down.crossClusterEdges, []);
    assert.ok(down.errors.some((e: any) => e.source === 'prometheus:down' && /multicluster metrics/.test(e.message)), JSON.stringify(down.errors));
  });
});
