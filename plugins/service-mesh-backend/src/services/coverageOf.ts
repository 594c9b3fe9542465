import { MetricsCoverage, SourceErrorReport } from '@meshlens/plugin-service-mesh-common';
import { ClusterState } from './ClusterSource';

/** Each cluster's Prometheus coverage; a failing Prometheus is named in errors, and its cluster "cannot tell". */
export async function coverageOf(states: ClusterState[]): Promise<{ coverage: MetricsCoverage[]; errors: SourceErrorReport[] }> {
  const coverage: MetricsCoverage[] = [];
  const errors: SourceErrorReport[] = [];
  await Promise.all(
    states.filter(s => s.coverage && s.mesh).map(async s => {
      try {
        coverage.push(await s.coverage!.getCoverage());
      } catch (e) {
        errors.push({ source: `prometheus:${s.name}`, message: `metrics coverage unavailable: ${(e as Error).message}` });
      }
    }),
  );
  return { coverage, errors };
}
