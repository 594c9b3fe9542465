import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * The demo portal's permission policy: everything is allowed, except that
 * `service-mesh.entity.read` can be limited to the users or groups listed in
 * `permission.serviceMesh.readers` (entity refs). Without that key, everyone may read.
 */
class DemoPolicy implements PermissionPolicy {
  constructor(private readonly readers?: string[]) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (request.permission.name !== 'service-mesh.entity.read' || !this.readers) return { result: AuthorizeResult.ALLOW };
    const refs = [user?.info.userEntityRef, ...(user?.info.ownershipEntityRefs ?? [])];
    return { result: refs.some(r => r && this.readers!.includes(r)) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}

/** Installs {@link DemoPolicy} in the permission backend. */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(new DemoPolicy(config.getOptionalStringArray('permission.serviceMesh.readers')));
      },
    });
  },
});
