import type { ClusterTracingReport, WorkloadTracing } from '@meshlens/plugin-service-mesh-common';

/** A cluster's tracing in one line: who exports spans to which collector, or that nothing does. */
export function tracingSummary(t: ClusterTracingReport | undefined): string {
  if (!t) return 'Linkerd not installed';
  const parts: string[] = [];
  if (t.proxy.enabled) parts.push(`proxies → ${t.proxy.collector ?? 'no collector endpoint'} (${t.tracedPods}/${t.meshedPods} proxies carry it)`);
  if (t.controlPlane.enabled) parts.push(`control plane → ${t.controlPlane.collector}`);
  return parts.length ? parts.join('; ') : 'not configured (proxy.tracing and controller.tracing off)';
}

/**
 * A workload's proxies' trace export in a narrow table cell: `yes`, `no`, or `1 of 2` (a restart
 * owed); `title` names the collectors the proxies send to.
 */
export function workloadTracingCell(t: WorkloadTracing | undefined): { text: string; title?: string } {
  if (!t) return { text: '—' };
  if (t.tracedPods === 0) return { text: 'no', title: 'No proxy has a trace collector' };
  const title = `→ ${t.collectors.join(', ')}`;
  return t.tracedPods === t.meshedPods ? { text: 'yes', title } : { text: `${t.tracedPods} of ${t.meshedPods}`, title: `${title}; restart the workload for the rest` };
}
