import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { serviceMeshApiRef } from '../../api/ServiceMeshApi';
import { fakeServiceMeshApi } from '../../__testUtils__/fakeServiceMeshApi';
import { makeEdge } from '../../__testUtils__/makeEdge';
import { makeMetrics } from '../../__testUtils__/makeMetrics';
import { makeSummary } from '../../__testUtils__/makeSummary';
import { ClusterTrafficGraph } from './ClusterTrafficGraph';

describe('ClusterTrafficGraph', () => {
  it('builds the graph of a cluster from its meshed entities, each edge once', async () => {
    const api = fakeServiceMeshApi({
      getEntityMetrics: async ref =>
        ref.name === 'web-ui'
          ? makeMetrics({
              callers: [],
              callees: [
                makeEdge({
                  workload: 'shop/Deployment/web-ui',
                  peer: 'shop/Deployment/checkout',
                  peerEntityRef: 'component:default/checkout',
                }),
              ],
            })
          : makeMetrics({
              callers: [
                makeEdge({
                  peer: 'shop/Deployment/web-ui',
                  workload: 'shop/Deployment/checkout',
                }),
              ],
              callees: [],
            }),
    });
    const entities = [
      makeSummary({
        entityRef: 'component:default/checkout',
        state: 'meshed',
        clusters: ['homelab'],
      }),
      makeSummary({
        entityRef: 'component:default/web-ui',
        state: 'partial',
        clusters: ['homelab'],
      }),
      makeSummary({
        entityRef: 'component:default/legacy',
        state: 'unmeshed',
        clusters: ['homelab'],
      }),
    ];
    const { container } = await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <ClusterTrafficGraph entities={entities} />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    await waitFor(() =>
      expect(container.querySelectorAll('path[data-edge]')).toHaveLength(1),
    );
    expect(api.getEntityMetrics).toHaveBeenCalledTimes(2);
    expect(api.getEntityMetrics).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'web-ui' }),
      '1h',
    );
    expect(screen.getByText(/among the 2 meshed entities/)).toBeInTheDocument();
  });

  it('names the entities whose traffic failed to load', async () => {
    const api = fakeServiceMeshApi({
      getEntityMetrics: async () => {
        throw new Error('boom');
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <ClusterTrafficGraph
          entities={[
            makeSummary({
              entityRef: 'component:default/checkout',
              state: 'meshed',
              clusters: ['homelab'],
            }),
          ]}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'Could not load the traffic of component:default/checkout.',
      ),
    ).toBeInTheDocument();
  });

  it('says when no entity is meshed', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, fakeServiceMeshApi()]]}>
        <ClusterTrafficGraph entities={[makeSummary({ state: 'unmeshed' })]} />
      </TestApiProvider>,
    );
    expect(screen.getByText(/No meshed entity yet/)).toBeInTheDocument();
  });
});
