import { ServiceMeshApi } from '../api/ServiceMeshApi';
import { makeMetrics } from './makeMetrics';
import { makeReport } from './makeReport';

/**
 * A {@link ServiceMeshApi} of `jest.fn`s for tests: by default the report of
 * {@link makeReport} and the metrics of {@link makeMetrics}; `impl` replaces
 * either method.
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
} {
  return {
    getEntityReport: jest.fn(
      impl.getEntityReport ?? (async () => makeReport()),
    ),
    getEntityMetrics: jest.fn(
      impl.getEntityMetrics ?? (async () => makeMetrics()),
    ),
  };
}
