import { mockServices, registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { serviceMeshFactRetriever } from './serviceMeshFactRetriever';

describe('serviceMeshFactRetriever', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const discovery = mockServices.discovery.mock({ getBaseUrl: async () => 'http://mesh.test/api/service-mesh' });
  const context = () => ({
    discovery,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig(),
    urlReader: {} as any,
  });

  it('turns every summary into facts, with plugin credentials', async () => {
    let authorization: string | null = null;
    server.use(http.get('http://mesh.test/api/service-mesh/v1/entities', ({ request }) => {
      authorization = request.headers.get('authorization');
      return HttpResponse.json({
        entities: [{ entityRef: 'component:default/cart', state: 'meshed', meshedPods: 3, totalPods: 3, inboundTlsRatio: 1, score: 80, triggersFired: ['scale'], warnings: 0, clusters: ['c'] }],
        errors: [],
      });
    }));
    const facts = await serviceMeshFactRetriever.handler(context());
    expect(facts).toEqual([{ entity: { kind: 'component', namespace: 'default', name: 'cart' }, facts: { meshed: true, meshedPodRatio: 1, mtlsInboundRatio: 1, adoptionScore: 80, triggersFired: 1, findingsWarning: 0 } }]);
    expect(authorization).toMatch(/^Bearer /);
  });

  it('fails the run with the backend\'s error', async () => {
    server.use(http.get('http://mesh.test/api/service-mesh/v1/entities', () => HttpResponse.json({ error: { name: 'NotAllowedError', message: 'denied' } }, { status: 403 })));
    await expect(serviceMeshFactRetriever.handler(context())).rejects.toThrow(/403/);
  });
});
