/**
 * Meshlens backend plugin.
 *
 * @packageDocumentation
 */
export { serviceMeshPlugin as default } from './plugin';
export { readServiceMeshConfig } from './config/ServiceMeshConfig';
export type { ServiceMeshConfig, ClusterConfig } from './config/ServiceMeshConfig';
