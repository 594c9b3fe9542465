import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GkeLocatorOptions } from '../../config/kubernetesPluginClusters';
import { ClusterLocatorsConfig } from '../../config/ServiceMeshConfig';
import type { Located } from '../ClusterRegistry';
import { catalogClusters } from './catalogClusters';
import { GkeClient, gkeClusters } from './gkeClusters';

/** What the locators read from. */
export interface LocatorDeps {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  gkeClient: (options: GkeLocatorOptions) => Promise<GkeClient>;
}

/**
 * Runs every catalog and GKE locator once; a failing locator is reported, the others still
 * count. `serviceMesh.clusters` entries of the same name are laid over what was found.
 */
export async function locateClusters(locators: ClusterLocatorsConfig, deps: LocatorDeps): Promise<Located> {
  const out: Located = { clusters: [], refused: [], failures: [] };
  await Promise.all([
    ...locators.catalog.map(async options => {
      try {
        for (const found of await catalogClusters(deps.catalog, deps.auth, options, deps.logger)) {
          if ('cluster' in found) out.clusters.push(found.cluster);
          else out.refused.push({ name: found.name, reason: found.reason });
        }
      } catch (e) {
        out.failures.push({ key: options.key, message: `catalog: ${(e as Error).message}` });
      }
    }),
    ...locators.gke.map(async options => {
      try {
        out.clusters.push(...await gkeClusters(options, await deps.gkeClient(options)));
      } catch (e) {
        out.failures.push({ key: options.key, message: (e as Error).message });
      }
    }),
  ]);
  out.clusters = out.clusters.map(c => locators.overlays.get(c.name)?.(c) ?? c);
  return out;
}
