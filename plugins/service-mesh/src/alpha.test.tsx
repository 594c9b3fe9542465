import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
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
import { makeMetrics } from './__testUtils__/makeMetrics';
import { makeReport } from './__testUtils__/makeReport';

const annotated = makeEntity({ 'backstage.io/kubernetes-id': 'checkout' });
const api: ServiceMeshApi = {
  getEntityReport: async () => makeReport(),
  getEntityMetrics: async () => makeMetrics(),
  getRunbookMarkdown: async () => '# Runbook\n',
};

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
    expect(await screen.findByText('Callers (1h)')).toBeInTheDocument();
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
});
