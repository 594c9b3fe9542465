import type { WorkloadPolicy } from '@meshlens/plugin-service-mesh-common';

type Backend = WorkloadPolicy['httpRoutes'][number]['backends'][number];

/**
 * Formats the backends of an HTTPRoute with each one's share of the traffic,
 * computed from the weights, e.g. `cart 90 % · cart-v2 10 %`; `—` without
 * backends.
 *
 * @internal
 */
export function formatBackends(backends: Backend[]): string {
  if (backends.length === 0) {
    return '—';
  }
  const total = backends.reduce((sum, backend) => sum + backend.weight, 0);
  return backends
    .map(backend => {
      const name =
        backend.port === undefined
          ? backend.name
          : `${backend.name}:${backend.port}`;
      const share = total > 0 ? (backend.weight / total) * 100 : 0;
      return `${name} ${Number(share.toFixed(1))} %`;
    })
    .join(' · ');
}
