import { EntityMeshReport, MeshHistoryPoint } from '../../api/EntityMeshReport';

/** What changes notify an entity's owners (product.md §8). */
export interface NotificationRules {
  /** A drop of inbound mTLS coverage by at least this much (0..1) between two runs notifies. Default 0.05. */
  mtlsDrop: number;
}

export const DEFAULT_NOTIFICATION_RULES: NotificationRules = { mtlsDrop: 0.05 };

/** A notification to the owners of one entity; `key` deduplicates it across runs and replicas. */
export interface MeshNotification {
  key: string;
  title: string;
  description: string;
  severity: 'high' | 'normal';
}

/**
 * The notifications one history run owes an entity's owners: an adoption trigger that fires for
 * the first time, inbound mTLS coverage that dropped since the previous run, a meshed entity
 * whose pods are no longer all meshed, a certificate that entered the 60-day window. `sent` holds the keys already sent; they are never sent again. A
 * report with source errors notifies nothing: a degraded source is not a regression.
 */
export function meshNotifications(input: {
  report: EntityMeshReport;
  current: MeshHistoryPoint;
  previous?: MeshHistoryPoint;
  sent: ReadonlySet<string>;
  rules?: NotificationRules;
}): MeshNotification[] {
  const { report, current, previous, sent } = input;
  const rules = input.rules ?? DEFAULT_NOTIFICATION_RULES;
  if (report.errors.length > 0) return [];
  const out: MeshNotification[] = [];

  for (const trigger of report.adoption?.triggers ?? []) {
    if (!trigger.fired) continue;
    out.push({
      key: `trigger-fired:${trigger.id}`,
      title: `${report.entityRef}: the ${trigger.id} adoption trigger fired`,
      description: [
        ...trigger.evidence.slice(0, 3),
        `Recommendation: ${report.adoption!.recommendation} (score ${report.adoption!.score}). The Service Mesh tab has the runbook.`,
      ].join(' '),
      severity: 'normal',
    });
  }

  const before = previous?.mtlsInboundRatio;
  const now = current.mtlsInboundRatio;
  if (before !== undefined && now !== undefined && before - now >= rules.mtlsDrop) {
    out.push({
      key: `mtls-drop:${previous!.recordedAt}`,
      title: `${report.entityRef}: inbound mTLS coverage dropped from ${percent(before)} to ${percent(now)}`,
      description: `Requests reaching ${report.entityRef} without mTLS rose since ${previous!.recordedAt}. The mTLS card lists the plaintext sources and their reasons.`,
      severity: 'high',
    });
  }

  if (previous?.state === 'meshed' && (current.state === 'partial' || current.state === 'unmeshed')) {
    const pods = report.workloads.reduce((n, w) => n + w.totalPods, 0);
    const meshed = report.workloads.reduce((n, w) => n + w.meshedPods, 0);
    out.push({
      key: `mesh-regressed:${previous.recordedAt}`,
      title: `${report.entityRef} is no longer fully meshed: ${meshed} of ${pods} pods run the Linkerd proxy`,
      description: `Every pod was meshed at ${previous.recordedAt}. Pods without the proxy lose mTLS and golden metrics; the Service Mesh tab's findings say why (injection disabled, pending restart, ...).`,
      severity: 'high',
    });
  }

  for (const f of report.findings) {
    if (f.code !== 'certificate-expiring' || !f.expiresAt) continue;
    out.push({
      key: `certificate-expiring:${f.cluster ?? ''}:${f.expiresAt}`,
      title: `${report.entityRef}: a Linkerd certificate of cluster ${f.cluster ?? '?'} expires within 60 days`,
      description: f.message,
      severity: 'high',
    });
  }

  const unique = new Map<string, MeshNotification>();
  for (const n of out) if (!unique.has(n.key) && !sent.has(n.key)) unique.set(n.key, n);
  return [...unique.values()];
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
