import { mockServices } from '@backstage/backend-test-utils';
import { ClusterConfig } from '../config/ServiceMeshConfig';
import { ClusterSource } from './ClusterSource';
import { ClusterRegistry, Located } from './ClusterRegistry';

const cluster = (name: string, url = `https://${name}`): ClusterConfig => ({ name, source: 'kubernetes', url, controlPlaneNamespace: 'linkerd', prometheusTimeoutMs: 5000 });

describe('ClusterRegistry', () => {
  it('follows the locators: adds, restarts a changed cluster, stops a vanished one, keeps the configured name', async () => {
    const created: string[] = [];
    const stopped: string[] = [];
    const make = (c: ClusterConfig): ClusterSource => {
      created.push(`${c.name} ${c.url}`);
      return { name: c.name, kind: 'kubernetes', getState: async () => ({ name: c.name, now: new Date(), synced: true, errors: [] }), stop: async () => { stopped.push(c.name); } } as ClusterSource;
    };
    const configured: ClusterSource = { name: 'static', kind: 'snapshot', getState: async () => ({ name: 'static', now: new Date(), synced: true, errors: [] }) };
    let found: Located = { clusters: [cluster('a'), cluster('b'), cluster('static')], refused: [{ name: 'oidc', reason: 'client-side' }], failures: [] };
    const registry = new ClusterRegistry([configured], async () => found, make, mockServices.logger.mock());
    const held = registry.sources;
    await registry.refresh();
    expect(held.map(s => s.name)).toEqual(['static', 'a', 'b', 'oidc']);
    expect((await held[3].getState()).errors[0].message).toBe('client-side');

    found = { clusters: [cluster('a'), cluster('b', 'https://b2')], refused: [], failures: [{ key: 'kubernetes.clusterLocatorMethods[0]', message: 'catalog: down' }] };
    await registry.refresh();
    expect(held.map(s => s.name)).toEqual(['static', 'a', 'b', 'kubernetes.clusterLocatorMethods[0]']);
    expect(created).toEqual(['a https://a', 'b https://b', 'b https://b2']);
    expect(stopped).toEqual(['b']);

    found = { clusters: [cluster('b', 'https://b2')], refused: [], failures: [] };
    await registry.refresh();
    expect(held.map(s => s.name)).toEqual(['static', 'b']);
    expect(stopped).toEqual(['b', 'a']);
  });

  it('keeps what it found when the locators fail', async () => {
    let fail = false;
    const registry = new ClusterRegistry([], async () => {
      if (fail) throw new Error('boom');
      return { clusters: [cluster('a')], refused: [], failures: [] };
    }, c => ({ name: c.name, kind: 'kubernetes', getState: async () => ({ name: c.name, now: new Date(), synced: true, errors: [] }) }), mockServices.logger.mock());
    await registry.refresh();
    fail = true;
    await registry.refresh();
    expect(registry.sources.map(s => s.name)).toEqual(['a']);
  });
});
