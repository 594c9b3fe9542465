import type { ClusterTracingReport, WorkloadTracing } from '@meshlens/plugin-service-mesh-common';

/** A cluster's tracing in one line: who exports spans to which collector, or that nothing does. */
export function tracingSummary(t: ClusterTracingReport | undefined): string {
  if (!t) return 'Linkerd not installed';
  const parts: string[] = [];
  if (t.proxy.enabled) parts.push(`proxies → ${t.proxy.collector ?? 'no collector endpoint'} (${t.tracedPods}/${t.meshedPods} proxies carry it)`);
  if (t.controlPlane.enabled) parts.push(`control plane → ${t.controlPlane.collector}`);
  return parts.length ? parts.join('; ') : 'not configured (proxy.tracing and controller.tracing off)';
}

/** A workload's proxies' tracing in a table cell. */
export function workloadTracingCell(t: WorkloadTracing | undefined): string {
  if (!t) return '—';
  if (t.tracedPods === 0) return 'not exported';
  const to = t.collectors.join(', ');
  return t.tracedPods === t.meshedPods ? `→ ${to}` : `${t.tracedPods}/${t.meshedPods} proxies → ${to} (restart the rest)`;
}
