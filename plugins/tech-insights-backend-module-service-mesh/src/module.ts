import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { serviceMeshFactRetriever } from './serviceMeshFactRetriever';

/**
 * Adds the Meshlens fact retriever to Tech Insights. Schedule it under
 * `techInsights.factRetrievers.serviceMeshFactRetriever` (cadence, lifecycle); without that
 * entry Tech Insights does not run it.
 *
 * @public
 */
export const techInsightsModuleServiceMesh = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'service-mesh',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({ serviceMeshFactRetriever });
      },
    });
  },
});
