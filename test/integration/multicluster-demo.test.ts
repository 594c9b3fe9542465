// The homelab-meshed demo's multi-cluster and mesh-expansion figures through the real backend
// (snapshot source, recorded metrics evaluated in process): the Link to cloud-vps and its gateway
// probes (examples/model/multicluster.mjs: 38 ms, probed every 3 s), publisher's calls to the
// mirror public-site-cloud-vps (declared 0.3 rps, 1 % failures, mTLS to the gateway), and
// video-service's ExternalWorkload. Metric names and labels as in multicluster.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBackend, type RunningBackend } from '../support/backend.ts';

const MESHED = 'homelab-meshed';

describe('demo: multi-cluster and mesh expansion in homelab-meshed', () => {
  let backend: RunningBackend;
  before(async () => {
    backend = await startBackend({ waitForEntities: [`component:${MESHED}/publisher`, `component:${MESHED}/video-service`] });
  });
  after(async () => backend?.stop());
  const get = async (path: string) => {
    const res = await fetch(`${backend.url}/api/service-mesh/v1/${path}`, { headers: { Authorization: `Bearer ${backend.token}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as any;
  };

  it('clusters: homelab-meshed links to cloud-vps, its gateway alive at 38 ms; homelab has nothing multi-cluster', async () => {
    const { clusters } = await get('clusters');
    const meshed = clusters.find((c: any) => c.name === MESHED);
    const [link] = meshed.multicluster.links;
    console.log(`  ${MESHED} Link: ${JSON.stringify(link)}`);
    assert.deepEqual([link.targetClusterName, link.gatewayAddress, link.probeState, link.probeLatencyMs, link.mirroredServices], ['cloud-vps', '198.51.100.24', 'alive', 38, 1]);
    assert.ok(link.probeLatencyP95Ms > 38 && link.probeLatencyP95Ms <= 100, String(link.probeLatencyP95Ms));
    assert.deepEqual(meshed.multicluster.mirroredServices, [{ namespace: 'auto-brand', name: 'public-site-cloud-vps', targetCluster: 'cloud-vps', targetService: 'auto-brand/public-site', mode: 'gateway' }]);
    assert.equal(meshed.counts.externalWorkloads, 1);
    assert.deepEqual(clusters.find((c: any) => c.name === 'homelab').multicluster, { links: [], mirroredServices: [], federatedServices: [] });
  });

  it('publisher: its calls to public-site in cloud-vps as a cross-cluster edge', async () => {
    const m = await get(`entities/component/${MESHED}/publisher/metrics?window=1h`);
    console.log(`  publisher crossClusterEdges: ${JSON.stringify(m.crossClusterEdges)}`);
    const [edge] = m.crossClusterEdges;
    assert.deepEqual([m.crossClusterEdges.length, edge.workload, edge.mirrorService, edge.targetCluster, edge.targetService, edge.tlsShare, edge.serverId],
      [1, 'auto-brand/Deployment/publisher', 'auto-brand/public-site-cloud-vps', 'cloud-vps', 'auto-brand/public-site', 1, 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local']);
    // 0.3 rps on the daily pattern (±35 %), 1 % failures.
    assert.ok(edge.rps > 0.18 && edge.rps < 0.42, String(edge.rps));
    assert.ok(edge.successRate > 0.985 && edge.successRate < 0.995, String(edge.successRate));
    // Not an in-cluster callee: the gateway endpoint has no pod.
    assert.ok(!m.callees.some((e: any) => /public-site/.test(e.peer)));
  });

  it('video-service: the GPU workstation as an ExternalWorkload beside its Deployment, ready, with its identity', async () => {
    const r = await get(`entities/component/${MESHED}/video-service`);
    assert.deepEqual(r.workloads.map((w: any) => [w.kind, w.name]), [['Deployment', 'video-service'], ['ExternalWorkload', 'video-encoder-gpu']]);
    const ew = r.workloads[1];
    assert.deepEqual([ew.state, ew.external.identity, ew.external.ready, ew.external.workloadIPs], ['meshed', 'video-encoder.auto-brand.serviceaccount.identity.linkerd.cluster.local', true, ['192.168.1.60']]);
    assert.equal(r.state, 'meshed');
    assert.deepEqual(r.multicluster, { exportedServices: [] });
  });
});
