import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { hasKubernetesAnnotation } from '@meshlens/plugin-service-mesh-common';

/** The kinds Meshlens reports on. */
export const REPORTED_KINDS = ['Component', 'Resource', 'System'];

/** Catalog entities tied to Kubernetes by annotation that `credentials` may see. */
export async function kubernetesEntities(catalog: CatalogService, credentials: BackstageCredentials): Promise<Entity[]> {
  const { items } = await catalog.getEntities({ filter: { kind: REPORTED_KINDS } }, { credentials });
  return items.filter(e => hasKubernetesAnnotation(e));
}
