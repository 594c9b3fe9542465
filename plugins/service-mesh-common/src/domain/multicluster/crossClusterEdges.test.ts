// Cross-cluster edges follow the labels the destination controller puts on a mirror Service's
// endpoints: `service`, `namespace`, and `target_cluster`, `target_service`, `target_service_namespace`
// (linkerd2 edge-25.10.7 `controller/api/destination/watcher/endpoints_watcher.go` metricLabels), which
// the proxy exports prefixed `dst_` (linkerd2-proxy release/v2.326.0 `linkerd/app/outbound/src/http/concrete.rs`
// prefix_labels("dst", …)).
import { CrossClusterSample } from '../../api/Multicluster';
import { crossClusterEdges } from './crossClusterEdges';

const base = {
  cluster: 'homelab', workload: { namespace: 'auto-brand', kind: 'Deployment', name: 'publisher' },
  mirrorNamespace: 'auto-brand', mirrorService: 'render-gpu-cloud-vps', targetCluster: 'cloud-vps', targetService: 'render-gpu', targetNamespace: 'gpu',
  tls: 'true', serverId: 'linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local',
};
const sample = (over: Partial<CrossClusterSample>): CrossClusterSample => ({ ...base, classification: 'success', count: 0, ...over });

describe('cross-cluster edges', () => {
  it('sums the workload\'s calls per mirror Service: rate over the window, success rate, mTLS share, gateway identity', () => {
    const edges = crossClusterEdges([
      sample({ count: 540 }),
      sample({ classification: 'failure', count: 60 }),
      sample({ workload: { namespace: 'auto-brand', kind: 'Deployment', name: 'other' }, count: 99 }),
      sample({ cluster: 'other-cluster', count: 99 }),
    ], [{ cluster: 'homelab', namespace: 'auto-brand', kind: 'Deployment', name: 'publisher' }], 600);
    expect(edges).toEqual([{
      cluster: 'homelab', workload: 'auto-brand/Deployment/publisher', mirrorService: 'auto-brand/render-gpu-cloud-vps',
      targetCluster: 'cloud-vps', targetService: 'gpu/render-gpu', rps: 1, successRate: 0.9, tlsShare: 1, serverId: base.serverId,
    }]);
  });

  it('counts plaintext requests against the mTLS share; no calls, no edge', () => {
    const w = [{ cluster: 'homelab', namespace: 'auto-brand', kind: 'Deployment', name: 'publisher' }];
    expect(crossClusterEdges([sample({ count: 30 }), sample({ tls: 'no_identity', serverId: undefined, count: 30 })], w, 60)[0].tlsShare).toBe(0.5);
    expect(crossClusterEdges([sample({ count: 0 })], w, 60)).toEqual([]);
  });
});
