import { mockServices } from '@backstage/backend-test-utils';
import { ClusterWatch } from './ClusterWatch';

/**
 * A fake client-node at the seam: every list answers empty, except the custom-objects API, whose
 * answers the test scripts. Watches stay open until the test stops the ClusterWatch.
 */
function fakeClient(customAnswer: () => Promise<unknown>) {
  const emptyList = async () => ({ items: [], metadata: { resourceVersion: '1' } });
  const api = new Proxy({}, { get: () => emptyList });
  const custom = { listClusterCustomObject: () => customAnswer() };
  const CustomObjectsApi = class {};
  const client: any = {
    Watch: class { async watch() { return new AbortController(); } },
    CoreV1Api: class {}, AppsV1Api: class {}, BatchV1Api: class {}, AdmissionregistrationV1Api: class {},
    CustomObjectsApi,
  };
  const kc: any = { makeApiClient: (cls: unknown) => (cls === CustomObjectsApi ? custom : api) };
  return { client, kc };
}

describe('ClusterWatch custom kinds', () => {
  afterEach(() => jest.useRealTimers());

  it('treats 404 on every version as "not installed", with no error', async () => {
    const { client, kc } = fakeClient(async () => { throw Object.assign(new Error('not found'), { code: 404 }); });
    const w = new ClusterWatch('c', kc, client, 'linkerd', mockServices.logger.mock());
    await w.start();
    expect([w.isSynced(), w.policyCrdsServed(), w.errors()]).toEqual([true, false, []]);
    await w.stop();
  });

  it('reports a kind it could not discover and retries until it is served', async () => {
    jest.useFakeTimers();
    let reachable = false;
    const { client, kc } = fakeClient(async () => {
      if (!reachable) throw Object.assign(new Error('connect ECONNREFUSED'), { code: undefined });
      return { items: [], metadata: { resourceVersion: '1' } };
    });
    const w = new ClusterWatch('c', kc, client, 'linkerd', mockServices.logger.mock());
    await w.start();
    expect(w.policyCrdsServed()).toBe(false);
    expect(w.errors()).toEqual(expect.arrayContaining([{ source: 'cluster:c/Server.policy.linkerd.io', message: 'connect ECONNREFUSED' }]));
    reachable = true;
    await jest.advanceTimersByTimeAsync(1000);
    expect(w.policyCrdsServed()).toBe(true);
    expect(w.errors()).toEqual([]);
    await w.stop();
  });
});
