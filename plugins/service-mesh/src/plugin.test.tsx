import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ServiceMeshApi, serviceMeshApiRef } from './api/ServiceMeshApi';
import { makeEntity } from './__testUtils__/makeEntity';
import { makeMetrics } from './__testUtils__/makeMetrics';
import { makeReport } from './__testUtils__/makeReport';
import {
  EntityServiceMeshCard,
  EntityServiceMeshContent,
  serviceMeshPlugin,
} from './plugin';

describe('serviceMeshPlugin (legacy frontend system)', () => {
  const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
  const api: ServiceMeshApi = {
    getEntityReport: async () => makeReport(),
    getEntityMetrics: async () => makeMetrics(),
    getRunbookMarkdown: async () => '# Runbook\n',
  };

  it('has the service-mesh id and provides the API', () => {
    expect(serviceMeshPlugin.getId()).toBe('service-mesh');
    expect(
      [...serviceMeshPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.service-mesh.api']);
  });

  it('renders the EntityServiceMeshContent extension on a route', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <EntityProvider entity={entity}>
          <Routes>
            <Route path="/*" element={<EntityServiceMeshContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
      // Entity pages, where the tab lives, always mount the catalog's entity route.
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(screen.getByText('opaque-ports-required')).toBeInTheDocument();
    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
  });

  it('renders the EntityServiceMeshCard extension', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityServiceMeshCard />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
  });
});
