import { PolicyActivityKind, PolicyActivityRow, WorkloadPolicyActivity } from '../../api/PolicyActivity';
import { MetricWorkload, workloadKey } from '../metrics/metricsWindow';

/** One sample of the policy queries, already tied to its workload. */
export interface PolicySample {
  cluster: string;
  workload: MetricWorkload;
  kind: PolicyActivityKind;
  labels: Record<string, string>;
  count: number;
}

const KINDS: PolicyActivityKind[] = ['http-denied', 'tcp-denied', 'rate-limited', 'audit-allowed'];
const ref = (kind?: string, name?: string) => (name ? `${kind || '?'}/${name}` : undefined);
const opt = (v?: string) => v || undefined;

/**
 * Denied, rate-limited and audit-only traffic per workload of an entity, by Server, route and
 * client identity, largest first; rows that counted nothing in the window are left out, and a
 * workload with no row at all is not listed.
 */
export function policyActivity(samples: PolicySample[], workloads: Array<{ cluster: string } & MetricWorkload>): WorkloadPolicyActivity[] {
  const mine = new Set(workloads.map(w => `${w.cluster}:${workloadKey(w)}`));
  const out = new Map<string, WorkloadPolicyActivity>();
  for (const s of samples) {
    const key = workloadKey(s.workload);
    if (!mine.has(`${s.cluster}:${key}`) || !(s.count > 0)) continue;
    let w = out.get(`${s.cluster}:${key}`);
    if (!w) out.set(`${s.cluster}:${key}`, (w = { cluster: s.cluster, workload: key, rows: [], totals: Object.fromEntries(KINDS.map(k => [k, 0])) as WorkloadPolicyActivity['totals'] }));
    const l = s.labels;
    const row: PolicyActivityRow = {
      kind: s.kind,
      server: ref(l.srv_kind, l.srv_name) ?? '?',
      route: ref(l.route_kind, l.route_name),
      clientId: opt(l.client_id),
      tls: l.tls ?? '',
      rateLimit: ref(l.ratelimit_kind, l.ratelimit_name),
      rateLimitScope: opt(l.ratelimit_scope),
      count: s.count,
    };
    for (const k of Object.keys(row) as Array<keyof PolicyActivityRow>) if (row[k] === undefined) delete row[k];
    w.rows.push(row);
    w.totals[s.kind] += s.count;
  }
  for (const w of out.values()) w.rows.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return [...out.values()].sort((a, b) => a.workload.localeCompare(b.workload));
}
