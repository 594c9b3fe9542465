import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import {
  setupClientTest,
  TEST_BASE_URL,
} from '../__testUtils__/setupClientTest';

const baseUrl = TEST_BASE_URL;

const markdown = [
  '# Linkerd adoption runbook: component:default/checkout',
  '',
  '## Prerequisites',
  '',
].join('\n');

describe('ServiceMeshClient.getRunbookMarkdown', () => {
  const { server, discoveryApi, client } = setupClientTest();

  it('asks the runbook route for Markdown and returns the text', async () => {
    let accept: string | null = null;
    server.use(
      http.get(
        `${baseUrl}/v1/entities/component/default/checkout/runbook`,
        ({ request }) => {
          accept = request.headers.get('accept');
          return HttpResponse.text(markdown, {
            headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
          });
        },
      ),
    );

    await expect(
      client.getRunbookMarkdown({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).resolves.toBe(markdown);
    expect(accept).toBe('text/markdown');
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('service-mesh');
  });

  it('lowercases the kind and encodes every path segment', async () => {
    let requestedPath: string | undefined;
    server.use(
      http.get(`${baseUrl}/v1/entities/*`, ({ request }) => {
        requestedPath = new URL(request.url).pathname;
        return HttpResponse.text(markdown);
      }),
    );

    await client.getRunbookMarkdown({
      kind: 'Component',
      namespace: 'team a',
      name: 'a/b?c',
    });

    expect(requestedPath).toBe(
      '/api/service-mesh/v1/entities/component/team%20a/a%2Fb%3Fc/runbook',
    );
  });

  it('throws a ResponseError carrying the backend error on 404', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/component/default/missing/runbook`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    const error = await client
      .getRunbookMarkdown({
        kind: 'component',
        namespace: 'default',
        name: 'missing',
      })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No such entity');
  });
});
