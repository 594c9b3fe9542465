/*
 * The Meshlens demo backend: catalog, guest sign-in, permissions, the app, and the
 * service-mesh plugin. With no `serviceMesh` config it serves the bundled homelab snapshots.
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
backend.add(import('@meshlens/plugin-service-mesh-backend'));

backend.start();
