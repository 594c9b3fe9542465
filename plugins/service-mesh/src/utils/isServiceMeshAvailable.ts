import { Entity } from '@backstage/catalog-model';
import { kubernetesAnnotations } from './kubernetesAnnotations';

/**
 * Whether the Service Mesh tab and card apply to an entity: it carries
 * `backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`.
 *
 * @public
 */
export function isServiceMeshAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[kubernetesAnnotations.id] ||
      annotations[kubernetesAnnotations.labelSelector],
  );
}
