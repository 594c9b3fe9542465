import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import serviceMeshPlugin from './alpha';
import { ServiceMeshApi, serviceMeshApiRef } from './api/ServiceMeshApi';
import { makeEntity } from './__testUtils__/makeEntity';
import { fakeServiceMeshApi } from './__testUtils__/fakeServiceMeshApi';

const annotated = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
const api: ServiceMeshApi = fakeServiceMeshApi();

describe('serviceMeshPlugin (new frontend system)', () => {
  it('is the service-mesh plugin with its API', () => {
    expect(serviceMeshPlugin.pluginId).toBe('service-mesh');
    const apiTester = createExtensionTester(
      serviceMeshPlugin.getExtension('api:service-mesh'),
    );
    expect(apiTester.get(ApiBlueprint.dataRefs.factory).api.id).toBe(
      'plugin.service-mesh.api',
    );
  });

  it('provides the Service Mesh entity tab for annotated entities', async () => {
    const tester = createExtensionTester(
      serviceMeshPlugin.getExtension('entity-content:service-mesh'),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('service-mesh');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Service Mesh',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotated)).toBe(true);
    expect(
      filter?.(
        makeEntity({ 'backstage.io/kubernetes-label-selector': 'app=a' }),
      ),
    ).toBe(true);
    expect(filter?.(makeEntity())).toBe(false);

    await renderInTestApp(
      <EntityProvider entity={annotated}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[serviceMeshApiRef, api]],
        // Entity pages, where the tab lives, always mount the catalog's entity route.
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
    expect(
      await screen.findByText(/Inbound traffic over the last 1h/),
    ).toBeInTheDocument();
  });

  it('provides the overview card for annotated entities', async () => {
    const tester = createExtensionTester(
      serviceMeshPlugin.getExtension('entity-card:service-mesh'),
    );

    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotated)).toBe(true);
    expect(filter?.(makeEntity())).toBe(false);

    await renderInTestApp(
      <EntityProvider entity={annotated}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[serviceMeshApiRef, api]] },
    );
    expect(await screen.findByText('Meshed pods 2/3')).toBeInTheDocument();
  });

  it('provides the group card for groups only', async () => {
    const tester = createExtensionTester(
      serviceMeshPlugin.getExtension('entity-card:service-mesh/group'),
    );
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };

    expect(tester.get(EntityCardBlueprint.dataRefs.filterExpression)).toBe(
      undefined,
    );
    await renderInTestApp(
      <EntityProvider entity={group}>{tester.reactElement()}</EntityProvider>,
      {
        apis: [[serviceMeshApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('Mesh coverage')).toBeInTheDocument();
  });

  it('provides the Service Mesh page at /service-mesh', async () => {
    const tester = createExtensionTester(
      serviceMeshPlugin.getExtension('page:service-mesh'),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('/service-mesh');
    expect(tester.get(coreExtensionData.title)).toBe('Service Mesh');
  });
});
