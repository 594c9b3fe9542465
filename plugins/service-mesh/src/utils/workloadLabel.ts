import type { WorkloadReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Names a workload as `namespace/Kind/name (cluster)`.
 *
 * @internal
 */
export function workloadLabel(
  workload: Pick<WorkloadReport, 'cluster' | 'namespace' | 'kind' | 'name'>,
): string {
  return `${workload.namespace}/${workload.kind}/${workload.name} (${workload.cluster})`;
}
