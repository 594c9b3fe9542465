import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import {
  setupClientTest,
  TEST_BASE_URL,
} from '../__testUtils__/setupClientTest';
import { makeMetrics } from '../__testUtils__/makeMetrics';
import { makeReport } from '../__testUtils__/makeReport';

const baseUrl = TEST_BASE_URL;

describe('ServiceMeshClient', () => {
  const { server, discoveryApi, client } = setupClientTest();

  it('fetches the report of an entity from the service-mesh backend', async () => {
    const report = makeReport();
    server.use(
      http.get(`${baseUrl}/v1/entities/component/default/checkout`, () =>
        HttpResponse.json(report),
      ),
    );

    await expect(
      client.getEntityReport({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).resolves.toEqual(report);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('service-mesh');
  });

  it('lowercases the kind and encodes every path segment', async () => {
    let requestedPath: string | undefined;
    server.use(
      http.get(`${baseUrl}/v1/entities/*`, ({ request }) => {
        requestedPath = new URL(request.url).pathname;
        return HttpResponse.json(makeReport());
      }),
    );

    await client.getEntityReport({
      kind: 'Component',
      namespace: 'team a',
      name: 'a/b?c',
    });

    expect(requestedPath).toBe(
      '/api/service-mesh/v1/entities/component/team%20a/a%2Fb%3Fc',
    );
  });

  it('throws a ResponseError carrying the backend error on 404', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/component/default/missing`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            request: {
              method: 'GET',
              url: '/v1/entities/component/default/missing',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getEntityReport({
        kind: 'component',
        namespace: 'default',
        name: 'missing',
      })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No such entity');
  });

  it('throws a ResponseError on 400 even without a JSON body', async () => {
    server.use(
      http.get(
        `${baseUrl}/v1/entities/component/default/bad`,
        () => new HttpResponse('bad input', { status: 400 }),
      ),
    );

    const error = await client
      .getEntityReport({ kind: 'component', namespace: 'default', name: 'bad' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
  });

  describe('getEntityMetrics', () => {
    it('fetches the metrics of an entity with the window as query parameter', async () => {
      const metrics = makeMetrics({ window: '6h', windowSeconds: 21600 });
      let requestedWindow: string | null = null;
      server.use(
        http.get(
          `${baseUrl}/v1/entities/component/default/checkout/metrics`,
          ({ request }) => {
            requestedWindow = new URL(request.url).searchParams.get('window');
            return HttpResponse.json(metrics);
          },
        ),
      );

      await expect(
        client.getEntityMetrics(
          { kind: 'Component', namespace: 'default', name: 'checkout' },
          '6h',
        ),
      ).resolves.toEqual(metrics);
      expect(requestedWindow).toBe('6h');
    });

    it('encodes the path segments and the window', async () => {
      let requested: URL | undefined;
      server.use(
        http.get(`${baseUrl}/v1/entities/*`, ({ request }) => {
          requested = new URL(request.url);
          return HttpResponse.json(makeMetrics());
        }),
      );

      await client.getEntityMetrics(
        { kind: 'Component', namespace: 'team a', name: 'a/b?c' },
        '5m&x=1',
      );

      expect(requested?.pathname).toBe(
        '/api/service-mesh/v1/entities/component/team%20a/a%2Fb%3Fc/metrics',
      );
      expect(requested?.search).toBe('?window=5m%26x%3D1');
      expect(requested?.searchParams.get('window')).toBe('5m&x=1');
    });

    it('throws a ResponseError carrying the backend error on 400', async () => {
      server.use(
        http.get(
          `${baseUrl}/v1/entities/component/default/checkout/metrics`,
          () =>
            HttpResponse.json(
              {
                error: {
                  name: 'InputError',
                  message: 'Invalid window: use a duration from 1m to 24h',
                },
                response: { statusCode: 400 },
              },
              { status: 400 },
            ),
        ),
      );

      const error = await client
        .getEntityMetrics(
          { kind: 'component', namespace: 'default', name: 'checkout' },
          '2d',
        )
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toMatch(/Invalid window/);
    });
  });
});
