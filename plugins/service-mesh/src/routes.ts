import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Root route of the Service Mesh entity tab.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'service-mesh',
});

/**
 * Route of the Service Mesh overview page (legacy frontend system).
 *
 * @public
 */
export const serviceMeshPageRouteRef = createRouteRef({
  id: 'service-mesh:page',
});
