import {
  discoveryApiRef,
  fetchApiRef,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { ServiceMeshScorecard } from './ServiceMeshScorecard';

const withAnnotations = (annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', annotations },
  spec: {},
});

describe('ServiceMeshScorecard', () => {
  it('is an entity card for entities with the Kubernetes annotations', () => {
    const tester = createExtensionTester(ServiceMeshScorecard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(
      filter?.(withAnnotations({ 'backstage.io/kubernetes-id': 'checkout' })),
    ).toBe(true);
    expect(
      filter?.(
        withAnnotations({
          'backstage.io/kubernetes-label-selector': 'app=checkout',
        }),
      ),
    ).toBe(true);
    expect(filter?.(withAnnotations({}))).toBe(false);
  });

  it('loads the scorecard card', async () => {
    const tester = createExtensionTester(ServiceMeshScorecard);
    const fetchApi: FetchApi = {
      fetch: async () =>
        new Response('[]', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    };

    renderInTestApp(
      <EntityProvider
        entity={withAnnotations({ 'backstage.io/kubernetes-id': 'checkout' })}
      >
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [discoveryApiRef, { getBaseUrl: async () => 'http://backend.test' }],
          [fetchApiRef, fetchApi],
        ],
      },
    );

    expect(
      await screen.findByText('Service mesh scorecard'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No Tech Insights facts yet'),
    ).toBeInTheDocument();
  });
});
