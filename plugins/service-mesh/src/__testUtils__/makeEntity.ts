import { Entity } from '@backstage/catalog-model';

/**
 * Builds a `Component` entity named `checkout` for tests with the given
 * annotations.
 *
 * @internal
 */
export function makeEntity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}
