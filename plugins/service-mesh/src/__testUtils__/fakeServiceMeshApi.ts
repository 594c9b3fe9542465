import { ServiceMeshApi } from '../api/ServiceMeshApi';
import { makeMetrics } from './makeMetrics';
import { makeReport } from './makeReport';

/**
 * A {@link ServiceMeshApi} of `jest.fn`s for tests: by default the report of
 * {@link makeReport}, the metrics of {@link makeMetrics} and a one-line
 * Markdown runbook; `impl` replaces any method.
 *
 * @internal
 */
export function fakeServiceMeshApi(impl: Partial<ServiceMeshApi> = {}): {
  getEntityReport: jest.Mock<
    ReturnType<ServiceMeshApi['getEntityReport']>,
    Parameters<ServiceMeshApi['getEntityReport']>
  >;
  getEntityMetrics: jest.Mock<
    ReturnType<ServiceMeshApi['getEntityMetrics']>,
    Parameters<ServiceMeshApi['getEntityMetrics']>
  >;
  getRunbookMarkdown: jest.Mock<
    ReturnType<ServiceMeshApi['getRunbookMarkdown']>,
    Parameters<ServiceMeshApi['getRunbookMarkdown']>
  >;
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
  };
}
