import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactNode } from 'react';
import { ServiceMeshApi, serviceMeshApiRef } from '../api/ServiceMeshApi';

/**
 * Renders `children` in a test app with a fake {@link ServiceMeshApi} and the
 * given entity in context; entity pages are mounted at
 * `/catalog/:namespace/:kind/:name` so that entity links resolve; `path`
 * (e.g. `/?tab=traffic`) is the URL the test app starts at.
 *
 * @internal
 */
export function renderWithEntity(
  children: ReactNode,
  options: { api: ServiceMeshApi; entity: Entity; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceMeshApiRef, options.api]]}>
      <EntityProvider entity={options.entity}>{children}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
