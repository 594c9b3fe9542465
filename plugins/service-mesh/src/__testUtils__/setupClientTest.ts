import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { ServiceMeshClient } from '../api/ServiceMeshClient';

/** The fake backend URL the client tests use. */
export const TEST_BASE_URL = 'http://meshlens.test/api/service-mesh';

/**
 * An msw server (with Backstage's test hooks) and a real ServiceMeshClient pointed at it.
 * Call inside a `describe`.
 */
export function setupClientTest() {
  const server = setupServer();
  registerMswTestHooks(server);
  const discoveryApi = {
    getBaseUrl: jest.fn(async (_pluginId: string) => TEST_BASE_URL),
  };
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  };
  return {
    server,
    discoveryApi,
    baseUrl: TEST_BASE_URL,
    client: new ServiceMeshClient({ discoveryApi, fetchApi }),
  };
}
