import type { WorkloadReport } from '@meshlens/plugin-service-mesh-common';

/**
 * Sums meshed and total pods over workloads.
 *
 * @internal
 */
export function countPods(workloads: WorkloadReport[]): {
  meshed: number;
  total: number;
} {
  return workloads.reduce(
    (sum, workload) => ({
      meshed: sum.meshed + workload.meshedPods,
      total: sum.total + workload.totalPods,
    }),
    { meshed: 0, total: 0 },
  );
}
