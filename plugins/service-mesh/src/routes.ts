import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Root route of the Service Mesh entity tab.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'service-mesh',
});
