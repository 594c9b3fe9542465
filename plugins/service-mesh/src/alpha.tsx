import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import SettingsEthernetIcon from '@material-ui/icons/SettingsEthernet';
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

const serviceMeshGroupCard = EntityCardBlueprint.make({
  name: 'group',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import(
        './components/EntityGroupServiceMeshCard/EntityGroupServiceMeshCard'
      ).then(m => <m.EntityGroupServiceMeshCard />),
  },
});

const pageRouteRef = createRouteRef();

const serviceMeshPage = PageBlueprint.make({
  params: {
    path: '/service-mesh',
    title: 'Service Mesh',
    icon: <SettingsEthernetIcon />,
    routeRef: pageRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/ServiceMeshPage/ServiceMeshPage').then(m => (
        <m.ServiceMeshPage />
      )),
  },
});

/**
 * The Meshlens service-mesh plugin for the new frontend system: the
 * `ServiceMeshApi`, the Service Mesh entity tab, the overview card, the group card
 * and the Service Mesh page (with its nav item).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'service-mesh',
  routes: { page: pageRouteRef },
  extensions: [
    serviceMeshApi,
    serviceMeshEntityContent,
    serviceMeshEntityCard,
    serviceMeshGroupCard,
    serviceMeshPage,
  ],
});
