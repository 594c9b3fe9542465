import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isServiceMeshAvailable } from '@meshlens/plugin-service-mesh';

/**
 * The service-mesh scorecard on the overview of entities with the Kubernetes
 * annotations: the Meshlens checks of Tech Insights. A stand-in for the
 * community Tech Insights frontend, which this app does not install.
 */
export const ServiceMeshScorecard = EntityCardBlueprint.make({
  name: 'service-mesh-scorecard',
  params: {
    filter: isServiceMeshAvailable,
    loader: () =>
      import('./ServiceMeshScorecardCard').then(m => (
        <m.ServiceMeshScorecardCard />
      )),
  },
});
