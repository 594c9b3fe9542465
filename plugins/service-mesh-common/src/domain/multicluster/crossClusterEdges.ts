import { CrossClusterEdge, CrossClusterSample } from '../../api/Multicluster';
import { MetricWorkload, workloadKey } from '../metrics/metricsWindow';

const round = (n: number, d: number) => Number(n.toFixed(d));

/**
 * The entity's calls to mirror Services: outbound requests whose destination carries
 * `dst_target_cluster` — the destination controller labels endpoints of a mirror Service with
 * `target_cluster`, `target_service` and `target_service_namespace` from the mirror's
 * `mirror.linkerd.io/cluster-name` label and `remote-svc-fq-name` annotation (linkerd2 edge-25.10.7
 * `controller/api/destination/watcher/endpoints_watcher.go` `metricLabels`), and the proxy
 * prefixes destination labels with `dst_` (linkerd2-proxy `app/outbound/src/http/concrete.rs`).
 */
export function crossClusterEdges(samples: CrossClusterSample[], workloads: Array<{ cluster: string } & MetricWorkload>, windowSeconds: number): CrossClusterEdge[] {
  const mine = new Set(workloads.map(w => `${w.cluster}|${workloadKey(w)}`));
  const edges = new Map<string, { edge: CrossClusterEdge; total: number; ok: number; tls: number }>();
  for (const s of samples) {
    const wk = workloadKey(s.workload);
    if (!mine.has(`${s.cluster}|${wk}`) || s.count <= 0) continue;
    const key = [s.cluster, wk, s.mirrorNamespace, s.mirrorService, s.targetCluster].join('|');
    let e = edges.get(key);
    if (!e) {
      e = {
        edge: { cluster: s.cluster, workload: wk, mirrorService: `${s.mirrorNamespace}/${s.mirrorService}`, targetCluster: s.targetCluster, targetService: `${s.targetNamespace}/${s.targetService}`, rps: 0, tlsShare: 0 },
        total: 0, ok: 0, tls: 0,
      };
      edges.set(key, e);
    }
    e.total += s.count;
    if (s.classification === 'success') e.ok += s.count;
    if (s.tls === 'true') e.tls += s.count;
    if (s.serverId) e.edge.serverId = s.serverId;
  }
  return [...edges.values()].map(({ edge, total, ok, tls }) => ({
    ...edge,
    rps: round(total / windowSeconds, 4),
    successRate: total > 0 ? round(ok / total, 6) : undefined,
    tlsShare: total > 0 ? round(tls / total, 6) : 0,
  }));
}
