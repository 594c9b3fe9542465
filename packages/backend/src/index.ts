/*
 * The Meshlens demo backend: catalog, guest sign-in, permissions, notifications, Tech Insights
 * scorecards, the app, and the service-mesh plugin. With no `serviceMesh` config it serves the
 * bundled homelab snapshots.
 */
import { createBackend } from '@backstage/backend-defaults';
import { permissionPolicyModule } from './modules/permissionPolicyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything; `permission.serviceMesh.readers` can restrict service-mesh.entity.read.
backend.add(permissionPolicyModule);
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'));
backend.add(import('@meshlens/plugin-tech-insights-backend-module-service-mesh'));
backend.add(import('@meshlens/plugin-service-mesh-backend'));
// The Backstage Kubernetes backend, for adopters who run it beside Meshlens and for the
// side-by-side benchmark (test/bench). It needs `kubernetes.clusterLocatorMethods` config.
if (process.env.MESHLENS_KUBERNETES_BACKEND === 'true') {
  backend.add(import('@backstage/plugin-kubernetes-backend'));
}

backend.start();
