import { ClusterReport, SourceErrorReport } from '../api/EntityMeshReport';
import { ClusterMesh } from './clusterMesh';

/** A cluster's summary for `/v1/clusters`: control plane, certificates, counts, findings. */
export function buildClusterReport(input: {
  name: string;
  source: ClusterReport['source'];
  synced: boolean;
  now: Date;
  mesh?: ClusterMesh;
  errors: SourceErrorReport[];
}): ClusterReport {
  const m = input.mesh;
  const reports = m?.workloads.map(w => w.mesh.report) ?? [];
  return {
    ...(m?.summary ?? { name: input.name, linkerdInstalled: false, controlPlaneNamespace: 'linkerd' }),
    name: input.name,
    source: input.source,
    synced: input.synced,
    observedAt: input.now.toISOString(),
    counts: {
      namespaces: new Set(reports.map(r => r.namespace)).size,
      workloads: reports.length,
      meshedWorkloads: reports.filter(r => r.state === 'meshed').length,
      pods: reports.reduce((n, r) => n + r.totalPods, 0),
      meshedPods: reports.reduce((n, r) => n + r.meshedPods, 0),
    },
    findings: m?.findings ?? [],
    errors: input.errors,
  };
}
