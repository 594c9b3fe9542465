import { EntityMeshReport, MeshHistoryPoint } from '../../api/EntityMeshReport';

/** The point the history task records for a report: score, triggers fired, pod and mTLS coverage. */
export function historyPoint(report: EntityMeshReport, recordedAt: Date): MeshHistoryPoint {
  const pods = report.workloads.reduce((n, w) => n + w.totalPods, 0);
  const meshed = report.workloads.reduce((n, w) => n + w.meshedPods, 0);
  return {
    recordedAt: recordedAt.toISOString(),
    state: report.state,
    score: report.adoption?.score,
    recommendation: report.adoption?.recommendation,
    triggersFired: (report.adoption?.triggers ?? []).filter(t => t.fired).map(t => t.id),
    meshedPodRatio: pods > 0 ? meshed / pods : undefined,
    mtlsInboundRatio: report.mtls && report.mtls.inboundRequests > 0 ? report.mtls.inboundTlsRatio : undefined,
  };
}
