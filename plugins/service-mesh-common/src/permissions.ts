import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the mesh status, metrics, adoption and runbook of catalog entities, team rollups and
 * clusters. Checked on every route with the caller's credentials.
 *
 * @public
 */
export const serviceMeshEntityReadPermission = createPermission({
  name: 'service-mesh.entity.read',
  attributes: { action: 'read' },
});

/** Every permission of the plugin, for registration and policies. @public */
export const serviceMeshPermissions = [serviceMeshEntityReadPermission];
