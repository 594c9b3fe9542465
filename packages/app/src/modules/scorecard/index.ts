import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { ServiceMeshScorecard } from './ServiceMeshScorecard';

/**
 * App module adding the service-mesh scorecard card to entity overviews.
 */
export const scorecardModule = createFrontendModule({
  pluginId: 'app',
  extensions: [ServiceMeshScorecard],
});
