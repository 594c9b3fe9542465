import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { serviceMeshApiRef } from './api/ServiceMeshApi';
import { ServiceMeshClient } from './api/ServiceMeshClient';
import { rootRouteRef } from './routes';

/**
 * The Meshlens service-mesh plugin for the legacy frontend system.
 *
 * @public
 */
export const serviceMeshPlugin = createPlugin({
  id: 'service-mesh',
  apis: [
    createApiFactory({
      api: serviceMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ServiceMeshClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The Service Mesh tab for entity pages (legacy frontend system).
 *
 * @public
 */
export const EntityServiceMeshContent = serviceMeshPlugin.provide(
  createRoutableExtension({
    name: 'EntityServiceMeshContent',
    component: () =>
      import(
        './components/EntityServiceMeshContent/EntityServiceMeshContent'
      ).then(m => m.EntityServiceMeshContent),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The service-mesh overview card for entity pages (legacy frontend system).
 *
 * @public
 */
export const EntityServiceMeshCard = serviceMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceMeshCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceMeshCard/EntityServiceMeshCard').then(
          m => m.EntityServiceMeshCard,
        ),
    },
  }),
);
