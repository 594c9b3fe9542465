import { ServiceMeshApi } from '../api/ServiceMeshApi';
import { makeCluster } from './makeCluster';
import { makeGroupRollup } from './makeGroupRollup';
import { makeHistory } from './makeHistory';
import { makeMetrics } from './makeMetrics';
import { makeReport } from './makeReport';
import { makeSummary } from './makeSummary';

type Mocked<K extends keyof ServiceMeshApi> = jest.Mock<
  ReturnType<ServiceMeshApi[K]>,
  Parameters<ServiceMeshApi[K]>
>;

/**
 * A {@link ServiceMeshApi} of `jest.fn`s for tests: by default the report of
 * {@link makeReport}, the metrics of {@link makeMetrics}, a one-line
 * Markdown runbook, the three-point history of {@link makeHistory}, the rollup of {@link makeGroupRollup}, one entity of
 * {@link makeSummary} and one cluster of {@link makeCluster}; `impl`
 * replaces any method.
 *
 * @internal
 */
export function fakeServiceMeshApi(impl: Partial<ServiceMeshApi> = {}): {
  [K in keyof ServiceMeshApi]: Mocked<K>;
} {
  return {
    getEntityReport: jest.fn(
      impl.getEntityReport ?? (async () => makeReport()),
    ),
    getEntityMetrics: jest.fn(
      impl.getEntityMetrics ?? (async () => makeMetrics()),
    ),
    getRunbookMarkdown: jest.fn(
      impl.getRunbookMarkdown ?? (async () => '# Runbook\n'),
    ),
    getEntityHistory: jest.fn(
      impl.getEntityHistory ?? (async () => makeHistory()),
    ),
    getGroupRollup: jest.fn(
      impl.getGroupRollup ?? (async () => makeGroupRollup()),
    ),
    getEntities: jest.fn(
      impl.getEntities ??
        (async () => ({ entities: [makeSummary()], errors: [] })),
    ),
    getClusters: jest.fn(
      impl.getClusters ??
        (async () => ({ clusters: [makeCluster()], errors: [] })),
    ),
  };
}
