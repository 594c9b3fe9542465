/**
 * Meshlens facts for Tech Insights scorecards.
 *
 * @packageDocumentation
 */
export { techInsightsModuleServiceMesh as default } from './module';
export { serviceMeshFactRetriever } from './serviceMeshFactRetriever';
export { meshFacts, MESH_FACT_SCHEMA } from './meshFacts';
