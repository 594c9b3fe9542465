/**
 * Meshlens frontend plugin: Linkerd service-mesh status of catalog entities.
 *
 * @packageDocumentation
 */
export {
  serviceMeshPlugin,
  EntityServiceMeshContent,
  EntityServiceMeshCard,
  EntityGroupServiceMeshCard,
  ServiceMeshPage,
} from './plugin';
export { serviceMeshPageRouteRef } from './routes';
export { serviceMeshApiRef } from './api/ServiceMeshApi';
export type { ServiceMeshApi } from './api/ServiceMeshApi';
export { ServiceMeshClient } from './api/ServiceMeshClient';
export { isServiceMeshAvailable } from './utils/isServiceMeshAvailable';
export { kubernetesAnnotations } from './utils/kubernetesAnnotations';
