import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ServiceMeshApi, serviceMeshApiRef } from './api/ServiceMeshApi';
import { makeEntity } from './__testUtils__/makeEntity';
import { fakeServiceMeshApi } from './__testUtils__/fakeServiceMeshApi';
// The package's public entry point, as a legacy app imports it.
import * as publicApi from './index';
import {
  EntityGroupServiceMeshCard,
  EntityServiceMeshCard,
  ServiceMeshPage,
  EntityServiceMeshContent,
  serviceMeshPlugin,
} from './index';

describe('serviceMeshPlugin (legacy frontend system)', () => {
  const entity = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
  const api: ServiceMeshApi = fakeServiceMeshApi();

  it('has the service-mesh id and provides the API', () => {
    expect(serviceMeshPlugin.getId()).toBe('service-mesh');
    expect(
      [...serviceMeshPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.service-mesh.api']);
  });

  it('exports the plugin, its four extensions and their helpers', () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      'EntityGroupServiceMeshCard',
      'EntityServiceMeshCard',
      'EntityServiceMeshContent',
      'ServiceMeshClient',
      'ServiceMeshPage',
      'isServiceMeshAvailable',
      'kubernetesAnnotations',
      'serviceMeshApiRef',
      'serviceMeshPageRouteRef',
      'serviceMeshPlugin',
    ]);
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
    expect(
      await screen.findByText(/Inbound traffic over the last 1h/),
    ).toBeInTheDocument();
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

  it('renders the EntityGroupServiceMeshCard extension', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'team-a', namespace: 'default' },
            spec: { type: 'team', children: [] },
          }}
        >
          <EntityGroupServiceMeshCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('Mesh coverage')).toBeInTheDocument();
  });

  it('renders the ServiceMeshPage extension', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[serviceMeshApiRef, api]]}>
        <Routes>
          <Route path="/service-mesh" element={<ServiceMeshPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/service-mesh'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(await screen.findByText('Entities (1 of 1)')).toBeInTheDocument();
    expect(await screen.findByText('edge-25.1.1')).toBeInTheDocument();
  });
});
