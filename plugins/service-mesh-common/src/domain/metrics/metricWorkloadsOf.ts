import { Workload } from '../workloads';
import { MetricWorkload } from './metricsWindow';

/**
 * How a workload appears in proxy metrics. Linkerd labels pods with their owner: a CronJob's
 * pods carry their Job (`k8s_job`), so a CronJob is found through its pods' Jobs.
 */
export function metricWorkloadsOf(w: Workload): MetricWorkload[] {
  switch (w.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return [{ namespace: w.namespace, kind: w.kind, name: w.name }];
    case 'CronJob': {
      const jobs = new Set(
        w.pods.flatMap(p => (p.metadata.ownerReferences ?? []).filter(r => r.kind === 'Job').map(r => r.name)),
      );
      return [...jobs].map(name => ({ namespace: w.namespace, kind: 'Job', name }));
    }
    default:
      return [];
  }
}
