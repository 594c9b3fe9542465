import { EntityMeshReport, EntityMeshSummary, GroupRollup } from '../api/EntityMeshReport';

/** The summary line of one entity report. */
export function entityMeshSummary(r: EntityMeshReport): EntityMeshSummary {
  return {
    entityRef: r.entityRef,
    state: r.state,
    meshedPods: r.workloads.reduce((n, w) => n + w.meshedPods, 0),
    totalPods: r.workloads.reduce((n, w) => n + w.totalPods, 0),
    inboundTlsRatio: r.mtls?.inboundTlsRatio,
    successRate: r.goldenMetrics?.successRate,
    recommendation: r.adoption?.recommendation,
    score: r.adoption?.score,
    triggersFired: r.adoption?.triggers.filter(t => t.fired).map(t => t.id),
    warnings: r.findings.filter(f => f.severity !== 'info').length,
    clusters: [...new Set(r.workloads.map(w => w.cluster))],
  };
}

/** Aggregates owned entities' reports: pod and mTLS coverage (weighted), worst success rate, warnings. */
export function groupRollup(groupRef: string, groups: string[], reports: EntityMeshReport[]): GroupRollup {
  const entities = reports.map(entityMeshSummary);
  const pods = entities.reduce((n, e) => n + e.totalPods, 0);
  const requests = reports.reduce((n, r) => n + (r.mtls?.inboundRequests ?? 0), 0);
  const secured = reports.reduce((n, r) => n + (r.mtls ? r.mtls.inboundRequests * r.mtls.inboundTlsRatio : 0), 0);
  const worst = entities.filter(e => e.successRate !== undefined).sort((a, b) => a.successRate! - b.successRate!)[0];
  return {
    groupRef,
    groups,
    meshedPodRatio: pods ? Number((entities.reduce((n, e) => n + e.meshedPods, 0) / pods).toFixed(6)) : undefined,
    mtlsInboundRatio: requests ? Number((secured / requests).toFixed(6)) : undefined,
    worstSuccessRate: worst ? { entityRef: worst.entityRef, successRate: worst.successRate! } : undefined,
    warnings: entities.reduce((n, e) => n + e.warnings, 0),
    entities,
    errors: [...new Map(reports.flatMap(r => r.errors).map(e => [`${e.source}|${e.message}`, e])).values()],
  };
}
