import { ClusterReport, SourceErrorReport } from '../api/EntityMeshReport';
import { issuerCertificateFindings } from './certificateFindings';
import { ClusterMesh } from './clusterMesh';
import { issuerFromMetric } from './linkerdCertificates';
import { MetricsWindow } from './metrics/metricsWindow';

/** A cluster's summary for `/v1/clusters`: control plane, certificates, counts, findings. */
export function buildClusterReport(input: {
  name: string;
  source: ClusterReport['source'];
  synced: boolean;
  now: Date;
  mesh?: ClusterMesh;
  errors: SourceErrorReport[];
  /** The cluster's metrics window, for `issuer_cert_ttl_seconds` when cert-manager does not tell. */
  metrics?: MetricsWindow;
}): ClusterReport {
  const m = input.mesh;
  const ttl = input.metrics?.issuerTtlSeconds;
  const fromMetric = m?.summary.issuerCertificate?.source === 'unknown' && ttl !== undefined ? issuerFromMetric(ttl, input.metrics!.end) : undefined;
  const metricFindings = fromMetric ? issuerCertificateFindings(input.name, fromMetric, new Date(input.metrics!.end * 1000)) : [];
  // ExternalWorkloads count as (meshed) workloads; they have no pods.
  const reports = [...(m?.workloads.map(w => w.mesh.report) ?? []), ...(m?.externalWorkloads.map(e => e.report) ?? [])];
  return {
    ...(m?.summary ?? { name: input.name, linkerdInstalled: false, controlPlaneNamespace: 'linkerd' }),
    ...(fromMetric ? { issuerCertificate: fromMetric } : {}),
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
      ...(m?.externalWorkloads.length ? { externalWorkloads: m.externalWorkloads.length } : {}),
    },
    findings: [...(m?.findings ?? []), ...metricFindings],
    errors: input.errors,
  };
}
