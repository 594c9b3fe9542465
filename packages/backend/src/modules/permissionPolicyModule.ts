import { readFileSync, statSync } from 'node:fs';
import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult, isResourcePermission, PolicyDecision } from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogConditions, createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';

/** Who may read catalog entities: everyone, no one, or the owners of each entity (a conditional decision). */
type CatalogRead = 'allow' | 'deny' | 'owners';

/** The policy's settings: `permission.serviceMesh.readers`, `permission.catalogEntityRead`. */
interface Rules {
  readers?: string[];
  catalogEntityRead: CatalogRead;
}

/**
 * The demo portal's permission policy: everything is allowed, except that
 * `service-mesh.entity.read` can be limited to the users or groups listed in
 * `permission.serviceMesh.readers` (entity refs), and `catalog.entity.read` can be
 * `permission.catalogEntityRead: deny` or `owners` (the catalog's own `isEntityOwner` condition,
 * applied by the permission backend and the catalog). `permission.policyFile` (JSON with the keys
 * `readers` and `catalogEntityRead`) overrides both and is re-read when it changes, so tests and
 * the benchmark can revoke a permission while the backend runs.
 */
class DemoPolicy implements PermissionPolicy {
  private file?: { mtimeMs: number; rules: Rules };

  constructor(private readonly rules: Rules, private readonly policyFile?: string) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const rules = this.current();
    if (request.permission.name === 'service-mesh.entity.read' && rules.readers) {
      const refs = [user?.info.userEntityRef, ...(user?.info.ownershipEntityRefs ?? [])];
      return { result: refs.some(r => r && rules.readers!.includes(r)) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (request.permission.name === 'catalog.entity.read' && isResourcePermission(request.permission, 'catalog-entity')) {
      if (rules.catalogEntityRead === 'deny') return { result: AuthorizeResult.DENY };
      if (rules.catalogEntityRead === 'owners') {
        return createCatalogConditionalDecision(request.permission, catalogConditions.isEntityOwner({ claims: user?.info.ownershipEntityRefs ?? [] }));
      }
    }
    return { result: AuthorizeResult.ALLOW };
  }

  private current(): Rules {
    if (!this.policyFile) return this.rules;
    const mtimeMs = statSync(this.policyFile).mtimeMs;
    if (this.file?.mtimeMs !== mtimeMs) {
      const parsed = JSON.parse(readFileSync(this.policyFile, 'utf8'));
      this.file = { mtimeMs, rules: { readers: parsed.readers, catalogEntityRead: parsed.catalogEntityRead ?? 'allow' } };
    }
    return this.file.rules;
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
        const catalogEntityRead = (config.getOptionalString('permission.catalogEntityRead') ?? 'allow') as CatalogRead;
        if (!['allow', 'deny', 'owners'].includes(catalogEntityRead)) throw new Error(`permission.catalogEntityRead must be allow, deny or owners, not "${catalogEntityRead}"`);
        const rules = { readers: config.getOptionalStringArray('permission.serviceMesh.readers'), catalogEntityRead };
        policy.setPolicy(new DemoPolicy(rules, config.getOptionalString('permission.policyFile')));
      },
    });
  },
});
