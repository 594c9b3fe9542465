import { mockCredentials, mockServices, startTestBackend, createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { serviceMeshPlugin } from './plugin';
import { SNAPSHOT_FILES } from './__testUtils__/snapshotFiles';

const entity = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

// Each test starts a real test backend with the plugin: seconds, more on a busy machine.
jest.setTimeout(60_000);

describe('serviceMeshPlugin', () => {
  const dir = createMockDirectory();

  async function start(clusters: Array<Record<string, string>>, extra: any[] = []) {
    const { server } = await startTestBackend({
      features: [
        serviceMeshPlugin,
        ...extra,
        mockServices.rootConfig.factory({ data: { serviceMesh: { clusters } } }),
        catalogServiceMock.factory({
          entities: [
            entity('cart', { 'backstage.io/kubernetes-id': 'cart' }),
            entity('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
            entity('broken', { 'backstage.io/kubernetes-label-selector': 'app in (' }),
          ],
        }),
      ],
    });
    return server;
  }
  const get = (server: any, path: string) =>
    request(server).get(`/api/service-mesh${path}`).set('Authorization', mockCredentials.user.header());

  beforeAll(() => dir.setContent(SNAPSHOT_FILES));

  it('serves the entity report computed from a snapshot cluster', async () => {
    const server = await start([{ name: 'lab', source: 'snapshot', path: dir.path }]);
    const res = await get(server, '/v1/entities/component/default/cart');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/cart',
      state: 'meshed',
      workloads: [{ cluster: 'lab', namespace: 'shop', kind: 'Deployment', name: 'cart', state: 'meshed', meshedPods: 2, totalPods: 2, nativeSidecar: false, proxyVersion: 'edge-25.10.7' }],
      findings: [],
      errors: [],
      clusters: [{ name: 'lab', linkerdInstalled: true, linkerdVersion: 'edge-25.10.7' }],
    });
    expect(res.body.mtls).toBeUndefined();
    expect(res.body.adoption).toMatchObject({ recommendation: 'already-meshed', score: 0, cost: { sidecarMemoryMiB: 40, controlPlaneMemoryMiB: 0 } });
    expect(res.body.adoption.triggers.map((t: any) => t.id)).toEqual(['scale', 'multi-team', 'compliance', 'canary', 'observability']);
    const checkout = await get(server, '/v1/entities/component/default/checkout');
    expect(checkout.body.state).toBe('unmeshed');
    expect(checkout.body.findings.map((f: any) => f.code)).toEqual(['injection-pending-restart']);
  });

  it('answers 400 for bad parameters, 404 for unknown entities, 401 without credentials', async () => {
    const server = await start([{ name: 'lab', source: 'snapshot', path: dir.path }]);
    const bad = await get(server, '/v1/entities/component/Default%20NS/cart');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/namespace/);
    expect((await get(server, `/v1/entities/component/default/${'x'.repeat(70)}`)).status).toBe(400);
    const missing = await get(server, '/v1/entities/component/default/nope');
    expect(missing.status).toBe(404);
    const anonymous = await request(server).get('/api/service-mesh/v1/entities/component/default/cart').set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('names an unreadable cluster and a bad selector in errors while serving the rest', async () => {
    const server = await start([
      { name: 'lab', source: 'snapshot', path: dir.path },
      { name: 'gone', source: 'snapshot', path: `${dir.path}/missing` },
    ]);
    const res = await get(server, '/v1/entities/component/default/cart');
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('meshed');
    expect(res.body.errors).toEqual([{ source: 'cluster:gone', message: expect.stringContaining('does not exist') }]);
    const broken = await get(server, '/v1/entities/component/default/broken');
    expect(broken.status).toBe(200);
    expect(broken.body.state).toBe('no-workloads');
    expect(broken.body.errors[0].message).toMatch(/kubernetes-label-selector/);
  });

  it('answers 403 when a permission policy denies service-mesh.entity.read', async () => {
    const server = await start([{ name: 'lab', source: 'snapshot', path: dir.path }], [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]);
    for (const path of ['/v1/entities/component/default/cart', '/v1/clusters', '/v1/entities', '/v1/groups/default/team-a']) {
      const res = await get(server, path);
      expect([path, res.status, res.body.error?.message]).toEqual([path, 403, 'Not allowed to read service mesh data (service-mesh.entity.read)']);
    }
  });

  it('serves nothing without configured clusters, and says so in every answer and in its log', async () => {
    const logger = mockServices.logger.mock();
    const { server } = await startTestBackend({
      features: [
        serviceMeshPlugin,
        logger.factory,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({
          entities: [
            entity('cart', { 'backstage.io/kubernetes-id': 'cart' }),
            { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-a', namespace: 'default' }, spec: { type: 'team', children: [] } },
          ],
        }),
      ],
    });
    const noClusters = { source: 'config', message: expect.stringMatching(/^No clusters configured: add serviceMesh\.clusters/) };
    const paths = ['/v1/clusters', '/v1/entities', '/v1/entities/component/default/cart', '/v1/entities/component/default/cart/metrics', '/v1/entities/component/default/cart/runbook', '/v1/entities/component/default/cart/history', '/v1/groups/default/team-a'];
    for (const path of paths) {
      const res = await get(server, path);
      expect([path, res.status, res.body.errors]).toEqual([path, 200, [noClusters]]);
    }
    expect((await get(server, '/v1/clusters')).body.clusters).toEqual([]);
    expect((await get(server, '/v1/entities/component/default/cart')).body.state).toBe('no-workloads');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^No clusters configured: .*Every answer says so in errors\[\] until then\.$/));
  });

  it('logs the clusters it serves', async () => {
    const logger = mockServices.logger.mock();
    await startTestBackend({
      features: [serviceMeshPlugin, logger.factory, mockServices.rootConfig.factory({ data: { serviceMesh: { clusters: [{ name: 'lab', source: 'snapshot', path: dir.path }] } } }), catalogServiceMock.factory({ entities: [] })],
    });
    expect(logger.info).toHaveBeenCalledWith(`Serving 1 cluster(s): lab (snapshot ${dir.path})`);
  });

  it('answers 404 for an entity the caller may not see: one policy request for both permissions, then the entity under a conditional policy', async () => {
    const decide = (r: any) => (r.permission.name === 'catalog.entity.read' && r.resourceRef === 'component:default/checkout' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW);
    const authorize = jest.fn(async (requests: any[]) => requests.map(r => ({ result: decide(r) })));
    const authorizeConditional = jest.fn(async (requests: any[]) =>
      requests.map(r => (r.permission.name === 'catalog.entity.read'
        ? { result: AuthorizeResult.CONDITIONAL, pluginId: 'catalog', resourceType: 'catalog-entity', conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: [] } } }
        : { result: AuthorizeResult.ALLOW })),
    );
    const server = await start([{ name: 'lab', source: 'snapshot', path: dir.path }], [mockServices.permissions.mock({ authorize, authorizeConditional } as any).factory]);
    const hidden = await get(server, '/v1/entities/component/default/checkout');
    expect([hidden.status, hidden.body.error?.message]).toEqual([404, 'No entity component:default/checkout (or you may not see it)']);
    const seen = await get(server, '/v1/entities/component/default/cart');
    expect(seen.status).toBe(200);
    const names = (calls: any[][]) => calls.map(c => c[0].map((r: any) => `${r.permission.name} ${r.resourceRef ?? ''}`.trim()));
    expect(names(authorizeConditional.mock.calls)).toEqual([['service-mesh.entity.read', 'catalog.entity.read']]);
    expect(names(authorize.mock.calls)).toEqual([['catalog.entity.read component:default/checkout'], ['catalog.entity.read component:default/cart']]);
    const list = await get(server, '/v1/entities');
    expect(list.body.entities.map((e: any) => e.entityRef).sort()).toEqual(['component:default/broken', 'component:default/cart']);
    // The list asked only about the entity not decided yet, in one call.
    expect(names(authorize.mock.calls).at(-1)).toEqual(['catalog.entity.read component:default/broken']);
  });

  it('computes a report once per change: the same generatedAt, an ETag, and 304 for If-None-Match', async () => {
    const server = await start([{ name: 'lab', source: 'snapshot', path: dir.path }]);
    const first = await get(server, '/v1/entities/component/default/cart');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const second = await get(server, '/v1/entities/component/default/cart');
    expect(second.body.generatedAt).toBe(first.body.generatedAt);
    expect(second.headers.etag).toBe(first.headers.etag);
    const unchanged = await get(server, '/v1/entities/component/default/cart').set('If-None-Match', first.headers.etag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    const other = await get(server, '/v1/entities/component/default/cart?window=5m').set('If-None-Match', first.headers.etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('fails to start on invalid config, naming the key', async () => {
    await expect(start([{ name: 'x', source: 'ftp' }])).rejects.toThrow(/serviceMesh\.clusters\[0\]\.source/);
  });
});
