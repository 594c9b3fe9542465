import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { serviceMeshApiRef } from './api/ServiceMeshApi';
import { ServiceMeshClient } from './api/ServiceMeshClient';
import { isServiceMeshAvailable } from './utils/isServiceMeshAvailable';

const serviceMeshApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: serviceMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ServiceMeshClient({ discoveryApi, fetchApi }),
    }),
});

const serviceMeshEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'service-mesh',
    title: 'Service Mesh',
    filter: isServiceMeshAvailable,
    loader: () =>
      import(
        './components/EntityServiceMeshContent/EntityServiceMeshContent'
      ).then(m => <m.EntityServiceMeshContent />),
  },
});

const serviceMeshEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isServiceMeshAvailable,
    loader: () =>
      import('./components/EntityServiceMeshCard/EntityServiceMeshCard').then(
        m => <m.EntityServiceMeshCard />,
      ),
  },
});

/**
 * The Meshlens service-mesh plugin for the new frontend system: the
 * `ServiceMeshApi`, the Service Mesh entity tab and the overview card.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'service-mesh',
  extensions: [serviceMeshApi, serviceMeshEntityContent, serviceMeshEntityCard],
});
