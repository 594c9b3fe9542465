import { Workload } from '../workloads';
import { MetricWorkload } from './metricsWindow';

const ownerNames = (w: Workload, kind: string) =>
  new Set(w.pods.flatMap(p => (p.metadata.ownerReferences ?? []).filter(r => r.kind === kind).map(r => r.name)));

/**
 * How a workload appears in proxy metrics, following the labels the proxy injector sets
 * (linkerd2 `pkg/inject/inject.go`, owner from `controller/k8s/metadata_api.go`
 * `GetOwnerKindAndName`) and the viz relabelling (`linkerd.io/proxy-job` → `k8s_job`):
 * - Deployment, StatefulSet, DaemonSet, standalone Job: their own owner label;
 * - CronJob: its pods carry no owner label (the injector has no case for `cronjob`), so they are
 *   found by pod; a Job whose CronJob could not be resolved keeps `k8s_job`, and a template
 *   injected with `linkerd inject` carries `cronjob`;
 * - bare Pod: by pod; a ReplicaSet without a Deployment/StatefulSet/DaemonSet/Job owner (bare,
 *   or owned by a custom controller such as an Argo Rollout): `replicaset`.
 */
export function metricWorkloadsOf(w: Workload): MetricWorkload[] {
  const ns = w.namespace;
  const pods = () => w.pods.map(p => ({ namespace: ns, kind: 'Pod', name: p.metadata.name }));
  switch (w.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicaSet':
    case 'ReplicationController':
      return [{ namespace: ns, kind: w.kind, name: w.name }];
    case 'CronJob':
      return [
        { namespace: ns, kind: 'CronJob', name: w.name },
        ...[...ownerNames(w, 'Job')].map(name => ({ namespace: ns, kind: 'Job', name })),
        ...pods(),
      ];
    case 'Pod':
      return pods();
    default:
      // A custom controller's ReplicaSets (e.g. an Argo Rollout): the injector labels them `replicaset`.
      return [...new Set([...w.replicaSets.map(r => r.metadata.name), ...ownerNames(w, 'ReplicaSet')])].map(name => ({
        namespace: ns, kind: 'ReplicaSet', name,
      }));
  }
}
