import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import {
  setupClientTest,
  TEST_BASE_URL,
} from '../__testUtils__/setupClientTest';
import { makeCluster } from '../__testUtils__/makeCluster';
import { makeGroupRollup } from '../__testUtils__/makeGroupRollup';
import { makeSummary } from '../__testUtils__/makeSummary';

const baseUrl = TEST_BASE_URL;

describe('ServiceMeshClient rollups', () => {
  const { server, discoveryApi, client } = setupClientTest();

  it('fetches the rollup of a group by namespace and name', async () => {
    const rollup = makeGroupRollup();
    server.use(
      http.get(`${baseUrl}/v1/groups/default/team-a`, () =>
        HttpResponse.json(rollup),
      ),
    );

    await expect(
      client.getGroupRollup({
        kind: 'Group',
        namespace: 'default',
        name: 'team-a',
      }),
    ).resolves.toEqual(rollup);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('service-mesh');
  });

  it('encodes the group path segments', async () => {
    let requestedPath: string | undefined;
    server.use(
      http.get(`${baseUrl}/v1/groups/*`, ({ request }) => {
        requestedPath = new URL(request.url).pathname;
        return HttpResponse.json(makeGroupRollup());
      }),
    );

    await client.getGroupRollup({
      kind: 'group',
      namespace: 'org a',
      name: 'a/b',
    });

    expect(requestedPath).toBe('/api/service-mesh/v1/groups/org%20a/a%2Fb');
  });

  it('throws a ResponseError on 404 for an unknown group', async () => {
    server.use(
      http.get(`${baseUrl}/v1/groups/default/nobody`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such group' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getGroupRollup({ kind: 'group', namespace: 'default', name: 'nobody' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No such group');
  });

  it('lists the entities', async () => {
    const list = { entities: [makeSummary()], errors: [] };
    server.use(
      http.get(`${baseUrl}/v1/entities`, () => HttpResponse.json(list)),
    );

    await expect(client.getEntities()).resolves.toEqual(list);
  });

  it('lists the clusters', async () => {
    const body = { clusters: [makeCluster()] };
    server.use(
      http.get(`${baseUrl}/v1/clusters`, () => HttpResponse.json(body)),
    );

    await expect(client.getClusters()).resolves.toEqual(body);
  });

  it('throws a ResponseError when listing the clusters fails', async () => {
    server.use(
      http.get(
        `${baseUrl}/v1/clusters`,
        () => new HttpResponse('boom', { status: 500 }),
      ),
    );

    const error = await client.getClusters().catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
  });
});
