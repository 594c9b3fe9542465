import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import {
  setupClientTest,
  TEST_BASE_URL,
} from '../__testUtils__/setupClientTest';
import { makeHistory } from '../__testUtils__/makeHistory';

const baseUrl = TEST_BASE_URL;
const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('ServiceMeshClient.getEntityHistory', () => {
  const { server, discoveryApi, client } = setupClientTest();

  it('fetches the history of an entity without a limit by default', async () => {
    const history = makeHistory();
    let search: string | undefined;
    server.use(
      http.get(
        `${baseUrl}/v1/entities/component/default/checkout/history`,
        ({ request }) => {
          search = new URL(request.url).search;
          return HttpResponse.json(history);
        },
      ),
    );

    await expect(client.getEntityHistory(checkout)).resolves.toEqual(history);
    expect(search).toBe('');
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('service-mesh');
  });

  it('sends the limit as a query parameter', async () => {
    let limit: string | null = null;
    server.use(
      http.get(
        `${baseUrl}/v1/entities/component/default/checkout/history`,
        ({ request }) => {
          limit = new URL(request.url).searchParams.get('limit');
          return HttpResponse.json(makeHistory([]));
        },
      ),
    );

    await expect(client.getEntityHistory(checkout, 96)).resolves.toEqual(
      makeHistory([]),
    );
    expect(limit).toBe('96');
  });

  it('lowercases the kind and encodes every path segment', async () => {
    let requestedPath: string | undefined;
    server.use(
      http.get(`${baseUrl}/v1/entities/*`, ({ request }) => {
        requestedPath = new URL(request.url).pathname;
        return HttpResponse.json(makeHistory([]));
      }),
    );

    await client.getEntityHistory({
      kind: 'Component',
      namespace: 'team a',
      name: 'a/b?c',
    });

    expect(requestedPath).toBe(
      '/api/service-mesh/v1/entities/component/team%20a/a%2Fb%3Fc/history',
    );
  });

  it('throws a ResponseError with status 503 when history is disabled', async () => {
    server.use(
      http.get(
        `${baseUrl}/v1/entities/component/default/checkout/history`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'ServiceUnavailableError',
                message:
                  'Mesh history is disabled (serviceMesh.history.enabled: false)',
              },
              response: { statusCode: 503 },
            },
            { status: 503 },
          ),
      ),
    );

    const error = await client.getEntityHistory(checkout).catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.body.error.message).toBe(
      'Mesh history is disabled (serviceMesh.history.enabled: false)',
    );
  });
});
