import { ClusterMesh } from '../clusterMesh';
import { KUBERNETES_ANNOTATIONS } from '../entityMatch';
import { metricWorkloadsOf } from './metricWorkloadsOf';
import { workloadKey } from './metricsWindow';

/**
 * The `backstage.io/kubernetes-id` label of each peer workload (`namespace/Kind/name` as in
 * edge reports), so edges can be named by the catalog entity that runs the peer.
 */
export function peerKubernetesIds(cluster: ClusterMesh, peers: string[]): Map<string, string> {
  const wanted = new Set(peers);
  const out = new Map<string, string>();
  for (const a of cluster.workloads) {
    for (const m of metricWorkloadsOf(a.workload)) {
      const key = workloadKey(m);
      if (!wanted.has(key)) continue;
      const w = a.workload;
      const id = w.labels[KUBERNETES_ANNOTATIONS.id] ?? w.template?.metadata?.labels?.[KUBERNETES_ANNOTATIONS.id];
      if (id) out.set(key, id);
    }
  }
  return out;
}
