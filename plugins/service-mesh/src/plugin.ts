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
import { rootRouteRef, serviceMeshPageRouteRef } from './routes';

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
    page: serviceMeshPageRouteRef,
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

/**
 * The service-mesh card for group pages: coverage over the entities the group
 * owns (legacy frontend system).
 *
 * @public
 */
export const EntityGroupServiceMeshCard = serviceMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupServiceMeshCard',
    component: {
      lazy: () =>
        import(
          './components/EntityGroupServiceMeshCard/EntityGroupServiceMeshCard'
        ).then(m => m.EntityGroupServiceMeshCard),
    },
  }),
);

/**
 * The Service Mesh overview page of clusters and entities (legacy frontend
 * system); mount it at `/service-mesh`.
 *
 * @public
 */
export const ServiceMeshPage = serviceMeshPlugin.provide(
  createRoutableExtension({
    name: 'ServiceMeshPage',
    component: () =>
      import('./components/ServiceMeshPage/ServiceMeshPage').then(
        m => m.ServiceMeshPage,
      ),
    mountPoint: serviceMeshPageRouteRef,
  }),
);
