import {
  EntityMeshReport,
  EntityMeshState,
  SourceErrorReport,
  WorkloadReport,
} from '../api/EntityMeshReport';
import { ClusterMesh } from './clusterMesh';
import { EntityMatcher, KUBERNETES_ANNOTATIONS, matcherIncludesCluster, matchWorkloads } from './entityMatch';
import { goldenMetrics } from './metrics/goldenMetrics';
import { metricWorkloadsOf } from './metrics/metricWorkloadsOf';
import { MetricsWindow } from './metrics/metricsWindow';
import { mtlsReport } from './metrics/mtls';
import { plaintextFindings } from './metrics/plaintextFindings';
import { issuerCertificateFindings } from './certificateFindings';
import { issuerFromMetric } from './linkerdCertificates';
import { Finding } from '../api/EntityMeshReport';
import { matchExternalWorkloads } from './meshExpansion/externalWorkloads';

/** Inputs of an entity report: the analyzed clusters and what failed while reading them. */
export interface EntityReportInput {
  entityRef: string;
  now: Date;
  matcher: EntityMatcher;
  clusters: ClusterMesh[];
  errors: SourceErrorReport[];
  /** Proxy metrics of the clusters, when a metrics source answered. */
  metrics?: MetricsWindow[];
  /** Plaintext from unmeshed clients is expected (the entity is reached through an ingress). */
  ingressFacing?: boolean;
}

/** The entity's state from its workloads' pod counts. */
export function entityState(workloads: WorkloadReport[]): EntityMeshState {
  if (workloads.length === 0) return 'no-workloads';
  const meshed = workloads.reduce((n, w) => n + w.meshedPods, 0);
  const total = workloads.reduce((n, w) => n + w.totalPods, 0);
  if (total === 0) {
    // No pod counted (a CronJob between runs): the workloads' states, which fall back on the last run.
    if (workloads.every(w => w.state === 'meshed')) return 'meshed';
    return workloads.some(w => w.state !== 'unmeshed') ? 'partial' : 'unmeshed';
  }
  if (meshed === total) return 'meshed';
  // An ExternalWorkload runs a proxy: with unmeshed pods beside it the entity is partly meshed.
  return meshed > 0 || workloads.some(w => w.kind === 'ExternalWorkload') ? 'partial' : 'unmeshed';
}

/**
 * The entity's workloads in each cluster it may run in. A plain `kubernetes-id` matcher uses the
 * cluster's index (cost proportional to the entity's own workloads); a label selector scans.
 */
export function matchEntityWorkloads(matcher: EntityMatcher, clusters: ClusterMesh[]) {
  const [only] = matcher.requirements;
  const id = matcher.requirements.length === 1 && only.op === 'in' && only.key === KUBERNETES_ANNOTATIONS.id && only.values.length === 1 ? only.values[0] : undefined;
  return clusters
    .filter(c => matcherIncludesCluster(matcher, c.summary.name))
    .map(c => {
      const candidates = id === undefined ? c.workloads : c.byKubernetesId.get(id) ?? [];
      return { cluster: c, workloads: candidates.filter(a => matchWorkloads(matcher, [a.workload]).length > 0) };
    });
}

/** The entity's workloads as proxy metrics name them. */
export function entityMetricWorkloads(matched: ReturnType<typeof matchEntityWorkloads>) {
  return matched.flatMap(m =>
    m.workloads.flatMap(a => metricWorkloadsOf(a.workload).map(w => ({ ...w, cluster: m.cluster.summary.name }))),
  );
}

/** Builds an entity's mesh report from the clusters it runs in. */
export function buildEntityReport(input: EntityReportInput): EntityMeshReport {
  const matched = matchEntityWorkloads(input.matcher, input.clusters);
  const clusters = matched.map(m => m.cluster);
  const workloads = [
    ...matched.flatMap(m => m.workloads.map(a => a.mesh.report)),
    ...matched.flatMap(m => matchExternalWorkloads(input.matcher, m.cluster.summary.name, m.cluster.externalWorkloads).map(e => e.report)),
  ];
  const findings = matched.flatMap(m => [
    ...(m.workloads.length > 0 || workloads.some(w => w.cluster === m.cluster.summary.name) ? m.cluster.findings : []),
    ...m.workloads.flatMap(a => a.findings),
  ]);
  const metricWorkloads = entityMetricWorkloads(matched);
  const metrics = input.metrics ?? [];
  const mtls = metrics.length ? mtlsReport(metrics, metricWorkloads, { ingressFacing: input.ingressFacing ?? false }) : undefined;
  return {
    entityRef: input.entityRef,
    generatedAt: input.now.toISOString(),
    state: entityState(workloads),
    workloads,
    findings: [...findings, ...issuerFindings(metrics, matched), ...plaintextFindings(mtls)],
    mtls,
    goldenMetrics: metrics.length ? goldenMetrics(metrics, metricWorkloads) : undefined,
    clusters: clusters.map(c => c.summary),
    runbook: { steps: [] },
    errors: input.errors,
  };
}

/**
 * `certificate-expiring` for the identity issuer from `issuer_cert_ttl_seconds`, in clusters
 * where no cert-manager Certificate already told (a 0 means identity has not loaded it yet).
 */
function issuerFindings(metrics: MetricsWindow[], matched: ReturnType<typeof matchEntityWorkloads>): Finding[] {
  const inUse = new Map(matched.filter(m => m.workloads.length > 0).map(m => [m.cluster.summary.name, m.cluster.summary]));
  return metrics.flatMap(w => {
    const summary = inUse.get(w.cluster);
    if (w.issuerTtlSeconds === undefined || !summary || summary.issuerCertificate?.source === 'cert-manager') return [];
    return issuerCertificateFindings(w.cluster, issuerFromMetric(w.issuerTtlSeconds, w.end), new Date(w.end * 1000));
  });
}
